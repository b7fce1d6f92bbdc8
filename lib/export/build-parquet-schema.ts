import type { SchemaElement } from "hyparquet-writer";
import type { TColumn, TScalarType } from "./columns";

type TRepetition = "REQUIRED" | "OPTIONAL";

function scalarElement(name: string, type: TScalarType, repetition_type: TRepetition): SchemaElement {
  switch (type) {
    case "string":
      return { name, type: "BYTE_ARRAY", converted_type: "UTF8", repetition_type };
    case "json":
      return { name, type: "BYTE_ARRAY", converted_type: "JSON", repetition_type };
    case "double":
      return { name, type: "DOUBLE", repetition_type };
    case "int":
      return { name, type: "INT32", repetition_type };
    case "boolean":
      return { name, type: "BOOLEAN", repetition_type };
  }
}

/**
 * An explicit Parquet schema, so every row group (and an empty file) has the same types whatever
 * the data: margin stays DOUBLE even when every value is a whole number. Lists use the standard
 * three-level LIST layout that Arrow and `datasets` read as list<…>.
 */
export function buildParquetSchema(columns: TColumn[]): SchemaElement[] {
  const schema: SchemaElement[] = [{ name: "root", num_children: columns.length }];
  for (const { name, type, nullable } of columns) {
    const repetition: TRepetition = nullable ? "OPTIONAL" : "REQUIRED";
    if (typeof type === "string") {
      schema.push(scalarElement(name, type, repetition));
      continue;
    }
    schema.push({ name, repetition_type: repetition, converted_type: "LIST", num_children: 1 });
    schema.push({ name: "list", repetition_type: "REPEATED", num_children: 1 });
    if ("list" in type) {
      schema.push(scalarElement("element", type.list, "REQUIRED"));
    } else {
      schema.push({ name: "element", repetition_type: "REQUIRED", num_children: type.listOfStruct.length });
      for (const field of type.listOfStruct) schema.push(scalarElement(field.name, field.type, field.nullable ? "OPTIONAL" : "REQUIRED"));
    }
  }
  return schema;
}

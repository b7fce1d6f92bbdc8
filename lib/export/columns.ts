/** Column layouts shared by the Parquet and CSV writers; JSONL rows follow the same key order. */
export type TScalarType = "string" | "double" | "int" | "boolean" | "json";
export type TStructField = { name: string; type: TScalarType; nullable: boolean };
export type TColumnType = TScalarType | { list: TScalarType } | { listOfStruct: TStructField[] };
export type TColumn = {
  name: string;
  type: TColumnType;
  nullable: boolean;
  /** Values repeat across rows (a prompt shared by its pairs): Parquet stores each once per row group. */
  isRepeated?: boolean;
};

export function column(name: string, type: TColumnType, nullable = false, isRepeated = false): TColumn {
  return isRepeated ? { name, type, nullable, isRepeated } : { name, type, nullable };
}

/** Chat messages as TRL's conversational form: [{role, content}]. */
export const MESSAGES: TColumnType = {
  listOfStruct: [
    { name: "role", type: "string", nullable: false },
    { name: "content", type: "string", nullable: false },
  ],
};

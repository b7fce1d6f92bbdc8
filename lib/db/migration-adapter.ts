import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

// prisma/orm#27403: the pg adapter rejects the catalog types `name` (oid 19) and `"char"` (oid 18)
// that the schema engine reads while migrating. Reporting them as `text` (oid 25) is enough.
const CATALOG_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

type FieldHolder = { fields?: Array<{ dataTypeID: number }> };

function retypeFields<T>(result: T): T {
  const fields = (result as FieldHolder | undefined)?.fields;
  if (Array.isArray(fields)) {
    for (const field of fields) if (CATALOG_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
  return result;
}

type AnyQuery = (...args: unknown[]) => unknown;

function wrapQuery(original: AnyQuery, self: unknown): AnyQuery {
  return (...args: unknown[]) => {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      const callback = last as (err: unknown, res: unknown) => void;
      args[args.length - 1] = (err: unknown, res: unknown) => callback(err, err ? res : retypeFields(res));
      return original.apply(self, args);
    }
    const out = original.apply(self, args);
    if (out && typeof (out as Promise<unknown>).then === "function") {
      return (out as Promise<unknown>).then(retypeFields);
    }
    return out;
  };
}

class CatalogSafePool extends pg.Pool {
  constructor(config: pg.PoolConfig) {
    super(config);
    this.on("connect", (client) => {
      const c = client as unknown as { query: AnyQuery };
      c.query = wrapQuery(c.query, client);
    });
  }
}

export function createMigrationAdapter(connectionString = process.env.DATABASE_URL): PrismaPg {
  if (!connectionString) throw new Error("DATABASE_URL is not set: run through `npm run db:migrate`, which starts the embedded Postgres");
  return new PrismaPg(new CatalogSafePool({ connectionString, max: 2 }));
}

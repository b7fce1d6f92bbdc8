import path from "node:path";
import { defineConfig } from "prisma/config";
import { createMigrationAdapter } from "./lib/db/migration-adapter";

// Prisma's WebAssembly schema engine talks to Postgres through the pg adapter, so migrate works
// without downloading Prisma's Rust engines (see ../shared/OFFLINE_BUILD.md).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations"), seed: "tsx scripts/seed.ts" },
  adapter: async () => createMigrationAdapter(),
});

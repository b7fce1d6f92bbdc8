// `npm run cli -- <command>`: first set-up and automation, against DATABASE_URL or the embedded Postgres.
import { parseArgs } from "node:util";
import { resolveDatabase } from "../lib/db/local-database";

const USAGE = `usage:
  npm run cli -- user:create --email E --role ADMIN|TRAINER|ANNOTATOR [--password P] [--name N]
  npm run cli -- token:create --email E [--label L]`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: { email: { type: "string" }, role: { type: "string" }, password: { type: "string" }, name: { type: "string" }, label: { type: "string" } },
    strict: true,
  });
  if (command !== "user:create" && command !== "token:create") {
    console.error(USAGE);
    return 2;
  }
  const db = await resolveDatabase();
  try {
    if (command === "user:create") {
      const { createUser } = await import("../lib/users/create-user");
      const user = await createUser({ input: { email: values.email ?? "", role: (values.role ?? "") as "ADMIN", password: values.password, name: values.name } });
      console.log(`created ${user.role} ${user.email} (${user.id})`);
    } else {
      const { findUserByEmail } = await import("../lib/users/find-user-by-email");
      const { createApiToken } = await import("../lib/tokens/create-api-token");
      const user = await findUserByEmail({ email: values.email ?? "" });
      const token = await createApiToken({ userId: user.id, label: values.label ?? "cli" });
      console.log(`token for ${user.email} (${user.role}); shown once, store it now:`);
      console.log(token.secret);
    }
    return 0;
  } finally {
    const { getPool } = await import("../lib/db/client");
    await getPool().end();
    await db.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const e = error as { message?: string; issues?: Array<{ path: unknown[]; message: string }> };
    if (e.issues) for (const i of e.issues) console.error(`${i.path.join(".")}: ${i.message}`);
    else console.error(e.message ?? String(error));
    process.exit(1);
  },
);

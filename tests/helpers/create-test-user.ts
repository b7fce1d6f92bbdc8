import type { TCaller, TRole } from "@/lib/auth/caller";
import { createUser } from "@/lib/users/create-user";
import { uniqueId } from "./unique-id";

// A user and the caller object lib functions take, as if it came in with an API token.
export async function createTestUser(opts: { role?: TRole; name?: string } = {}): Promise<TCaller> {
  const role = opts.role ?? "ANNOTATOR";
  const email = `${uniqueId(role.toLowerCase())}@test.example`;
  const user = await createUser({ input: { email, role, name: opts.name } });
  return { id: user.id, email: user.email, name: user.name, role: user.role, via: "token" };
}

export async function createTestUsers(count: number, role: TRole = "ANNOTATOR"): Promise<TCaller[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => createTestUser({ role, name: `${role.toLowerCase()} ${i + 1}` })));
}

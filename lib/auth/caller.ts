export type TRole = "ADMIN" | "TRAINER" | "ANNOTATOR";
export type TCaller = { id: string; email: string; name: string | null; role: TRole; via: "session" | "token"; tokenId?: string };

export const ROLE_HOME: Record<TRole, string> = { ADMIN: "/admin", TRAINER: "/train", ANNOTATOR: "/annotate" };

export function hasRole(caller: Pick<TCaller, "role">, roles: readonly TRole[]): boolean {
  return roles.includes(caller.role);
}

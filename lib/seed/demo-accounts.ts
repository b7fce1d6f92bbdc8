export const DEMO_PASSWORD = "demo1234";

export const DEMO_ACCOUNTS = [
  { email: "admin@example.com", name: "Ada Admin", role: "ADMIN" },
  { email: "trainer@example.com", name: "Tom Trainer", role: "TRAINER" },
  { email: "ann1@example.com", name: "Ann One", role: "ANNOTATOR" },
  { email: "ann2@example.com", name: "Ben Two", role: "ANNOTATOR" },
  { email: "ann3@example.com", name: "Cleo Three", role: "ANNOTATOR" },
] as const;

export function demoLoginsText(): string {
  return [
    "Demo logins (password for all: " + DEMO_PASSWORD + "):",
    ...DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(9)} ${a.email}`),
  ].join("\n");
}

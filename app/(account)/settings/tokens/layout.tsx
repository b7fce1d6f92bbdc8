import { requirePageRole } from "@/lib/auth/require-page-role";
import { AppHeader } from "@/components/layout/app-header";

export default async function TokensLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageRole(["ADMIN", "TRAINER", "ANNOTATOR"], "/settings/tokens");
  return (
    <>
      <AppHeader user={user} />
      {children}
    </>
  );
}

import { requirePageRole } from "@/lib/auth/require-page-role";
import { AppHeader } from "@/components/layout/app-header";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageRole(["ADMIN"], "/admin");
  return (
    <>
      <AppHeader user={user} />
      {children}
    </>
  );
}

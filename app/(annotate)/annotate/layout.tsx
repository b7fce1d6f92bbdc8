import { requirePageRole } from "@/lib/auth/require-page-role";
import { AppHeader } from "@/components/layout/app-header";

export default async function AnnotateLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageRole(["ANNOTATOR", "ADMIN"], "/annotate");
  return (
    <>
      <AppHeader user={user} />
      {children}
    </>
  );
}

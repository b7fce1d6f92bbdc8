import { requirePageRole } from "@/lib/auth/require-page-role";
import { AppHeader } from "@/components/layout/app-header";

export default async function TrainLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageRole(["TRAINER", "ADMIN"], "/train");
  return (
    <>
      <AppHeader user={user} />
      {children}
    </>
  );
}

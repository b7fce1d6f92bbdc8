import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/auth/get-session-user";
import { ROLE_HOME } from "@/lib/auth/caller";

export default async function Home() {
  const user = await getSessionUser();
  redirect(user ? ROLE_HOME[user.role] : "/signin");
}

import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = { title: "CodeJudge", description: "Expert judgments of model-written code, turned into preference data" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-full">{children}</body>
    </html>
  );
}

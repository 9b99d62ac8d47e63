# One multi-stage build for every service: `docker compose build` picks a target per service.
# TypeScript runs through tsx, so the runtime image is the workspace with production and tool dependencies.

FROM node:20-bookworm-slim AS workspace
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH CI=true
RUN npm install -g pnpm@10.34.9
WORKDIR /app
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json turbo.json tsconfig.base.json vitest.shared.ts biome.json ./
COPY packages/db/package.json packages/db/
COPY packages/api/package.json packages/api/
COPY packages/worker/package.json packages/worker/
COPY packages/web/package.json packages/web/
COPY packages/domain/package.json packages/domain/
COPY packages/jobs/package.json packages/jobs/
COPY packages/ai/package.json packages/ai/
COPY packages/seed/package.json packages/seed/
# The db package's postinstall generates the Prisma client, so its schema and scripts come first.
COPY packages/db/prisma packages/db/prisma
COPY packages/db/scripts packages/db/scripts
COPY packages/db/prisma.config.ts packages/db/
COPY packages/db/src/pool-config.ts packages/db/src/
RUN pnpm install --frozen-lockfile
COPY packages packages

FROM workspace AS web-build
RUN pnpm --filter @edu/web build

# Applies migrations once per deployment as the owner (MIGRATION_DATABASE_URL), then creates or updates the
# application role named in DATABASE_URL and grants it rows only; api and worker start after it succeeds.
FROM workspace AS migrate
ENV NODE_ENV=production
CMD ["pnpm", "--filter", "@edu/db", "db:deploy"]

FROM workspace AS api
ENV NODE_ENV=production API_HOST=0.0.0.0 API_PORT=3000 WEB_DIST_DIR=/app/packages/web/dist
COPY --from=web-build /app/packages/web/dist packages/web/dist
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:3000/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["pnpm", "--filter", "@edu/api", "start"]

FROM workspace AS worker
ENV NODE_ENV=production
CMD ["pnpm", "--filter", "@edu/worker", "start"]

# The SPA as static files; /trpc is forwarded to the api so the session cookie stays first-party.
FROM nginx:1.27-alpine AS web
COPY packages/web/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=web-build /app/packages/web/dist /usr/share/nginx/html
EXPOSE 80

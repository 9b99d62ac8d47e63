# One multi-stage build for every service: `docker compose build` picks a target per service.
# The api and worker run compiled JavaScript (`pnpm build`: esbuild bundles per package into dist/, see
# scripts/build.mjs) with NODE_ENV=production and `--conditions=edu-compiled`, which makes the workspace libraries
# resolve to their dist/ instead of their TypeScript sources; nothing runs through tsx. Only `migrate` keeps the
# full workspace, for the Prisma CLI.

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
COPY packages/e2e/package.json packages/e2e/
# The db package's postinstall generates the Prisma client, so its schema and scripts come first.
COPY packages/db/prisma packages/db/prisma
COPY packages/db/scripts packages/db/scripts
COPY packages/db/prisma.config.ts packages/db/
COPY packages/db/src/pool-config.ts packages/db/src/
RUN pnpm install --frozen-lockfile
COPY scripts/build.mjs scripts/
COPY packages packages

# The libraries, the api and the worker compiled to dist/ (in dependency order; the Prisma client generated above is
# bundled into packages/db/dist).
FROM workspace AS build
RUN pnpm --filter "@edu/api..." --filter "@edu/worker..." run build

FROM workspace AS web-build
RUN pnpm --filter @edu/web build

# Production dependencies only, linked exactly as in the workspace (install scripts off: the Prisma client is
# already compiled into @edu/db's dist/).
FROM node:20-bookworm-slim AS prod-deps
ENV PNPM_HOME=/pnpm PATH=/pnpm:$PATH CI=true
RUN npm install -g pnpm@10.34.9
WORKDIR /app
COPY pnpm-lock.yaml pnpm-workspace.yaml package.json ./
COPY packages/db/package.json packages/db/
COPY packages/api/package.json packages/api/
COPY packages/worker/package.json packages/worker/
COPY packages/web/package.json packages/web/
COPY packages/domain/package.json packages/domain/
COPY packages/jobs/package.json packages/jobs/
COPY packages/ai/package.json packages/ai/
COPY packages/seed/package.json packages/seed/
COPY packages/e2e/package.json packages/e2e/
RUN pnpm install --frozen-lockfile --prod --ignore-scripts

# Applies migrations once per deployment as the owner (MIGRATION_DATABASE_URL), then creates or updates the
# application role named in DATABASE_URL and grants it rows only; api and worker start after it succeeds.
FROM workspace AS migrate
ENV NODE_ENV=production
CMD ["pnpm", "--filter", "@edu/db", "db:deploy"]

# Production dependencies, the compiled libraries and api, the migrations (for /readyz) and the built SPA.
FROM node:20-bookworm-slim AS api
ENV NODE_ENV=production API_HOST=0.0.0.0 API_PORT=3000 WEB_DIST_DIR=/app/packages/web/dist
WORKDIR /app
COPY --from=prod-deps /app ./
COPY --from=build /app/packages/domain/dist packages/domain/dist
COPY --from=build /app/packages/db/dist packages/db/dist
COPY --from=build /app/packages/db/prisma/migrations packages/db/prisma/migrations
COPY --from=build /app/packages/jobs/dist packages/jobs/dist
COPY --from=build /app/packages/ai/dist packages/ai/dist
COPY --from=build /app/packages/api/dist packages/api/dist
COPY --from=web-build /app/packages/web/dist packages/web/dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --retries=5 CMD node -e "fetch('http://127.0.0.1:3000/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "--conditions=edu-compiled", "packages/api/dist/main.js"]

# Production dependencies and the compiled libraries and worker.
FROM node:20-bookworm-slim AS worker
ENV NODE_ENV=production
WORKDIR /app
COPY --from=prod-deps /app ./
COPY --from=build /app/packages/domain/dist packages/domain/dist
COPY --from=build /app/packages/db/dist packages/db/dist
COPY --from=build /app/packages/jobs/dist packages/jobs/dist
COPY --from=build /app/packages/ai/dist packages/ai/dist
COPY --from=build /app/packages/worker/dist packages/worker/dist
USER node
CMD ["node", "--conditions=edu-compiled", "packages/worker/dist/main.js"]

# The SPA as static files; /trpc is forwarded to the api so the session cookie stays first-party.
FROM nginx:1.27-alpine AS web
COPY packages/web/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=web-build /app/packages/web/dist /usr/share/nginx/html
EXPOSE 80

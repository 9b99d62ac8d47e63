import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import fastifyCookie from "@fastify/cookie";
import fastifyCors from "@fastify/cors";
import fastifyStatic from "@fastify/static";
import type { FastifyTRPCPluginOptions } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyBaseLogger, LogController } from "fastify";
import { createContextFactory } from "./context";
import type { ApiDeps } from "./deps";
import { registerCsrfGuard } from "./http/csrf";
import { registerHealthRoutes } from "./http/health";
import { registerResourceGauges } from "./http/metrics";
import { registerRequestLimits } from "./http/request-limits";
import { registerSecurityHeaders } from "./http/security-headers";
import { registerTrpcRoute } from "./http/trpc-route";
import { type AppRouter, appRouter } from "./root";

const SLOW_REQUEST_MS = 1_000;

const requestForLog = (req: { method: string; url: string; id: string }) => ({
  id: req.id,
  method: req.method,
  path: req.url.split("?", 1)[0],
});

/** The HTTP server: tRPC at /trpc, health and metrics, security headers, CORS for the web origin, the SPA in production. */
export async function buildServer(deps: ApiDeps) {
  const app = Fastify({
    // Request logs carry the path only: query strings hold GET inputs, passwords and tokens among them.
    loggerInstance: deps.log.child({}, { serializers: { req: requestForLog } }) as FastifyBaseLogger,
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    // Two info lines per request cost more than the cached reads they describe: requests are logged by the
    // hook below when they fail or are slow, each with its id.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: deps.config.TRUST_PROXY,
    bodyLimit: 1_048_576,
    routerOptions: { maxParamLength: 5_000 },
  });
  // Callback hooks, not async ones: they run on every request, and a promise each is measurable there.
  app.addHook("onSend", (req, reply, payload, done) => {
    reply.header("x-request-id", req.id);
    done(null, payload);
  });
  app.addHook("onResponse", (req, reply, done) => {
    const ms = reply.elapsedTime;
    if (reply.statusCode >= 500) req.log.error({ req, status: reply.statusCode, ms }, "request failed");
    else if (ms > SLOW_REQUEST_MS) req.log.warn({ req, status: reply.statusCode, ms }, "slow request");
    done();
  });

  await registerSecurityHeaders(app, {
    // The SPA is our own bundle: same-origin scripts only, no inline code.
    contentSecurityPolicy: { directives: { "script-src": ["'self'"], "connect-src": ["'self'"] } },
  });
  await app.register(fastifyCors, { origin: [deps.config.WEB_ORIGIN], credentials: true });
  await app.register(fastifyCookie);
  registerCsrfGuard(app, [deps.config.WEB_ORIGIN]);
  registerRequestLimits(app, deps);

  registerResourceGauges(deps.pool, deps.queues);
  registerHealthRoutes(app, deps);

  await registerTrpcRoute(app, "/trpc", {
    router: appRouter,
    createContext: createContextFactory(deps),
    maxBatchSize: deps.config.MAX_BATCH_SIZE,
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        deps.log.error({ err: error.cause ?? error, path }, "trpc error");
    },
  } satisfies FastifyTRPCPluginOptions<AppRouter>["trpcOptions"]);

  const dist = deps.config.WEB_DIST_DIR;
  if (deps.config.NODE_ENV === "production" && dist && existsSync(dist)) {
    await app.register(fastifyStatic, { root: dist, wildcard: false });
    // Client-side routes fall back to the SPA's index.html.
    app.setNotFoundHandler((req, reply) =>
      req.method === "GET" && !req.url.startsWith("/trpc")
        ? reply.sendFile("index.html")
        : reply.code(404).send({ error: "Not found" }),
    );
  }
  return app;
}

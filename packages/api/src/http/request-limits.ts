import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import superjson from "superjson";
import { SESSION_COOKIE } from "../context";
import type { ApiDeps } from "../deps";
import { jsonShapeProblem } from "./json-shape";
import { searchParams } from "./search-params";

/** Without a session only sign-in takes input: its body is an e-mail and a password. */
export const UNAUTHENTICATED_BODY_LIMIT = 8 * 1024;
/** Our inputs are shallow; superjson's meta adds a few levels. */
const JSON_LIMITS = { maxDepth: 24, maxItems: 20_000 };

const hasSession = (req: FastifyRequest) =>
  Boolean(
    req.headers.authorization?.startsWith("Bearer ") || req.headers.cookie?.includes(`${SESSION_COOKIE}=`),
  );
const procedurePaths = (req: FastifyRequest) =>
  decodeURIComponent(req.url.slice("/trpc/".length).split("?", 1)[0] ?? "").split(",");

/** Answers like a tRPC error (one per call of a batch), before tRPC has parsed anything. */
function refuse(req: FastifyRequest, reply: FastifyReply, error: TRPCError) {
  const paths = procedurePaths(req);
  const shape = (path: string) =>
    superjson.serialize({
      message: error.message,
      code: TRPC_ERROR_CODES_BY_KEY[error.code],
      data: { code: error.code, httpStatus: getHTTPStatusCodeFromError(error), path },
    });
  const isBatch = searchParams(req.url).get("batch") === "1";
  const body = isBatch ? paths.map((path) => ({ error: shape(path) })) : { error: shape(paths[0] ?? "") };
  return reply.code(getHTTPStatusCodeFromError(error)).send(body);
}

/**
 * Limits checked before the work they protect: an unauthenticated body's size before it is read, the per-IP
 * sign-in limit before the body is parsed, and every input's nesting and size before JSON.parse and superjson
 * see it (a 300,000-deep array once cost 0.4 s of event loop each).
 */
export function registerRequestLimits(app: FastifyInstance, deps: ApiDeps) {
  app.addHook("onRequest", async (req, reply) => {
    if (!req.url.startsWith("/trpc/")) return;
    if (!hasSession(req) && req.method === "POST") {
      const length = req.headers["content-length"];
      if (length === undefined || Number(length) > UNAUTHENTICATED_BODY_LIMIT)
        return refuse(
          req,
          reply,
          new TRPCError({ code: "PAYLOAD_TOO_LARGE", message: "Request body too large" }),
        );
    }
    if (procedurePaths(req).includes("auth.login")) {
      try {
        await deps.consumeLoginAttemptFromIp(req.ip);
      } catch (error) {
        if (error instanceof TRPCError) return refuse(req, reply, error);
        throw error;
      }
    }
  });
  app.addHook("preHandler", async (req, reply) => {
    if (!req.url.startsWith("/trpc/")) return;
    const raw = typeof req.body === "string" ? req.body : (searchParams(req.url).get("input") ?? "");
    const problem = jsonShapeProblem(raw, JSON_LIMITS);
    if (problem)
      return refuse(req, reply, new TRPCError({ code: "BAD_REQUEST", message: `input: ${problem}` }));
  });
}

// tRPC's building blocks: the procedures every router uses (public, authed, per role), the error shape,
// and the middleware that turns database errors into client errors without leaking internals.
import { Prisma, type Role } from "@edu/db";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { type Actor, type Context, setSessionCookie } from "./context";
import { observeProcedure } from "./http/metrics";

/** superjson's annotations cost work per entry; no input of ours needs more than a few (dates, undefined). */
const MAX_META_ENTRIES = 1_000;

function countEntries(value: unknown, budget: number): number {
  if (value === null || typeof value !== "object") return 0;
  let n = 0;
  for (const child of Object.values(value)) {
    n += 1 + countEntries(child, budget - n);
    if (n > budget) break;
  }
  return n;
}

/** superjson, refusing inputs whose annotations would make deserialising expensive. */
const boundedInput = {
  serialize: superjson.serialize,
  deserialize(payload: unknown) {
    const meta = (payload as { meta?: unknown } | null)?.meta;
    if (countEntries(meta, MAX_META_ENTRIES) > MAX_META_ENTRIES)
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `input: more than ${MAX_META_ENTRIES} type annotations`,
      });
    return superjson.deserialize(payload as Parameters<typeof superjson.deserialize>[0]);
  },
};

const UNSAFE_KEYS = new Set(["__proto__", "prototype", "constructor"]);

/**
 * Whether superjson would answer `{ json: value }` unchanged: only null, strings, booleans, finite numbers (not
 * -0), and dense arrays and plain objects of those. Most answers are such, and this check costs a fraction of
 * superjson's walk, which builds paths and annotations for every value.
 */
export function isPlainJson(value: unknown, depth = 0): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0);
    case "object": {
      if (depth > 32) return false;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++)
          if (!(i in value) || !isPlainJson(value[i], depth + 1)) return false;
        return Object.getPrototypeOf(value) === Array.prototype;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      if (Object.getOwnPropertySymbols(value).length > 0) return false;
      for (const key of Object.keys(value)) {
        // superjson refuses these keys (prototype pollution): such values take its path and its error.
        if (UNSAFE_KEYS.has(key) || !isPlainJson((value as Record<string, unknown>)[key], depth + 1))
          return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/** superjson for answers, skipping its walk when the answer is plain JSON (the output is the same). */
export const plainFirstOutput = {
  serialize: (value: unknown) => (isPlainJson(value) ? { json: value } : superjson.serialize(value)),
  deserialize: superjson.deserialize,
};

const t = initTRPC.context<Context>().create({
  transformer: { input: boundedInput, output: plainFirstOutput },
  errorFormatter({ shape, error }) {
    const zod = error.cause instanceof ZodError ? error.cause : null;
    return {
      ...shape,
      // A bad input names each field and what is wrong with it.
      message: zod
        ? zod.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")
        : shape.message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        fieldErrors: zod
          ? zod.issues.map((i) => ({ path: i.path.join("."), message: i.message }))
          : undefined,
      },
    };
  },
});

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const createCallerFactory = t.createCallerFactory;

/** Maps what PostgreSQL/Prisma can throw to client errors; anything unknown becomes a bare 500 message. */
function toClientError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2025") return new TRPCError({ code: "NOT_FOUND", message: "Not found" });
    if (error.code === "P2002") return new TRPCError({ code: "CONFLICT", message: "Already exists" });
    if (error.code === "P2003")
      return new TRPCError({ code: "BAD_REQUEST", message: "A referenced record does not exist" });
  }
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Internal error", cause: error });
}

const baseProcedure = t.procedure.use(async ({ ctx, path, type, next }) => {
  const started = process.hrtime.bigint();
  let result = await next();
  // tRPC wraps anything that is not a TRPCError as INTERNAL_SERVER_ERROR with the original as its cause.
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR") {
    const mapped = toClientError(result.error.cause);
    if (mapped.code === "INTERNAL_SERVER_ERROR")
      ctx.deps.log.error({ err: result.error.cause, path }, "procedure failed");
    result = { ...result, error: mapped };
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  observeProcedure(path, type, result.ok ? "OK" : result.error.code, seconds);
  return result;
});

export const publicProcedure = baseProcedure;

/** Resolves the session (sliding its TTL) and the caller; UNAUTHORIZED without one, SERVICE_UNAVAILABLE when Redis is away. */
export const authedProcedure = baseProcedure.use(async ({ ctx, type, next }) => {
  if (!ctx.token) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in first" });
  let session: Awaited<ReturnType<typeof ctx.deps.redis.sessions.touch>>;
  try {
    session = await ctx.deps.redis.sessions.touch(ctx.token);
  } catch (error) {
    ctx.deps.log.warn({ err: error }, "session store unreachable");
    throw new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: "Sessions cannot be checked right now; try again shortly",
    });
  }
  if (!session)
    throw new TRPCError({ code: "UNAUTHORIZED", message: "Session expired or unknown; sign in again" });
  // A cookie session slides: its cookie lives as long as the session, from this request on.
  if (ctx.tokenSource === "cookie") setSessionCookie(ctx, ctx.token);
  // Who the caller is was stored with the session at sign-in: no database read on the hot path.
  const actor: Actor = {
    userId: session.userId,
    role: session.role as Role,
    institutionId: session.institutionId,
    studentId: session.studentId,
  };
  // Every change counts against its user's per-minute limit (a batch of 260 profile updates once went through).
  if (type === "mutation") await ctx.deps.consumeMutation(actor.userId);
  return next({ ctx: { ...ctx, token: ctx.token, actor, sessionProfile: session.profile } });
});

export type AuthedContext = Context & { token: string; actor: Actor; sessionProfile?: unknown };

/** A procedure only the given roles may call; others get FORBIDDEN. */
export function roleProcedure(...roles: Role[]) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.actor.role)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `Only ${roles.join(" or ").toLowerCase()} accounts may do this`,
      });
    }
    return next();
  });
}

export const studentProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== "STUDENT" || !ctx.actor.studentId) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only student accounts may do this" });
  }
  return next({ ctx: { ...ctx, actor: { ...ctx.actor, studentId: ctx.actor.studentId } } });
});

export const adminProcedure = roleProcedure("ADMIN");

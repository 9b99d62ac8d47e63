// tRPC's building blocks: the procedures every router uses (public, authed, per role), the error shape,
// and the middleware that turns database errors into client errors without leaking internals.
import { Prisma, type Role } from "@edu/db";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { serializeAnswer } from "./answer-serializer";
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
    // In place: the payload was parsed from this request's JSON just now, so superjson need not copy it first.
    return superjson.deserialize(payload as Parameters<typeof superjson.deserialize>[0], { inPlace: true });
  },
};

/** superjson for answers, skipping its walk when the answer is plain JSON, Dates allowed (the output is the same). */
export const plainFirstOutput = {
  serialize: serializeAnswer,
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

const secondsSince = (started: bigint) => Number(process.hrtime.bigint() - started) / 1e9;

/** A client error for what a procedure threw; an unexpected one is logged (it becomes a bare 500). */
function mapThrown(ctx: Context, path: string, cause: unknown): TRPCError {
  const mapped = toClientError(cause);
  if (mapped.code === "INTERNAL_SERVER_ERROR") ctx.deps.log.error({ err: cause, path }, "procedure failed");
  return mapped;
}

/** Maps a finished call's error to a client error and records the call's duration and outcome. */
function settle<R extends { ok: true } | { ok: false; error: TRPCError }>(
  ctx: Context,
  path: string,
  type: string,
  started: bigint,
  result: R,
): R {
  // tRPC wraps anything that is not a TRPCError as INTERNAL_SERVER_ERROR with the original as its cause.
  const settled =
    !result.ok && result.error.code === "INTERNAL_SERVER_ERROR"
      ? { ...result, error: mapThrown(ctx, path, result.error.cause) }
      : result;
  observeProcedure(path, type, settled.ok ? "OK" : settled.error.code, secondsSince(started));
  return settled;
}

export const publicProcedure = t.procedure.use(async ({ ctx, path, type, next }) =>
  settle(ctx, path, type, process.hrtime.bigint(), await next()),
);

/** What an authenticated call adds to the context. */
type Authenticated<A extends Actor> = {
  token: string;
  actor: A;
  sessionProfile?: unknown;
  /** The caller's readable class ids when cached, read with the session. */
  readableClasses?: string[];
};

/** Resolves the session (sliding its TTL) and the caller; UNAUTHORIZED without one, SERVICE_UNAVAILABLE when Redis is away. */
async function authenticate(ctx: Context, type: string): Promise<Authenticated<Actor>> {
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
  return {
    token: ctx.token,
    actor,
    sessionProfile: session.profile,
    readableClasses: session.readableClasses,
  };
}

/**
 * A procedure for signed-in callers that `admit` lets in (it throws FORBIDDEN for others, and may narrow the
 * actor). Authentication, admission, error mapping and metrics are one middleware: each link of tRPC's chain
 * copies the call's options, which showed in the profile of cached reads.
 */
function authedWith<A extends Actor>(admit: (actor: Actor) => A) {
  return t.procedure.use(async ({ ctx, path, type, next }) => {
    const started = process.hrtime.bigint();
    let authenticated: Authenticated<A>;
    try {
      const found = await authenticate(ctx, type);
      authenticated = { ...found, actor: admit(found.actor) };
    } catch (cause) {
      const error = mapThrown(ctx, path, cause);
      observeProcedure(path, type, error.code, secondsSince(started));
      throw error;
    }
    return settle(ctx, path, type, started, await next({ ctx: authenticated }));
  });
}

export const authedProcedure = authedWith((actor) => actor);

export type AuthedContext = Context & Authenticated<Actor>;

/** A procedure only the given roles may call; others get FORBIDDEN. */
export function roleProcedure(...roles: Role[]) {
  return authedWith((actor) => {
    if (!roles.includes(actor.role)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `Only ${roles.join(" or ").toLowerCase()} accounts may do this`,
      });
    }
    return actor;
  });
}

export const studentProcedure = authedWith((actor) => {
  if (actor.role !== "STUDENT" || !actor.studentId) {
    throw new TRPCError({ code: "FORBIDDEN", message: "Only student accounts may do this" });
  }
  return { ...actor, studentId: actor.studentId };
});

export const adminProcedure = roleProcedure("ADMIN");

// Brings in @fastify/cookie's request/reply typings (req.cookies, reply.setCookie) wherever this file is type-checked.

import type { Role } from "@edu/db";
import type {} from "@fastify/cookie";
import type { CreateFastifyContextOptions } from "@trpc/server/adapters/fastify";
import type { ApiDeps } from "./deps";

export const SESSION_COOKIE = "edu_session";

/** Who is calling: resolved from the session by the authed middleware, never from client input. */
export type Actor = {
  userId: string;
  role: Role;
  institutionId: string;
  /** Set when the actor is a student. */
  studentId: string | null;
};

export type Context = {
  deps: ApiDeps;
  req: CreateFastifyContextOptions["req"];
  res: CreateFastifyContextOptions["res"];
  /** The bearer token or session cookie the request carried, if any. */
  token: string | null;
  /** Where the token came from: a cookie session slides its cookie's lifetime with the session. */
  tokenSource: "bearer" | "cookie" | null;
  ip: string;
};

export function tokenFromRequest(
  req: CreateFastifyContextOptions["req"],
): Pick<Context, "token" | "tokenSource"> {
  const header = req.headers.authorization;
  if (header?.startsWith("Bearer ")) {
    const token = header.slice("Bearer ".length).trim() || null;
    return { token, tokenSource: token ? "bearer" : null };
  }
  const cookie = req.cookies?.[SESSION_COOKIE] ?? null;
  return { token: cookie, tokenSource: cookie ? "cookie" : null };
}

/** The httpOnly session cookie, living exactly as long as the session it carries. */
export function setSessionCookie(ctx: Pick<Context, "deps" | "res">, token: string) {
  ctx.res.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: ctx.deps.config.NODE_ENV === "production",
    path: "/",
    maxAge: ctx.deps.redis.sessions.ttlSeconds,
  });
}

export const clearSessionCookie = (ctx: Pick<Context, "res">) =>
  ctx.res.clearCookie(SESSION_COOKIE, { path: "/" });

export function createContextFactory(deps: ApiDeps) {
  return ({ req, res }: CreateFastifyContextOptions): Context => ({
    deps,
    req,
    res,
    ...tokenFromRequest(req),
    ip: req.ip,
  });
}

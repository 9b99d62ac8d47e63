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
  ip: string;
};

export function tokenFromRequest(req: CreateFastifyContextOptions["req"]): string | null {
  const header = req.headers.authorization;
  if (header?.startsWith("Bearer ")) return header.slice("Bearer ".length).trim() || null;
  return req.cookies?.[SESSION_COOKIE] ?? null;
}

export function createContextFactory(deps: ApiDeps) {
  return ({ req, res }: CreateFastifyContextOptions): Context => ({
    deps,
    req,
    res,
    token: tokenFromRequest(req),
    ip: req.ip,
  });
}

import type { FastifyInstance } from "fastify";
import { SESSION_COOKIE } from "../context";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie CSRF guard for /trpc. A request that changes something and authenticates with the session cookie must
 * come from the web app: an allowed Origin (or, without one, `Sec-Fetch-Site: same-origin`) and a JSON body,
 * which a cross-site form cannot send without a CORS preflight. Bearer requests carry no ambient authority and
 * pass untouched.
 */
export function registerCsrfGuard(app: FastifyInstance, allowedOrigins: string[]) {
  app.addHook("onRequest", async (req, reply) => {
    if (SAFE_METHODS.has(req.method) || !req.url.startsWith("/trpc")) return;
    if (req.headers.authorization?.startsWith("Bearer ")) return;
    if (!req.headers.cookie?.includes(`${SESSION_COOKIE}=`)) return;
    const origin = req.headers.origin;
    const sameSite = req.headers["sec-fetch-site"] === "same-origin";
    if (origin ? !allowedOrigins.includes(origin) && !sameSite : !sameSite) {
      return reply.code(403).send({ error: "Cross-site request refused: sign in from the web app" });
    }
    if (!req.headers["content-type"]?.toLowerCase().startsWith("application/json")) {
      return reply.code(415).send({ error: "Requests must send JSON (content-type: application/json)" });
    }
  });
}

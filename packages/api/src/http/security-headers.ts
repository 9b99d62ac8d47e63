// Security headers from @fastify/helmet, worked out once: the plugin builds helmet's middleware (parsing the
// CSP directives again) on every request, though with our fixed options (no nonces, no per-route settings) every
// response gets the same headers. A private Fastify instance with the plugin and the same options answers one
// request at start-up; each request then gets exactly the headers helmet set on it.

import type { OutgoingHttpHeaders } from "node:http";
import fastifyHelmet, { type FastifyHelmetOptions } from "@fastify/helmet";
import Fastify, { type FastifyInstance } from "fastify";

export async function helmetHeaders(options: FastifyHelmetOptions): Promise<[string, string | string[]][]> {
  const probe = Fastify();
  await probe.register(fastifyHelmet, options);
  let headers: OutgoingHttpHeaders = {};
  probe.get("/", (_req, reply) => {
    headers = reply.raw.getHeaders();
    return reply.send("");
  });
  await probe.inject({ method: "GET", url: "/" });
  await probe.close();
  return Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value : String(value)]);
}

/** Sets helmet's headers (for `options`) on every response, as the plugin would. */
export async function registerSecurityHeaders(app: FastifyInstance, options: FastifyHelmetOptions) {
  const headers = await helmetHeaders(options);
  if (headers.length === 0) throw new Error("helmet set no headers: refusing to serve without them");
  app.addHook("onRequest", (_req, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}

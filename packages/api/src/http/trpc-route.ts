// tRPC at /trpc, as @trpc/server's Fastify plugin serves it, with a leaner path for GET calls (queries and
// subscriptions): the plugin turns every request into a WHATWG Request (undici Request and Headers, two
// AbortControllers, a body stream) and pipes the Response back through a web stream, which cost more than a
// cached read's own work. For a GET, tRPC reads only the method, URL, `get`/`has` of headers and the abort
// signal; a JSON answer is sent as a string. POSTs, and every streamed answer, take the plugin's own path.

import type { IncomingHttpHeaders } from "node:http";
import { type AnyRouter, getErrorShape, getTRPCErrorFromUnknown, TRPCError } from "@trpc/server";
import { type FastifyTRPCPluginOptions, fastifyRequestHandler } from "@trpc/server/adapters/fastify";
import { getHTTPStatusCode, resolveResponse } from "@trpc/server/http";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { searchParams } from "./search-params";

/** `get` and `has` straight from Node's headers; anything else from a WHATWG Headers built on first use. */
class NodeHeaders {
  private full: Headers | undefined;
  constructor(private readonly raw: IncomingHttpHeaders) {}
  get(name: string): string | null {
    const value = this.raw[name.toLowerCase()];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(", ") : value;
  }
  has(name: string): boolean {
    return this.raw[name.toLowerCase()] !== undefined;
  }
  private headers(): Headers {
    if (!this.full) {
      this.full = new Headers();
      for (const [key, value] of Object.entries(this.raw)) {
        if (key.startsWith(":") || value === undefined) continue;
        if (Array.isArray(value)) for (const v of value) this.full.append(key, v);
        else this.full.append(key, value);
      }
    }
    return this.full;
  }
  forEach(callback: (value: string, key: string, parent: Headers) => void) {
    this.headers().forEach(callback);
  }
  entries() {
    return this.headers().entries();
  }
  keys() {
    return this.headers().keys();
  }
  values() {
    return this.headers().values();
  }
  [Symbol.iterator]() {
    return this.headers()[Symbol.iterator]();
  }
}

function requestUrl(req: FastifyRequest): string {
  const raw = req.raw;
  const secure =
    raw.headers[":scheme"] === "https" || ("encrypted" in raw.socket && Boolean(raw.socket.encrypted));
  const host = raw.headers.host ?? (raw.headers[":authority"] as string | undefined) ?? "localhost";
  return `${secure ? "https:" : "http:"}//${host}${raw.url ?? "/"}`;
}

async function handleGet<TRouter extends AnyRouter>(
  options: FastifyTRPCPluginOptions<TRouter>["trpcOptions"],
  req: FastifyRequest,
  reply: FastifyReply,
  path: string,
) {
  if (await answerSingleQuery(options, req, reply, path)) return reply;
  // As the plugin does: the call's signal aborts when the client goes before its answer is written.
  const controller = new AbortController();
  const res = reply.raw;
  const onClose = () => {
    if (!res.writableEnded) controller.abort();
  };
  res.once("close", onClose);
  let url: URL;
  try {
    url = new URL(requestUrl(req));
  } catch {
    // An unparseable URL: the plugin's own path answers it as it always has.
    res.off("close", onClose);
    return fastifyRequestHandler({ ...options, req, res: reply, path });
  }
  const request = {
    method: "GET",
    url: url.href,
    headers: new NodeHeaders(req.raw.headers),
    signal: controller.signal,
  } as unknown as Request;
  const response = await resolveResponse({
    ...options,
    req: request,
    path,
    error: null,
    createContext: async (inner) => options.createContext?.({ req, res: reply, ...inner } as never),
    onError: (o) => options.onError?.({ ...o, req } as never),
  });
  const type = response.headers.get("content-type");
  if (!type?.startsWith("application/json")) return reply.send(response);
  reply.code(response.status);
  response.headers.forEach((value, key) => {
    reply.header(key, value);
  });
  return reply.send(await response.text());
}

const isStreamLike = (value: unknown) =>
  typeof value === "object" &&
  value !== null &&
  (Symbol.asyncIterator in value ||
    Object.values(value).some(
      (v) => v instanceof Promise || (typeof v === "object" && v !== null && Symbol.asyncIterator in v),
    ));

/** Stands in for the request's signal in the context's `info`: a single query's context never aborts it. */
const NEVER_ABORTED = new AbortController().signal;

/**
 * One query, not batched, answered as resolveResponse answers it: the same procedure call (middlewares, input
 * parser, resolver), error shape, status, headers and body (`test/trpc-route.test.ts` compares the two),
 * without its general machinery (content-type handlers, batch bookkeeping, abort signals, a WHATWG Response).
 * No query reads its call's signal (only subscriptions do, and they take the full path). Anything else — a
 * batch, a stream request, a path that is not a query, an input that does not parse — returns false untouched
 * and takes the full path.
 */
async function answerSingleQuery<TRouter extends AnyRouter>(
  options: FastifyTRPCPluginOptions<TRouter>["trpcOptions"],
  req: FastifyRequest,
  reply: FastifyReply,
  path: string,
): Promise<boolean> {
  const router = options.router;
  const procedure = router._def.procedures[path] as AnyRouter["_def"]["procedures"][string] | undefined;
  if (typeof procedure !== "function" || procedure._def.type !== "query") return false;
  const query = searchParams(req.url);
  if (options.responseMeta || query.has("batch") || req.headers["trpc-accept"]) return false;
  const config = router._def._config;
  let input: unknown;
  try {
    const raw = query.get("input");
    input = raw ? config.transformer.input.deserialize(JSON.parse(raw)) : undefined;
  } catch {
    return false;
  }
  const getRawInput = async () => input;
  const call = { path, getRawInput, result: () => input, batchIndex: 0 };
  const info = {
    isBatchCall: false,
    accept: null,
    type: "query",
    calls: [call],
    connectionParams: null,
    signal: NEVER_ABORTED,
    url: null,
  };
  let ctx: unknown;
  let status: number;
  let body: unknown;
  try {
    ctx = await options.createContext?.({ req, res: reply, info } as never);
    const data = await procedure({ path, getRawInput, ctx, type: "query", signal: undefined, batchIndex: 0 });
    if (isStreamLike(data))
      throw new TRPCError({
        code: "UNSUPPORTED_MEDIA_TYPE",
        message: "Cannot use stream-like response in non-streaming request - use httpBatchStreamLink",
      });
    status = 200;
    body = { result: { data: config.transformer.output.serialize(data) } };
  } catch (cause) {
    const error = getTRPCErrorFromUnknown(cause);
    options.onError?.({ error, path, input, ctx, type: "query", req } as never);
    const shape = getErrorShape({ config, ctx, error, input, path, type: "query" });
    status = getHTTPStatusCode({ error: shape } as never);
    body = { error: config.transformer.output.serialize(shape) };
  }
  reply.code(status).header("vary", "trpc-accept, accept").header("content-type", "application/json");
  reply.send(JSON.stringify(body));
  return true;
}

/** Serves tRPC under `prefix` (what `fastifyTRPCPlugin` does), GET calls without the WHATWG round trip. */
export async function registerTrpcRoute<TRouter extends AnyRouter>(
  app: FastifyInstance,
  prefix: string,
  options: FastifyTRPCPluginOptions<TRouter>["trpcOptions"],
) {
  await app.register(
    (scope, _options, done) => {
      // tRPC parses bodies itself: JSON and multipart reach it as they came.
      scope.removeContentTypeParser("application/json");
      scope.addContentTypeParser("application/json", { parseAs: "string" }, (_req, body, done) => {
        done(null, body);
      });
      scope.removeContentTypeParser("multipart/form-data");
      scope.addContentTypeParser("multipart/form-data", {}, (_req, body, done) => {
        done(null, body);
      });
      scope.all("/:path", async (req, reply) => {
        const path = (req.params as { path: string }).path;
        if (req.method === "GET") return handleGet(options, req, reply, path);
        return fastifyRequestHandler({ ...options, req, res: reply, path });
      });
      done();
    },
    { prefix },
  );
}

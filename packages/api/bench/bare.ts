// The baseline: a bare Node endpoint doing the same Redis (and, for uncached calls, SQL) work an api call does
// (the session check and the same keys or statements), with nothing else: no framework, no tRPC, no access
// rules, no serialiser.
import { createServer, type Server } from "node:http";
import type { RedisLayer } from "@edu/db/redis";

/** The work behind one bare route; `body` is the request body of a POST. */
export type BareWork = (redis: RedisLayer, url: URL, body: string) => Promise<unknown>;

export async function startBareEndpoint(
  redis: RedisLayer,
  work: Record<string, BareWork>,
): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    let body = "";
    if (req.method === "POST") for await (const chunk of req) body += chunk;
    const token = req.headers.authorization?.slice("Bearer ".length) ?? "";
    const session = await redis.sessions.touch(token);
    const handler = work[url.pathname.slice(1)];
    if (!session || !handler) {
      res.writeHead(401).end();
      return;
    }
    try {
      const answer = JSON.stringify(await handler(redis, url, body));
      res.writeHead(200, { "content-type": "application/json" }).end(answer);
    } catch {
      res.writeHead(500).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, server };
}

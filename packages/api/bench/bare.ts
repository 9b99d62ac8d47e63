// The baseline: a bare Node endpoint doing the same Redis work a cached api read does (the session check and
// the same keys), with nothing else: no framework, no tRPC, no access rules, no serialiser.
import { createServer, type Server } from "node:http";
import type { RedisLayer } from "@edu/db/redis";

export type BareWork = (redis: RedisLayer, url: URL) => Promise<unknown>;

export async function startBareEndpoint(
  redis: RedisLayer,
  work: Record<string, BareWork>,
): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const token = req.headers.authorization?.slice("Bearer ".length) ?? "";
    const session = await redis.sessions.touch(token);
    const handler = work[url.pathname.slice(1)];
    if (!session || !handler) {
      res.writeHead(401).end();
      return;
    }
    const body = JSON.stringify(await handler(redis, url));
    res.writeHead(200, { "content-type": "application/json" }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, server };
}

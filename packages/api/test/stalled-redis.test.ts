// A Redis that accepts connections but stops answering (paused with SIGSTOP): calls that need it answer
// SERVICE_UNAVAILABLE within about a second instead of hanging.

import { type PrivateRedis, startPrivateRedis } from "@edu/db/testing";
import { DEMO_LOGINS } from "@edu/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EduClient } from "../src/client";
import { startTestServer, type TestServer } from "./support/server";

let redis: PrivateRedis;
let s: TestServer;
let teacher: EduClient;

beforeAll(async () => {
  redis = await startPrivateRedis();
  s = await startTestServer({ students: 2, env: { REDIS_URL: redis.url } });
  teacher = await s.login(DEMO_LOGINS.teacher);
}, 120_000);

afterAll(async () => {
  redis.process.kill("SIGCONT");
  s.deps.redis.redis.disconnect();
  await s.deps.close();
  await s.database.drop();
  await redis.cleanup();
}, 60_000);

describe("with Redis stalled", () => {
  it("answers SERVICE_UNAVAILABLE within about a second, and recovers when Redis does", async () => {
    redis.process.kill("SIGSTOP");
    const started = Date.now();
    const error = await teacher.auth.me.query().catch((e) => e);
    const waited = Date.now() - started;
    expect(error.data?.code).toBe("SERVICE_UNAVAILABLE");
    expect(waited).toBeLessThan(2_500);
    redis.process.kill("SIGCONT");
    let me: { email: string } | undefined;
    for (let i = 0; i < 50 && !me; i++) {
      me = await teacher.auth.me.query().catch(() => undefined);
      if (!me) await new Promise((r) => setTimeout(r, 200));
    }
    expect(me?.email).toBe(DEMO_LOGINS.teacher);
  });
});

// Live-update subscriptions: one shared Redis reader per process, at most N per user, ended with the session,
// and catching up from lastEventId.
import { DEMO_LOGINS, seedId } from "@edu/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EduClient } from "../src/client";
import { startTestServer, type TestServer } from "./support/server";

let s: TestServer;
const studentId = seedId("student", DEMO_LOGINS.student);
const until = async (done: () => boolean, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return done();
};

type Watch = {
  events: { id: string; type: string }[];
  error?: { data?: { code?: string } };
  ended: boolean;
  stop(): void;
};
function watch(
  client: EduClient,
  input: { resource: "student" | "leaderboard"; id: string; lastEventId?: string },
): Watch {
  const w: Watch = { events: [], ended: false, stop: () => {} };
  const sub = client.updates.onChange.subscribe(input, {
    onData: (e) => w.events.push({ id: e.id, type: (e.data as { type: string }).type }),
    onError: (error) => {
      w.error = error as Watch["error"];
      w.ended = true;
    },
    onComplete: () => {
      w.ended = true;
    },
  });
  w.stop = () => sub.unsubscribe();
  return w;
}

beforeAll(async () => {
  s = await startTestServer({
    students: 2,
    env: { MAX_SUBSCRIPTIONS_PER_USER: "3", SUBSCRIPTION_SESSION_CHECK_MS: "200" },
  });
}, 120_000);
afterAll(async () => {
  await s?.close();
});

describe("live-update subscriptions", () => {
  it("share one Redis reader per process, whatever their number", async () => {
    const teacher = await s.login(DEMO_LOGINS.teacher);
    const student = await s.login(DEMO_LOGINS.student);
    const watches = [
      watch(student, { resource: "student", id: studentId }),
      watch(teacher, { resource: "student", id: studentId }),
      watch(teacher, { resource: "leaderboard", id: seedId("class", "python") }),
    ];
    await until(() => s.deps.updateHub.openStreams === 2);
    const clients = await s.deps.redis.redis.client("LIST");
    const readers = String(clients)
      .split("\n")
      .filter((line) => line.includes(`name=${s.deps.redis.keys.prefix}update-hub`));
    expect(readers).toHaveLength(1);
    await s.deps.redis.updates.publish("student", studentId, { type: "points.changed" });
    expect(await until(() => watches[0]?.events.length === 1 && watches[1]?.events.length === 1)).toBe(true);
    for (const w of watches) w.stop();
    expect(await until(() => s.deps.updateHub.openStreams === 0)).toBe(true);
  });

  it("refuses a user's subscription beyond the limit with TOO_MANY_REQUESTS", async () => {
    const student = await s.login(DEMO_LOGINS.student);
    const open = [1, 2, 3].map(() => watch(student, { resource: "student", id: studentId }));
    await until(() => s.deps.updateHub.openStreams === 1);
    await new Promise((r) => setTimeout(r, 300));
    const extra = watch(student, { resource: "student", id: studentId });
    expect(await until(() => extra.ended)).toBe(true);
    expect(extra.error?.data?.code).toBe("TOO_MANY_REQUESTS");
    for (const w of open) w.stop();
  });

  it("ends when its session ends, and delivers nothing after", async () => {
    const student = await s.login(DEMO_LOGINS.student);
    const w = watch(student, { resource: "student", id: studentId });
    await until(() => s.deps.updateHub.openStreams === 1);
    await student.auth.logout.mutate();
    expect(await until(() => w.ended || s.deps.updateHub.openStreams === 0, 5_000)).toBe(true);
    await s.deps.redis.updates.publish("student", studentId, { type: "after.logout" });
    await new Promise((r) => setTimeout(r, 500));
    expect(w.events.map((e) => e.type)).not.toContain("after.logout");
    w.stop();
  });

  it("replays what a reconnecting subscriber missed since lastEventId, once and in order", async () => {
    const student = await s.login(DEMO_LOGINS.student);
    const first = await s.deps.redis.updates.publish("student", studentId, { type: "one" });
    await s.deps.redis.updates.publish("student", studentId, { type: "two" });
    await s.deps.redis.updates.publish("student", studentId, { type: "three" });
    const w = watch(student, { resource: "student", id: studentId, lastEventId: first });
    expect(await until(() => w.events.length >= 2)).toBe(true);
    await s.deps.redis.updates.publish("student", studentId, { type: "four" });
    expect(await until(() => w.events.length >= 3)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(w.events.map((e) => e.type)).toEqual(["two", "three", "four"]);
    w.stop();
  });
});

// No input a client can send produces a 500: random JSON, bounded in count, against every procedure.
import { DEMO_LOGINS } from "@edu/seed";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../src/root";
import { startTestServer, type TestServer } from "./support/server";

let s: TestServer;
let tokens: string[];
const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>,
)
  .map(([path, p]) => ({ path, type: p._def.type }))
  .filter((p) => p.type !== "subscription");

beforeAll(async () => {
  s = await startTestServer({ students: 4 });
  tokens = await Promise.all(
    [DEMO_LOGINS.student, DEMO_LOGINS.teacher, DEMO_LOGINS.admin].map((e) => s.tokenFor(e)),
  );
}, 120_000);
afterAll(async () => {
  await s?.close();
});

const hostileText = fc.constantFrom(
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  " ",
  "%00",
  '\'; DROP TABLE "User"; --',
);
const uuidLike = fc.constantFrom(
  "00000000-0000-0000-0000-000000000000",
  "0190b5a0-0000-7000-8000-000000000001",
  "not-a-uuid",
  "",
);
const value = fc.oneof(
  hostileText,
  hostileText,
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  uuidLike,
  fc.string({ unit: "grapheme", maxLength: 3000 }),
);
const input = fc.oneof(
  fc.dictionary(
    fc.constantFrom(
      "id",
      "classId",
      "studentId",
      "submissionId",
      "grievanceId",
      "assignmentId",
      "cursor",
      "limit",
      "content",
      "email",
      "password",
      "githubUrl",
      "status",
      "scope",
      "category",
      "severity",
      "role",
      "name",
      "dueDate",
      "rating",
      "resolution",
      "userId",
      "studentIds",
      "query",
      "minLevel",
      "resource",
      "__proto__",
      "constructor",
    ),
    value,
  ),
  fc.anything(),
);

describe("fuzzing every procedure", () => {
  it("answers 4xx, never 5xx, and never leaks SQL or stack traces", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...procedures),
        input,
        fc.nat({ max: 3 }),
        async (procedure, body, who) => {
          const token = tokens[who];
          const headers: Record<string, string> = {
            "content-type": "application/json",
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          };
          const payload = JSON.stringify({ json: body });
          const response =
            procedure.type === "query"
              ? await fetch(`${s.trpcUrl}/${procedure.path}?input=${encodeURIComponent(payload)}`, {
                  headers,
                })
              : await fetch(`${s.trpcUrl}/${procedure.path}`, { method: "POST", headers, body: payload });
          const text = await response.text();
          expect(
            response.status,
            `${procedure.path} ${payload.slice(0, 200)} → ${text.slice(0, 300)}`,
          ).toBeLessThan(500);
          expect(text).not.toMatch(/prisma|SELECT |INSERT |node_modules|at async/i);
        },
      ),
      { numRuns: 400 },
    );
  }, 120_000);
});

describe("text PostgreSQL cannot store unchanged", () => {
  it("is refused with BAD_REQUEST instead of failing in the database or being altered", async () => {
    const student = await s.login(DEMO_LOGINS.student);
    for (const content of ["a\u0000b", "lone \ud800 surrogate"]) {
      await expect(student.chat.send.mutate({ content })).rejects.toMatchObject({
        data: { code: "BAD_REQUEST" },
      });
      await expect(
        student.grievance.file.mutate({ category: "OTHER", severity: "LOW", description: content }),
      ).rejects.toMatchObject({
        data: { code: "BAD_REQUEST" },
      });
    }
  });
});

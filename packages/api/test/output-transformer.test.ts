// The answer serialiser skips superjson's walk for plain JSON and plain JSON with Dates; what it answers must be
// what superjson answers.
import fc from "fast-check";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { isPlainJson } from "../src/answer-serializer";
import { plainFirstOutput } from "../src/trpc";

/** The serialised answer, or what it threw (superjson refuses a `__proto__` key, and so must the fast path). */
const outcome = (serialize: (value: unknown) => unknown, value: unknown) => {
  try {
    return JSON.stringify(serialize(value));
  } catch (error) {
    return `threw ${(error as Error).message}`;
  }
};

describe("the answer serialiser", () => {
  it("answers exactly what superjson answers, for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(outcome(plainFirstOutput.serialize, value)).toBe(outcome(superjson.serialize, value));
      }),
      { numRuns: 2_000 },
    );
  });

  it("answers exactly what superjson answers for JSON with Dates anywhere, keys with dots and backslashes", () => {
    // JSON values with some leaves turned into Dates (valid ones, and now and then an invalid one).
    const withDates = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        fc.jsonValue({ maxDepth: 1 }),
        fc.date({ noInvalidDate: false }),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(fc.oneof(fc.string(), fc.constantFrom("a.b", "a\\b", "x\\.y", "0", "")), tie("value"), {
          maxKeys: 4,
        }),
      ),
    })).value;
    fc.assert(
      fc.property(withDates, (value) => {
        expect(outcome(plainFirstOutput.serialize, value)).toBe(outcome(superjson.serialize, value));
      }),
      { numRuns: 3_000 },
    );
  });

  it("leaves an object met twice to superjson, which records the sharing", () => {
    const at = new Date("2026-12-01T10:00:00.000Z");
    const shared = { id: "a" };
    for (const value of [{ a: at, b: at }, { a: shared, b: [shared] }, [shared, shared]]) {
      expect(outcome(plainFirstOutput.serialize, value)).toBe(outcome(superjson.serialize, value));
      expect(JSON.stringify(superjson.serialize(value))).toContain("referentialEqualities");
    }
  });

  it("leaves everything superjson annotates to superjson", () => {
    const values = [
      [1, undefined, 2],
      { a: undefined },
      -0,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      10n,
      new Map([["a", 1]]),
      new Set([1]),
      /x/,
      undefined,
      Object.assign(new Array(2), { 1: 1 }), // a sparse array: a hole superjson keeps
      Object.assign(Object.create({ inherited: 1 }), { own: 2 }),
    ];
    for (const value of values) {
      expect(isPlainJson(value)).toBe(false);
      expect(outcome(plainFirstOutput.serialize, value)).toBe(outcome(superjson.serialize, value));
    }
    expect(outcome(plainFirstOutput.serialize, JSON.parse('{"__proto__":1}'))).toMatch(/^threw/);
    expect(isPlainJson({ items: [{ id: "a", n: 1.5, ok: true, none: null }], nextCursor: null })).toBe(true);
  });
});

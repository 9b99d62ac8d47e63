// The answer serialiser skips superjson's walk for plain JSON; what it answers must be what superjson answers.
import fc from "fast-check";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { isPlainJson, plainFirstOutput } from "../src/trpc";

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

  it("leaves everything superjson annotates to superjson", () => {
    const date = new Date("2026-12-01T10:00:00.000Z");
    const values = [
      date,
      { at: date },
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

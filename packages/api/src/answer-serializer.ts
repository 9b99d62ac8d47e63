// superjson for answers, without superjson's generic walk for the shapes our answers have: plain JSON, and plain
// JSON holding valid Dates. Anything else (undefined, -0, NaN, a Map, a BigInt, an object reachable twice, a key
// superjson refuses) goes to superjson itself. Either way the output is what superjson.serialize answers
// (test/output-transformer.test.ts compares them).
import superjson from "superjson";

/** Keys superjson refuses (prototype pollution): such values take its path and its error. */
const UNSAFE_KEYS = new Set(["__proto__", "prototype", "constructor"]);
const MAX_DEPTH = 32;

const PLAIN = 0;
const WITH_DATES = 1;
const OTHER = 2;
type Shape = typeof PLAIN | typeof WITH_DATES | typeof OTHER;

const isValidDate = (value: object): value is Date =>
  Object.getPrototypeOf(value) === Date.prototype && !Number.isNaN((value as Date).valueOf());

/** PLAIN, WITH_DATES or OTHER; `seen` holds every object met, since superjson annotates one met twice. */
function shapeOf(value: unknown, seen: Set<object>, depth: number): Shape {
  if (value === null) return PLAIN;
  switch (typeof value) {
    case "string":
    case "boolean":
      return PLAIN;
    case "number":
      return Number.isFinite(value) && !Object.is(value, -0) ? PLAIN : OTHER;
    case "object": {
      if (depth > MAX_DEPTH || seen.has(value)) return OTHER;
      seen.add(value);
      if (isValidDate(value)) return WITH_DATES;
      if (Object.getOwnPropertySymbols(value).length > 0) return OTHER;
      let shape: Shape = PLAIN;
      if (Array.isArray(value)) {
        if (Object.getPrototypeOf(value) !== Array.prototype) return OTHER;
        for (let i = 0; i < value.length; i++) {
          if (!(i in value)) return OTHER;
          shape = Math.max(shape, shapeOf(value[i], seen, depth + 1)) as Shape;
          if (shape === OTHER) return OTHER;
        }
        return shape;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return OTHER;
      for (const key of Object.keys(value)) {
        if (UNSAFE_KEYS.has(key)) return OTHER;
        shape = Math.max(shape, shapeOf((value as Record<string, unknown>)[key], seen, depth + 1)) as Shape;
        if (shape === OTHER) return OTHER;
      }
      return shape;
    }
    default:
      return OTHER;
  }
}

/** A path segment as superjson writes it. */
const escapeKey = (key: string) => key.replace(/\\/g, "\\\\").replace(/\./g, "\\.");

type Annotations = ["Date"] | Record<string, ["Date"]> | undefined;

/**
 * A copy with every Date as its ISO string, and the Dates' paths relative to `value`, gathered level by level
 * as superjson does (so the order of the paths is superjson's too: integer-like keys first at each level).
 */
function withIsoDates(value: unknown): [unknown, Annotations] {
  if (value === null || typeof value !== "object") return [value, undefined];
  if (value instanceof Date) return [value.toISOString(), ["Date"]];
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
  const inner: Record<string, ["Date"]> = {};
  for (const [key, child] of Object.entries(value)) {
    const [json, annotations] = withIsoDates(child);
    (copy as Record<string, unknown>)[key] = json;
    if (Array.isArray(annotations)) inner[escapeKey(key)] = annotations;
    else if (annotations)
      for (const [path, tree] of Object.entries(annotations)) inner[`${escapeKey(key)}.${path}`] = tree;
  }
  return [copy, Object.keys(inner).length > 0 ? inner : undefined];
}

/** Whether superjson would answer `{ json: value }` unchanged. */
export const isPlainJson = (value: unknown) => shapeOf(value, new Set(), 0) === PLAIN;

/** superjson.serialize's answer, mostly without superjson. */
export function serializeAnswer(value: unknown): unknown {
  const shape = shapeOf(value, new Set(), 0);
  if (shape === PLAIN) return { json: value };
  if (shape === OTHER) return superjson.serialize(value);
  const [json, values] = withIsoDates(value);
  return { json, meta: { values, v: 1 } };
}

// What every section of the seed shares: time units, the clock, batched inserts and keyed randomness.
import { en, Faker } from "@faker-js/faker";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

const CHUNK = 1_000;
const FAKER_SEED = 2026;

export function chunksOf<T>(rows: T[], size = CHUNK): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}

/**
 * One insert statement per thousand rows, so 10,000 students take tens of statements, not thousands. Two
 * chunks are in flight at once (PostgreSQL writes one while Prisma prepares the next); inside a transaction,
 * whose one connection runs a statement at a time, pass `parallel: 1`.
 */
export async function insertChunks<T>(
  rows: T[],
  insert: (chunk: T[]) => Promise<unknown>,
  { parallel = 2 }: { parallel?: number } = {},
) {
  const chunks = chunksOf(rows);
  let next = 0;
  const lane = async () => {
    for (let chunk = chunks[next++]; chunk; chunk = chunks[next++]) await insert(chunk);
  };
  await Promise.all(Array.from({ length: Math.min(parallel, chunks.length) }, lane));
}

/**
 * The seed's clock: `now` is when the demo institution was first seeded, and `today` noon (UTC) of that day.
 * Due dates are days from `today`; everything that already happened is dated at or before `now`.
 */
export type Clock = { now: Date; today: Date };

export function clockAt(now: Date): Clock {
  const today = new Date(now);
  today.setUTCHours(12, 0, 0, 0);
  return { now, today };
}

export const daysFrom = (at: Date, days: number) => new Date(at.getTime() + days * DAY);

/**
 * Randomness keyed by what it decides, e.g. (section, student index). Each key gets its own stream from the
 * fixed faker seed, so a student's data is the same however many students are seeded: a second run with more
 * students adds to the demo instead of rewriting it.
 */
export type Random = (...key: number[]) => Faker;

export function seededRandom(): Random {
  const faker = new Faker({ locale: [en] });
  return (...key) => {
    faker.seed([FAKER_SEED, ...key]);
    return faker;
  };
}

/** The keys of the seed's random streams, one per section that draws. */
export const STREAMS = { staff: 1, student: 2, coursework: 3 } as const;

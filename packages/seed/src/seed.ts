// The demo institution, section by section. Each section derives its rows from the ones before and from
// @edu/domain's rules (points, badges, routing, transitions, risk), so the demo data is what the product would
// have produced; test/invariants.test.ts checks that against the database.
import type { Db } from "@edu/db";
import { seedChat } from "./chat";
import { seedClasses } from "./classes";
import { countRows, type SeedCounts } from "./counts";
import { seedGamification } from "./gamification";
import { seedGrievances } from "./grievances";
import { seedInstitution, seedPeople } from "./institution-and-people";
import { seedRisk } from "./risk";
import { seedCoursework } from "./submissions";
import { seededRandom } from "./support";

export { countRows, type SeedCounts } from "./counts";

/**
 * `today` dates a fresh demo (default: now); a database that has it already keeps the date it was first seeded
 * with, so a later run agrees with the rows it finds.
 */
export type SeedOptions = { students: number; today?: Date };

/**
 * Writes the demo institution. Every row has an id derived from its name (seedId), and every insert skips
 * rows that exist, so running the seed again changes nothing. Randomness comes from a fixed faker seed.
 */
export async function seedDemoData(db: Db, options: SeedOptions): Promise<SeedCounts> {
  const random = seededRandom();
  const { institutionId, clock } = await seedInstitution(db, options.today ?? new Date());
  const people = await seedPeople(db, institutionId, options.students, random);
  const classes = await seedClasses(db, people, clock);
  const coursework = await seedCoursework(db, people, classes, clock, random);
  const events = await seedGamification(db, people, classes, coursework);
  const chat = await seedChat(db, people.students, clock);
  await seedRisk(db, people, classes, coursework, [...events, ...chat], clock.now);
  await seedGrievances(db, { people, classes, coursework }, clock);
  return countRows(db);
}

// `pnpm db:seed [--students N] [--if-empty]`: writes the demo institution (README, "Demo data").
import { parseArgs } from "node:util";
import { createDbWithPool, databaseEnvSchema, loadEnv } from "@edu/db";
import { seedDemoData } from "./seed";

const { values } = parseArgs({
  options: { students: { type: "string", default: "40" }, "if-empty": { type: "boolean", default: false } },
});
const students = Number(values.students);
if (!Number.isInteger(students) || students < 1 || students > 1_000_000) {
  console.error(`--students must be a whole number from 1 to 1000000 (got ${values.students})`);
  process.exit(2);
}
if (process.env.NODE_ENV === "production") {
  console.error(
    "Refusing to seed: NODE_ENV=production, and the seed creates demo logins with a published password.",
  );
  process.exit(1);
}

const env = loadEnv(databaseEnvSchema);
// The pool is ended with the client: Prisma's $disconnect leaves an adapter's pool open, and its idle
// connections would keep the process alive for pg's idle timeout (10 s) after the seed is done.
const { db, pool } = createDbWithPool(env);
try {
  if (values["if-empty"] && (await db.user.count()) > 0) {
    console.log("Database already has users; seed skipped.");
  } else {
    const started = Date.now();
    const counts = await seedDemoData(db, { students });
    console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s:`, counts);
  }
} finally {
  await db.$disconnect();
  await pool.end();
}

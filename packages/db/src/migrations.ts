import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "./client";

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), "..", "prisma", "migrations");

/** The migrations this code was built with, against those the database has applied (for /readyz). */
export async function migrationStatus(
  db: Db,
): Promise<{ expected: number; applied: number; pending: string[] }> {
  const expected = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  const rows = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const applied = new Set(rows.map((r) => r.migration_name));
  return {
    expected: expected.length,
    applied: applied.size,
    pending: expected.filter((m) => !applied.has(m)),
  };
}

// Badge rarity follows the share of students holding each badge (@edu/domain's badgeRarity: ≥ 50 % COMMON,
// ≥ 20 % RARE, ≥ 5 % EPIC, else LEGENDARY), not a hand-set label. Runs nightly (BADGE_RARITY_SCHEDULER); the seed
// computes the same after writing its badges. One statement reads the counts, one writes every badge.
import { afterCommit } from "@edu/db";
import { BADGE_CATALOG, type BadgeRarity, badgeRarity } from "@edu/domain";
import type { WorkerDeps } from "../deps";

export type BadgeRarityResult = { badges: number; changed: number; students: number };

export async function recomputeBadgeRarity(deps: WorkerDeps): Promise<BadgeRarityResult> {
  const rows = await deps.db.$queryRaw<
    { id: string; name: string; rarity: BadgeRarity; holders: bigint; students: bigint }[]
  >`
    SELECT b.id::text AS id, b.name, b.rarity::text AS rarity,
           (SELECT count(*) FROM "StudentBadge" x WHERE x."badgeId" = b.id) AS holders,
           (SELECT count(*) FROM "Student") AS students
    FROM "Badge" b ORDER BY b.id`;
  const catalog = new Map(BADGE_CATALOG.map((b) => [b.name, b.rarity]));
  const updates = rows.map((r) => ({
    id: r.id,
    before: r.rarity,
    // With no students, the catalog's rarity (or the badge's own, for one not in the catalog) stays.
    ...badgeRarity(Number(r.holders), Number(r.students), catalog.get(r.name) ?? r.rarity),
  }));
  if (updates.length > 0)
    await deps.db.$executeRaw`
      UPDATE "Badge" AS b SET rarity = v.rarity::"BadgeRarity", "holderShare" = v.share
      FROM unnest(${updates.map((u) => u.id)}::uuid[], ${updates.map((u) => u.rarity)}::text[],
                  ${updates.map((u) => u.holderShare)}::float8[]) AS v(id, rarity, share)
      WHERE b.id = v.id`;
  const result = {
    badges: updates.length,
    changed: updates.filter((u) => u.rarity !== u.before).length,
    students: Number(rows[0]?.students ?? 0),
  };
  deps.log.info(result, "badge rarity recomputed");
  // The api caches the catalog (badge.list): drop it so the new rarities show.
  if (result.changed > 0)
    await afterCommit(deps.log, "badge-rarity", [() => deps.redis.cache.invalidate("badge-catalog", "all")]);
  return result;
}

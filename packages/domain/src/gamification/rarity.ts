// Badge rarity follows how many students hold the badge, not a hand-set label. The maintenance job recomputes
// it on a schedule and the seed after writing its badges.
//
// | share of students holding the badge | rarity    |
// |-------------------------------------|-----------|
// | ≥ 50 %                              | COMMON    |
// | ≥ 20 %                              | RARE      |
// | ≥ 5 %                               | EPIC      |
// | < 5 % (held by nobody included)     | LEGENDARY |
//
// With no students at all the share is unknown (null) and the catalog's rarity stays.
import type { BadgeRarity } from "../enums";

export const RARITY_THRESHOLDS: readonly { minShare: number; rarity: BadgeRarity }[] = [
  { minShare: 0.5, rarity: "COMMON" },
  { minShare: 0.2, rarity: "RARE" },
  { minShare: 0.05, rarity: "EPIC" },
];

export function rarityForShare(share: number): BadgeRarity {
  return RARITY_THRESHOLDS.find((t) => share >= t.minShare)?.rarity ?? "LEGENDARY";
}

/** A badge's share of holders among `students`, and the rarity it makes (null share: no students). */
export function badgeRarity(
  holders: number,
  students: number,
  fallback: BadgeRarity,
): { holderShare: number | null; rarity: BadgeRarity } {
  if (students <= 0) return { holderShare: null, rarity: fallback };
  const holderShare = Math.min(1, holders / students);
  return { holderShare, rarity: rarityForShare(holderShare) };
}

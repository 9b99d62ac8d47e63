import type { BadgeRarity } from "../enums";
import type { BadgeCriteria } from "./badges";

export type BadgeDefinition = {
  name: string;
  description: string;
  rarity: BadgeRarity;
  criteria: BadgeCriteria;
};

/**
 * The platform's badges, as an institution starts with them (the seed writes these rows). Counts are per
 * distinct assignment. `rarity` is only the starting value: it follows the share of students holding the badge
 * (rarity.ts), recomputed by the maintenance job and the seed.
 */
export const BADGE_CATALOG: BadgeDefinition[] = [
  {
    name: "First Commit",
    description: "Handed in a first assignment.",
    rarity: "COMMON",
    criteria: { kind: "submissions", count: 1 },
  },
  {
    name: "Getting Started",
    description: "Earned 100 points.",
    rarity: "COMMON",
    criteria: { kind: "points", total: 100 },
  },
  {
    name: "Punctual",
    description: "Three assignments handed in by their deadline.",
    rarity: "COMMON",
    criteria: { kind: "on-time", count: 3 },
  },
  {
    name: "Week Streak",
    description: "Active seven days in a row.",
    rarity: "RARE",
    criteria: { kind: "streak", days: 7 },
  },
  {
    name: "Clean Coder",
    description: "Three assignments scoring 80 or more.",
    rarity: "RARE",
    criteria: { kind: "quality", minScore: 80, count: 3 },
  },
  {
    name: "Comeback",
    description: "Raised an assignment's score by 15 points or more by improving the code.",
    rarity: "EPIC",
    criteria: { kind: "improvement", minGain: 15, count: 1 },
  },
  {
    name: "Centurion",
    description: "Earned 1,000 points.",
    rarity: "EPIC",
    criteria: { kind: "points", total: 1000 },
  },
  {
    name: "Unstoppable",
    description: "Active thirty days in a row.",
    rarity: "LEGENDARY",
    criteria: { kind: "streak", days: 30 },
  },
  {
    name: "Code Artisan",
    description: "Five assignments scoring 95 or more.",
    rarity: "LEGENDARY",
    criteria: { kind: "quality", minScore: 95, count: 5 },
  },
];

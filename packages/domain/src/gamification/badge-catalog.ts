import type { BadgeRarity } from "../enums";
import type { BadgeCriteria } from "./badges";

export type BadgeDefinition = {
  name: string;
  description: string;
  rarity: BadgeRarity;
  criteria: BadgeCriteria;
};

/** The platform's badges, as an institution starts with them (the seed writes these rows). */
export const BADGE_CATALOG: BadgeDefinition[] = [
  {
    name: "First Commit",
    description: "Submitted a first assignment.",
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
    description: "Three submissions before the deadline.",
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
    description: "Three submissions scoring 80 or more.",
    rarity: "RARE",
    criteria: { kind: "quality", minScore: 80, count: 3 },
  },
  {
    name: "Early Bird",
    description: "First in the class to submit an assignment.",
    rarity: "EPIC",
    criteria: { kind: "first-of-class" },
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
    description: "Five submissions scoring 95 or more.",
    rarity: "LEGENDARY",
    criteria: { kind: "quality", minScore: 95, count: 5 },
  },
];

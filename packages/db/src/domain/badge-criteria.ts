import { z } from "zod";

/**
 * The typed JSON stored in Badge.criteria. One rule engine (the worker's gamification/badges.ts) evaluates
 * every kind; adding a kind here makes the type checker point at every place that must handle it.
 */
export const badgeCriteriaSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("submissions"), count: z.number().int().positive() }),
  z.object({ kind: z.literal("streak"), days: z.number().int().positive() }),
  z.object({
    kind: z.literal("quality"),
    minScore: z.number().min(0).max(100),
    count: z.number().int().positive(),
  }),
  z.object({ kind: z.literal("points"), total: z.number().int().positive() }),
  // The first submission to an assignment among its class.
  z.object({ kind: z.literal("first-of-class") }),
  z.object({ kind: z.literal("on-time"), count: z.number().int().positive() }),
]);

export type BadgeCriteria = z.infer<typeof badgeCriteriaSchema>;

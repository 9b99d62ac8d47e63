import { TRPCError } from "@trpc/server";
import { z } from "zod";

/** The cursor-pagination input every list takes: `limit` rows after the row whose id is `cursor`. */
export const pageInput = {
  cursor: z.uuid().optional(),
  limit: z.number().int().min(1).max(100).default(20),
};

/** Prisma arguments for one page: one extra row tells whether another page follows. */
export function pageArgs(input: { cursor?: string; limit: number }) {
  return {
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  };
}

export function toPage<T extends { id: string }>(
  rows: T[],
  limit: number,
): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

/**
 * A cursor must be a row of the very list being paged. Prisma would page from any row, so an unknown id and one
 * outside the caller's reach would answer differently (an existence oracle); both are refused alike instead.
 */
export async function assertCursorInList(
  cursor: string | undefined,
  countInList: (id: string) => Promise<number>,
) {
  if (cursor && (await countInList(cursor)) === 0)
    throw new TRPCError({ code: "BAD_REQUEST", message: "cursor: not a row of this list" });
}

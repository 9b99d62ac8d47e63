import { z } from "zod";

const LONE_SURROGATE = /\p{Cs}/u;
const WELL_FORMED = "must be well-formed text without NUL";
const isWellFormed = (s: string) => !s.includes("\u0000") && !LONE_SURROGATE.test(s);

/**
 * Free text as PostgreSQL stores it unchanged: well-formed Unicode without NUL (a text column rejects NUL,
 * and a lone surrogate would come back as U+FFFD), never blank. `trim` is for names and titles; content
 * keeps its exact characters, so what is read back equals what was written.
 */
export function text(max: number, { trim = false } = {}) {
  const base = trim ? z.string().trim() : z.string();
  return base
    .min(1)
    .max(max)
    .refine(isWellFormed, WELL_FORMED)
    .refine((s) => s.trim().length > 0, "must not be blank");
}

/** What is typed into a search box: trimmed, possibly empty (no filter), and text PostgreSQL can compare. */
export function searchText(max: number) {
  return z.string().trim().max(max).refine(isWellFormed, WELL_FORMED);
}

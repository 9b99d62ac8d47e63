import { z } from "zod";

const LONE_SURROGATE = /\p{Cs}/u;

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
    .refine((s) => !s.includes("\u0000") && !LONE_SURROGATE.test(s), "must be well-formed text without NUL")
    .refine((s) => s.trim().length > 0, "must not be blank");
}

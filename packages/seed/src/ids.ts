import { createHash } from "node:crypto";

/**
 * A UUID derived from a name (RFC 9562 version 8, from SHA-256), so every run of the seed gives every row the
 * same id and the inserts' `ON CONFLICT DO NOTHING` (insert-rows.ts) makes re-runs change nothing.
 */
export function seedId(...parts: (string | number)[]): string {
  const hex = createHash("sha256")
    .update(`eduplatform-seed:${parts.join(":")}`)
    .digest("hex");
  const variant = ((Number.parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

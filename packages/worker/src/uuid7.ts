import { randomBytes } from "node:crypto";

/**
 * `count` UUIDv7 strings (RFC 9562: 48-bit Unix milliseconds, version 7, variant 10, random rest), the ids
 * Prisma's `@default(uuid(7))` gives rows it creates, for rows written by raw SQL.
 */
export function uuid7s(count: number, now = Date.now()): string[] {
  const bytes = randomBytes(16 * count);
  const ids: string[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const b = bytes.subarray(16 * i, 16 * i + 16);
    b.writeUIntBE(now, 0, 6);
    b[6] = 0x70 | ((b[6] ?? 0) & 0x0f);
    b[8] = 0x80 | ((b[8] ?? 0) & 0x3f);
    const hex = b.toString("hex");
    ids[i] =
      `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  return ids;
}

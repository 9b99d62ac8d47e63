// The seed's one way to write rows: a set-based INSERT through Prisma's raw SQL, one statement per batch.
import { Prisma } from "@edu/db";

/** The PostgreSQL type of a column, as its array is cast: a base type, or an enum's quoted name (`"Role"`). */
export type SqlType =
  | "uuid"
  | "text"
  | "int"
  | "float8"
  | "boolean"
  | "timestamptz"
  | "jsonb"
  | `"${string}"`;

/** What `createMany` takes for a model: the row type the seed builds and this helper checks rows against. */
export type RowOf<T extends Prisma.ModelName> = Exclude<
  Prisma.TypeMap["model"][T]["operations"]["createMany"]["args"]["data"],
  readonly unknown[]
>;

/** The columns written, with their types; a column left out gets its database default. */
export type ColumnsOf<T extends Prisma.ModelName> = { [K in keyof RowOf<T> & string]?: SqlType };

/** Anything that runs raw SQL: the client, or a transaction's client. */
export type SqlClient = Pick<Prisma.TransactionClient, "$queryRaw">;

const quoted = (name: string) => Prisma.raw(`"${name.replaceAll('"', '""')}"`);

/** A value as its element of a `type[]` parameter: dates as ISO strings, JSON as its text, absent as NULL. */
function toParam(value: unknown, type: SqlType): unknown {
  if (value === undefined || value === null) return null;
  if (type === "jsonb") return JSON.stringify(value);
  if (value instanceof Date) return value.toISOString();
  return value;
}

/**
 * `INSERT INTO "T" (cols) SELECT * FROM unnest($1::type[], ...) ON CONFLICT DO NOTHING RETURNING id`: one array
 * parameter per column, however many rows, so PostgreSQL does the work of `createMany({ skipDuplicates })`
 * in a single set-based statement without Prisma building a row at a time. Returns the ids of the rows this
 * statement inserted (not those that existed), as `createManyAndReturn` would. Unlike createMany it fills in
 * nothing on the client's side: rows give their ids and `updatedAt` (Prisma's @updatedAt has no database
 * default). Every row is taken to have the first row's fields.
 */
export async function insertRows<T extends Prisma.ModelName>(
  db: SqlClient,
  table: T,
  columns: ColumnsOf<T>,
  rows: RowOf<T>[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const spec = Object.entries(columns) as [string, SqlType][];
  // A field the spec does not name would be dropped without a word: refuse instead.
  for (const key of Object.keys(rows[0] as object))
    if (!(key in columns)) throw new Error(`insertRows("${table}"): no column type for field "${key}"`);
  const arrays = spec.map(([column, type]) => {
    const values = rows.map((row) => toParam((row as Record<string, unknown>)[column], type));
    return Prisma.sql`${values}::${Prisma.raw(type)}[]`;
  });
  const inserted = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO ${quoted(table)} (${Prisma.join(spec.map(([column]) => quoted(column)))})
    SELECT * FROM unnest(${Prisma.join(arrays)})
    ON CONFLICT DO NOTHING
    RETURNING id::text AS id`;
  return new Set(inserted.map((r) => r.id));
}

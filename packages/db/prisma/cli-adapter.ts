// The driver adapter that the Prisma CLI (migrate, studio) uses on machines without native engines, with
// the work-arounds it needs as of @prisma/adapter-pg 6.19.3. Drop each once upstream fixes it.
//
// 1. prisma/prisma#27403 (open as of @prisma/adapter-pg 6.19.3): the adapter cannot read
// PostgreSQL's catalog types `name` (OID 19) and `"char"` (OID 18), which the schema engine's
// introspection queries return, so `migrate dev` fails with "Column type 'name' could not be deserialized".
// Reporting them as `text` (OID 25) is enough.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { poolConfigFromUrl } from "../src/pool-config";

const TEXT_OID = 25;
const CATALOG_TEXT_OIDS = new Set([18, 19]);

type Fields = { dataTypeID: number }[] | undefined;

function asText(result: unknown): unknown {
  for (const r of Array.isArray(result) ? result : [result]) {
    const fields = (r as { fields?: Fields } | null)?.fields;
    for (const field of fields ?? []) {
      if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    }
  }
  return result;
}

const originalQuery = pg.Client.prototype.query as (...args: unknown[]) => unknown;

pg.Client.prototype.query = function patchedQuery(this: pg.Client, ...args: unknown[]) {
  const callbackIndex = args.findIndex((a) => typeof a === "function");
  if (callbackIndex >= 0) {
    const callback = args[callbackIndex] as (err: unknown, res: unknown) => void;
    args[callbackIndex] = (err: unknown, res: unknown) => callback(err, err ? res : asText(res));
    return originalQuery.apply(this, args);
  }
  const returned = originalQuery.apply(this, args);
  return returned instanceof Promise ? returned.then(asText) : returned;
} as typeof pg.Client.prototype.query;

type ScriptRunner = { executeScript(script: string): Promise<void> };
type PgAdapterInternals = ScriptRunner & { client: pg.Pool; onError(error: unknown): never };

// 4. The adapter's executeScript splits a migration on every ";", which breaks any statement with a
//    semicolon inside it (a PL/pgSQL function body, a string). pg's simple query protocol runs a
//    multi-statement script as sent, so the script goes to the server whole.
function runScriptsWhole<T extends ScriptRunner>(adapter: T): T {
  const internals = adapter as unknown as PgAdapterInternals;
  internals.executeScript = async (script: string) => {
    try {
      await internals.client.query(script);
    } catch (error) {
      internals.onError(error);
    }
  };
  return adapter;
}

/** The adapter factory for prisma.config.ts. */
export function createCliAdapter(databaseUrl: string): PrismaPg {
  // 2. Pass the URL's parts, not a connectionString: the adapter makes its shadow database by overriding
  //    `database`, and a connectionString would win, making the "shadow" the dev database itself.
  // 3. idleTimeoutMillis: 1 lets the idle connection close before the adapter drops the shadow database.
  const factory = new PrismaPg({ ...poolConfigFromUrl(databaseUrl), idleTimeoutMillis: 1 });
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => runScriptsWhole(await connect());
  factory.connectToShadowDb = async () => runScriptsWhole(await connectToShadowDb());
  return factory;
}

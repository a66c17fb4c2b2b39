// The driver adapter that the Prisma CLI uses to run migrations through the WebAssembly schema engine.
// Two known faults of that path are handled here, and only here (the app's client uses a plain PrismaPg):
// - prisma/orm#27403: adapter-pg cannot map the catalog types `char` (OID 18) and `name` (OID 19) that the
//   schema engine reads while migrating; they are plain strings, so they are reported as `text` (OID 25).
// - idle pooled connections keep the CLI process alive for pg's idle timeout after its work is done, so the
//   pool lets the process exit as soon as it is idle.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

const PG_CHAR_OID = 18;
const PG_NAME_OID = 19;
const PG_TEXT_OID = 25;

function reportCatalogTypesAsText(result: unknown): void {
  const results = Array.isArray(result) ? result : [result];
  for (const r of results) {
    for (const field of (r as pg.QueryResult | undefined)?.fields ?? []) {
      if (field.dataTypeID === PG_CHAR_OID || field.dataTypeID === PG_NAME_OID) field.dataTypeID = PG_TEXT_OID;
    }
  }
}

class CatalogSafeClient extends pg.Client {
  // pg's overloads cannot be re-declared generically. pg.Pool calls the callback form, a checked-out client
  // the promise form; both are covered.
  query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === "function") {
      args[args.length - 1] = (err: unknown, result: unknown) => {
        if (!err) reportCatalogTypesAsText(result);
        (last as (e: unknown, r: unknown) => void)(err, result);
      };
    }
    const pending = (super.query as (...a: unknown[]) => unknown)(...args);
    if (pending instanceof Promise) {
      return pending.then((result) => {
        reportCatalogTypesAsText(result);
        return result;
      }) as never;
    }
    return pending as never;
  }
}

export function createMigrateAdapter(connectionString: string): PrismaPg {
  const pool = new pg.Pool({ connectionString, Client: CatalogSafeClient, allowExitOnIdle: true, idleTimeoutMillis: 100 });
  return new PrismaPg(pool, { disposeExternalPool: true });
}

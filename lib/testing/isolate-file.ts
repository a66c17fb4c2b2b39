// Set-up of every integration test file (vitest.config.mts, project "int"), run before the file's own imports:
// the file gets a database of its own, copied from the template that global-setup.ts migrated, and a queue prefix
// of its own, so no file sees another's rows or jobs and the suite passes in any order and any subset. Both go into
// process.env before anything reads it (lib/env.ts parses it on first use; lib/db makes its client on first getDb()).
import { relative } from "node:path";
import { expect } from "vitest";
import { onServer, quotedName } from "./maintenance-db";
import { isolationOf, testDatabaseUrl } from "./test-env";

const testFile = relative(process.cwd(), expect.getState().testPath ?? "");
if (!testFile.endsWith(".int.test.ts")) throw new Error(`lib/testing/isolate-file.ts is for integration test files, not ${testFile || "(no file)"}.`);
const { databaseUrl, queuePrefix } = isolationOf(testFile);

// A copy is made in well under a second; one left by a run that was killed is replaced. global-setup.ts drops them
// all when the run ends.
await onServer(testDatabaseUrl, `DROP DATABASE IF EXISTS ${quotedName(databaseUrl)} WITH (FORCE)`);
await onServer(testDatabaseUrl, `CREATE DATABASE ${quotedName(databaseUrl)} TEMPLATE ${quotedName(testDatabaseUrl)}`);
process.env.DATABASE_URL = databaseUrl;
process.env.FRUGAL_QUEUE_PREFIX = queuePrefix;

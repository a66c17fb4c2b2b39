// The pool repair in pool.ts, against the real server through a proxy that cuts connections: without it, each
// transaction cut by an outage leaks a connection, and after ten the client never reaches PostgreSQL again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTcpProxy, targetOf, type TcpProxy } from "../testing/tcp-proxy";
import { fileDatabaseUrl } from "../testing/test-env";
import { createDb, type Db } from "./client";

const databaseUrl = fileDatabaseUrl();
let proxy: TcpProxy;
let db: Db;

beforeAll(async () => {
  proxy = await startTcpProxy(targetOf(databaseUrl));
  db = createDb(proxy.urlFor(databaseUrl)); // a pool of 10 connections
});

afterAll(async () => {
  await db.$disconnect(); // would hang on leaked connections
  await proxy.close();
});

describe("the database pool after outages in the middle of transactions", () => {
  it("still answers after 12 transactions were cut (more than the pool holds)", async () => {
    for (let outage = 0; outage < 12; outage++) {
      const cut = db.$transaction(async (tx) => {
        await tx.user.count();
        await proxy.stop();
        await tx.user.count();
      });
      await expect(cut).rejects.toThrow(/Connection terminated|not queryable|ECONNRESET/);
      await proxy.start();
      expect(await db.user.count()).toBeGreaterThanOrEqual(0);
    }
  });
});

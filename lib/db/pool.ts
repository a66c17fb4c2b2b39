// The node-postgres pool under Prisma. One repair: Prisma 6.19's transaction manager sends ROLLBACK before it
// releases a transaction's connection, so when PostgreSQL goes away mid-transaction the ROLLBACK fails and the
// connection is never given back. Ten such outages and the pool is full of dead connections: every later query
// waits for a free one and times out, long after PostgreSQL is back. A checked-out connection that ends is
// therefore released here, with an error, which removes it from the pool; a later release by its user (the
// adapter releases a connection whose BEGIN failed) is then a no-op instead of pg-pool's double-release error.
import pg from "pg";

export function createPool(config: pg.PoolConfig): pg.Pool {
  const pool = new pg.Pool(config);
  const checkedOut = new WeakSet<pg.PoolClient>();
  pool.on("acquire", (client) => checkedOut.add(client));
  pool.on("release", (_error, client) => checkedOut.delete(client));
  pool.on("connect", (client) => {
    client.on("end", () => {
      if (!checkedOut.has(client)) return;
      client.release(new Error("The connection to PostgreSQL ended while in use."));
      client.release = () => undefined;
    });
  });
  return pool;
}

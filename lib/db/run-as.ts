// The user the embedded PostgreSQL runs as: this one, or, as root (which PostgreSQL refuses), the `postgres` user.
import { execFileSync } from "node:child_process";
import { userInfo } from "node:os";

export interface RunAs {
  name: string;
  uid: number;
  gid: number;
}

export function runAs(): RunAs {
  const me = userInfo();
  if (me.uid !== 0) return { name: me.username, uid: me.uid, gid: me.gid };
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    return { name: "postgres", uid, gid };
  } catch {
    throw new Error(
      "PostgreSQL does not run as root, and this machine has no `postgres` user to run it as. Create one " +
        "(`useradd --system postgres`), run `npm start` as another user, or set DATABASE_URL to a server you run.",
    );
  }
}

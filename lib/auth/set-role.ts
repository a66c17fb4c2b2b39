// The operator's switch between user and administrator (`npm run user:admin`).
import type { Db } from "../db/client";
import { AppError } from "../errors";

export async function setUserRole(db: Db, rawName: string, role: "USER" | "ADMIN"): Promise<{ username: string; role: "USER" | "ADMIN" }> {
  const username = rawName.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { username } });
  if (!user) {
    throw new AppError("not_found", `No user named \`${username.slice(0, 64)}\`: they sign up at /signup first (or get a token with npm run token:create).`);
  }
  const updated = await db.user.update({ where: { id: user.id }, data: { role }, select: { username: true, role: true } });
  return updated;
}

// Sign-up and sign-in with a username and password. Both end in a brand-new session (sessions.ts).
import { zSignInInput, zSignUpInput } from "../api/schemas/inputs";
import { parseInput } from "../api/parse-input";
import { Prisma, type Db } from "../db/client";
import { AppError } from "../errors";
import { burnPasswordCheck, hashPassword, verifyPassword } from "./passwords";
import { createSession, type SessionUser } from "./sessions";

export interface SignedIn {
  user: SessionUser;
  sessionId: string;
  expiresAt: Date;
}

export async function signUp(db: Db, raw: unknown): Promise<SignedIn> {
  const input = parseInput(zSignUpInput, raw);
  const taken = new AppError("conflict", `The username \`${input.username}\` is taken; choose another.`);
  if (await db.user.findUnique({ where: { username: input.username }, select: { id: true } })) throw taken;
  const passwordHash = await hashPassword(input.password);
  let user: SessionUser;
  try {
    user = await db.user.create({ data: { username: input.username, passwordHash }, select: { id: true, username: true, role: true } });
  } catch (error) {
    // Two sign-ups racing for one name: the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw taken;
    throw error;
  }
  return { user, ...(await createSession(db, user.id)) };
}

export async function signIn(db: Db, raw: unknown): Promise<SignedIn> {
  const input = parseInput(zSignInInput, raw);
  const user = await db.user.findUnique({ where: { username: input.username } });
  const wrong = new AppError("unauthorized", "Wrong username or password.");
  if (!user?.passwordHash) {
    await burnPasswordCheck(input.password);
    throw wrong;
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) throw wrong;
  return { user: { id: user.id, username: user.username, role: user.role }, ...(await createSession(db, user.id)) };
}

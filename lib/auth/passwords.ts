// Passwords are hashed with scrypt from node:crypto (no native add-on to build, nothing to download). Parameters
// follow OWASP's Password Storage Cheat Sheet for scrypt: N = 2^17, r = 8, p = 1 (128 MiB, about 0.4 s on one
// core of the development machine), 16-byte random salt, 64-byte key. They are stored with each hash
// (`scrypt$N$r$p$salt$hash`, base64url), so raising them later leaves old hashes verifiable.
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";

export const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1, keyLength: 64, saltBytes: 16 } as const;

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize("NFKC"), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** 128 × N × r bytes, and some room: Node refuses above maxmem (32 MiB by default). */
function maxmemFor(N: number, r: number): number {
  return 128 * N * r + 16 * 1024 * 1024;
}

export async function hashPassword(password: string): Promise<string> {
  const { N, r, p, keyLength, saltBytes } = SCRYPT_PARAMS;
  const salt = randomBytes(saltBytes);
  const key = await scrypt(password, salt, keyLength, { N, r, p, maxmem: maxmemFor(N, r) });
  return ["scrypt", N, r, p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, keyText] = stored.split("$");
  if (scheme !== "scrypt" || !saltText || !keyText) return false;
  const [N, R, P] = [Number(n), Number(r), Number(p)];
  if (![N, R, P].every(Number.isInteger)) return false;
  const expected = Buffer.from(keyText, "base64url");
  const key = await scrypt(password, Buffer.from(saltText, "base64url"), expected.length, { N, r: R, p: P, maxmem: maxmemFor(N, R) });
  return timingSafeEqual(key, expected);
}

let dummyHash: Promise<string> | undefined;

/** Verifies against a throwaway hash, so an unknown username takes as long to refuse as a wrong password. */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("not a real password, only here to spend the same time");
  await verifyPassword(password, await dummyHash);
}

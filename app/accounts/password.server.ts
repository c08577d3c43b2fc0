import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2 uses argon2id by default; these are OWASP's minimum recommended costs,
// about 12 ms per hash on our 2-core machines (npm run bench:auth, docs/performance.md).
const argon2Options = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A valid hash of a random password, verified against when the email is unknown so that
// "no such account" and "wrong password" take the same time.
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(crypto.randomUUID());
  return decoyHash;
}

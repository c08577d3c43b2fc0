/**
 * `npm run bench:auth`: what signing in costs on this machine. Prints the time to hash and
 * verify a password (argon2id at our settings) and to validate a session against SQLite.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createLucia } from "~/accounts/lucia.server";
import { createAccount } from "~/accounts/accounts.server";
import { hashPassword, verifyPassword } from "~/accounts/password.server";
import { createDb } from "~/db.server";
import { prepareDatabase } from "../server/database.js";

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function time(label: string, runs: number, fn: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = percentile(samples, 50).toFixed(2);
  const p99 = percentile(samples, 99).toFixed(2);
  console.log(`${label.padEnd(34)} median ${median} ms   p99 ${p99} ms   (${runs} runs)`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tsunagu-bench-"));
const url = `file:${path.join(dir, "bench.db")}`;
await prepareDatabase(url);
const db = createDb(url);
try {
  console.log(`${os.cpus()[0]?.model ?? "cpu"} x${os.cpus().length}, Node ${process.version}`);
  const hash = await hashPassword("a long passphrase");
  await time("argon2id hash", 30, () => hashPassword("a long passphrase"));
  await time("argon2id verify", 30, () => verifyPassword(hash, "a long passphrase"));

  const created = await createAccount(db, {
    email: "bench@example.com",
    password: "a long passphrase",
    displayName: "Bench",
    locale: "en",
  });
  if (!created.ok) throw new Error("could not create the bench account");
  const lucia = createLucia(db, { secureCookies: false });
  const session = await lucia.createSession(created.user.id, {});
  await time("session validation (Lucia + Prisma)", 500, () => lucia.validateSession(session.id));
} finally {
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
}

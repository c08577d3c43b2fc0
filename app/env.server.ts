import { isIP } from "node:net";
import { z } from "zod";
import { DEFAULT_QUICK_EXIT_URL } from "~/safety/quick-exit";
import { logLevels } from "../server/log.js";

/**
 * The one place that reads process.env. Modes:
 * - development: `npm run dev`; dev mailbox on, cookies not `secure`.
 * - demo: `npm run demo` (and the e2e suite); production build, dev mailbox on, plain http.
 * - production: `npm start`; `secure` cookies, real email required.
 */
const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    TSUNAGU_MODE: z.enum(["development", "demo", "production"]).optional(),
    DATABASE_URL: z
      .string()
      .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgresql://")
      .default("file:./data/tsunagu.db"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /**
     * The address to listen on. Loopback by default: a demo on a laptop in a café, with its
     * open dev mailbox and known demo passwords, should not be reachable from the café's Wi-Fi,
     * and in production a reverse proxy on the same machine is the way in. Containers and
     * phones on the same network need 0.0.0.0 (or :: for IPv6 too).
     */
    HOST: z
      .string()
      .refine((host) => host === "localhost" || isIP(host) !== 0, {
        message: "must be an IP address such as 127.0.0.1 or 0.0.0.0",
      })
      .default("127.0.0.1"),
    APP_URL: z.string().url().optional(),
    RESEND_API_KEY: z.string().min(1).optional(),
    MAIL_FROM: z.string().min(3).default("Tsunagu <onboarding@resend.dev>"),
    /** Resend's rate limit for the team (2 requests a second unless Resend raised it). */
    RESEND_MAX_PER_SECOND: z.coerce.number().min(0.1).max(1000).default(2),
    /** "off" when the email sender runs only as its own process (`npm run worker`). */
    TSUNAGU_SENDER: z.enum(["on", "off"]).default("on"),
    /** How often the sender looks for due emails and reminders. */
    SENDER_INTERVAL_MS: z.coerce.number().int().min(50).max(600_000).default(2000),
    /** How long a sender may hold a message before another sender may take it over. */
    SENDER_LEASE_MS: z.coerce.number().int().min(1000).max(3_600_000).default(120_000),
    /**
     * The group's name, shown after the kind in calendar titles ("Café · Sophia Circle"). It
     * reaches lock screens, so choose one that says nothing about who comes.
     */
    TSUNAGU_GROUP_NAME: z
      .string()
      .trim()
      .min(1)
      .max(60)
      .regex(/^[^\r\n]*$/, "must be one line")
      .optional(),
    /**
     * Where "Leave quickly" goes: an ordinary site that says nothing about why someone was
     * here. Google's home page by default: familiar in every language and country, light on
     * a slow phone, and a visit to it looks like nothing (docs/decisions/0014).
     */
    QUICK_EXIT_URL: z
      .string()
      .url()
      .refine((url) => /^https?:\/\//i.test(url), { message: "must be an http(s) address" })
      .default(DEFAULT_QUICK_EXIT_URL),
    /** What the JSON log prints: error, warn, info (one line per request; the default) or debug. */
    LOG_LEVEL: z.enum(logLevels).default("info"),
    /** "1" serves /bench/bare, the framework-only baseline for `npm run bench:events`. */
    TSUNAGU_BENCH: z.enum(["0", "1"]).default("0"),
  })
  .transform((raw) => {
    const mode = raw.TSUNAGU_MODE ?? (raw.NODE_ENV === "production" ? "production" : "development");
    return {
      ...raw,
      mode,
      isProduction: mode === "production",
      devMailboxEnabled: mode !== "production",
      appUrl: raw.APP_URL ?? `http://localhost:${raw.PORT}`,
    };
  })
  .superRefine((env, ctx) => {
    if (env.mode !== "production") return;
    if (!env.RESEND_API_KEY) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["RESEND_API_KEY"],
        message: "is required in production: password-reset emails would otherwise be lost",
      });
    }
    if (!env.APP_URL) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ["APP_URL"],
        message: "is required in production: links in emails are built from it",
      });
    }
  });

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // `FOO=` in a shell or .env file means "not set", not "set to nothing".
  const given = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = schema.safeParse(given);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${problems.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

import { redirect } from "@remix-run/node";
import type { Session, User } from "lucia";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { forbidden } from "~/utils/http.server";
import { perRequestOf } from "~/utils/request.server";
import { createLucia, type Auth } from "./lucia.server";
import { hasRole, type Role } from "./roles";

let auth: Auth | undefined;
export function getAuth(): Auth {
  auth ??= createLucia(db(), { secureCookies: env().isProduction });
  return auth;
}

export type SessionUser = { user: User; session: Session; refreshCookie: string | null };

// A loader and its language detection both ask about one Request; the root loader and the
// route's loader get different Request objects for one visit, and share the answer through the
// load context's per-request store when they pass it. Validate once either way.
const perRequest = new WeakMap<Request, Promise<SessionUser | null>>();
const sessionKey = Symbol("session user");

export function getSessionUser(request: Request, context?: unknown): Promise<SessionUser | null> {
  const store = perRequestOf(context);
  let pending =
    perRequest.get(request) ?? (store?.get(sessionKey) as Promise<SessionUser | null> | undefined);
  if (!pending) pending = validate(request);
  perRequest.set(request, pending);
  store?.set(sessionKey, pending);
  return pending;
}

async function validate(request: Request): Promise<SessionUser | null> {
  const lucia = getAuth();
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return null;
  const { session, user } = await lucia.validateSession(sessionId);
  if (!session || !user) return null;
  // Lucia extends a session past half its life; the cookie must follow.
  const refreshCookie = session.fresh ? lucia.createSessionCookie(session.id).serialize() : null;
  return { user, session, refreshCookie };
}

/** Sends visitors without a session to log in, then back to where they were going. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const current = await getSessionUser(request);
  if (current) return current;
  const url = new URL(request.url);
  const params = new URLSearchParams({ redirectTo: url.pathname + url.search });
  throw redirect(`/login?${params.toString()}`);
}

export async function requireRole(request: Request, role: Role): Promise<SessionUser> {
  const current = await requireUser(request);
  if (!hasRole(current.user.role, role)) throw forbidden();
  return current;
}

export async function startSession(userId: string): Promise<string> {
  const lucia = getAuth();
  const session = await lucia.createSession(userId, {});
  return lucia.createSessionCookie(session.id).serialize();
}

export async function endSession(request: Request): Promise<string> {
  const lucia = getAuth();
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (sessionId) await lucia.invalidateSession(sessionId);
  return lucia.createBlankSessionCookie().serialize();
}

export function blankSessionCookie(): string {
  return getAuth().createBlankSessionCookie().serialize();
}

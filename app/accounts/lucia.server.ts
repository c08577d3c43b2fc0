import { Lucia, TimeSpan } from "lucia";
import type { Db } from "~/db.server";
import { PrismaSessionAdapter } from "./lucia-adapter.server";

/**
 * Everything Lucia-specific lives here and in lucia-adapter.server.ts; the rest of the app uses
 * sessions.server.ts. Moving to Lucia's @oslojs recipe means rewriting only these two files.
 */
export function createLucia(db: Db, options: { secureCookies: boolean }) {
  return new Lucia(new PrismaSessionAdapter(db), {
    sessionExpiresIn: new TimeSpan(30, "d"),
    sessionCookie: {
      name: "tsunagu_session",
      // Lucia sets httpOnly, path=/ and sameSite=lax itself; `secure` only over https.
      attributes: { secure: options.secureCookies, sameSite: "lax" },
    },
    getUserAttributes: (attributes) => ({
      email: attributes.email,
      displayName: attributes.displayName,
      role: attributes.role,
      locale: attributes.locale,
    }),
  });
}

export type Auth = ReturnType<typeof createLucia>;

declare module "lucia" {
  interface Register {
    Lucia: Auth;
    DatabaseUserAttributes: {
      email: string;
      displayName: string;
      role: string;
      locale: string | null;
    };
  }
}

import { createAccount } from "~/accounts/accounts.server";
import type { Role } from "~/accounts/roles";
import type { Db } from "~/db.server";
import type { Locale } from "~/i18n/config";

export const demoPassword = "tsunagu-demo";

type DemoPerson = { displayName: string; email: string; role: Role; locale: Locale; note: string };

// Names are what people chose to be called; several are nicknames, as the product allows.
export const demoPeople: DemoPerson[] = [
  {
    displayName: "Kenji Mori",
    email: "admin@demo.tsunagu.jp",
    role: "admin",
    locale: "ja",
    note: "admin",
  },
  {
    displayName: "Aiko Tanaka",
    email: "aiko@demo.tsunagu.jp",
    role: "organizer",
    locale: "ja",
    note: "organizer, Refugee Cafe",
  },
  {
    displayName: "Sara Haddad",
    email: "sara@demo.tsunagu.jp",
    role: "organizer",
    locale: "en",
    note: "organizer, yoga",
  },
  {
    displayName: "Ren Sato",
    email: "ren@demo.tsunagu.jp",
    role: "member",
    locale: "ja",
    note: "student mentor",
  },
  {
    displayName: "Chloé Martin",
    email: "chloe@demo.tsunagu.jp",
    role: "member",
    locale: "fr",
    note: "student mentor",
  },
  {
    displayName: "Daryush",
    email: "daryush@demo.tsunagu.jp",
    role: "member",
    locale: "fa",
    note: "member, reads Persian",
  },
  {
    displayName: "Maryam",
    email: "maryam@demo.tsunagu.jp",
    role: "member",
    locale: "fa",
    note: "member, reads Persian",
  },
  {
    displayName: "Amal",
    email: "amal@demo.tsunagu.jp",
    role: "member",
    locale: "ar",
    note: "member, reads Arabic",
  },
  {
    displayName: "Jean-Paul K.",
    email: "jeanpaul@demo.tsunagu.jp",
    role: "member",
    locale: "fr",
    note: "member, reads French",
  },
  {
    displayName: "Thida",
    email: "thida@demo.tsunagu.jp",
    role: "member",
    locale: "ja-x-easy",
    note: "member, reads Easy Japanese",
  },
];

/** Adds the demo people once; running it again changes nothing. */
export async function seedDemo(db: Db): Promise<{ created: number }> {
  let created = 0;
  for (const person of demoPeople) {
    if (await db.user.findUnique({ where: { email: person.email } })) continue;
    const result = await createAccount(db, { ...person, password: demoPassword });
    if (!result.ok) continue;
    if (person.role !== "member") {
      await db.user.update({ where: { id: result.user.id }, data: { role: person.role } });
    }
    created++;
  }
  return { created };
}

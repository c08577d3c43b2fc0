import { createAccount } from "~/accounts/accounts.server";
import type { Role } from "~/accounts/roles";
import { db } from "~/db.server";
import type { Locale } from "~/i18n/config";

let counter = 0;

/** A new account with a unique email, straight through the accounts module (no HTTP). */
export async function createPerson(
  options: { locale?: Locale; role?: Role; data?: { reminderLead?: string } } = {},
) {
  counter++;
  const created = await createAccount(db(), {
    email: `person-${counter}-${crypto.randomUUID().slice(0, 8)}@example.com`,
    password: "a long passphrase",
    displayName: `Person ${counter}`,
    locale: options.locale ?? "en",
  });
  if (!created.ok) throw new Error("Could not create a test account");
  const changes = { ...(options.role ? { role: options.role } : {}), ...options.data };
  if (Object.keys(changes).length === 0) return created.user;
  return db().user.update({ where: { id: created.user.id }, data: changes });
}

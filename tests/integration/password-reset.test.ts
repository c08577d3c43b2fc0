import { describe, expect, it } from "vitest";
import {
  createPasswordResetToken,
  RESET_TOKEN_LIFETIME_MS,
} from "~/accounts/password-reset.server";
import { db } from "~/db.server";
import * as devMailbox from "~/routes/dev.mailbox";
import * as forgot from "~/routes/forgot-password";
import * as login from "~/routes/login";
import * as reset from "~/routes/reset-password";
import { deliverOutbox } from "../support/outbox";
import { context, formRequest, getRequest, respond } from "../support/requests";
import { signUpAndConfirm } from "../support/signup";

const args = (request: Request) => ({ request, params: {}, context });

async function signUp(email: string, password = "a long passphrase") {
  return signUpAndConfirm(
    { displayName: "Maryam", email, password },
    { acceptLanguage: "fa-IR,fa;q=0.9" },
  );
}

function linkIn(text: string): URL {
  const match = text.match(/http:\/\/\S+reset-password\?token=[\w-]+/);
  if (!match) throw new Error(`No reset link in:\n${text}`);
  return new URL(match[0]);
}

describe("password reset by emailed link", () => {
  it("mails a one-hour link in the person's language, and the link sets a new password once", async () => {
    await signUp("maryam@example.com");
    const kept = await db().devMail.count({ where: { to: "maryam@example.com" } }); // the sign-up link
    const sent = await respond(() =>
      forgot.action(args(formRequest("/forgot-password", { email: "Maryam@example.com" }))),
    );
    expect((await sent.json()).sent).toBe(true);
    expect(await db().devMail.count({ where: { to: "maryam@example.com" } })).toBe(kept); // not before the sender runs
    expect((await deliverOutbox()).sent).toBe(1);

    const mail = await db().devMail.findFirstOrThrow({
      where: { to: "maryam@example.com" },
      orderBy: { createdAt: "desc" },
    });
    expect(mail.html).toContain('dir="rtl"');
    expect(mail.subject).toMatch(/[\u0600-\u06FF]/); // Persian, chosen at sign-up from Accept-Language
    const link = linkIn(mail.text);
    const token = link.searchParams.get("token")!;
    expect(await db().passwordResetToken.count({ where: { tokenHash: token } })).toBe(0); // only the hash is kept
    const delivered = await db().outboxMessage.findFirstOrThrow({
      where: { kind: "password_reset" },
    });
    expect(delivered.status).toBe("sent");
    expect(delivered.payload).not.toContain(token); // and the outbox forgets the link once sent
    expect(mail.text).toContain("/unsubscribe/");

    const page = await respond(() => reset.loader(args(getRequest(link.pathname + link.search))));
    expect(await page.json()).toEqual({ token, valid: true });

    const done = await respond(() =>
      reset.action(
        args(formRequest("/reset-password", { token, password: "my brand new passphrase" })),
      ),
    );
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe("/settings?reset=1");
    expect(done.headers.get("Set-Cookie")).toMatch(/^tsunagu_session=/);

    const loggedIn = await respond(() =>
      login.action(
        args(
          formRequest("/login", {
            email: "maryam@example.com",
            password: "my brand new passphrase",
          }),
        ),
      ),
    );
    expect(loggedIn.status).toBe(302);

    const reused = await respond(() =>
      reset.action(
        args(formRequest("/reset-password", { token, password: "yet another passphrase" })),
      ),
    );
    expect((await reused.json()).expired).toBe(true);
  });

  it("answers the same for an unknown email and sends nothing", async () => {
    const before = await db().outboxMessage.count();
    const response = await respond(() =>
      forgot.action(args(formRequest("/forgot-password", { email: "stranger@example.com" }))),
    );
    expect((await response.json()).sent).toBe(true);
    expect(await db().outboxMessage.count()).toBe(before);
  });

  it("refuses an expired link and a made-up one, and the password stays the same", async () => {
    await signUp("late@example.com");
    const oneHourAgo = new Date(Date.now() - RESET_TOKEN_LIFETIME_MS - 1000);
    const created = await createPasswordResetToken(db(), "late@example.com", "en", oneHourAgo);
    const expired = await respond(() =>
      reset.loader(args(getRequest(`/reset-password?token=${created!.token}`))),
    );
    expect((await expired.json()).valid).toBe(false);
    const made = await respond(() =>
      reset.action(
        args(formRequest("/reset-password", { token: "made-up", password: "a new passphrase" })),
      ),
    );
    expect((await made.json()).expired).toBe(true);
    const stillWorks = await respond(() =>
      login.action(
        args(formRequest("/login", { email: "late@example.com", password: "a long passphrase" })),
      ),
    );
    expect(stillWorks.status).toBe(302);
  });

  it("shows kept messages in the dev mailbox outside production", async () => {
    await signUp("mailbox@example.com");
    await forgot.action(args(formRequest("/forgot-password", { email: "mailbox@example.com" })));
    await deliverOutbox();
    const response = await respond(() => devMailbox.loader(args(getRequest("/dev/mailbox"))));
    const { mails } = await response.json();
    expect(mails.some((m: { to: string }) => m.to === "mailbox@example.com")).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import {
  CONFIRMATION_LIFETIME_MS,
  CONFIRM_FAILURES_PER_IP,
  SIGNUP_REQUESTS_PER_IP,
  UNCONFIRMED_KEPT_MS,
  hashConfirmationToken,
  removeUnconfirmedAccounts,
} from "~/accounts/signup.server";
import { logIn as logInDirectly } from "~/accounts/login.server";
import { db } from "~/db.server";
import * as confirm from "~/routes/signup_.confirm";
import * as forgot from "~/routes/forgot-password";
import * as login from "~/routes/login";
import * as reset from "~/routes/reset-password";
import * as resend from "~/routes/signup_.resend";
import * as signup from "~/routes/signup";
import { deliverOutbox } from "../support/outbox";
import { createPerson } from "../support/people";
import { cookieFrom, formRequest, getRequest, respond } from "../support/requests";
import { confirmationLinkFor, nextClientIp, openConfirmationLink } from "../support/signup";
import { demoPassword, demoPeople, seedDemo } from "../../scripts/demo-seed";

function post(
  route: { action: (args: never) => unknown },
  path: string,
  fields: Record<string, string>,
  options: { ip?: string; acceptLanguage?: string } = {},
) {
  const request = formRequest(path, fields);
  if (options.acceptLanguage) request.headers.set("Accept-Language", options.acceptLanguage);
  const args = { request, params: {}, context: { clientIp: options.ip ?? nextClientIp() } };
  return respond(() => (route.action as (a: typeof args) => unknown)(args));
}

const signUp = (
  fields: Record<string, string>,
  options?: { ip?: string; acceptLanguage?: string },
) => post(signup, "/signup", fields, options);

const logIn = (email: string, password: string) =>
  post(login, "/login", { email, password, redirectTo: "/" });

/** What the person sees after signing up, without the form's echo of what was typed. */
async function answerOf(response: Response) {
  const body = await response.json();
  return { status: response.status, sentTo: body.sentTo, errors: body.result.error ?? null };
}

describe("signing up with an emailed link", () => {
  it("answers 'check your email', and the link in the person's language confirms and logs in once", async () => {
    const response = await signUp(
      { displayName: "Maryam", email: "Maryam@Example.com", password: "a long passphrase" },
      { acceptLanguage: "fa-IR,fa;q=0.9" },
    );
    expect(await answerOf(response)).toEqual({
      status: 200,
      sentTo: "maryam@example.com",
      errors: null,
    });
    expect(response.headers.get("Set-Cookie")).toBeNull();
    const user = await db().user.findUniqueOrThrow({ where: { email: "maryam@example.com" } });
    expect(user.emailVerifiedAt).toBeNull();

    // Not before the address is confirmed, and the person is told why.
    const early = await logIn("maryam@example.com", "a long passphrase");
    expect(early.status).toBe(403);
    const earlyBody = await early.json();
    expect(earlyBody.result.error).toEqual({ "": ["signupConfirm.confirmFirst"] });
    expect(earlyBody.unconfirmed).toBe("maryam@example.com");
    expect(early.headers.get("Set-Cookie")).toBeNull();

    const link = await confirmationLinkFor("maryam@example.com");
    const mail = await db().devMail.findFirstOrThrow({ where: { to: "maryam@example.com" } });
    expect(mail.subject).toMatch(/[\u0600-\u06FF]/); // Persian, the language she was reading
    expect(mail.subject).not.toMatch(/Tsunagu|refugee|پناه/i); // nothing telling on a lock screen
    expect(mail.html).toContain('dir="rtl"');
    const token = link.searchParams.get("token")!;
    expect(await db().signupConfirmation.count({ where: { tokenHash: token } })).toBe(0);
    expect(
      await db().signupConfirmation.count({ where: { tokenHash: hashConfirmationToken(token) } }),
    ).toBe(1);
    const delivered = await db().outboxMessage.findFirstOrThrow({
      where: { userId: user.id, kind: "signup_confirm" },
    });
    expect(delivered.payload).not.toContain(token); // erased once sent

    const confirmed = await openConfirmationLink(link);
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("Location")).toBe("/?welcome=1");
    cookieFrom(confirmed, "tsunagu_session");
    expect(
      (await db().user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt,
    ).not.toBeNull();
    expect((await logIn("maryam@example.com", "a long passphrase")).status).toBe(302);

    // The link works once.
    const again = await respond(() =>
      confirm.loader({
        request: getRequest(link.pathname + link.search),
        params: {},
        context: { clientIp: nextClientIp() },
      }),
    );
    expect((await again.json()).valid).toBe(false);
    const reused = await post(confirm, "/signup/confirm", { token });
    expect(reused.status).toBe(400);
    expect(reused.headers.get("Set-Cookie")).toBeNull();
  });

  it("answers a registered address exactly like a new one, changes nothing and tells its owner", async () => {
    const owner = await createPerson({ locale: "fr" });
    const before = await db().user.findUniqueOrThrow({ where: { id: owner.id } });
    const fields = { displayName: "Intruder", password: "the intruder's passphrase" };
    const registered = await signUp({ ...fields, email: owner.email.toUpperCase() });
    const fresh = await signUp({ ...fields, email: "brand-new@example.com" });
    const registeredAnswer = await answerOf(registered);
    const freshAnswer = await answerOf(fresh);
    expect(registeredAnswer).toEqual({ ...freshAnswer, sentTo: owner.email });
    expect(registered.headers.get("Set-Cookie")).toBeNull();

    const after = await db().user.findUniqueOrThrow({ where: { id: owner.id } });
    expect(after).toEqual(before);
    expect(await db().user.count({ where: { email: owner.email } })).toBe(1);

    await deliverOutbox();
    const note = await db().devMail.findFirstOrThrow({ where: { to: owner.email } });
    // In the owner's language, addressed by the owner's name, never the one typed at sign-up.
    expect(note.subject).toBe("Une inscription avec votre adresse e-mail");
    expect(note.text).toContain(owner.displayName);
    expect(note.text).not.toContain("Intruder");
    expect(note.text).toContain("http://localhost:3000/login");
    expect(note.text).toContain("http://localhost:3000/forgot-password");
    expect(note.text).not.toMatch(/signup\/confirm/);
  });

  it("replaces the details of an address still waiting, kills the old link, and asks for the password after the new one", async () => {
    const email = "again@example.com";
    await signUp({ displayName: "First", email, password: "first passphrase" });
    const oldLink = await confirmationLinkFor(email);
    await signUp({ displayName: "Second", email, password: "second passphrase" });
    const newLink = await confirmationLinkFor(email);
    expect(newLink.href).not.toBe(oldLink.href);
    expect(await db().user.count({ where: { email } })).toBe(1);
    expect((await db().user.findUniqueOrThrow({ where: { email } })).displayName).toBe("Second");

    const old = await respond(() =>
      confirm.loader({
        request: getRequest(oldLink.pathname + oldLink.search),
        params: {},
        context: { clientIp: nextClientIp() },
      }),
    );
    expect((await old.json()).valid).toBe(false);

    // Whoever signed up second may not be the owner of the inbox: the link confirms the
    // address, but only the password (which the owner can reset) logs in.
    const confirmed = await openConfirmationLink(newLink);
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("Location")).toBe("/login?confirmed=1");
    expect(confirmed.headers.get("Set-Cookie")).toBeNull();
    expect((await logIn(email, "first passphrase")).status).toBe(400);
    expect((await logIn(email, "second passphrase")).status).toBe(302);
  });

  it("sends a new link on request, answering the same for any address", async () => {
    const email = "resend@example.com";
    await signUp({ displayName: "Resend", email, password: "a long passphrase" });
    const first = await confirmationLinkFor(email);
    const asked = await post(resend, "/signup/resend", { email });
    const unknown = await post(resend, "/signup/resend", { email: "nobody-here@example.com" });
    const confirmedAlready = await post(resend, "/signup/resend", {
      email: (await createPerson()).email,
    });
    for (const response of [asked, unknown, confirmedAlready]) {
      expect(response.status).toBe(200);
      expect((await response.json()).sent).toBe(true);
    }
    const second = await confirmationLinkFor(email);
    expect(second.href).not.toBe(first.href);
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(await db().outboxMessage.count({ where: { userId: user.id } })).toBe(2);
    // Asked for by the account itself, the new link logs in like the first would have.
    const confirmed = await openConfirmationLink(second);
    expect(confirmed.headers.get("Location")).toBe("/?welcome=1");
  });

  it("sends one address at most three sign-up emails an hour, silently", async () => {
    const email = "flood@example.com";
    for (let i = 0; i < 3; i++) {
      await signUp({ displayName: "Flood", email, password: "a long passphrase" });
    }
    const fourth = await signUp({ displayName: "Flood", email, password: "a long passphrase" });
    expect((await answerOf(fourth)).sentTo).toBe(email);
    const fifth = await post(resend, "/signup/resend", { email });
    expect((await fifth.json()).sent).toBe(true);
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(await db().outboxMessage.count({ where: { userId: user.id } })).toBe(3);

    const owner = await createPerson();
    for (let i = 0; i < 5; i++) {
      await signUp({ displayName: "X", email: owner.email, password: "a long passphrase" });
    }
    expect(await db().outboxMessage.count({ where: { userId: owner.id } })).toBe(3);
  });

  it("tells a client address that signs up too often when to come back", async () => {
    const ip = "203.0.113.80";
    for (let i = 0; i < SIGNUP_REQUESTS_PER_IP; i++) {
      const ok = await signUp(
        { displayName: "Café", email: `guest-${i}@example.com`, password: "a long passphrase" },
        { ip },
      );
      expect(ok.status).toBe(200);
    }
    const blocked = await signUp(
      { displayName: "Café", email: "one-more@example.com", password: "a long passphrase" },
      { ip },
    );
    expect(blocked.status).toBe(429);
    const body = await blocked.json();
    expect(body.result.error).toEqual({ "": ["throttle.tooManyRequests"] });
    expect(body.time).toMatch(/\d{1,2}:\d{2}/);
    expect(body.sentTo).toBeNull();
    expect(await db().user.count({ where: { email: "one-more@example.com" } })).toBe(0);
    const resent = await post(resend, "/signup/resend", { email: "guest-1@example.com" }, { ip });
    expect(resent.status).toBe(429);
  });

  it("stops answering a client address that tries many wrong links", async () => {
    const ip = "203.0.113.81";
    for (let i = 0; i < CONFIRM_FAILURES_PER_IP; i++) {
      const wrong = await post(confirm, "/signup/confirm", { token: `made-up-${i}` }, { ip });
      expect(wrong.status).toBe(400);
    }
    await signUp({ displayName: "Real", email: "real@example.com", password: "a long passphrase" });
    const link = await confirmationLinkFor("real@example.com");
    const token = link.searchParams.get("token")!;
    const blocked = await post(confirm, "/signup/confirm", { token }, { ip });
    expect(blocked.status).toBe(429);
    expect((await blocked.json()).time).toMatch(/\d{1,2}:\d{2}/);
    expect(
      (await db().user.findUniqueOrThrow({ where: { email: "real@example.com" } })).emailVerifiedAt,
    ).toBeNull();
    // From anywhere else the real link still works.
    expect((await openConfirmationLink(link)).status).toBe(302);
  });

  it("lets a link expire after 24 hours, and does not even send one that expired on the way", async () => {
    const email = "slow@example.com";
    await signUp({ displayName: "Slow", email, password: "a long passphrase" });
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    const later = new Date(Date.now() + CONFIRMATION_LIFETIME_MS + 60_000);
    const report = await deliverOutbox(later);
    expect(report.skipped).toBe(1);
    const message = await db().outboxMessage.findFirstOrThrow({ where: { userId: user.id } });
    expect(message.status).toBe("skipped");
    expect(message.payload).toBe("{}");

    await db().signupConfirmation.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await post(resend, "/signup/resend", { email });
    const link = await confirmationLinkFor(email);
    await db().signupConfirmation.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const page = await respond(() =>
      confirm.loader({
        request: getRequest(link.pathname + link.search),
        params: {},
        context: { clientIp: nextClientIp() },
      }),
    );
    expect((await page.json()).valid).toBe(false);
  });

  it("confirms an address waiting for its link when its owner resets the password instead", async () => {
    const email = "lost-link@example.com";
    await signUp({ displayName: "Lost", email, password: "a forgotten passphrase" });
    await post(forgot, "/forgot-password", { email });
    await deliverOutbox();
    const resetMail = await db().devMail.findFirstOrThrow({
      where: { to: email, text: { contains: "reset-password" } },
    });
    const token = resetMail.text.match(/reset-password\?token=([\w-]+)/)![1]!;
    const done = await post(reset, "/reset-password", { token, password: "my new passphrase" });
    expect(done.status).toBe(302);
    const user = await db().user.findUniqueOrThrow({ where: { email } });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await db().signupConfirmation.count({ where: { userId: user.id } })).toBe(0);
    expect((await logIn(email, "my new passphrase")).status).toBe(302);
  });

  it("erases accounts never confirmed a week after their link expired, and nothing else", async () => {
    await signUp({ displayName: "Gone", email: "gone@example.com", password: "a long passphrase" });
    await signUp({ displayName: "Kept", email: "kept@example.com", password: "a long passphrase" });
    const confirmedPerson = await createPerson();
    const gone = await db().user.findUniqueOrThrow({ where: { email: "gone@example.com" } });
    const longAgo = new Date(Date.now() - UNCONFIRMED_KEPT_MS - CONFIRMATION_LIFETIME_MS - 60_000);
    await db().user.update({ where: { id: gone.id }, data: { createdAt: longAgo } });
    await db().signupConfirmation.updateMany({
      where: { userId: gone.id },
      data: { expiresAt: new Date(longAgo.getTime() + CONFIRMATION_LIFETIME_MS) },
    });
    await db().user.update({ where: { id: confirmedPerson.id }, data: { createdAt: longAgo } });

    expect(await removeUnconfirmedAccounts(db())).toBe(1);
    expect(await db().user.count({ where: { email: "gone@example.com" } })).toBe(0);
    expect(await db().user.count({ where: { email: "kept@example.com" } })).toBe(1);
    expect(await db().user.count({ where: { id: confirmedPerson.id } })).toBe(1);
  });

  it("leaves the demo seed's people confirmed, so the demo logins work", async () => {
    await seedDemo(db());
    for (const person of demoPeople) {
      const outcome = await logInDirectly(db(), {
        email: person.email,
        password: demoPassword,
        ip: nextClientIp(),
      });
      expect(outcome, person.email).toMatchObject({ ok: true });
    }
  });
});

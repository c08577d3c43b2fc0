import { describe, expect, it } from "vitest";
import { FAILURES_PER_ACCOUNT } from "~/accounts/login-throttle.server";
import { db } from "~/db.server";
import * as login from "~/routes/login";
import * as logout from "~/routes/logout";
import * as settings from "~/routes/settings";
import * as settingsData from "~/routes/settings.data";
import * as signup from "~/routes/signup";
import { context, cookieFrom, formRequest, getRequest, respond } from "../support/requests";
import { postSettings, savedLocation } from "../support/settings";
import { signUpAndConfirm } from "../support/signup";

const SESSION = "tsunagu_session";
const args = (request: Request) => ({ request, params: {}, context });

async function signUp(email: string, password = "a long passphrase", displayName = "Mina") {
  return signUpAndConfirm({ displayName, email, password });
}

async function logIn(
  email: string,
  password: string,
  ip = context.clientIp,
  extra: Record<string, string> = {},
) {
  return respond(() =>
    login.action({
      request: formRequest("/login", { email, password, ...extra }),
      params: {},
      context: { clientIp: ip },
    }),
  );
}

describe("sign up", () => {
  it("creates an account with a nickname through the emailed link, starts a session and stores no password", async () => {
    const { response, cookie } = await signUp(
      "  Mina@Example.com ",
      "correct horse battery",
      "みな ☺",
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/?welcome=1");
    const setCookie = response.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // development mode; production adds Secure
    const user = await db().user.findUniqueOrThrow({ where: { email: "mina@example.com" } });
    expect(user.displayName).toBe("みな ☺");
    expect(user.role).toBe("member");
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain("correct horse");
    expect(cookie).toMatch(new RegExp(`^${SESSION}=`));
  });

  it("explains, in translatable keys, what is wrong and keeps what was typed except the password", async () => {
    const response = await respond(() =>
      signup.action(
        args(formRequest("/signup", { displayName: "", email: "not-an-email", password: "short" })),
      ),
    );
    expect(response.status).toBe(400);
    const { result } = await response.json();
    expect(result.error).toEqual({
      displayName: ["errors.required"],
      email: ["errors.emailInvalid"],
      password: ["errors.passwordTooShort"],
    });
    expect(result.initialValue.email).toBe("not-an-email");
    expect(result.initialValue.password).toBeUndefined();
  });

  it("makes no second account for the same email, whatever its case, and does not say so", async () => {
    await signUp("twice@example.com");
    const again = await respond(() =>
      signup.action(
        args(
          formRequest("/signup", {
            displayName: "Other",
            email: "TWICE@example.com",
            password: "another passphrase",
          }),
        ),
      ),
    );
    expect(again.status).toBe(200);
    expect((await again.json()).sentTo).toBe("twice@example.com");
    expect(await db().user.count({ where: { email: "twice@example.com" } })).toBe(1);
  });
});

describe("log in and out", () => {
  it("logs in with the right password and goes back where the person was heading", async () => {
    await signUp("amal@example.com", "a long passphrase");
    const response = await logIn("AMAL@example.com", "a long passphrase", "198.51.100.1", {
      redirectTo: "/settings",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/settings");
    cookieFrom(response, SESSION);
  });

  it("never redirects to another site after log-in", async () => {
    await signUp("farhad@example.com", "a long passphrase");
    const response = await logIn("farhad@example.com", "a long passphrase", "198.51.100.2", {
      redirectTo: "//evil.example",
    });
    expect(response.headers.get("Location")).toBe("/");
  });

  it("gives the same answer for a wrong password and an unknown email", async () => {
    await signUp("sara@example.com", "a long passphrase");
    const wrong = await logIn("sara@example.com", "not the passphrase", "198.51.100.3");
    const unknown = await logIn("nobody@example.com", "not the passphrase", "198.51.100.3");
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    expect((await wrong.json()).result.error).toEqual({ "": ["errors.invalidCredentials"] });
    expect((await unknown.json()).result.error).toEqual({ "": ["errors.invalidCredentials"] });
  });

  it("throttles an account after repeated failures, with a time to come back, even with the right password", async () => {
    await signUp("target@example.com", "a long passphrase");
    for (let i = 0; i < FAILURES_PER_ACCOUNT; i++) {
      // Different addresses: the per-account limit must hold on its own.
      expect((await logIn("target@example.com", `guess ${i}`, `192.0.2.${i + 1}`)).status).toBe(
        400,
      );
    }
    const blocked = await logIn("target@example.com", "a long passphrase", "192.0.2.200");
    expect(blocked.status).toBe(429);
    const body = await blocked.json();
    expect(body.result.error).toEqual({ "": ["errors.tooManyAttempts"] });
    expect(body.time).toMatch(/\d{1,2}:\d{2}/);
    // Other people are not locked out by it.
    await signUp("bystander@example.com", "a long passphrase");
    expect((await logIn("bystander@example.com", "a long passphrase", "192.0.2.201")).status).toBe(
      302,
    );
    // Only hashes are stored in the throttle table.
    const keys = (await db().rateLimit.findMany()).map((row) => row.key).join(" ");
    expect(keys).not.toContain("target@example.com");
    expect(keys).not.toContain("192.0.2.1");
  });

  it("throttles an address that tries many accounts", async () => {
    const ip = "203.0.113.99";
    for (let i = 0; i < 40; i++) await logIn(`someone${i}@example.com`, "guess", ip);
    expect((await logIn("someone-else@example.com", "guess", ip)).status).toBe(429);
  });

  it("ends the session on log-out", async () => {
    const { cookie } = await signUp("leaving@example.com");
    const response = await respond(() => logout.action(args(formRequest("/logout", {}, cookie))));
    expect(response.status).toBe(302);
    expect(response.headers.get("Set-Cookie")).toMatch(/Max-Age=0/i);
    const again = await respond(() =>
      settings.loader(args(getRequest("/settings", { Cookie: cookie }))),
    );
    expect(again.status).toBe(302);
    expect(again.headers.get("Location")).toBe("/login?redirectTo=%2Fsettings");
  });
});

describe("settings", () => {
  it("needs a session", async () => {
    const response = await respond(() => settings.loader(args(getRequest("/settings"))));
    expect(response.headers.get("Location")).toBe("/login?redirectTo=%2Fsettings");
  });

  it("saves the display name and language, and applies the language at once", async () => {
    const { cookie } = await signUp("daryush@example.com");
    const response = await postSettings(
      "profile",
      { displayName: "Daryush", locale: "fa" },
      cookie,
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(savedLocation("profile"));
    expect(response.headers.get("Set-Cookie")).toMatch(/^lng=/);
    const user = await db().user.findUniqueOrThrow({ where: { email: "daryush@example.com" } });
    expect(user).toMatchObject({ displayName: "Daryush", locale: "fa" });
  });

  it("rejects an unknown language and keeps the old one", async () => {
    const { cookie } = await signUp("keep@example.com");
    const response = await postSettings("profile", { displayName: "Keep", locale: "xx" }, cookie);
    expect(response.status).toBe(400);
    expect((await response.json()).result.error.locale).toEqual(["errors.invalidLanguage"]);
    expect(
      (await db().user.findUniqueOrThrow({ where: { email: "keep@example.com" } })).displayName,
    ).toBe("Mina");
  });

  it("changes the email only with the current password", async () => {
    const { cookie } = await signUp("old@example.com", "a long passphrase");
    const wrong = await postSettings(
      "email",
      { email: "new@example.com", currentPassword: "nope" },
      cookie,
    );
    expect((await wrong.json()).result.error.currentPassword).toEqual(["errors.wrongPassword"]);
    const right = await postSettings(
      "email",
      { email: "New@Example.com", currentPassword: "a long passphrase" },
      cookie,
    );
    expect(wrong.status).toBe(400);
    expect(right.headers.get("Location")).toBe(savedLocation("email"));
    expect(await db().user.count({ where: { email: "new@example.com" } })).toBe(1);
  });

  it("changes the password and logs out every other device", async () => {
    const { cookie } = await signUp("devices@example.com", "a long passphrase");
    const otherDevice = cookieFrom(
      await logIn("devices@example.com", "a long passphrase", "198.51.100.20"),
      SESSION,
    );
    const response = await postSettings(
      "password",
      { currentPassword: "a long passphrase", newPassword: "an even longer passphrase" },
      cookie,
    );
    expect(response.headers.get("Location")).toBe(savedLocation("password"));
    expect(
      (await respond(() => settings.loader(args(getRequest("/settings", { Cookie: cookie })))))
        .status,
    ).toBe(200);
    expect(
      (await respond(() => settings.loader(args(getRequest("/settings", { Cookie: otherDevice })))))
        .status,
    ).toBe(302);
    expect(
      (await logIn("devices@example.com", "an even longer passphrase", "198.51.100.21")).status,
    ).toBe(302);
  });

  it("exports everything stored about the person as a JSON download, without secrets", async () => {
    const { cookie } = await signUp("export@example.com", "a long passphrase", "Jean-Paul");
    const response = await respond(() =>
      settingsData.loader(args(getRequest("/settings/data", { Cookie: cookie }))),
    );
    expect(response.headers.get("Content-Disposition")).toMatch(
      /attachment; filename="tsunagu-my-data-\d{4}-\d{2}-\d{2}\.json"/,
    );
    const text = await response.text();
    const data = JSON.parse(text);
    expect(data.account).toMatchObject({
      email: "export@example.com",
      displayName: "Jean-Paul",
      role: "member",
    });
    expect(data.activeSessions).toHaveLength(1);
    expect(data.emailChoices).toEqual({ turnedOff: [], reminder: "1d" });
    expect(data.rsvps).toEqual([]);
    // The sign-up link's email, described; the link itself is gone from the outbox.
    expect(data.emails).toMatchObject([{ kind: "signup_confirm", status: "sent" }]);
    expect(JSON.stringify(await db().outboxMessage.findMany())).not.toMatch(/"token"/);
    expect(text).not.toContain("$argon2");
    expect(text).not.toContain(cookie.split("=")[1]);
  });

  it("deletes the account only when confirmed with the password, and erases it", async () => {
    const { cookie } = await signUp("delete@example.com", "a long passphrase");
    const userId = (await db().user.findUniqueOrThrow({ where: { email: "delete@example.com" } }))
      .id;

    const unconfirmed = await postSettings(
      "delete",
      { currentPassword: "a long passphrase" },
      cookie,
    );
    expect((await unconfirmed.json()).result.error.confirm).toEqual(["errors.confirmDelete"]);
    const wrongPassword = await postSettings(
      "delete",
      { confirm: "yes", currentPassword: "nope" },
      cookie,
    );
    expect(wrongPassword.status).toBe(400);
    expect(await db().user.count({ where: { id: userId } })).toBe(1);

    const deleted = await postSettings(
      "delete",
      { confirm: "yes", currentPassword: "a long passphrase" },
      cookie,
    );
    expect(deleted.status).toBe(302);
    expect(deleted.headers.get("Location")).toBe("/?farewell=1");
    expect(deleted.headers.get("Set-Cookie")).toMatch(/Max-Age=0/i);
    expect(await db().user.count({ where: { id: userId } })).toBe(0);
    expect(await db().session.count({ where: { userId } })).toBe(0);
    expect(await db().passwordResetToken.count({ where: { userId } })).toBe(0);
  });
});

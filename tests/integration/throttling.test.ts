import { describe, expect, it } from "vitest";
import { startSession } from "~/accounts/sessions.server";
import { db } from "~/db.server";
import * as forgot from "~/routes/forgot-password";
import { createPerson } from "../support/people";
import { formRequest, respond } from "../support/requests";
import { postSettings, savedLocation } from "../support/settings";

const PASSWORD = "a long passphrase"; // createPerson's

function askForReset(email: string, ip: string) {
  return respond(() =>
    forgot.action({
      request: formRequest("/forgot-password", { email }),
      params: {},
      context: { clientIp: ip },
    }),
  );
}

async function sessionCookieFor(userId: string) {
  return (await startSession(userId)).split(";")[0]!;
}

function settingsPost(
  cookie: string,
  form: "email" | "password" | "delete",
  fields: Record<string, string>,
) {
  return postSettings(form, fields, cookie, { clientIp: "198.51.100.50" });
}

describe("forgot password", () => {
  it("sends one address at most three links an hour, and answers every request the same", async () => {
    const person = await createPerson();
    const answers: unknown[] = [];
    for (let i = 0; i < 10; i++) {
      // A different address each time: the limit per account must hold on its own.
      const response = await askForReset(person.email, `192.0.2.${i + 10}`);
      expect(response.status).toBe(200);
      answers.push(await response.json());
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toMatchObject({ sent: true });
    expect(
      await db().outboxMessage.count({ where: { userId: person.id, kind: "password_reset" } }),
    ).toBe(3);
    // The counter is kept for unknown addresses too, so being counted reveals nothing.
    const keys = (await db().rateLimit.findMany()).map((row) => row.key).join(" ");
    expect(keys).not.toContain(person.email);
  });

  it("tells a client address that asks too often when to come back, in the reader's words", async () => {
    const ip = "203.0.113.60";
    let status = 200;
    let tries = 0;
    while (status === 200 && tries < 200) {
      status = (await askForReset(`nobody-${tries}@example.com`, ip)).status;
      tries++;
    }
    expect(status).toBe(429);
    expect(tries).toBeGreaterThan(5); // a shelter's shared address still gets several
    const blocked = await askForReset("someone-else@example.com", ip);
    expect(blocked.status).toBe(429);
    const body = await blocked.json();
    expect(body.sent).toBe(false);
    expect(body.result.error).toEqual({ "": ["throttle.tooManyRequests"] });
    expect(body.time).toMatch(/\d{1,2}:\d{2}/);
    // Other addresses are not affected.
    expect((await askForReset("someone-else@example.com", "203.0.113.61")).status).toBe(200);
  });
});

describe("the current-password check in settings", () => {
  it("stops after repeated wrong passwords, across email, password and deletion, even with the right one", async () => {
    const person = await createPerson();
    const cookie = await sessionCookieFor(person.id);
    const wrongTries: ["email" | "password" | "delete", Record<string, string>][] = [
      ["email", { email: "elsewhere@example.com" }],
      ["password", { newPassword: "another long passphrase" }],
      ["delete", { confirm: "yes" }],
    ];
    let failures = 0;
    for (let i = 0; failures < 8; i++) {
      const [form, fields] = wrongTries[i % wrongTries.length]!;
      const response = await settingsPost(cookie, form, {
        ...fields,
        currentPassword: `guess ${i}`,
      });
      expect(response.status).toBe(400);
      expect((await response.json()).result.error.currentPassword).toEqual([
        "errors.wrongPassword",
      ]);
      failures++;
    }
    const blocked = await settingsPost(cookie, "email", {
      email: "elsewhere@example.com",
      currentPassword: PASSWORD,
    });
    expect(blocked.status).toBe(429);
    const body = await blocked.json();
    expect(body.result.error).toEqual({ "": ["errors.tooManyAttempts"] });
    expect(body.time).toMatch(/\d{1,2}:\d{2}/);
    expect((await db().user.findUniqueOrThrow({ where: { id: person.id } })).email).toBe(
      person.email,
    );
    const deletion = await settingsPost(cookie, "delete", {
      confirm: "yes",
      currentPassword: PASSWORD,
    });
    expect(deletion.status).toBe(429);
    expect(await db().user.count({ where: { id: person.id } })).toBe(1);

    // Someone else's account is untouched by it.
    const other = await createPerson();
    const fine = await settingsPost(await sessionCookieFor(other.id), "email", {
      email: `moved-${other.id}@example.com`,
      currentPassword: PASSWORD,
    });
    expect(fine.headers.get("Location")).toBe(savedLocation("email"));
  });

  it("forgets earlier mistakes once the right password is given", async () => {
    const person = await createPerson();
    const cookie = await sessionCookieFor(person.id);
    for (let i = 0; i < 7; i++) {
      await settingsPost(cookie, "email", {
        email: "x@example.com",
        currentPassword: "wrong",
      });
    }
    const right = await settingsPost(cookie, "email", {
      email: `right-${person.id}@example.com`,
      currentPassword: PASSWORD,
    });
    expect(right.headers.get("Location")).toBe(savedLocation("email"));
    for (let i = 0; i < 7; i++) {
      const response = await settingsPost(cookie, "email", {
        email: "x@example.com",
        currentPassword: "wrong",
      });
      expect(response.status).toBe(400);
    }
  });
});

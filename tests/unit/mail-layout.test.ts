import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { passwordResetMail } from "~/notifications/password-reset-template.server";
import { i18nOptions } from "~/i18n/config";
import { resources } from "~/i18n/resources.server";

async function tFor(lng: string) {
  const instance = i18next.createInstance();
  await instance.init({ ...i18nOptions, lng, resources });
  return instance.t;
}

describe("password reset email", () => {
  it("is right-to-left in Persian, with the link in HTML and plain text", async () => {
    const mail = passwordResetMail(
      "fa",
      await tFor("fa"),
      { email: "m@example.com", displayName: "مریم" },
      "http://localhost:3000/reset-password?token=abc",
    );
    expect(mail.html).toContain('<html lang="fa" dir="rtl">');
    expect(mail.html).toContain('href="http://localhost:3000/reset-password?token=abc"');
    expect(mail.text).toContain("http://localhost:3000/reset-password?token=abc");
    expect(mail.subject).toBe((await tFor("fa"))("mail.resetSubject"));
    expect(mail.subject).not.toMatch(/refugee|asylum|پناه/i);
  });

  it("escapes what people typed, so a display name cannot inject markup", async () => {
    const mail = passwordResetMail(
      "en",
      await tFor("en"),
      { email: "x@example.com", displayName: '<img src=x onerror="alert(1)">' },
      "http://localhost/r",
    );
    expect(mail.html).not.toContain("<img");
    expect(mail.html).toContain("&lt;img");
  });
});

import { describe, expect, it } from "vitest";
import { hasRole, isRole } from "~/accounts/roles";
import { parseEnv } from "~/env.server";
import { directionOf, isLocale, supportedLocales } from "~/i18n/config";
import { formatTime, intlLocale } from "~/i18n/format";

describe("locales", () => {
  it("knows the six languages and their direction", () => {
    expect(supportedLocales).toEqual(["en", "ja", "ja-x-easy", "fa", "ar", "fr"]);
    expect(supportedLocales.filter((l) => directionOf(l) === "rtl")).toEqual(["fa", "ar"]);
    expect(isLocale("fa")).toBe(true);
    expect(isLocale("de")).toBe(false);
    expect(isLocale(undefined)).toBe(false);
  });

  it("formats Easy Japanese times as Japanese, in Japan's time zone", () => {
    expect(intlLocale("ja-x-easy")).toBe("ja");
    const at = new Date("2026-06-14T05:30:00Z");
    expect(formatTime(at, "en")).toBe("2:30 PM");
    expect(formatTime(at, "ja-x-easy")).toBe("14:30");
    expect(formatTime(at, "fa")).toBe("۱۴:۳۰");
  });
});

describe("roles", () => {
  it("ranks admin above organizer above member", () => {
    expect(hasRole("admin", "organizer")).toBe(true);
    expect(hasRole("organizer", "organizer")).toBe(true);
    expect(hasRole("member", "organizer")).toBe(false);
    expect(hasRole("mentor", "member")).toBe(false);
    expect(isRole("mentor")).toBe(false);
  });
});

describe("environment", () => {
  it("defaults to development with a file database and the dev mailbox", () => {
    const env = parseEnv({});
    expect(env.mode).toBe("development");
    expect(env.DATABASE_URL).toBe("file:./data/tsunagu.db");
    expect(env.devMailboxEnabled).toBe(true);
    expect(env.isProduction).toBe(false);
  });

  it("refuses production without real email and a public URL", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/RESEND_API_KEY[\s\S]*APP_URL/);
    const env = parseEnv({
      NODE_ENV: "production",
      RESEND_API_KEY: "re_x",
      APP_URL: "https://tsunagu.example",
    });
    expect(env.isProduction).toBe(true);
    expect(env.devMailboxEnabled).toBe(false);
  });

  it("runs the demo as a production build with the dev mailbox and plain-http cookies", () => {
    const env = parseEnv({ NODE_ENV: "production", TSUNAGU_MODE: "demo" });
    expect(env.mode).toBe("demo");
    expect(env.isProduction).toBe(false);
    expect(env.devMailboxEnabled).toBe(true);
  });

  it("takes a SQLite file or a PostgreSQL URL, and rejects any other database", () => {
    expect(parseEnv({ DATABASE_URL: "file:./data/x.db" }).DATABASE_URL).toBe("file:./data/x.db");
    for (const url of ["postgresql://u:p@db:5432/tsunagu", "postgres://u@localhost/t"]) {
      expect(parseEnv({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
    }
    for (const url of ["mysql://x", "./data/x.db", "sqlite:x.db"]) {
      expect(() => parseEnv({ DATABASE_URL: url })).toThrow(/DATABASE_URL/);
    }
  });
});

describe("the listening address", () => {
  it("is loopback unless HOST says otherwise, and must be an address", () => {
    expect(parseEnv({}).HOST).toBe("127.0.0.1");
    for (const host of ["0.0.0.0", "::", "::1", "192.0.2.10", "localhost"]) {
      expect(parseEnv({ HOST: host }).HOST).toBe(host);
    }
    expect(() => parseEnv({ HOST: "everywhere" })).toThrow(/HOST: must be an IP address/);
  });
});

describe("environment from a shell or .env file", () => {
  it("treats an empty value as unset", () => {
    const env = parseEnv({ RESEND_API_KEY: "", PORT: "" });
    expect(env.RESEND_API_KEY).toBeUndefined();
    expect(env.PORT).toBe(3000);
  });
});

describe("numbers and lists in the reader's language", () => {
  it("writes numbers with Persian and Arabic digits and dates on the Gregorian calendar", async () => {
    const { default: i18next } = await import("i18next");
    const { i18nOptions } = await import("~/i18n/config");
    const { resources } = await import("~/i18n/resources.server");
    const { formatDay, formatList } = await import("~/i18n/format");
    const instance = i18next.createInstance();
    await instance.init({ ...i18nOptions, lng: "fa", resources });
    expect(instance.t("events.pageOf", { page: 2, total: 12 })).toContain("۱۲");
    expect(instance.t("events.pageOf", { lng: "ar", page: 2, total: 12 })).toContain("١٢");
    expect(instance.t("events.pageOf", { lng: "en", page: 2, total: 12 })).toBe("Page 2 of 12");
    expect(formatDay(new Date("2026-12-12T05:00:00Z"), "fa")).toContain("دسامبر");
    expect(formatList(["فارسی", "ژاپنی"], "fa")).toBe("فارسی و ژاپنی");
  });
});

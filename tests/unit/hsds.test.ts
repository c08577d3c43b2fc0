import { describe, expect, it } from "vitest";
import type { ResourceWithTranslations } from "~/care/directory.server";
import { exportHsds, parseHsds, serviceOf, stableUuid } from "~/care/hsds.server";

const resource: ResourceWithTranslations = {
  id: "res1",
  name: "Sample: Clinic",
  description: "Free clinic.",
  locale: "en",
  topics: ",health,talk,",
  languages: ",ja,fa,",
  interpretation: true,
  audience: "women",
  free: false,
  costNote: "500 yen",
  whatToBring: "Insurance card",
  phone: "00-0000-0000",
  email: "clinic@example.org",
  website: "https://example.org/clinic",
  address: "1-2-3 Sample-chō",
  mapUrl: "https://example.org/map",
  openingHours: '[{"weekday":2,"opens":"10:00","closes":"12:00"}]',
  status: "temporarily_closed",
  lastCheckedAt: new Date("2026-06-15T10:30:00Z"),
  sample: true,
  createdById: null,
  createdAt: new Date(),
  updatedAt: new Date(),
  translations: [
    {
      resourceId: "res1",
      locale: "fa",
      name: "درمانگاه",
      description: "",
      costNote: "",
      whatToBring: "",
    },
  ],
};

describe("our fields in HSDS 3.0 terms", () => {
  const s = serviceOf(resource);

  it("maps status, dates, cost, audience and interpretation to the spec's fields", () => {
    expect(s.status).toBe("temporarily closed");
    expect(s.assured_date).toBe("2026-06-15");
    expect(s.cost_options).toEqual([
      expect.objectContaining({ option: "Charge", currency: "JPY" }),
    ]);
    expect(s.cost_options[0]).not.toHaveProperty("amount");
    expect(s.fees_description).toBe("500 yen");
    expect(s.eligibility_description).toBe("Women only");
    expect(s.interpretation_services).toBeTruthy();
    expect(s.required_documents.map((d) => d.document)).toEqual(["Insurance card"]);
  });

  it("writes opening hours as weekly schedules in Japan time", () => {
    expect(s.schedules).toEqual([
      expect.objectContaining({
        freq: "WEEKLY",
        byday: "TU",
        opens_at: "10:00+09:00",
        closes_at: "12:00+09:00",
        timezone: 9,
      }),
    ]);
  });

  it("puts topics and audience in two taxonomies, and the rest in the extension", () => {
    const codes = s.attributes.map((a) => [a.link_type, a.taxonomy_term.code]);
    expect(codes).toEqual([
      ["service_type", "health"],
      ["service_type", "talk"],
      ["eligibility", "women"],
    ]);
    expect(s.languages.map((l) => [l.code, l.name])).toEqual([
      ["ja", "Japanese"],
      ["fa", "Persian"],
    ]);
    expect(s.x_tsunagu).toEqual({
      locale: "en",
      sample: true,
      map_url: "https://example.org/map",
      translations: [
        {
          locale: "fa",
          name: "درمانگاه",
          description: "",
          fees_description: "",
          required_document: "",
        },
      ],
    });
  });

  it("gives every object a stable UUID, different per object", () => {
    expect(stableUuid("service", "res1")).toBe(s.id);
    expect(stableUuid("service", "res1")).not.toBe(stableUuid("organization", "res1"));
    expect(s.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("reads back what it wrote", () => {
    const parsed = parseHsds(JSON.stringify(exportHsds([resource])));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.entries[0]).toMatchObject({
      name: "Sample: Clinic",
      topics: ["health", "talk"],
      languages: ["ja", "fa"],
      interpretation: true,
      audience: "women",
      free: false,
      status: "temporarily_closed",
      hours: [{ weekday: 2, opens: "10:00", closes: "12:00" }],
      address: "1-2-3 Sample-chō",
      lastCheckedAt: new Date("2026-06-15T00:00:00Z"),
      sample: true,
    });
  });

  it("accepts times without an offset or with seconds, and joins a multi-day byday", () => {
    const service = {
      ...serviceOf({ ...resource, openingHours: "[]" }),
      schedules: [
        { id: "x", freq: "WEEKLY", byday: "MO,WE", opens_at: "09:00:00", closes_at: "17:00" },
      ],
    };
    const parsed = parseHsds(JSON.stringify([service]));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.entries[0]!.hours).toEqual([
      { weekday: 1, opens: "09:00", closes: "17:00" },
      { weekday: 3, opens: "09:00", closes: "17:00" },
    ]);
  });

  it("refuses another time zone rather than showing wrong hours", () => {
    const service = {
      ...serviceOf(resource),
      schedules: [
        { id: "x", freq: "WEEKLY", byday: "MO", opens_at: "09:00Z", closes_at: "17:00Z" },
      ],
    };
    const parsed = parseHsds(JSON.stringify([service]));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.problems.map((p) => [p.where, p.code])).toEqual([
        ["[0].schedules[0].opens_at", "badOffset"],
        ["[0].schedules[0].closes_at", "badOffset"],
      ]);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import {
  allResources,
  countStale,
  createResource,
  deleteResource,
  importResources,
  listForOrganizers,
  markChecked,
  saveResourceTranslation,
  updateResource,
} from "~/care/directory-admin.server";
import type { ResourceInput } from "~/care/directory-schemas";
import { publicDirectory } from "~/care/directory-view.server";
import { findResources } from "~/care/directory.server";
import { exportHsds, parseHsds } from "~/care/hsds.server";
import { db } from "~/db.server";
import { seedDirectory } from "../../scripts/demo-directory";
import { createPerson } from "../support/people";

const now = new Date("2026-12-01T03:00:00Z");
const DAY = 86_400_000;

function input(overrides: Partial<ResourceInput> = {}): ResourceInput {
  return {
    name: "Clinic",
    description: "A free clinic.",
    locale: "en",
    topics: ["health"],
    languages: ["ja", "fa"],
    interpretation: false,
    audience: "anyone",
    free: true,
    costNote: "",
    whatToBring: "",
    phone: "",
    email: "",
    website: "",
    address: "",
    mapUrl: "",
    status: "open",
    hours: [],
    ...overrides,
  };
}

/**
 * Checks written from Open Referral HSDS 3.0.1's schema files (schema/service.json,
 * organization.json, location.json, language.json, phone.json, schedule.json, and the objects
 * they nest: address, attribute, taxonomy_term, cost_option, required_document,
 * service_at_location): each object's `required` list, the JSON type of every property we
 * write, and the enumerations. Kept as data so a failure names the object and field.
 */
type FieldType = "string" | "number" | "array" | "object" | "boolean";
type Rule = {
  required: string[];
  types: Record<string, FieldType>;
  enums?: Record<string, string[]>;
};
const spec: Record<string, Rule> = {
  service: {
    required: ["id", "name", "status"],
    types: {
      id: "string",
      organization_id: "string",
      name: "string",
      description: "string",
      url: "string",
      email: "string",
      status: "string",
      interpretation_services: "string",
      fees_description: "string",
      eligibility_description: "string",
      assured_date: "string",
      phones: "array",
      schedules: "array",
      service_at_locations: "array",
      languages: "array",
      organization: "object",
      cost_options: "array",
      required_documents: "array",
      attributes: "array",
    },
    enums: { status: ["active", "inactive", "defunct", "temporarily closed"] },
  },
  organization: {
    required: ["id", "name", "description"],
    types: {
      id: "string",
      name: "string",
      description: "string",
      email: "string",
      website: "string",
    },
  },
  location: {
    required: ["id", "location_type"],
    types: {
      id: "string",
      location_type: "string",
      organization_id: "string",
      name: "string",
      addresses: "array",
    },
    enums: { location_type: ["physical", "postal", "virtual"] },
  },
  address: {
    required: [
      "id",
      "address_1",
      "city",
      "state_province",
      "postal_code",
      "country",
      "address_type",
    ],
    types: {
      id: "string",
      location_id: "string",
      address_1: "string",
      city: "string",
      state_province: "string",
      postal_code: "string",
      country: "string",
      address_type: "string",
    },
    enums: { address_type: ["physical", "postal", "virtual"] },
  },
  language: {
    required: ["id"],
    types: { id: "string", service_id: "string", name: "string", code: "string" },
  },
  phone: {
    required: ["id", "number"],
    types: { id: "string", service_id: "string", number: "string", type: "string" },
  },
  schedule: {
    required: ["id"],
    types: {
      id: "string",
      service_id: "string",
      freq: "string",
      interval: "number",
      wkst: "string",
      byday: "string",
      opens_at: "string",
      closes_at: "string",
      timezone: "number",
    },
    enums: { freq: ["WEEKLY", "MONTHLY"], wkst: ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] },
  },
  attribute: {
    required: ["id", "link_type"],
    types: {
      id: "string",
      link_id: "string",
      link_type: "string",
      link_entity: "string",
      taxonomy_term_id: "string",
      value: "string",
      taxonomy_term: "object",
    },
  },
  taxonomy_term: {
    required: ["id", "name", "description"],
    types: {
      id: "string",
      code: "string",
      name: "string",
      description: "string",
      taxonomy_id: "string",
      taxonomy: "object",
    },
  },
  taxonomy: {
    required: ["id", "name", "description"],
    types: { id: "string", name: "string", description: "string" },
  },
  cost_option: {
    required: ["id"],
    types: {
      id: "string",
      service_id: "string",
      option: "string",
      currency: "string",
      amount: "number",
    },
  },
  required_document: {
    required: ["id"],
    types: { id: "string", service_id: "string", document: "string" },
  },
  service_at_location: {
    required: ["id"],
    types: { id: "string", service_id: "string", location_id: "string", location: "object" },
  },
};

function typeOf(value: unknown): FieldType | "null" | "undefined" {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value as FieldType;
}

function check(kind: string, value: unknown, where: string, out: string[]) {
  const rule = spec[kind]!;
  if (typeOf(value) !== "object") {
    out.push(`${where}: ${kind} is not an object`);
    return;
  }
  const obj = value as Record<string, unknown>;
  for (const field of rule.required)
    if (obj[field] === undefined) out.push(`${where}.${field}: required`);
  for (const [field, v] of Object.entries(obj)) {
    if (field.startsWith("x_")) continue; // extensions, which HSDS lets publishers add
    const expected = rule.types[field];
    if (!expected) out.push(`${where}.${field}: not a ${kind} field we checked`);
    else if (typeOf(v) !== expected) out.push(`${where}.${field}: ${typeOf(v)}, not ${expected}`);
    const allowed = rule.enums?.[field];
    if (allowed && !allowed.includes(v as string))
      out.push(`${where}.${field}: "${String(v)}" not in enum`);
  }
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  if (typeof obj.id === "string" && !uuid.test(obj.id)) out.push(`${where}.id: not a uuid`);
}

function checkService(service: Record<string, unknown>, where: string): string[] {
  const out: string[] = [];
  check("service", service, where, out);
  check("organization", service.organization, `${where}.organization`, out);
  const each = (
    field: string,
    kind: string,
    inner?: (item: Record<string, unknown>, at: string) => void,
  ) =>
    ((service[field] as Record<string, unknown>[]) ?? []).forEach((item, i) => {
      check(kind, item, `${where}.${field}[${i}]`, out);
      inner?.(item, `${where}.${field}[${i}]`);
    });
  each("languages", "language");
  each("phones", "phone");
  each("schedules", "schedule", (s, at) => {
    // RFC 5545 BYDAY for a weekly rule, and HH:MM with an offset as HSDS asks.
    if (!/^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$/.test(String(s.byday)))
      out.push(`${at}.byday`);
    for (const f of ["opens_at", "closes_at"])
      if (!/^\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/.test(String(s[f]))) out.push(`${at}.${f}`);
  });
  each("cost_options", "cost_option");
  each("required_documents", "required_document");
  each("attributes", "attribute", (a, at) => {
    check("taxonomy_term", a.taxonomy_term, `${at}.taxonomy_term`, out);
    const term = a.taxonomy_term as Record<string, unknown>;
    if (term.taxonomy !== undefined)
      check("taxonomy", term.taxonomy, `${at}.taxonomy_term.taxonomy`, out);
  });
  each("service_at_locations", "service_at_location", (sal, at) => {
    check("location", sal.location, `${at}.location`, out);
    const location = sal.location as Record<string, unknown>;
    ((location.addresses as unknown[]) ?? []).forEach((a, i) =>
      check("address", a, `${at}.location.addresses[${i}]`, out),
    );
  });
  if (typeof service.assured_date === "string" && !/^\d{4}-\d{2}-\d{2}$/.test(service.assured_date))
    out.push(`${where}.assured_date: not a date`);
  return out;
}

let organizerId = "";
beforeAll(async () => {
  organizerId = (await createPerson({ role: "organizer" })).id;
});

describe("the directory's domain functions", () => {
  it("creates, edits, checks, translates and removes an entry", async () => {
    const id = await createResource(db(), input({ name: "Ward office desk" }), organizerId, now);
    let row = await db().resource.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({
      topics: ",health,",
      languages: ",ja,fa,",
      lastCheckedAt: now,
      sample: false,
    });

    const later = new Date(now.getTime() + 30 * DAY);
    await updateResource(
      db(),
      id,
      input({ name: "Ward office desk", status: "temporarily_closed" }),
    );
    row = await db().resource.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("temporarily_closed");
    expect(row.lastCheckedAt).toEqual(now); // an edit is not a check

    expect(await markChecked(db(), id, later)).toBe(true);
    expect((await db().resource.findUniqueOrThrow({ where: { id } })).lastCheckedAt).toEqual(later);

    await saveResourceTranslation(db(), id, {
      locale: "fa",
      name: "میز اداره",
      description: "",
      costNote: "",
      whatToBring: "",
    });
    await saveResourceTranslation(db(), id, {
      locale: "fa",
      name: "میز شهرداری",
      description: "x",
      costNote: "",
      whatToBring: "",
    });
    const translations = await db().resourceTranslation.findMany({ where: { resourceId: id } });
    expect(translations.map((t) => t.name)).toEqual(["میز شهرداری"]);

    expect(await deleteResource(db(), id)).toBe(true);
    expect(await db().resourceTranslation.count({ where: { resourceId: id } })).toBe(0);
    expect(await deleteResource(db(), id)).toBe(false);
    expect(await markChecked(db(), id)).toBe(false);
  });

  it("lists stale entries first for organizers, and counts them for the dashboard", async () => {
    const fresh = await createResource(db(), input({ name: "AAA fresh" }), organizerId, now);
    const old = await createResource(
      db(),
      input({ name: "ZZZ old" }),
      organizerId,
      new Date(now.getTime() - 200 * DAY),
    );
    const list = await listForOrganizers(db(), now);
    const ours = list.filter((r) => r.id === fresh || r.id === old);
    expect(ours.map((r) => [r.name, r.stale])).toEqual([
      ["ZZZ old", true],
      ["AAA fresh", false],
    ]);
    expect(await countStale(db(), now)).toBeGreaterThanOrEqual(1);
    const before = await countStale(db(), now);
    await markChecked(db(), old, now);
    expect(await countStale(db(), now)).toBe(before - 1);
    await deleteResource(db(), fresh);
    await deleteResource(db(), old);
  });

  it("shows the public directory in the reader's language, closed entries last, filtered by topic and language", async () => {
    const open = await createResource(
      db(),
      input({ name: "Open shelter", topics: ["sleep"], languages: ["fa"] }),
      organizerId,
      now,
    );
    const closed = await createResource(
      db(),
      input({
        name: "A closed shelter",
        topics: ["sleep"],
        languages: ["fa"],
        status: "temporarily_closed",
      }),
      organizerId,
      now,
    );
    const other = await createResource(
      db(),
      input({ name: "Arabic food", topics: ["food"], languages: ["ar"] }),
      organizerId,
      now,
    );
    await saveResourceTranslation(db(), open, {
      locale: "fa",
      name: "سرپناه باز",
      description: "",
      costNote: "",
      whatToBring: "",
    });

    const fa = await publicDirectory(db(), { topic: "sleep", language: "fa" }, "fa", now);
    expect(fa.map((e) => [e.name, e.locale, e.closed])).toEqual([
      ["سرپناه باز", "fa", false],
      ["A closed shelter", "en", true],
    ]);
    expect(fa[1]!.inReaderLanguage).toBe(false);
    // Help requests never get closed services offered.
    expect((await findResources(db(), { topics: ["sleep"] })).map((r) => r.id)).not.toContain(
      closed,
    );
    for (const id of [open, closed, other]) await deleteResource(db(), id);
  });
});

describe("HSDS 3.0", () => {
  let demo: Awaited<ReturnType<typeof allResources>>;
  beforeAll(async () => {
    await db().resource.deleteMany();
    expect(await seedDirectory(db(), now, organizerId)).toBeGreaterThanOrEqual(5);
    demo = await allResources(db());
  });

  it("the demo directory covers several topics and languages, a women-only, a closed and a stale entry, all samples", () => {
    expect(demo.every((r) => r.sample && /^(Sample: |見本：)/.test(r.name))).toBe(true);
    expect(
      new Set(demo.flatMap((r) => r.topics.split(",").filter(Boolean))).size,
    ).toBeGreaterThanOrEqual(5);
    expect(demo.some((r) => r.audience === "women")).toBe(true);
    expect(demo.some((r) => r.status === "temporarily_closed")).toBe(true);
    expect(demo.some((r) => now.getTime() - r.lastCheckedAt.getTime() > 183 * DAY)).toBe(true);
    // Only obviously fictional contact details.
    for (const r of demo) {
      if (r.phone) expect(r.phone).toMatch(/^00-0000-/);
      for (const url of [r.website, r.mapUrl])
        if (url) expect(url).toMatch(/^https:\/\/example\.org\//);
      if (r.email) expect(r.email).toMatch(/@example\.org$/);
    }
  });

  it("exports the demo directory with the required fields, types and enumerations of the specification", () => {
    const exported = exportHsds(demo);
    expect(exported.total_items).toBe(demo.length);
    const problems = exported.contents.flatMap((s, i) =>
      checkService(s as unknown as Record<string, unknown>, `contents[${i}]`),
    );
    expect(problems).toEqual([]);
    const statuses = exported.contents.map((s) => s.status);
    expect(statuses).toContain("temporarily closed");
    const ids = exported.contents.flatMap((s) => [
      s.id,
      s.organization.id,
      ...s.schedules.map((x) => x.id),
    ]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("the spec checks catch what the specification forbids", () => {
    const service = exportHsds(demo).contents[0] as unknown as Record<string, unknown>;
    const broken = {
      ...service,
      status: "open",
      name: undefined,
      schedules: [
        {
          id: "x",
          freq: "DAILY",
          byday: "MO",
          opens_at: "9:00",
          closes_at: "17:00+09:00",
          timezone: "9",
        },
      ],
    };
    const found = checkService(broken, "s");
    expect(found).toEqual(
      expect.arrayContaining([
        "s.name: required",
        's.status: "open" not in enum',
        's.schedules[0].freq: "DAILY" not in enum',
        "s.schedules[0].timezone: string, not number",
        "s.schedules[0].opens_at",
        "s.schedules[0].id: not a uuid",
      ]),
    );
  });

  it("round trip: import → export keeps every field we store", async () => {
    const first = exportHsds(demo);
    const parsed = parseHsds(JSON.stringify(first));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    await db().resource.deleteMany();
    expect(await importResources(db(), parsed.entries, organizerId)).toBe(demo.length);
    const imported = await allResources(db());

    const stored = (rows: typeof demo) =>
      rows
        .map((r) => ({
          ...r,
          id: undefined,
          createdAt: undefined,
          updatedAt: undefined,
          createdById: undefined,
          // HSDS assured_date is a date; the time of day of a check is not kept.
          lastCheckedAt: r.lastCheckedAt.toISOString().slice(0, 10),
          translations: r.translations
            .map((t) => ({ ...t, resourceId: undefined }))
            .sort((a, b) => a.locale.localeCompare(b.locale)),
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
    expect(stored(imported)).toEqual(stored(demo));

    // And exporting again gives the same document, apart from the new rows' ids.
    const second = exportHsds(imported);
    const withoutIds = (doc: unknown) =>
      JSON.parse(JSON.stringify(doc), (key, value) =>
        key === "id" || key.endsWith("_id") || key === "link_id" ? undefined : value,
      );
    expect(withoutIds(second)).toEqual(withoutIds(first));
  });

  it("imports nothing when anything is wrong, and says where each problem is", async () => {
    const doc = exportHsds(demo);
    const services = doc.contents as unknown as Record<string, unknown>[];
    services[1] = { ...services[1], status: "closed", assured_date: "2026-02-30" };
    (services[2]!.schedules as Record<string, unknown>[]).splice(0, 1, {
      id: "s",
      freq: "WEEKLY",
      byday: "MO,XX",
      opens_at: "18:00+09:00",
      closes_at: "09:00+09:00",
    });
    const languages = services[3]!.languages as Record<string, unknown>[];
    languages.push({ id: "l", code: "klingon" });
    const before = await db().resource.count();
    const parsed = parseHsds(JSON.stringify(doc));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual(
      expect.arrayContaining([
        { where: "contents[1].status", code: "badStatus", value: "closed" },
        { where: "contents[1].assured_date", code: "badDate", value: "2026-02-30" },
        { where: "contents[2].schedules[0].byday", code: "badDay", value: "MO,XX" },
        { where: "contents[2].schedules[0].closes_at", code: "badRange" },
        {
          where: `contents[3].languages[${languages.length - 1}].code`,
          code: "badLanguage",
          value: "klingon",
        },
      ]),
    );
    expect(await db().resource.count()).toBe(before);
  });

  it("refuses what is not a service list at all", () => {
    expect(parseHsds("{")).toEqual({ ok: false, problems: [{ where: "", code: "notJson" }] });
    expect(parseHsds('{"x":1}')).toEqual({ ok: false, problems: [{ where: "", code: "notList" }] });
    const bare = parseHsds('[{"id":"a","name":"","status":"active"}]');
    expect(bare.ok).toBe(false);
    if (!bare.ok)
      expect(bare.problems.map((p) => p.where)).toEqual([
        "[0].name",
        "[0].assured_date",
        "[0].attributes",
      ]);
  });
});

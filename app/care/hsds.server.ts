import { createHash } from "node:crypto";
import { isSpokenLanguage } from "~/events/languages";
import { decodeList } from "~/utils/comma-list";
import { isLocale } from "~/i18n/config";
import type { ResourceInput } from "./directory-schemas";
import type { ResourceWithTranslations } from "./directory.server";
import { isValidRange, parseOpeningHours, type OpeningHours } from "./opening-hours";
import { helpTopics, isHelpTopic, resourceAudiences, type ResourceAudience } from "./topics";

/**
 * Open Referral HSDS 3.0 export and import of the directory (docs/decisions/0012). Each entry is
 * one `service` with its own `organization`; topics and audience are `attributes` with terms of
 * two Tsunagu taxonomies; what HSDS has no place for (the text's language, translations, the map
 * link, the sample mark) travels in the `x_tsunagu` extension object, which HSDS readers ignore.
 */
export const HSDS_VERSION = "3.0.1";
/** Our services are in Japan; HSDS times carry an offset, our hours are local times. */
const OFFSET = "+09:00";
const BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;

const audienceNames: Record<ResourceAudience, string> = {
  anyone: "Anyone",
  women: "Women only",
  families: "Families",
  young: "Young people",
};
const topicNames: Record<(typeof helpTopics)[number], string> = {
  sleep: "A place to sleep",
  health: "Health or a doctor",
  food: "Food",
  money: "Money",
  work: "Work",
  papers: "Papers and procedures",
  frightened: "Someone is frightening me",
  talk: "Someone to talk to",
  other: "Something else",
};

/** A stable UUID (RFC 4122 shape, version 5 bits) for each object, so exports do not churn. */
export function stableUuid(...parts: string[]): string {
  const hex = createHash("sha1").update(parts.join("|")).digest("hex").slice(0, 32).split("");
  hex[12] = "5";
  hex[16] = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join("");
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const TAXONOMIES = {
  topic: {
    id: stableUuid("taxonomy", "tsunagu-help-topics"),
    name: "Tsunagu help topics",
    description: "What a service offers, in the same words as help requests on Tsunagu.",
  },
  audience: {
    id: stableUuid("taxonomy", "tsunagu-audiences"),
    name: "Tsunagu audiences",
    description: "Who a service is for.",
  },
} as const;

function term(kind: keyof typeof TAXONOMIES, code: string, name: string) {
  const taxonomy = TAXONOMIES[kind];
  return {
    id: stableUuid("term", kind, code),
    code,
    name,
    description: name,
    taxonomy_id: taxonomy.id,
    taxonomy,
  };
}

function languageEnglishName(code: string): string {
  if (code === "ja-x-easy") return "Easy Japanese";
  try {
    return new Intl.DisplayNames(["en"], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

export function serviceOf(r: ResourceWithTranslations) {
  const id = stableUuid("service", r.id);
  const organizationId = stableUuid("organization", r.id);
  const locationId = stableUuid("location", r.id);
  const attribute = (kind: keyof typeof TAXONOMIES, code: string, name: string) => ({
    id: stableUuid("attribute", r.id, kind, code),
    link_id: id,
    link_type: kind === "topic" ? "service_type" : "eligibility",
    link_entity: "service",
    taxonomy_term_id: term(kind, code, name).id,
    value: code,
    taxonomy_term: term(kind, code, name),
  });
  const audience = (resourceAudiences as readonly string[]).includes(r.audience)
    ? (r.audience as ResourceAudience)
    : "anyone";
  return {
    id,
    organization_id: organizationId,
    name: r.name,
    description: r.description,
    ...(r.website ? { url: r.website } : {}),
    ...(r.email ? { email: r.email } : {}),
    status: r.status === "open" ? "active" : "temporarily closed",
    ...(r.interpretation
      ? { interpretation_services: "Interpretation for languages the staff do not speak" }
      : {}),
    fees_description: r.costNote,
    eligibility_description: audienceNames[audience],
    assured_date: r.lastCheckedAt.toISOString().slice(0, 10),
    cost_options: [
      r.free
        ? {
            id: stableUuid("cost", r.id),
            service_id: id,
            option: "Free",
            amount: 0,
            currency: "JPY",
          }
        : { id: stableUuid("cost", r.id), service_id: id, option: "Charge", currency: "JPY" },
    ],
    required_documents: r.whatToBring
      ? [{ id: stableUuid("document", r.id), service_id: id, document: r.whatToBring }]
      : [],
    languages: decodeList(r.languages).map((code) => ({
      id: stableUuid("language", r.id, code),
      service_id: id,
      name: languageEnglishName(code),
      code,
    })),
    phones: r.phone
      ? [{ id: stableUuid("phone", r.id), service_id: id, number: r.phone, type: "voice" }]
      : [],
    schedules: parseOpeningHours(r.openingHours).map((h, i) => ({
      id: stableUuid("schedule", r.id, String(i)),
      service_id: id,
      freq: "WEEKLY",
      interval: 1,
      wkst: "MO",
      byday: BYDAY[h.weekday - 1]!,
      opens_at: `${h.opens}${OFFSET}`,
      closes_at: `${h.closes}${OFFSET}`,
      timezone: 9,
    })),
    attributes: [
      ...decodeList(r.topics)
        .filter(isHelpTopic)
        .map((code) => attribute("topic", code, topicNames[code])),
      attribute("audience", audience, audienceNames[audience]),
    ],
    service_at_locations: r.address
      ? [
          {
            id: stableUuid("service_at_location", r.id),
            service_id: id,
            location_id: locationId,
            location: {
              id: locationId,
              location_type: "physical",
              organization_id: organizationId,
              name: r.name,
              addresses: [
                {
                  id: stableUuid("address", r.id),
                  location_id: locationId,
                  // Our addresses are one line as people write them in Japan; HSDS's parts stay empty.
                  address_1: r.address,
                  city: "",
                  state_province: "",
                  postal_code: "",
                  country: "JP",
                  address_type: "physical",
                },
              ],
            },
          },
        ]
      : [],
    organization: {
      id: organizationId,
      name: r.name,
      description: r.description,
      ...(r.website ? { website: r.website } : {}),
      ...(r.email ? { email: r.email } : {}),
    },
    x_tsunagu: {
      locale: r.locale,
      sample: r.sample,
      map_url: r.mapUrl,
      translations: [...r.translations]
        .sort((a, b) => a.locale.localeCompare(b.locale))
        .map((tr) => ({
          locale: tr.locale,
          name: tr.name,
          description: tr.description,
          fees_description: tr.costNote,
          required_document: tr.whatToBring,
        })),
    },
  };
}

/** The whole directory, shaped as the HSDS API's paginated service list (one page). */
export function exportHsds(resources: ResourceWithTranslations[]) {
  const contents = [...resources].sort((a, b) => a.name.localeCompare(b.name)).map(serviceOf);
  return {
    hsds_version: HSDS_VERSION,
    total_items: contents.length,
    total_pages: 1,
    page_number: 1,
    size: contents.length,
    first_page: true,
    last_page: true,
    empty: contents.length === 0,
    contents,
  };
}

// ——— Import ———

export type ImportProblem = { where: string; code: ImportProblemCode; value?: string };
export const importProblemCodes = [
  "notJson",
  "notList",
  "tooMany",
  "notObject",
  "required",
  "notString",
  "notNumber",
  "notArray",
  "tooLong",
  "badStatus",
  "badUrl",
  "badEmail",
  "badDate",
  "badTime",
  "badRange",
  "badDay",
  "badFreq",
  "badOffset",
  "badLanguage",
  "badTopic",
  "noTopic",
  "badAudience",
  "badPhone",
  "badLocale",
] as const;
export type ImportProblemCode = (typeof importProblemCodes)[number];

export type ImportedEntry = ResourceInput & {
  lastCheckedAt: Date;
  sample: boolean;
  translations: {
    locale: string;
    name: string;
    description: string;
    costNote: string;
    whatToBring: string;
  }[];
};

export const MAX_IMPORT_ENTRIES = 500;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Reads an HSDS 3.0 service list (the API's page with `contents`, or a bare array of services).
 * All or nothing: every problem is reported with where it is, and nothing is imported if there
 * is one.
 */
export function parseHsds(
  text: string,
): { ok: true; entries: ImportedEntry[] } | { ok: false; problems: ImportProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ where: "", code: "notJson" }] };
  }
  const list = Array.isArray(data) ? data : isObj(data) ? data.contents : undefined;
  const base = Array.isArray(data) ? "" : "contents";
  if (!Array.isArray(list)) return { ok: false, problems: [{ where: "", code: "notList" }] };
  if (list.length > MAX_IMPORT_ENTRIES)
    return {
      ok: false,
      problems: [{ where: base, code: "tooMany", value: String(MAX_IMPORT_ENTRIES) }],
    };
  const problems: ImportProblem[] = [];
  const entries = list.map((service, i) => readService(service, `${base}[${i}]`, problems));
  if (problems.length) return { ok: false, problems };
  return { ok: true, entries: entries as ImportedEntry[] };
}

function readService(
  service: unknown,
  at: string,
  problems: ImportProblem[],
): ImportedEntry | null {
  const problem = (where: string, code: ImportProblemCode, value?: string) =>
    problems.push({ where, code, ...(value !== undefined ? { value } : {}) });
  if (!isObj(service)) {
    problem(at, "notObject");
    return null;
  }
  const str = (
    obj: Obj,
    key: string,
    where: string,
    opts: { required?: boolean; max?: number } = {},
  ) => {
    const v = obj[key];
    if (v === undefined || v === null) {
      if (opts.required) problem(`${where}.${key}`, "required");
      return "";
    }
    if (typeof v !== "string") {
      problem(`${where}.${key}`, "notString");
      return "";
    }
    const value = v.trim();
    if (opts.required && !value) problem(`${where}.${key}`, "required");
    if (opts.max && value.length > opts.max)
      problem(`${where}.${key}`, "tooLong", String(opts.max));
    return value;
  };
  const arr = (obj: Obj, key: string, where: string): unknown[] => {
    const v = obj[key];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) {
      problem(`${where}.${key}`, "notArray");
      return [];
    }
    return v;
  };
  const objects = (obj: Obj, key: string, where: string): [Obj, string][] =>
    arr(obj, key, where).flatMap((item, j) => {
      const path = `${where}.${key}[${j}]`;
      if (!isObj(item)) {
        problem(path, "notObject");
        return [];
      }
      return [[item, path] as [Obj, string]];
    });

  str(service, "id", at, { required: true });
  const name = str(service, "name", at, { required: true, max: 120 });
  const description = str(service, "description", at, { max: 2000 });
  const statusRaw = str(service, "status", at, { required: true });
  let status: ImportedEntry["status"] = "open";
  if (statusRaw === "temporarily closed") status = "temporarily_closed";
  else if (statusRaw && statusRaw !== "active") problem(`${at}.status`, "badStatus", statusRaw);

  const website = str(service, "url", at, { max: 500 });
  if (website && !/^https?:\/\/[^\s]+$/.test(website)) problem(`${at}.url`, "badUrl", website);
  const email = str(service, "email", at, { max: 254 });
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problem(`${at}.email`, "badEmail", email);
  const costNote = str(service, "fees_description", at, { max: 300 });
  const interpretationText = str(service, "interpretation_services", at);

  const assured = str(service, "assured_date", at, { required: true });
  let lastCheckedAt = new Date(0);
  if (assured) {
    const parsed = /^\d{4}-\d{2}-\d{2}$/.test(assured) ? new Date(`${assured}T00:00:00Z`) : null;
    if (!parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== assured)
      problem(`${at}.assured_date`, "badDate", assured);
    else lastCheckedAt = parsed;
  }

  let free = false;
  for (const [option, path] of objects(service, "cost_options", at)) {
    if (option.amount === undefined || option.amount === null) continue;
    if (typeof option.amount !== "number") problem(`${path}.amount`, "notNumber");
    else if (option.amount === 0) free = true;
  }

  const documents = objects(service, "required_documents", at)
    .map(([doc, path]) => str(doc, "document", path))
    .filter(Boolean);
  const whatToBring = documents.join("\n");
  if (whatToBring.length > 500) problem(`${at}.required_documents`, "tooLong", "500");

  const languages: string[] = [];
  for (const [language, path] of objects(service, "languages", at)) {
    const code = str(language, "code", path, { required: true });
    if (!code) continue;
    if (!isSpokenLanguage(code)) problem(`${path}.code`, "badLanguage", code);
    else if (!languages.includes(code)) languages.push(code);
  }

  const phones = objects(service, "phones", at);
  let phone = "";
  for (const [p, path] of phones) {
    const number = str(p, "number", path, { required: true, max: 30 });
    if (number && !/^\+?[0-9][0-9 ()-]*$/.test(number))
      problem(`${path}.number`, "badPhone", number);
    if (!phone) phone = number;
  }

  const hours: OpeningHours[] = [];
  for (const [schedule, path] of objects(service, "schedules", at)) {
    const freq = str(schedule, "freq", path, { required: true });
    if (freq && freq !== "WEEKLY") problem(`${path}.freq`, "badFreq", freq);
    const opens = readTime(
      str(schedule, "opens_at", path, { required: true }),
      `${path}.opens_at`,
      problem,
    );
    const closes = readTime(
      str(schedule, "closes_at", path, { required: true }),
      `${path}.closes_at`,
      problem,
    );
    const byday = str(schedule, "byday", path, { required: true });
    const days = byday ? byday.split(",").map((d) => d.trim()) : [];
    const weekdays = days.map((d) => BYDAY.indexOf(d as (typeof BYDAY)[number]) + 1);
    if (days.length && weekdays.some((w) => w === 0)) problem(`${path}.byday`, "badDay", byday);
    if (opens && closes && !isValidRange(opens, closes)) problem(`${path}.closes_at`, "badRange");
    if (opens && closes)
      for (const weekday of weekdays) if (weekday) hours.push({ weekday, opens, closes });
  }

  const topics: (typeof helpTopics)[number][] = [];
  let audience: ResourceAudience = "anyone";
  for (const [attribute, path] of objects(service, "attributes", at)) {
    const termObj = attribute.taxonomy_term;
    const taxonomyId = isObj(termObj) ? termObj.taxonomy_id : undefined;
    const code =
      isObj(termObj) && typeof termObj.code === "string" ? termObj.code : attribute.value;
    if (taxonomyId === TAXONOMIES.topic.id) {
      if (isHelpTopic(code)) {
        if (!topics.includes(code)) topics.push(code);
      } else problem(`${path}.taxonomy_term.code`, "badTopic", String(code));
    } else if (taxonomyId === TAXONOMIES.audience.id) {
      if ((resourceAudiences as readonly unknown[]).includes(code))
        audience = code as ResourceAudience;
      else problem(`${path}.taxonomy_term.code`, "badAudience", String(code));
    }
    // Attributes of other taxonomies are another group's own; they have no place here.
  }
  if (topics.length === 0) problem(`${at}.attributes`, "noTopic");

  let address = "";
  for (const [sal, path] of objects(service, "service_at_locations", at)) {
    const location = sal.location;
    if (location === undefined) continue;
    if (!isObj(location)) {
      problem(`${path}.location`, "notObject");
      continue;
    }
    for (const [addr, addrPath] of objects(location, "addresses", `${path}.location`)) {
      const line = [
        addr.address_1,
        addr.address_2,
        addr.city,
        addr.state_province,
        addr.postal_code,
      ]
        .filter((part): part is string => typeof part === "string" && part.trim() !== "")
        .join(", ");
      if (typeof addr.address_1 !== "string") problem(`${addrPath}.address_1`, "required");
      if (!address) address = line;
    }
  }
  if (address.length > 300) problem(`${at}.service_at_locations`, "tooLong", "300");

  const ext = isObj(service.x_tsunagu) ? service.x_tsunagu : {};
  const localeRaw = ext.locale ?? "en";
  if (!isLocale(localeRaw)) problem(`${at}.x_tsunagu.locale`, "badLocale", String(localeRaw));
  const mapUrl = typeof ext.map_url === "string" ? ext.map_url.trim() : "";
  if (mapUrl && !/^https?:\/\/[^\s]+$/.test(mapUrl))
    problem(`${at}.x_tsunagu.map_url`, "badUrl", mapUrl);
  const translations: ImportedEntry["translations"] = [];
  for (const [tr, path] of objects(ext, "translations", `${at}.x_tsunagu`)) {
    const locale = str(tr, "locale", path, { required: true });
    if (locale && !isLocale(locale)) problem(`${path}.locale`, "badLocale", locale);
    translations.push({
      locale,
      name: str(tr, "name", path, { required: true, max: 120 }),
      description: str(tr, "description", path, { max: 2000 }),
      costNote: str(tr, "fees_description", path, { max: 300 }),
      whatToBring: str(tr, "required_document", path, { max: 500 }),
    });
  }

  return {
    name,
    description,
    locale: isLocale(localeRaw) ? localeRaw : "en",
    topics,
    languages: languages as ImportedEntry["languages"],
    interpretation: interpretationText !== "",
    audience,
    free,
    costNote,
    whatToBring,
    phone,
    email,
    website,
    address,
    mapUrl,
    status,
    hours,
    lastCheckedAt,
    sample: ext.sample === true,
    translations,
  };
}

function readTime(
  value: string,
  where: string,
  problem: (where: string, code: ImportProblemCode, value?: string) => void,
): string | null {
  if (!value) return null;
  const match = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?(Z|[+-]\d{2}:\d{2})?$/.exec(value);
  if (!match) {
    problem(where, "badTime", value);
    return null;
  }
  if (match[3] && match[3] !== OFFSET) {
    problem(where, "badOffset", value);
    return null;
  }
  return `${match[1]}:${match[2]}`;
}

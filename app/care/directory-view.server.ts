import type { Db } from "~/db.server";
import { decodeList } from "~/utils/comma-list";
import type { Locale } from "~/i18n/config";
import { formatDay } from "~/i18n/format";
import {
  findResources,
  isStale,
  resourceTextFor,
  type ResourceWithTranslations,
} from "./directory.server";
import { formatOpeningHours, parseOpeningHours } from "./opening-hours";
import { isHelpTopic, type HelpTopic } from "./topics";

/** A `tel:` target: digits and a leading +, whatever spacing the organizer typed. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, "")}`;
}

/** What /resources and its printable page show of one entry, in the reader's language. */
export function resourceView(resource: ResourceWithTranslations, locale: Locale, now: Date) {
  const text = resourceTextFor(resource, locale);
  return {
    id: resource.id,
    ...text,
    topics: decodeList(resource.topics).filter(isHelpTopic) as HelpTopic[],
    languages: decodeList(resource.languages),
    interpretation: resource.interpretation,
    audience: resource.audience,
    free: resource.free,
    phone: resource.phone,
    tel: resource.phone ? telHref(resource.phone) : "",
    email: resource.email,
    website: resource.website,
    address: resource.address,
    mapUrl: resource.mapUrl,
    hours: formatOpeningHours(parseOpeningHours(resource.openingHours), locale),
    closed: resource.status !== "open",
    lastChecked: formatDay(resource.lastCheckedAt, locale),
    stale: isStale(resource.lastCheckedAt, now),
    sample: resource.sample,
  };
}
export type ResourceView = ReturnType<typeof resourceView>;

/** The public directory: closed entries are included, and listed last (findResources sorts). */
export async function publicDirectory(
  db: Db,
  filter: { topic?: HelpTopic; language?: string },
  locale: Locale,
  now: Date,
): Promise<ResourceView[]> {
  const rows = await findResources(db, {
    topics: filter.topic ? [filter.topic] : [],
    languages: filter.language ? [filter.language] : [],
    includeClosed: true,
  });
  return rows.map((r) => resourceView(r, locale, now));
}

import type { Locale } from "~/i18n/config";
import { weekdayName } from "~/i18n/format";
import { resourceTextFor, type ResourceWithTranslations } from "./directory.server";

export type ResourceCard = {
  id: string;
  name: string;
  description: string;
  /** The language the name and description are in (the reader's, or the original's) */
  textLocale: string;
  phone: string;
  address: string;
  mapUrl: string;
  website: string;
  hours: { day: string; opens: string; closes: string }[];
  temporarilyClosed: boolean;
  sample: boolean;
};

type Hours = { weekday: number; opens: string; closes: string };

function parseHours(stored: string): Hours[] {
  try {
    const parsed: unknown = JSON.parse(stored);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (h): h is Hours =>
        typeof h === "object" &&
        h !== null &&
        Number.isInteger((h as Hours).weekday) &&
        typeof (h as Hours).opens === "string" &&
        typeof (h as Hours).closes === "string",
    );
  } catch {
    return [];
  }
}

// 2026-11-30 was a Monday; weekday 1 = Monday as in Resource.openingHours.
const mondayUtc = Date.UTC(2026, 10, 30, 12);

/** What a help thread shows of a directory entry, in the reader's language where there is one. */
export function resourceCard(resource: ResourceWithTranslations, locale: Locale): ResourceCard {
  const text = resourceTextFor(resource, locale);
  return {
    id: resource.id,
    name: text.name,
    description: text.description,
    textLocale: text.locale,
    phone: resource.phone,
    address: resource.address,
    mapUrl: resource.mapUrl,
    website: resource.website,
    hours: parseHours(resource.openingHours)
      .sort((a, b) => a.weekday - b.weekday)
      .map((h) => ({
        day: weekdayName(new Date(mondayUtc + (h.weekday - 1) * 86_400_000), locale, "UTC"),
        opens: h.opens,
        closes: h.closes,
      })),
    temporarilyClosed: resource.status !== "open",
    sample: resource.sample,
  };
}

import type { Db } from "~/db.server";
import type { Locale } from "~/i18n/config";
import { findResources } from "./directory.server";
import { topicsFor } from "./help-rules";
import { resourceCard, type ResourceCard } from "./resource-cards";

/** Cards for the directory entries attached to a thread, by id, in the reader's language. */
export async function attachedCards(
  db: Db,
  messages: { resourceIds: string[] }[],
  locale: Locale,
): Promise<Record<string, ResourceCard>> {
  const ids = [...new Set(messages.flatMap((m) => m.resourceIds))];
  if (ids.length === 0) return {};
  const rows = await db.resource.findMany({
    where: { id: { in: ids } },
    include: { translations: true },
  });
  return Object.fromEntries(rows.map((r) => [r.id, resourceCard(r, locale)]));
}

/** Open directory entries for the request's topic that speak one of her languages. */
export async function matchingCards(
  db: Db,
  request: { topic: string; languages: string[] },
  locale: Locale,
): Promise<ResourceCard[]> {
  const rows = await findResources(db, {
    topics: topicsFor(request.topic),
    languages: request.languages,
  });
  return rows.map((r) => resourceCard(r, locale));
}

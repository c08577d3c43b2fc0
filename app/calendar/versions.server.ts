import { createHash } from "node:crypto";
import type { Db } from "~/db.server";
import type { Locale } from "~/i18n/config";
import type { CalendarEntry } from "./ics.server";

/**
 * Whose calendar an entry is for. Members each have their own view (their seat, their
 * preference for titles); everyone without an account sees the same public view per language.
 */
export type Reader = { userId: string } | { publicLocale: Locale };

/** What the reader's calendar last saw of an event. */
export type StoredVersion = { hash: string; sequence: number; modifiedAt: Date };

export function readerKey(reader: Reader): string {
  return "userId" in reader ? `user:${reader.userId}` : `public:${reader.publicLocale}`;
}

/** Everything a calendar shows of the entry; a change to any of it must reach the calendar. */
export function entryHash(entry: CalendarEntry): string {
  const shown = [
    entry.title,
    entry.description,
    entry.location ?? "",
    entry.cancelled ? "cancelled" : entry.tentative ? "tentative" : "confirmed",
    entry.startsAt.toISOString(),
    entry.endsAt.toISOString(),
    entry.timeZone,
    entry.url,
  ];
  return createHash("sha256").update(JSON.stringify(shown)).digest("hex").slice(0, 32);
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/**
 * SEQUENCE and LAST-MODIFIED as this reader saw them. The event's own `sequence` moves on edits,
 * but a reader's entry also changes without an edit: a promotion from the waitlist turns
 * TENTATIVE into CONFIRMED and adds the address, a saved translation or the "full titles" setting
 * changes the title. So each reader's last view is kept as a hash; when it differs, SEQUENCE
 * rises by one (never below the event's, never down) and LAST-MODIFIED becomes now. Unchanged
 * entries cost one read, so polling calendar apps cause no writes. Feeds pass the versions they
 * read with their events (`known`, absent ones meaning none stored) and save that read.
 */
export async function withReaderVersions(
  db: Db,
  reader: Reader,
  entries: CalendarEntry[],
  now = new Date(),
  known?: Map<string, StoredVersion>,
): Promise<CalendarEntry[]> {
  return (await readerVersions(db, reader, entries, now, known)).entries;
}

/** withReaderVersions, also saying what is now stored for each entry (the feed's ETag uses it). */
export async function readerVersions(
  db: Db,
  reader: Reader,
  entries: CalendarEntry[],
  now = new Date(),
  known?: Map<string, StoredVersion>,
): Promise<{ entries: CalendarEntry[]; saved: StoredVersion[] }> {
  if (entries.length === 0) return { entries, saved: [] };
  const key = readerKey(reader);
  const userId = "userId" in reader ? reader.userId : null;
  const stored: Map<string, StoredVersion> =
    known ??
    new Map(
      (
        await db.calendarVersion.findMany({
          where: { readerKey: key, eventId: { in: entries.map((e) => e.id) } },
        })
      ).map((row) => [row.eventId, row]),
    );
  const created: { eventId: string; hash: string; sequence: number; modifiedAt: Date }[] = [];
  const changed: typeof created = [];
  const saved: StoredVersion[] = [];
  const result = entries.map((entry) => {
    const hash = entryHash(entry);
    const versioned = versionOf(entry, hash);
    saved.push({ hash, sequence: versioned.sequence, modifiedAt: versioned.updatedAt });
    return versioned;
  });
  function versionOf(entry: CalendarEntry, hash: string): CalendarEntry {
    const previous = stored.get(entry.id);
    if (!previous) {
      const first = {
        eventId: entry.id,
        hash,
        sequence: entry.sequence,
        modifiedAt: entry.updatedAt,
      };
      created.push(first);
      return entry;
    }
    if (previous.hash === hash) {
      return { ...entry, sequence: previous.sequence, updatedAt: previous.modifiedAt };
    }
    const next = {
      eventId: entry.id,
      hash,
      sequence: Math.max(previous.sequence + 1, entry.sequence),
      modifiedAt: now > entry.updatedAt ? now : entry.updatedAt,
    };
    changed.push(next);
    return { ...entry, sequence: next.sequence, updatedAt: next.modifiedAt };
  }

  if (created.length > 0) {
    try {
      await db.calendarVersion.createMany({
        data: created.map((row) => ({ ...row, readerKey: key, userId })),
      });
    } catch (error) {
      // Two fetches at once both saw no row; the other one stored the same first view.
      if (!isUniqueViolation(error)) throw error;
    }
  }
  for (const row of changed) {
    // Only over the hash this fetch read, so two fetches at once raise SEQUENCE once.
    await db.calendarVersion.updateMany({
      where: { readerKey: key, eventId: row.eventId, hash: stored.get(row.eventId)!.hash },
      data: { hash: row.hash, sequence: row.sequence, modifiedAt: row.modifiedAt },
    });
  }
  return { entries: result, saved };
}

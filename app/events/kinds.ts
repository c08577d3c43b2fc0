/**
 * Event kinds. Each has a colour and an icon, and is always named in words too, so colour is
 * never the only signal.
 */
export const eventKinds = ["cafe", "yoga", "discussion", "other"] as const;
export type EventKind = (typeof eventKinds)[number];

export function isEventKind(value: unknown): value is EventKind {
  return typeof value === "string" && (eventKinds as readonly string[]).includes(value);
}

/** SVG paths on a 24×24 grid, drawn with `stroke="currentColor"`. */
export const kindIcons: Record<EventKind, string> = {
  cafe: "M4 9h12v5a5 5 0 0 1-5 5H9a5 5 0 0 1-5-5zM16 10h2a2.5 2.5 0 0 1 0 5h-2M8 3v3M12 3v3",
  yoga: "M12 4.5a1.8 1.8 0 1 0 0 .01M12 8v6M5 10l7 2 7-2M8 20l4-6 4 6",
  discussion: "M4 5h11v8H8l-4 3zM15 9h5v8l-3-2h-6v-2",
  other: "M12 3l2.6 5.6 6 .6-4.5 4 1.3 6L12 16.2 6.6 19.2l1.3-6-4.5-4 6-.6z",
};

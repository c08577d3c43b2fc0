/**
 * What a help request is about, and what a directory service offers: one list, so a request can
 * be matched with the services that answer it. Never legal status: "papers" means procedures
 * and forms, not a question about anyone's status.
 */
export const helpTopics = [
  "sleep",
  "health",
  "food",
  "money",
  "work",
  "papers",
  "frightened",
  "talk",
  "other",
] as const;
export type HelpTopic = (typeof helpTopics)[number];

export function isHelpTopic(value: unknown): value is HelpTopic {
  return typeof value === "string" && (helpTopics as readonly string[]).includes(value);
}

/** Who a directory service is for (HSDS `eligibility`); requests never ask this of a member. */
export const resourceAudiences = ["anyone", "women", "families", "young"] as const;
export type ResourceAudience = (typeof resourceAudiences)[number];

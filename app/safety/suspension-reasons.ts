/** Why an account was suspended. Codes only: the audit is read more widely than reports. */
export const suspensionReasons = ["conduct", "safety", "spam", "own_request", "other"] as const;
export type SuspensionReason = (typeof suspensionReasons)[number];

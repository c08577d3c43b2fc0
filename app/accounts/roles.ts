/** Everyone is a member; organizers run events and matching; admins also manage people. */
export const roles = ["member", "organizer", "admin"] as const;
export type Role = (typeof roles)[number];

const rank: Record<Role, number> = { member: 0, organizer: 1, admin: 2 };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}

/** Admins can do everything organizers can. */
export function hasRole(actual: string, required: Role): boolean {
  return isRole(actual) && rank[actual] >= rank[required];
}

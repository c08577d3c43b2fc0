import { type Db, writeTransaction } from "~/db.server";
import { encodeList } from "~/utils/comma-list";
import type { Locale } from "~/i18n/config";
import { encodeLanguageLevels } from "./codes";
import type { ProfileInput } from "./schemas";

/**
 * Creates or updates a person's mentoring profile. A person holds one role; it is chosen when
 * the profile is created and then kept (a mentor's approval belongs to that role).
 */
export async function saveProfile(
  db: Db,
  userId: string,
  input: ProfileInput,
  locale: Locale,
): Promise<{ ok: true } | { ok: false; error: string }> {
  return writeTransaction(db, async (tx) => {
    const existing = await tx.mentoringProfile.findUnique({ where: { userId } });
    if (existing && existing.role !== input.intent)
      return { ok: false, error: "errors.mentoringRoleFixed" };
    const common = {
      languages: encodeLanguageLevels(input.languages),
      topics: encodeList(input.topics),
      availability: encodeList(input.availability),
      mode: input.mode,
      area: input.area,
      shareEmail: input.shareEmail,
      contactHandle: input.contactHandle,
    };
    const specific =
      input.intent === "mentee"
        ? { mentorGender: input.mentorGender, about: input.about }
        : {
            affiliation: input.affiliation,
            gender: input.gender === "unsaid" ? null : input.gender,
            capacity: input.capacity,
          };
    const data = { ...common, ...specific };
    await tx.mentoringProfile.upsert({
      where: { userId },
      create: { userId, role: input.intent, locale, ...data },
      update: data,
    });
    return { ok: true };
  });
}

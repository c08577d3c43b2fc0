import { useTranslation } from "react-i18next";
import { foreignLanguageNames, languageName } from "~/events/languages";
import { TextWithLanguages } from "../Lang";
import type { Locale } from "~/i18n/config";
import { formatList, weekdayName } from "~/i18n/format";
import { parseReason, weekdays, type LanguageWithLevel } from "~/mentorship/codes";

/** Monday 2024-01-01 onwards, so Intl names the weekdays in the reader's language. */
export function dayName(day: (typeof weekdays)[number], locale: Locale): string {
  const index = weekdays.indexOf(day);
  return weekdayName(new Date(Date.UTC(2024, 0, 1 + index, 12)), locale, "UTC");
}

type SlotT = (key: string, options: Record<string, string>) => string;

/** "Saturday afternoon" in the reader's language. */
export function slotLabel(slot: string, locale: Locale, t: SlotT): string {
  const [day, part] = slot.split("-") as [(typeof weekdays)[number], string];
  const key =
    part === "morning"
      ? "mentoring.slotMorning"
      : part === "afternoon"
        ? "mentoring.slotAfternoon"
        : "mentoring.slotEvening";
  return t(key, { day: dayName(day, locale) });
}

export function LanguageLevelList({
  languages,
  locale,
}: {
  languages: LanguageWithLevel[];
  locale: Locale;
}) {
  const { t } = useTranslation();
  const text = formatList(
    languages.map((l) =>
      t("mentoring.languageWithLevel", {
        language: languageName(l.code, locale),
        level: t(`mentoring.levels.${l.level}`),
      }),
    ),
    locale,
  );
  return (
    <TextWithLanguages
      text={text}
      parts={foreignLanguageNames(
        languages.map((l) => l.code),
        locale,
      )}
    />
  );
}

export function TopicList({ topics, locale }: { topics: string[]; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <>
      {formatList(
        topics.map((g) => t(`mentoring.goals.${g}`)),
        locale,
      )}
    </>
  );
}

export function SlotList({ slots, locale }: { slots: string[]; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <>
      {formatList(
        slots.map((s) => slotLabel(s, locale, t)),
        locale,
      )}
    </>
  );
}

/** The engine's reason codes as plain sentences: "Shares: Persian", "Both free: Saturday afternoon". */
export function ReasonList({ reasons, locale }: { reasons: string[]; locale: Locale }) {
  const { t } = useTranslation();
  return (
    <ul className="plain-list reasons">
      {reasons.map((reason) => {
        const { kind, value } = parseReason(reason);
        const text =
          kind === "goal"
            ? t("mentoring.reasonGoal", { goal: t(`mentoring.goals.${value}`) })
            : kind === "language"
              ? t("mentoring.reasonLanguage", { language: languageName(value, locale) })
              : kind === "slot"
                ? t("mentoring.reasonSlot", { slot: slotLabel(value, locale, t) })
                : t("mentoring.reasonArea");
        return (
          <li key={reason}>
            <TextWithLanguages
              text={text}
              parts={kind === "language" ? foreignLanguageNames([value], locale) : []}
            />
          </li>
        );
      })}
    </ul>
  );
}

/** A term and its description, only when there is something to show. */
export function Detail({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="detail">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

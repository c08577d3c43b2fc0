import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { helpTopics } from "~/care/topics";
import { spokenLanguageChoices } from "~/events/languages";
import { FilterSelect } from "./FilterSelect";
import type { Locale } from "~/i18n/config";

/** A GET form, so filtering works without JavaScript and a filtered list can be shared. */
export function ResourceFilters({
  filters,
  locale,
  action,
}: {
  filters: { topic?: string; language?: string };
  locale: Locale;
  action: string;
}) {
  const { t } = useTranslation();
  return (
    <Form method="get" action={action} className="card filters">
      <FilterSelect
        name="topic"
        label={t("resources.filterTopic")}
        anyLabel={t("resources.any")}
        value={filters.topic}
        options={helpTopics.map((topic) => ({ value: topic, label: t(`careTopics.${topic}`) }))}
      />
      <FilterSelect
        name="language"
        label={t("resources.filterLanguage")}
        anyLabel={t("resources.any")}
        value={filters.language}
        options={spokenLanguageChoices(locale)}
      />
      <button type="submit" className="button">
        {t("resources.filterApply")}
      </button>
    </Form>
  );
}

export function filterQuery(filters: { topic?: string; language?: string }): string {
  const params = new URLSearchParams();
  if (filters.topic) params.set("topic", filters.topic);
  if (filters.language) params.set("language", filters.language);
  const query = params.toString();
  return query ? `?${query}` : "";
}

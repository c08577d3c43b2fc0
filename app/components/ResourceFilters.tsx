import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { helpTopics } from "~/care/topics";
import { languageName, spokenLanguages } from "~/events/languages";
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
      <div className="field">
        <label htmlFor="filter-topic">{t("resources.filterTopic")}</label>
        <select id="filter-topic" name="topic" defaultValue={filters.topic ?? ""}>
          <option value="">{t("resources.any")}</option>
          {helpTopics.map((topic) => (
            <option key={topic} value={topic}>
              {t(`careTopics.${topic}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-language">{t("resources.filterLanguage")}</label>
        <select id="filter-language" name="language" defaultValue={filters.language ?? ""}>
          <option value="">{t("resources.any")}</option>
          {spokenLanguages.map((code) => (
            <option key={code} value={code}>
              {languageName(code, locale)}
            </option>
          ))}
        </select>
      </div>
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

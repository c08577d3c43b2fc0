import { useTranslation } from "react-i18next";
import { neutralTitleKey, type RouteHandle } from "~/utils/handle";

/** How to browse privately and what "Leave quickly" does; a neutral address and title. */
export const handle: RouteHandle = { titleKey: neutralTitleKey };

const sections = [
  {
    id: "button",
    title: "safetyTips.buttonTitle",
    items: ["buttonDoes", "shortcut", "buttonDoesNot"],
  },
  {
    id: "private",
    title: "safetyTips.privateTitle",
    items: ["privateAndroid", "privateIphone", "privateSamsung"],
  },
  {
    id: "clear",
    title: "safetyTips.clearTitle",
    items: ["clearAndroid", "clearIphone", "clearSamsung"],
  },
  { id: "more", title: "safetyTips.moreTitle", items: ["emails", "sharedPhone"] },
] as const;

export default function Tips() {
  const { t } = useTranslation();
  return (
    <div className="stack narrow">
      <h1>{t("safetyTips.title")}</h1>
      <p>{t("safetyTips.intro")}</p>
      {sections.map((section) => (
        <section key={section.id} className="card stack" aria-labelledby={`tips-${section.id}`}>
          <h2 id={`tips-${section.id}`}>{t(section.title)}</h2>
          <ul className="stack">
            {section.items.map((item) => (
              <li key={item}>{t(`safetyTips.${item}`)}</li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

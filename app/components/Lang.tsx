import { Fragment } from "react";
import { foreignLanguageNames, languageName, languageNameLang } from "~/events/languages";
import { formatList } from "~/i18n/format";
import type { Locale } from "~/i18n/config";

export type ForeignPart = { text: string; lang: string };

/**
 * A translated sentence in which some words are in another language ("Languages spoken: English
 * and やさしい にほんご"): those words get their own `lang`, so screen readers switch voice and
 * browsers pick the right font (WCAG 3.1.2).
 */
export function TextWithLanguages({ text, parts }: { text: string; parts: ForeignPart[] }) {
  const wanted = parts.filter((p) => p.text);
  if (wanted.length === 0) return <>{text}</>;
  const pattern = new RegExp(
    `(${wanted.map((p) => p.text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`,
  );
  return (
    <>
      {text.split(pattern).map((piece, index) => {
        const part = wanted.find((p) => p.text === piece);
        return part ? (
          <span key={index} lang={part.lang}>
            {piece}
          </span>
        ) : (
          <Fragment key={index}>{piece}</Fragment>
        );
      })}
    </>
  );
}

/** A spoken language's name in the reader's language, with its own `lang` where it is not. */
export function LanguageName({ code, locale }: { code: string; locale: Locale }) {
  return (
    <span lang={languageNameLang(code, locale) ?? undefined}>{languageName(code, locale)}</span>
  );
}

/**
 * Language names as a list in the reader's language ("Persian, Dari and English"), each name in
 * another language with its own `lang`; `within` puts the list into a translated sentence.
 */
export function LanguageList({
  codes,
  locale,
  within,
}: {
  codes: readonly string[];
  locale: Locale;
  within?: (list: string) => string;
}) {
  const list = formatList(
    codes.map((code) => languageName(code, locale)),
    locale,
  );
  return (
    <TextWithLanguages
      text={within ? within(list) : list}
      parts={foreignLanguageNames(codes, locale)}
    />
  );
}

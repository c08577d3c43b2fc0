import { createElement, type ReactNode } from "react";
import { renderToString } from "react-dom/server";
import i18next from "i18next";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  InputField,
  LanguageOptions,
  PlainCheck,
  PlainCheckboxTable,
  PlainChoices,
  PlainField,
  PlainFieldset,
  PlainInput,
  PlainSelect,
  PlainTextarea,
  SelectField,
  TextareaField,
  useZodForm,
} from "~/components/forms";
import en from "~/i18n/locales/en.json";
import fa from "~/i18n/locales/fa.json";

/**
 * The shared fields (app/components/fields.tsx, and the conform-bound ones in forms.tsx) as
 * the server renders them: the ids other pages and tests use, the hint and the error named in
 * aria-describedby, aria-invalid only with an error, and the error shown translated.
 */
const i18n = i18next.createInstance();
await i18n.use(initReactI18next).init({
  lng: "fa",
  fallbackLng: false,
  resources: { en: { translation: en }, fa: { translation: fa } },
  initImmediate: false,
  interpolation: { escapeValue: false },
});

function render(node: ReactNode, lng: "en" | "fa" = "fa"): string {
  void i18n.changeLanguage(lng);
  return renderToString(createElement(I18nextProvider, { i18n }, node));
}

/** The attributes of the one element with this id (React writes them as `name="value"`). */
function attributesOf(html: string, id: string): Record<string, string> {
  const tags = html.match(new RegExp(`<[a-z]+\\b[^>]*\\sid="${id}"[^>]*>`, "g")) ?? [];
  expect(tags, `one element with id ${id}`).toHaveLength(1);
  return Object.fromEntries(
    [...tags[0]!.matchAll(/\s([a-zA-Z-]+)(?:="([^"]*)")?/g)].map((m) => [m[1]!, m[2] ?? ""]),
  );
}

const required = fa.errors.required;

describe("PlainInput, PlainTextarea, PlainSelect", () => {
  it("label the control, describe it by its hint, and show no error while there is none", () => {
    const html = render(
      createElement(PlainInput, {
        id: "people-q",
        name: "q",
        label: "Search",
        hint: "Name or email",
        type: "search",
        defaultValue: "ana",
        maxLength: 100,
      }),
    );
    expect(html).toContain('<label for="people-q">Search</label>');
    expect(attributesOf(html, "people-q-hint")).toMatchObject({ class: "field__hint" });
    const input = attributesOf(html, "people-q");
    expect(input).toMatchObject({
      name: "q",
      type: "search",
      value: "ana",
      maxLength: "100",
      "aria-describedby": "people-q-hint",
    });
    expect(input).not.toHaveProperty("aria-invalid");
    expect(html).not.toContain("field__error");
    expect(html.startsWith('<div class="field">')).toBe(true);
  });

  it("name the translated error after the hint and mark the control invalid", () => {
    const html = render(
      createElement(PlainTextarea, {
        id: "rsvp-note",
        name: "note",
        label: "Note",
        hint: "Anything we should know",
        errors: ["errors.required"],
        dir: "auto",
        required: true,
        defaultValue: "",
      }),
    );
    const textarea = attributesOf(html, "rsvp-note");
    expect(textarea).toMatchObject({
      name: "note",
      dir: "auto",
      required: "",
      "aria-invalid": "true",
      "aria-describedby": "rsvp-note-hint rsvp-note-error",
    });
    expect(attributesOf(html, "rsvp-note-error")).toMatchObject({
      class: "field__error",
      role: "alert",
    });
    expect(html).toContain(`${required}</p>`);
    expect(html).not.toContain("errors.required");
  });

  it("without a hint, describe the control by its error alone; errorText words the message", () => {
    const html = render(
      createElement(PlainSelect, {
        id: "pick-m1",
        name: "mentorId",
        label: "Mentor",
        errors: ["errors.required"],
        errorText: (key: string) => `(${i18n.t(key)})`,
        children: createElement("option", { value: "u1" }, "Ana"),
      }),
    );
    expect(attributesOf(html, "pick-m1")).toMatchObject({
      name: "mentorId",
      "aria-describedby": "pick-m1-error",
      "aria-invalid": "true",
    });
    expect(html).toContain(`(${required})</p>`);
    expect(html).not.toContain("pick-m1-hint");
  });

  it("PlainField frames any control with the same ids", () => {
    const html = render(
      createElement(PlainField, {
        id: "import-file",
        label: "File",
        hint: "JSON",
        errors: ["errors.required"],
        children: createElement("input", { id: "import-file", type: "file" }),
      }),
    );
    expect(attributesOf(html, "import-file-hint")).toMatchObject({ class: "field__hint" });
    expect(attributesOf(html, "import-file-error")).toMatchObject({ role: "alert" });
    expect(html).toContain(required);
  });
});

describe("LanguageOptions", () => {
  it("lists the six site languages, each named in and tagged with itself", () => {
    const html = render(createElement("select", null, createElement(LanguageOptions)));
    expect(html.match(/<option /g)).toHaveLength(6);
    expect(html).toContain('<option value="fa" lang="fa">');
    expect(html).toContain('<option value="ja-x-easy" lang="ja-x-easy">');
  });

  it("lists given choices after the 'none' option", () => {
    const html = render(
      createElement(
        "select",
        null,
        createElement(LanguageOptions, {
          noneLabel: "None",
          choices: [
            { value: "ne", label: "Nepali" },
            { value: "fa", label: "فارسی", lang: "fa" },
          ],
        }),
      ),
    );
    expect(html).toMatch(
      /^<select><option value="">None<\/option><option value="ne">Nepali<\/option><option value="fa" lang="fa">فارسی<\/option><\/select>$/,
    );
  });
});

describe("PlainCheck", () => {
  it("is a box with its label after it, a checkbox unless told", () => {
    const html = render(
      createElement(PlainCheck, {
        id: "filter-closed",
        name: "closed",
        value: "1",
        defaultChecked: true,
        label: "Show closed",
      }),
    );
    expect(html.startsWith('<div class="field field--check"><input')).toBe(true);
    expect(attributesOf(html, "filter-closed")).toMatchObject({
      type: "checkbox",
      name: "closed",
      value: "1",
      checked: "",
    });
    expect(html).toContain('<label for="filter-closed">Show closed</label></div>');
    const radio = render(
      createElement(PlainCheck, {
        id: "r-a",
        name: "about",
        value: "a",
        type: "radio",
        label: "A",
      }),
    );
    expect(attributesOf(radio, "r-a")).toMatchObject({ type: "radio" });
    expect(attributesOf(radio, "r-a")).not.toHaveProperty("checked");
  });
});

describe("PlainFieldset and PlainChoices", () => {
  it("describe the group by its hint and its translated error", () => {
    const html = render(
      createElement(PlainChoices, {
        legend: "Fit",
        legendClassName: "visually-hidden",
        hint: "How is it going?",
        hintId: "fit-hint-m1",
        errors: ["errors.required"],
        errorId: "fit-m1-error",
        name: "fit",
        type: "radio",
        options: [
          { value: "good", label: "Good" },
          { value: "bad", label: "Not good" },
        ],
        required: true,
      }),
    );
    expect(html).toMatch(/^<fieldset class="field" aria-describedby="fit-hint-m1 fit-m1-error">/);
    expect(html).toContain('<legend class="visually-hidden">Fit</legend>');
    expect(attributesOf(html, "fit-hint-m1")).toMatchObject({ class: "field__hint" });
    expect(attributesOf(html, "fit-m1-error")).toMatchObject({ role: "alert" });
    expect(html).toContain(required);
    expect(html).toContain(
      '<label class="field--check"><input type="radio" name="fit" required="" value="good"/>Good</label>',
    );
    expect(html).not.toContain("checkbox-grid");
  });

  it("check the given values, in a grid when asked, with notes before the boxes", () => {
    const html = render(
      createElement(
        PlainChoices,
        {
          legend: "Attach",
          name: "resourceIds",
          type: "checkbox",
          options: [
            { value: "r1", label: "One" },
            { value: "r2", label: "Two" },
          ],
          checked: ["r2"],
          grid: true,
        },
        createElement("p", { className: "muted" }, "Nothing yet"),
      ),
    );
    expect(html).toMatch(/^<fieldset class="field"><legend>Attach<\/legend><p class="muted">/);
    expect(html).toContain(
      '<div class="checkbox-grid"><label class="field--check"><input type="checkbox" name="resourceIds" value="r1"/>One</label><label class="field--check"><input type="checkbox" name="resourceIds" checked="" value="r2"/>Two</label></div>',
    );
  });

  it("a fieldset without an error id shows no error and names nothing it does not show", () => {
    const html = render(
      createElement(PlainFieldset, {
        legend: "People",
        className: "stack",
        hint: "Unlinked hint",
        children: createElement("span", null, "x"),
      }),
    );
    expect(html).toBe(
      '<fieldset class="stack"><legend>People</legend><p class="field__hint">Unlinked hint</p><span>x</span></fieldset>',
    );
  });
});

describe("PlainCheckboxTable", () => {
  it("labels every box in full and checks the chosen ones", () => {
    const html = render(
      createElement(PlainCheckboxTable, {
        name: "availability",
        rows: [
          { value: "sat", label: "Sat" },
          { value: "sun", label: "Sun" },
        ],
        columns: [
          { value: "am", label: "Morning" },
          { value: "pm", label: "Afternoon" },
        ],
        cellValue: (day: string, part: string) => `${day}-${part}`,
        cellLabel: (slot: string) => `slot ${slot}`,
        checked: ["sun-pm"],
      }),
    );
    expect(html).toContain('<th scope="col">Morning</th><th scope="col">Afternoon</th>');
    expect(html).toContain('<th scope="row">Sun</th>');
    expect(html.match(/<input type="checkbox" name="availability"/g)).toHaveLength(4);
    expect(html).toContain(
      '<label class="slot-grid__cell"><input type="checkbox" name="availability" checked="" value="sun-pm"/><span class="visually-hidden">slot sun-pm</span></label>',
    );
    expect(html.match(/checked=""/g)).toHaveLength(1);
  });
});

describe("conform-bound InputField, TextareaField, SelectField", () => {
  const schema = z.object({ title: z.string(), body: z.string(), kind: z.string() });
  const failed = {
    status: "error" as const,
    initialValue: { title: "Tea", body: "", kind: "b" },
    error: { title: ["errors.required"], body: ["errors.tooLong"] },
  };

  function Harness({ result }: { result: typeof failed | null }) {
    const [, fields] = useZodForm("t", schema, result);
    return createElement(
      "div",
      null,
      createElement(InputField, {
        meta: fields.title,
        label: "Title",
        hint: "Short",
        type: "url",
        dir: "ltr",
      }),
      createElement(TextareaField, { meta: fields.body, label: "Body", rows: 3 }),
      createElement(SelectField, {
        meta: fields.kind,
        label: "Kind",
        children: [
          createElement("option", { key: "a", value: "a" }, "A"),
          createElement("option", { key: "b", value: "b" }, "B"),
        ],
      }),
    );
  }

  it("give conform's ids and name the hint and the translated error", () => {
    const html = render(createElement(Harness, { result: failed }), "en");
    const input = attributesOf(html, "t-title");
    expect(input).toMatchObject({
      name: "title",
      type: "url",
      dir: "ltr",
      value: "Tea",
      "aria-invalid": "true",
      "aria-describedby": "t-title-error t-title-hint",
    });
    expect(html).toContain('<label for="t-title">Title</label>');
    expect(attributesOf(html, "t-title-hint")).toMatchObject({ class: "field__hint" });
    expect(attributesOf(html, "t-title-error")).toMatchObject({ role: "alert" });
    expect(html).toContain(`${en.errors.required}</p>`);
    expect(attributesOf(html, "t-body")).toMatchObject({
      name: "body",
      rows: "3",
      "aria-describedby": "t-body-error",
    });
    expect(html).toContain(`${en.errors.tooLong}</p>`);
    expect(attributesOf(html, "t-kind")).toMatchObject({ name: "kind" });
    expect(html).toContain('<option value="b" selected="">B</option>');
    expect(html).not.toContain("t-kind-error");
  });

  it("without errors: no aria-invalid, only the hint named", () => {
    const html = render(createElement(Harness, { result: null }), "en");
    const input = attributesOf(html, "t-title");
    expect(input).toMatchObject({ "aria-describedby": "t-title-hint" });
    expect(input).not.toHaveProperty("aria-invalid");
    expect(attributesOf(html, "t-body")).not.toHaveProperty("aria-describedby");
    expect(html).not.toContain("field__error");
  });
});

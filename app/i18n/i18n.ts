// i18next set-up shared by server and browser. UI strings live only in locales/<lng>/<ns>.json.
//
// Which languages see what (docs/decisions/0006-languages-and-reading.md):
// - children and families see the `public` namespace (public pages, answering, the help panel,
//   errors, seeing and removing answers, "you said, we did") and the answer messages of
//   `validation` (`answer.*`, `answerLabel.*`), in all five languages;
// - staff pages (`common`, the rest of `validation`, `answering`) are in English and Welsh only: a
//   member who picked Polish, Arabic or Urdu gets them in English (see `pageLocale`).
import i18next, { type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import enCommon from "../../locales/en/common.json";
import cyCommon from "../../locales/cy/common.json";
import enPublic from "../../locales/en/public.json";
import cyPublic from "../../locales/cy/public.json";
import plPublic from "../../locales/pl/public.json";
import arPublic from "../../locales/ar/public.json";
import urPublic from "../../locales/ur/public.json";
import enValidation from "../../locales/en/validation.json";
import cyValidation from "../../locales/cy/validation.json";
import enCodesign from "../../locales/en/codesign.json";
import cyCodesign from "../../locales/cy/codesign.json";
import plValidation from "../../locales/pl/validation.json";
import arValidation from "../../locales/ar/validation.json";
import urValidation from "../../locales/ur/validation.json";
import enAnswering from "../../locales/en/answering.json";
import cyAnswering from "../../locales/cy/answering.json";
import enBuilder from "../../locales/en/builder.json";
import cyBuilder from "../../locales/cy/builder.json";
import enEvents from "../../locales/en/events.json";
import cyEvents from "../../locales/cy/events.json";
import enAnalysis from "../../locales/en/analysis.json";
import cyAnalysis from "../../locales/cy/analysis.json";
import enTemplates from "../../locales/en/templates.json";
import cyTemplates from "../../locales/cy/templates.json";
import enQda from "../../locales/en/qda.json";
import cyQda from "../../locales/cy/qda.json";
import enImports from "../../locales/en/imports.json";
import cyImports from "../../locales/cy/imports.json";
import enContext from "../../locales/en/context.json";
import cyContext from "../../locales/cy/context.json";

export const SUPPORTED_LOCALES = ["en", "cy", "pl", "ar", "ur"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
/** The languages staff pages are written in; any other choice shows staff pages in English. */
export const STAFF_LOCALES = ["en", "cy"] as const satisfies readonly Locale[];

/** Each language named in itself, as a language picker shows it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  cy: "Cymraeg",
  pl: "Polski",
  ar: "العربية",
  ur: "اردو",
};

export const resources = {
  en: {
    common: enCommon,
    public: enPublic,
    validation: enValidation,
    answering: enAnswering,
    codesign: enCodesign,
    builder: enBuilder,
    events: enEvents,
    analysis: enAnalysis,
    templates: enTemplates,
    qda: enQda,
    imports: enImports,
    context: enContext,
  },
  cy: {
    common: cyCommon,
    public: cyPublic,
    validation: cyValidation,
    answering: cyAnswering,
    codesign: cyCodesign,
    builder: cyBuilder,
    events: cyEvents,
    analysis: cyAnalysis,
    templates: cyTemplates,
    qda: cyQda,
    imports: cyImports,
    context: cyContext,
  },
  pl: { public: plPublic, validation: plValidation },
  ar: { public: arPublic, validation: arValidation },
  ur: { public: urPublic, validation: urValidation },
} as const;

// Urdu is missing from survey-core's right-to-left list, so we keep our own.
const RTL_LOCALES = new Set(["ar", "ur", "he", "fa"]);

export function localeDirection(locale: string): "ltr" | "rtl" {
  return RTL_LOCALES.has(locale) ? "rtl" : "ltr";
}

export function isSupportedLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** The language a page is shown in: the reader's choice on public pages; English or Welsh on staff pages. */
export function pageLocale(locale: Locale, isPublicPage: boolean): Locale {
  if (isPublicPage) return locale;
  return (STAFF_LOCALES as readonly Locale[]).includes(locale) ? locale : DEFAULT_LOCALE;
}

const instances = new Map<Locale, I18n>();

/** One initialised i18next instance per locale, created synchronously so server rendering never waits. */
export function getI18n(locale: Locale): I18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.use(initReactI18next).init({
      lng: locale,
      fallbackLng: DEFAULT_LOCALE,
      supportedLngs: [...SUPPORTED_LOCALES],
      resources,
      defaultNS: "common",
      // Keys children see moved from common.json to public.json under the same names, so
      // t("public.start") still finds them: a key not in `common` is looked up in `public`.
      fallbackNS: "public",
      ns: Object.keys(resources.en),
      interpolation: { escapeValue: false },
      initAsync: false,
      showSupportNotice: false,
    });
    instances.set(locale, instance);
  }
  return instance;
}

// i18next set-up shared by server and browser. UI strings live only in locales/<lng>/<ns>.json.
import i18next, { type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import enCommon from "../../locales/en/common.json";
import cyCommon from "../../locales/cy/common.json";
import enValidation from "../../locales/en/validation.json";
import cyValidation from "../../locales/cy/validation.json";
import enAnswering from "../../locales/en/answering.json";
import cyAnswering from "../../locales/cy/answering.json";

export const SUPPORTED_LOCALES = ["en", "cy"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export const LOCALE_NAMES: Record<Locale, string> = { en: "English", cy: "Cymraeg" };

export const resources = {
  en: { common: enCommon, validation: enValidation, answering: enAnswering },
  cy: { common: cyCommon, validation: cyValidation, answering: cyAnswering },
} as const;

// Urdu is missing from survey-core's right-to-left list, so we keep our own.
const RTL_LOCALES = new Set(["ar", "ur", "he", "fa"]);

export function localeDirection(locale: string): "ltr" | "rtl" {
  return RTL_LOCALES.has(locale) ? "rtl" : "ltr";
}

export function isSupportedLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
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
      ns: ["common", "validation", "answering"],
      interpolation: { escapeValue: false },
      initAsync: false,
      showSupportNotice: false,
    });
    instances.set(locale, instance);
  }
  return instance;
}

import type { MetaArgs } from "@remix-run/node";
import { DEFAULT_LOCALE, getI18n, isSupportedLocale } from "~/i18n/i18n";

/** A translator for meta functions, in the reader's language as chosen by the root loader. */
export function metaT(matches: MetaArgs["matches"]) {
  const rootData = matches.find((match) => match.id === "root")?.data as { locale?: unknown } | undefined;
  const locale = isSupportedLocale(rootData?.locale) ? rootData.locale : DEFAULT_LOCALE;
  return getI18n(locale).getFixedT(locale);
}

export function pageTitle(title: string) {
  return [{ title: `${title} – Heard` }];
}

// The page's language for when the root loader has none to give (it threw, e.g. to refuse a
// request): the server takes it from the request, the browser from the <html lang> the server sent,
// so both render the same error page in the reader's language.
import { createContext, useContext } from "react";
import { DEFAULT_LOCALE, isSupportedLocale, type Locale } from "./i18n";

const DocumentLocaleContext = createContext<Locale>(DEFAULT_LOCALE);

export const DocumentLocaleProvider = DocumentLocaleContext.Provider;

export function useDocumentLocale(): Locale {
  return useContext(DocumentLocaleContext);
}

/** In the browser: the language the server rendered the page in. */
export function localeOfDocument(document: Document): Locale {
  const lang = document.documentElement.lang;
  return isSupportedLocale(lang) ? lang : DEFAULT_LOCALE;
}

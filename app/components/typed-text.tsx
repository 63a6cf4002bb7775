// Text a person typed (a title, a purpose, an outcome, a name) is shown isolated from the page's
// direction, so a right-to-left override inside it cannot reorder the words around it, and marked
// with the language it was written in when that is not the page's, so screen readers pronounce it
// right. Staff write in the organisation's default language; until texts can be translated, that is English.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export const WRITTEN_LANGUAGE = "en";

type Block = "p" | "div" | "dd" | "h1" | "h2" | "span" | "li";

/**
 * Inline text is a `<bdi>`; block text keeps its element and gets `dir="auto"` (browsers isolate
 * any element with `dir`, as they do `<bdi>`).
 */
export function TypedText({
  children,
  as,
  lang = WRITTEN_LANGUAGE,
  className,
  id,
}: {
  children: ReactNode;
  as?: Block;
  lang?: string;
  className?: string;
  id?: string;
}) {
  const { i18n } = useTranslation();
  const ownLang = lang === i18n.language ? undefined : lang;
  if (!as) {
    return (
      <bdi lang={ownLang} className={className} id={id}>
        {children}
      </bdi>
    );
  }
  const Tag = as;
  return (
    <Tag dir="auto" lang={ownLang} className={className} id={id}>
      {children}
    </Tag>
  );
}

/** For plain-text places that cannot hold an element (the document title): first-strong isolate marks. */
export function isolateText(text: string) {
  return `\u2068${text}\u2069`;
}

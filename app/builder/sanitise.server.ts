/**
 * Sanitising the HTML a survey definition carries, so that a definition can never run script in
 * a child's browser. survey-react-ui renders information text (`html` questions), completion
 * text and loading text as raw HTML; everything else it renders as text.
 *
 * Runs on save, on import and on publish (sanitize-html, a maintained library: never our own
 * regular expressions). Server only: the library is large and the browser never needs it.
 */
import sanitizeHtml from "sanitize-html";
import { isRecord } from "./definition";
import { mapTexts } from "./localized";

/** The SurveyJS properties whose text survey-react-ui renders as HTML. */
export const HTML_PROPERTIES = ["html", "completedHtml", "completedBeforeHtml", "loadingHtml"] as const;
/** Properties holding an address the browser loads (pictures, logos). */
const URL_PROPERTIES = ["imageLink", "logo", "backgroundImage"] as const;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "strong", "em", "b", "i", "u", "ul", "ol", "li", "a", "h2", "h3", "h4", "h5", "span", "div", "img", "blockquote"],
  allowedAttributes: { a: ["href", "lang"], img: ["src", "alt", "width", "height"], "*": ["lang", "dir"] },
  allowedSchemes: ["https", "http", "mailto", "tel"],
  allowedSchemesByTag: { img: ["https", "http", "data"] },
  allowProtocolRelative: false,
};

export function sanitiseHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

/** Only web addresses, addresses on this site and inline images may be loaded: never `javascript:`. */
export function safeUrl(url: string): string {
  const trimmed = url.trim();
  if (/^(https?:\/\/|\/(?!\/)|data:image\/(png|gif|jpeg|webp);)/i.test(trimmed)) return trimmed;
  return /^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith("//") ? "" : trimmed;
}

/**
 * A copy of the definition with every HTML-bearing text sanitised (in every language) and every
 * image address made safe. Everything else is copied unchanged, however unusual.
 */
export function sanitiseDefinition<T>(value: T): T {
  return sanitiseValue(value, undefined) as T;
}

function sanitiseValue(value: unknown, key: string | undefined): unknown {
  if (key && (HTML_PROPERTIES as readonly string[]).includes(key)) {
    return mapTexts(value, (text) => sanitiseHtml(text));
  }
  if (key && (URL_PROPERTIES as readonly string[]).includes(key)) return mapTexts(value, safeUrl);
  if (Array.isArray(value)) return value.map((item) => sanitiseValue(item, undefined));
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [childKey, child] of Object.entries(value)) {
      // defineProperty: a "__proto__" key in imported JSON stays a plain key, never a prototype.
      Object.defineProperty(out, childKey, {
        value: sanitiseValue(child, childKey),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

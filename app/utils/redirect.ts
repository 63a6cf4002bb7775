// Only an origin, never visited: any target that resolves elsewhere has left the site.
const BASE = "http://heard.invalid";

/**
 * A same-site path to send someone to (after sign-in, after choosing a language), or the fallback.
 * The target is read with the browser's own URL rules (tabs and newlines dropped, backslashes read
 * as slashes, dot segments resolved), so what is checked is what the browser would follow; the
 * path returned is the parsed one, which is percent-encoded and safe in a Location header.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/consultations") {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  // "/.//evil.example" resolves to the path "//evil.example", which a browser reads as another host.
  if (!url.pathname.startsWith("/") || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

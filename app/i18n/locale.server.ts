import { createCookie } from "@remix-run/node";
import { DEFAULT_LOCALE, getI18n, isSupportedLocale, type Locale } from "./i18n";
import { getEnv } from "~/utils/env.server";

export const localeCookie = createCookie("heard_lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: getEnv().SECURE_COOKIES,
  maxAge: 60 * 60 * 24 * 365,
});

/** The reader's language: their saved choice, else the first supported one their browser asks for. */
export async function getLocale(request: Request): Promise<Locale> {
  const saved = await localeCookie.parse(request.headers.get("Cookie"));
  if (isSupportedLocale(saved)) return saved;
  const accepted = request.headers.get("Accept-Language") ?? "";
  for (const part of accepted.split(",")) {
    const tag = part.split(";")[0]?.trim().toLowerCase().split("-")[0];
    if (isSupportedLocale(tag)) return tag;
  }
  return DEFAULT_LOCALE;
}

export async function getFixedT(request: Request) {
  const locale = await getLocale(request);
  return getI18n(locale).getFixedT(locale);
}

/**
 * A link that carries its language (`?lng=pl`): where to go without it, and the cookie that keeps
 * the language for the next pages. Undefined when the address has no `lng`.
 */
export async function languageFromLink(request: Request) {
  const url = new URL(request.url);
  if (request.method !== "GET" || !url.searchParams.has("lng")) return undefined;
  const lng = url.searchParams.get("lng");
  url.searchParams.delete("lng");
  const headers = new Headers();
  // An unknown language is dropped from the address and changes nothing.
  if (isSupportedLocale(lng)) headers.set("Set-Cookie", await localeCookie.serialize(lng));
  return { location: `${url.pathname}${url.search}`, headers };
}

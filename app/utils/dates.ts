// Dates are formatted once, on the server, in the page's language: Debian's Chromium has no Welsh
// date data, so a date formatted again in the browser comes out in English and breaks hydration.
// Loaders call these and send the strings; components never format dates themselves.

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD ("2026-02-30" and "2026-13-01" are not). */
export function isRealIsoDay(value: string): boolean {
  const match = ISO_DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// en-CA writes dates as YYYY-MM-DD. Made once: a formatter is costly to build, and every submission asks.
const UK_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in the UK (Europe/London), as YYYY-MM-DD: consultations open and close on UK days. */
export function londonToday(now: Date = new Date()): string {
  return UK_DAY.format(now);
}

/** "2026-12-27" → "27 December 2026" (or "27 Rhagfyr 2026"): GOV.UK style dates, in the reader's language. */
export function formatDate(isoDay: string, locale: string): string {
  if (!isRealIsoDay(isoDay)) return isoDay;
  // Each UI language as written in the UK ("12 lutego 2027", "12 فبراير 2027"); unknown ones in English.
  const tag = ["cy", "pl", "ar", "ur"].includes(locale) ? `${locale}-GB` : "en-GB";
  return new Intl.DateTimeFormat(tag, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${isoDay}T12:00:00Z`));
}

/** A moment (e.g. when an item was updated) as the UK day it fell on, formatted like formatDate. */
export function formatDayOf(moment: Date, locale: string): string {
  return formatDate(londonToday(moment), locale);
}

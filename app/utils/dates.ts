/** "2026-12-27" → "27 December 2026" (or "27 Rhagfyr 2026"): GOV.UK style dates, in the reader's language. */
export function formatDate(isoDay: string, locale: string): string {
  const date = new Date(`${isoDay}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDay;
  return new Intl.DateTimeFormat(locale === "cy" ? "cy-GB" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}

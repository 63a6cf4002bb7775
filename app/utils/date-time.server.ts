// Dates and times formatted on the server, in the reader's language and UK time: the browser may
// lack Welsh date data (DESIGN.md), so pages get finished strings.
function formatter(locale: string, options: Intl.DateTimeFormatOptions) {
  return new Intl.DateTimeFormat(locale === "cy" ? "cy-GB" : "en-GB", { timeZone: "Europe/London", ...options });
}

/** "27 November 2026, 14:05" */
export function formatDateTime(date: Date, locale: string) {
  return formatter(locale, { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(date);
}

/** "27 November 2026" */
export function formatDay(date: Date, locale: string) {
  return formatter(locale, { day: "numeric", month: "long", year: "numeric" }).format(date);
}

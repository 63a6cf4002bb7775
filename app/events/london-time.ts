// Events are planned in UK local time ("Tuesday 3 March, 16:00 to 17:30") and stored as instants.
// These convert between the two for Europe/London, whatever the server's own time zone.

const LONDON = "Europe/London";

/**
 * The instant of a UK wall-clock day and time ("2026-03-03", "16:00"). London is UTC+0 or UTC+1, so
 * the instant is one of two; the earlier one that shows that wall clock wins (the first of the
 * hour the clocks go back). In the hour the clocks go forward no instant matches: it is read as
 * UTC, which shows an hour later.
 */
export function londonLocalToUtc(day: string, time: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const [hour, minute] = time.split(":").map(Number) as [number, number];
  const asIfUtc = Date.UTC(year, month - 1, date, hour, minute);
  const match = [asIfUtc - 60 * 60_000, asIfUtc].find((instant) => {
    const shown = londonDayAndTime(new Date(instant));
    return shown.day === day && shown.time === time;
  });
  return new Date(match ?? asIfUtc);
}

/** A stored instant as a UK day and time, for the edit form: { day: "2026-03-03", time: "16:00" }. */
export function londonDayAndTime(instant: Date): { day: string; time: string } {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: LONDON,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? "";
  return { day: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}

import { londonToday } from "~/utils/dates";

/** A UK day relative to today, YYYY-MM-DD as a date input takes it: fixtures stay within their dates whenever the tests run. */
export function ukDay(offsetDays: number) {
  return londonToday(new Date(Date.now() + offsetDays * 24 * 60 * 60 * 1000));
}

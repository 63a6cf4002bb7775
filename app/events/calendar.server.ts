// The "add to calendar" file for an event, made with `ics` (RFC 5545): one VEVENT in UTC, so every
// calendar shows it at the right UK time whatever the reader's own zone.
import { createEvent } from "ics";

export type CalendarEvent = {
  shortCode: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  onlineLink: string;
  /** The event's public page, where people can answer or write a note. */
  url: string;
  /** Access arrangements in plain words, one a line. */
  description: string;
};

export class CalendarFileError extends Error {}

export function calendarFileFor(event: CalendarEvent): string {
  const { error, value } = createEvent({
    // Stable per event, so adding it twice updates the same calendar entry.
    uid: `event-${event.shortCode}@heard`,
    productId: "heard/events",
    title: event.title,
    start: event.startsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    end: event.endsAt.getTime(),
    endInputType: "utc",
    endOutputType: "utc",
    location: event.place || event.onlineLink || undefined,
    url: event.url,
    description: event.description || undefined,
    status: "CONFIRMED",
  });
  if (error || !value) throw new CalendarFileError(error?.message ?? "Could not make the calendar file");
  return value;
}

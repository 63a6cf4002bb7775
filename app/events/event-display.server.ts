// An event as pages show it: its time formatted once on the server, in the reader's language and
// UK time (the browser may lack Welsh date data), and only the fields a page renders.
import type { ConsultationEvent } from "../../db/schema";

function formatter(locale: string, options: Intl.DateTimeFormatOptions) {
  return new Intl.DateTimeFormat(locale === "cy" ? "cy-GB" : "en-GB", { timeZone: "Europe/London", ...options });
}

/** { day: "Wednesday 15 July 2026", start: "16:00", end: "17:30" } */
export function eventTimes({ startsAt, endsAt }: { startsAt: Date; endsAt: Date }, locale: string) {
  const time = formatter(locale, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return {
    day: formatter(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(startsAt),
    start: time.format(startsAt),
    end: time.format(endsAt),
  };
}

type Shown = Pick<
  ConsultationEvent,
  "id" | "shortCode" | "title" | "startsAt" | "endsAt" | "place" | "onlineLink" | "format" | "whoFor" | "accessArrangements" | "accessNotes" | "expectedNumbers"
>;

export function eventForPage(event: Shown, locale: string) {
  return {
    id: event.id,
    shortCode: event.shortCode,
    title: event.title,
    times: eventTimes(event, locale),
    place: event.place,
    onlineLink: event.onlineLink,
    format: event.format,
    whoFor: event.whoFor,
    accessArrangements: event.accessArrangements,
    accessNotes: event.accessNotes,
    expectedNumbers: event.expectedNumbers,
  };
}

export type EventForPage = ReturnType<typeof eventForPage>;

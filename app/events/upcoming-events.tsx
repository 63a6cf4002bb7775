// The public consultation page's list of events people can come to, each with its access
// arrangements in plain words and an "add to calendar" file.
import { useTranslation } from "react-i18next";
import { TypedText } from "~/components/typed-text";
import type { EventForPage } from "./event-display.server";

export function UpcomingEvents({ events, slug }: { events: EventForPage[]; slug: string }) {
  const { t } = useTranslation("events");
  if (events.length === 0) return null;
  return (
    <section className="section" aria-labelledby="events-heading">
      <h2 id="events-heading">{t("public.heading")}</h2>
      <ul className="event-list">
        {events.map((event) => (
          <li key={event.id} className="event-card">
            <h3 className="heading-s">
              <a href={`/c/${slug}/events/${event.shortCode}`}>
                <TypedText>{event.title}</TypedText>
              </a>
            </h3>
            <p>{t("event.whenValue", event.times)}</p>
            {event.place ? <TypedText as="p">{event.place}</TypedText> : <p>{t("event.online")}</p>}
            {event.whoFor ? <TypedText as="p">{event.whoFor}</TypedText> : null}
            {event.accessArrangements.length || event.accessNotes ? (
              <>
                <p className="heading-s">{t("public.access")}</p>
                <ul className="bullets">
                  {event.accessArrangements.map((arrangement) => (
                    <li key={arrangement}>{t(`access.${arrangement}`)}</li>
                  ))}
                  {event.accessNotes ? <TypedText as="li">{event.accessNotes}</TypedText> : null}
                </ul>
              </>
            ) : null}
            <p>
              {/* A plain link with download: the browser saves the file rather than Remix routing to it. */}
              <a href={`/c/${slug}/events/${event.shortCode}/calendar.ics`} download={`${event.shortCode}.ics`}>
                {t("public.addToCalendar", { title: event.title })}
              </a>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

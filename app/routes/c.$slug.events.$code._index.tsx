import { takesRecords } from "~/consultations/taking-answers";
import { publicPageHandle } from "~/i18n/public-page";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isolateText, TypedText } from "~/components/typed-text";
import consultationStyles from "~/consultations/consultation.css";
import { answeringState } from "~/consultations/taking-answers";
import { eventForPage } from "~/events/event-display.server";
import eventStyles from "~/events/events.css";
import { normaliseShortCode } from "~/events/short-code";
import { getLocale } from "~/i18n/locale.server";
import { getPublicConsultation } from "~/models/consultation.server";
import { getPublicEventByCode } from "~/models/event.server";
import { londonToday } from "~/utils/dates";
import { pageTitle } from "~/utils/meta";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: consultationStyles },
  { rel: "stylesheet", href: eventStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(isolateText(data?.event.title ?? ""));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const shortCode = normaliseShortCode(params.code);
  const [event, consultation] = await Promise.all([
    shortCode ? getPublicEventByCode({ shortCode }) : undefined,
    getPublicConsultation({ slug: params.slug ?? "" }),
  ]);
  if (!event || !consultation || event.slug !== params.slug) throw new Response(null, { status: 404 });
  return {
    event: eventForPage(event, await getLocale(request)),
    slug: event.slug,
    consultationTitle: event.consultationTitle,
    organisation: event.organisationName,
    takingAnswers: answeringState(consultation, londonToday()) === "taking-answers",
    takingNotes: takesRecords(event.consultationStatus),
  };
}

export default function PublicEvent() {
  const { event, slug, consultationTitle, organisation, takingAnswers, takingNotes } = useLoaderData<typeof loader>();
  const { t } = useTranslation("events");
  return (
    <div className="page page--narrow">
      <TypedText as="p" className="caption">
        {organisation}
      </TypedText>
      <h1>
        <TypedText>{event.title}</TypedText>
      </h1>
      <p className="lead">{t("event.whenValue", event.times)}</p>
      {event.place ? <TypedText as="p">{event.place}</TypedText> : null}
      {event.onlineLink ? (
        <p>
          <a href={event.onlineLink}>{event.onlineLink}</a>
        </p>
      ) : null}
      {event.accessArrangements.length || event.accessNotes ? (
        <>
          <h2 className="heading-s">{t("public.access")}</h2>
          <ul className="bullets">
            {event.accessArrangements.map((arrangement) => (
              <li key={arrangement}>{t(`access.${arrangement}`)}</li>
            ))}
            {event.accessNotes ? <TypedText as="li">{event.accessNotes}</TypedText> : null}
          </ul>
        </>
      ) : null}
      <div className="stack">
        {takingAnswers ? (
          <p>
            <Link to={`/c/${slug}/answer?event=${event.shortCode}`} className="button button--start">
              {t("public.answer")}
            </Link>
          </p>
        ) : null}
        {takingNotes ? (
          <p>
            <Link to="tell-us" className="button button--secondary">
              {t("public.tellUs")}
            </Link>
          </p>
        ) : null}
        <p>
          <a href={`/c/${slug}/events/${event.shortCode}/calendar.ics`} download={`${event.shortCode}.ics`}>
            {t("public.addToCalendar", { title: event.title })}
          </a>
        </p>
        <p>
          <Link to={`/c/${slug}`}>
            {t("public.backToConsultation")}: <TypedText>{consultationTitle}</TypedText>
          </Link>
        </p>
      </div>
    </div>
  );
}

export const handle = publicPageHandle;

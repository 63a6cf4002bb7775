import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { isolateText, TypedText } from "~/components/typed-text";
import consultationStyles from "~/consultations/consultation.css";
import { PublicContact } from "~/consultations/public-contact";
import { answeringState } from "~/consultations/taking-answers";
import { getLocale } from "~/i18n/locale.server";
import { getPublicConsultation } from "~/models/consultation.server";
import { eventForPage } from "~/events/event-display.server";
import eventStyles from "~/events/events.css";
import { UpcomingEvents } from "~/events/upcoming-events";
import { listUpcomingPublicEvents } from "~/models/event.server";
import { formatDate, londonToday } from "~/utils/dates";
import { pageTitle } from "~/utils/meta";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: consultationStyles },
  { rel: "stylesheet", href: eventStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(isolateText(data?.consultation.title ?? ""));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const consultation = await getPublicConsultation({ slug: params.slug ?? "" });
  if (!consultation) throw new Response(null, { status: 404 });
  const locale = await getLocale(request);
  return {
    consultation: {
      title: consultation.title,
      purpose: consultation.purpose,
      whoFor: consultation.whoFor,
      audience: consultation.audience,
      dataUseStatement: consultation.dataUseStatement,
      opensOn: formatDate(consultation.opensOn, locale),
      feedbackBy: formatDate(consultation.feedbackBy, locale),
      answering: answeringState(consultation, londonToday()),
      hasOutcomes: consultation.outcomesPublishedAt !== null,
    },
    organisation: consultation.organisationName,
    // The consultation's own contact if it has one, else the organisation's.
    contact: consultation.contact || consultation.organisationContact,
    slug: params.slug ?? "",
    events: (await listUpcomingPublicEvents({ slug: params.slug ?? "" })).map((event) => eventForPage(event, locale)),
  };
}

export default function ConsultationIntro() {
  const { consultation, organisation, contact, slug, events } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page page--narrow">
      <TypedText as="p" className="caption">
        {organisation}
      </TypedText>
      <h1>
        <TypedText>{consultation.title}</TypedText>
      </h1>
      <TypedText as="p" className="lead">
        {consultation.purpose}
      </TypedText>
      <h2>{t("public.whoForHeading")}</h2>
      <TypedText as="p">{consultation.whoFor}</TypedText>
      <h2>{t("public.answersHeading")}</h2>
      <ul className="bullets">
        <li>{t("public.noName")}</li>
        <li>
          {t("public.audienceLabel")} <TypedText>{consultation.audience}</TypedText>
        </li>
        <li>{t("public.feedbackBy", { date: consultation.feedbackBy })}</li>
        <li>{t("public.skip")}</li>
      </ul>
      {consultation.dataUseStatement ? <TypedText as="p">{consultation.dataUseStatement}</TypedText> : null}
      <div className="inset">
        <h2 className="heading-s">{t("public.safeHeading")}</h2>
        <p>{t("public.safeText")}</p>
      </div>
      {consultation.answering === "taking-answers" ? (
        <p>
          <Link to="answer" className="button button--start">
            {t("public.start")}
          </Link>
        </p>
      ) : consultation.answering === "before-opening" ? (
        <p className="notice">{t("public.opensOn", { date: consultation.opensOn })}</p>
      ) : (
        <p className="notice">{t("public.closed")}</p>
      )}
      <UpcomingEvents events={events} slug={slug} />
      {consultation.hasOutcomes ? (
        <p>
          <Link to="outcomes">{t("public.readOutcomes")}</Link>
        </p>
      ) : null}
      <PublicContact organisation={organisation} contact={contact} />
    </div>
  );
}

import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TypedText } from "~/components/typed-text";
import { canPlanEvents } from "~/events/event-access.server";
import { eventForPage } from "~/events/event-display.server";
import eventStyles from "~/events/events.css";
import { getLocale } from "~/i18n/locale.server";
import { getConsultation } from "~/models/consultation.server";
import { listEvents } from "~/models/event.server";
import { requireMember } from "~/utils/auth.server";
import { metaT, pageTitle } from "~/utils/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: eventStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("events:list.title"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "" };
  const consultation = await getConsultation(scope);
  if (!consultation) throw new Response(null, { status: 404 });
  const locale = await getLocale(request);
  return {
    consultation: { id: consultation.id, title: consultation.title },
    events: (await listEvents(scope)).map((event) => eventForPage(event, locale)),
    canPlan: canPlanEvents(member.role),
  };
}

export default function EventList() {
  const { consultation, events, canPlan } = useLoaderData<typeof loader>();
  const { t } = useTranslation("events");
  return (
    <div className="page">
      <p className="caption">
        <Link to={`/consultations/${consultation.id}`}>
          <TypedText>{consultation.title}</TypedText>
        </Link>
      </p>
      <h1>{t("list.title")}</h1>
      <p className="lead">{t("list.intro")}</p>
      {canPlan ? (
        <p>
          <Link to="new" className="button">
            {t("list.plan")}
          </Link>
        </p>
      ) : null}
      {events.length === 0 ? (
        <p>{t("list.none")}</p>
      ) : (
        <ul className="event-list">
          {events.map((event) => (
            <li key={event.id} className="event-card">
              <h2 className="heading-m">
                <Link to={event.id}>
                  <TypedText>{event.title}</TypedText>
                </Link>
              </h2>
              <dl className="summary-list">
                <div>
                  <dt>{t("list.when")}</dt>
                  <dd>{t("event.whenValue", event.times)}</dd>
                </div>
                <div>
                  <dt>{t("list.where")}</dt>
                  {event.place ? <TypedText as="dd">{event.place}</TypedText> : <dd>{t("event.online")}</dd>}
                </div>
                <div>
                  <dt>{t("list.format")}</dt>
                  <dd>{t(`format.${event.format}`)}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

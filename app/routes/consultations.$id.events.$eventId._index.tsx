import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ShareAddress } from "~/components/share-address";
import { SuccessBanner } from "~/components/success-banner";
import { isolateText, TypedText } from "~/components/typed-text";
import { canPlanEvents } from "~/events/event-access.server";
import { eventForPage } from "~/events/event-display.server";
import eventStyles from "~/events/events.css";
import { getLocale } from "~/i18n/locale.server";
import { getEvent } from "~/models/event.server";
import { requireMember } from "~/utils/auth.server";
import { takeFlash } from "~/utils/flash.server";
import { metaT, pageTitle } from "~/utils/meta";
import { publicAddress } from "~/utils/public-url.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: eventStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(data ? isolateText(data.event.title) : metaT(matches)("events:event.caption"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const event = await getEvent({ organisationId: member.organisationId, consultationId: params.id ?? "", eventId: params.eventId ?? "" });
  if (!event) throw new Response(null, { status: 404 });
  const [locale, { flash, headers }] = await Promise.all([getLocale(request), takeFlash(request)]);
  return data(
    {
      event: { ...eventForPage(event, locale), consultationId: event.consultationId, facilitators: event.facilitators.map((f) => f.name) },
      shortLink: publicAddress(request, `/e/${event.shortCode}`),
      canPlan: canPlanEvents(member.role),
      flash,
    },
    { headers },
  );
}

export default function EventOverview() {
  const { event, shortLink, canPlan, flash } = useLoaderData<typeof loader>();
  const { t } = useTranslation("events");
  const { t: tc } = useTranslation();
  return (
    <div className="page">
      {flash ? <SuccessBanner>{tc(`flash.${flash}`)}</SuccessBanner> : null}
      <p className="caption">
        <Link to={`/consultations/${event.consultationId}/events`}>{t("list.title")}</Link>
      </p>
      <h1>
        <TypedText>{event.title}</TypedText>
      </h1>
      <dl className="summary-list">
        <div>
          <dt>{t("event.when")}</dt>
          <dd>{t("event.whenValue", event.times)}</dd>
        </div>
        <div>
          <dt>{t("event.where")}</dt>
          <dd>
            {event.place ? <TypedText>{event.place}</TypedText> : null}
            {event.onlineLink ? (
              <>
                {event.place ? <br /> : null}
                <a href={event.onlineLink}>{event.onlineLink}</a>
              </>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t("list.format")}</dt>
          <dd>{t(`format.${event.format}`)}</dd>
        </div>
        <div>
          <dt>{t("event.whoFor")}</dt>
          {event.whoFor ? <TypedText as="dd">{event.whoFor}</TypedText> : <dd>{t("event.notGiven")}</dd>}
        </div>
        <div>
          <dt>{t("event.access")}</dt>
          <dd>
            {event.accessArrangements.length || event.accessNotes ? (
              <ul className="bullets">
                {event.accessArrangements.map((arrangement) => (
                  <li key={arrangement}>{t(`access.${arrangement}`)}</li>
                ))}
                {event.accessNotes ? <TypedText as="li">{event.accessNotes}</TypedText> : null}
              </ul>
            ) : (
              t("event.noAccess")
            )}
          </dd>
        </div>
        <div>
          <dt>{t("event.facilitators")}</dt>
          <dd>{event.facilitators.length ? <TypedText>{event.facilitators.join(", ")}</TypedText> : t("event.noFacilitators")}</dd>
        </div>
        <div>
          <dt>{t("event.expected")}</dt>
          <dd>{event.expectedNumbers === null ? t("event.notGiven") : t("event.expectedValue", { count: event.expectedNumbers })}</dd>
        </div>
      </dl>
      {canPlan ? (
        <p>
          <Link to="edit">{t("event.change")}</Link>
        </p>
      ) : null}

      <section className="section" aria-labelledby="bring-heading">
        <h2 id="bring-heading">{t("event.bringPeopleIn")}</h2>
        <ul className="link-list">
          <li>
            <Link to="poster">{t("event.poster")}</Link>
          </li>
          <li>
            <Link to="poster?variant=easy-read">{t("event.posterEasyRead")}</Link>
          </li>
          <li>
            <Link to="table-card">{t("event.tableCard")}</Link>
          </li>
        </ul>
        <h3 className="heading-s">{t("event.shortLinkHeading")}</h3>
        <p className="hint">{t("event.shortLinkHint")}</p>
        <ShareAddress address={shortLink} />
      </section>

      <section className="section" aria-labelledby="day-heading">
        <h2 id="day-heading">{t("event.onTheDay")}</h2>
        <ul className="link-list">
          <li>
            <Link to="capture">{t("event.capture")}</Link>
          </li>
          <li>
            <Link to="summary">{t("event.summary")}</Link>
          </li>
        </ul>
      </section>
    </div>
  );
}

// A printable A4 poster for an event, standard or easy read (?variant=easy-read), with a QR code
// that opens the consultation's survey tagged with the event, and the short link to type instead.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TypedText } from "~/components/typed-text";
import { eventForPage } from "~/events/event-display.server";
import eventStyles from "~/events/events.css";
import { CalendarIcon, HelpIcon, PhoneIcon, PlaceIcon, SpeechIcon } from "~/events/easy-read-icons";
import { PrintButton } from "~/events/print-button";
import { QrImage } from "~/events/qr-image";
import { qrCodeSvg } from "~/events/qr.server";
import { getLocale } from "~/i18n/locale.server";
import { getConsultation } from "~/models/consultation.server";
import { getEvent } from "~/models/event.server";
import { requireMember } from "~/utils/auth.server";
import { metaT, pageTitle } from "~/utils/meta";
import { publicAddress } from "~/utils/public-url.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: eventStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(
    metaT(matches)(data?.easyRead ? "events:poster.easyRead.title" : "events:poster.title", { title: data?.event.title ?? "", interpolation: { escapeValue: false } }),
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "", eventId: params.eventId ?? "" };
  const [event, consultation] = await Promise.all([getEvent(scope), getConsultation(scope)]);
  if (!event || !consultation) throw new Response(null, { status: 404 });
  const easyRead = new URL(request.url).searchParams.get("variant") === "easy-read";
  // The easy-read poster's code opens the easy-read survey (where the consultation has one).
  const surveyAddress = publicAddress(request, `/c/${consultation.slug}/answer?event=${event.shortCode}${easyRead ? "&variant=easy-read" : ""}`);
  return {
    event: { ...eventForPage(event, await getLocale(request)), consultationId: event.consultationId },
    consultationTitle: consultation.title,
    easyRead,
    qr: await qrCodeSvg(surveyAddress),
    shortLink: publicAddress(request, `/e/${event.shortCode}`),
  };
}

export default function Poster() {
  const { event, consultationTitle, easyRead, qr, shortLink } = useLoaderData<typeof loader>();
  const { t } = useTranslation("events");
  const when = t("event.whenValue", event.times);
  return (
    <div className="page">
      <p className="no-print">
        <Link to={`/consultations/${event.consultationId}/events/${event.id}`}>{t("poster.back")}</Link>
      </p>
      <PrintButton label={t("poster.print")} hint={t("poster.printHint")} />
      {easyRead ? (
        <article className="poster poster--easy-read" aria-labelledby="poster-title">
          <h1 id="poster-title" className="poster__title">
            {t("poster.easyRead.heading")}
          </h1>
          <ul className="easy-read-points">
            <li>
              <SpeechIcon />
              <span>
                {t("poster.easyRead.come")} <TypedText>{event.title}</TypedText>
              </span>
            </li>
            <li>
              <CalendarIcon />
              <span>{t("poster.easyRead.when", { when })}</span>
            </li>
            <li>
              <PlaceIcon />
              <span>
                {t("poster.easyRead.where")} 
                <TypedText>{event.place || event.onlineLink}</TypedText>
              </span>
            </li>
            <li>
              <PhoneIcon />
              <span>
                {t("poster.easyRead.phone")} {t("poster.easyRead.scan")}
              </span>
            </li>
            <li>
              <HelpIcon />
              <span>{t("poster.easyRead.help")}</span>
            </li>
          </ul>
          <QrImage svg={qr} label={t("poster.qrAlt")} className="poster__qr" />
          <p>{t("poster.orType")}</p>
          <p className="poster__address">{shortLink}</p>
        </article>
      ) : (
        <article className="poster" aria-labelledby="poster-title">
          <p className="lead">
            <TypedText>{consultationTitle}</TypedText>
          </p>
          <h1 id="poster-title" className="poster__title">
            <TypedText>{event.title}</TypedText>
          </h1>
          <p className="heading-m">{when}</p>
          {event.place ? <TypedText as="p">{event.place}</TypedText> : null}
          <h2>{t("poster.tellUs")}</h2>
          <QrImage svg={qr} label={t("poster.qrAlt")} className="poster__qr" />
          <p>{t("poster.scan")}</p>
          <p>{t("poster.orType")}</p>
          <p className="poster__address">{shortLink}</p>
        </article>
      )}
    </div>
  );
}

// A table card for an event: two QR codes, one for the survey (tagged with the event) and one for a
// child's own sticky note. Fold along the dashed line; prints on one A4 page.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TypedText } from "~/components/typed-text";
import eventStyles from "~/events/events.css";
import { PrintButton } from "~/events/print-button";
import { QrImage } from "~/events/qr-image";
import { qrCodeSvg } from "~/events/qr.server";
import { getConsultation } from "~/models/consultation.server";
import { getEvent } from "~/models/event.server";
import { requireMember } from "~/utils/auth.server";
import { metaT, pageTitle } from "~/utils/meta";
import { publicAddress } from "~/utils/public-url.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: eventStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(metaT(matches)("events:tableCard.title", { title: data?.event.title ?? "", interpolation: { escapeValue: false } }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "", eventId: params.eventId ?? "" };
  const [event, consultation] = await Promise.all([getEvent(scope), getConsultation(scope)]);
  if (!event || !consultation) throw new Response(null, { status: 404 });
  const survey = publicAddress(request, `/c/${consultation.slug}/answer?event=${event.shortCode}`);
  const note = publicAddress(request, `/c/${consultation.slug}/events/${event.shortCode}/tell-us`);
  return {
    event: { id: event.id, consultationId: event.consultationId, title: event.title },
    surveyQr: await qrCodeSvg(survey),
    noteQr: await qrCodeSvg(note),
    shortLink: publicAddress(request, `/e/${event.shortCode}`),
  };
}

export default function TableCard() {
  const { event, surveyQr, noteQr, shortLink } = useLoaderData<typeof loader>();
  const { t } = useTranslation("events");
  return (
    <div className="page">
      <p className="no-print">
        <Link to={`/consultations/${event.consultationId}/events/${event.id}`}>{t("poster.back")}</Link>
      </p>
      <h1>
        <TypedText>{event.title}</TypedText>
      </h1>
      <PrintButton label={t("poster.print")} hint={t("poster.printHint")} />
      <div className="table-card">
        <section className="table-card__half" aria-labelledby="card-survey">
          <h2 id="card-survey">{t("tableCard.survey")}</h2>
          <QrImage svg={surveyQr} label={t("tableCard.surveyQrAlt")} />
          <p>{t("poster.scan")}</p>
        </section>
        <section className="table-card__half" aria-labelledby="card-note">
          <h2 id="card-note">{t("tableCard.note")}</h2>
          <QrImage svg={noteQr} label={t("tableCard.noteQrAlt")} />
          <p>{t("tableCard.noteHint")}</p>
        </section>
      </div>
      <p>{t("poster.orType")}</p>
      <p className="short-link">{shortLink}</p>
    </div>
  );
}

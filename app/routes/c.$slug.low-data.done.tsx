// After the low-data survey is sent: the reference code, shown once (it came in a short-lived cookie
// from the POST that stored the answers; reloading does not show it to the next person).
import { publicPageHandle } from "~/i18n/public-page";
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getLocale } from "~/i18n/locale.server";
import { getPublicConsultation } from "~/models/consultation.server";
import { AnswersSent } from "~/survey/answers-sent";
import lowDataStyles from "~/survey/low-data.css";
import { takeAnswered } from "~/utils/answer-draft-cookie.server";
import { formatDate } from "~/utils/dates";
import { metaT, pageTitle } from "~/utils/meta";

// A public page (the reader's language, quick exit) that sends no JavaScript.
export const handle = { ...publicPageHandle, scripts: false };
export const links: LinksFunction = () => [{ rel: "stylesheet", href: lowDataStyles }];
export const meta: MetaFunction<typeof loader> = ({ data: page, matches }) =>
  pageTitle(metaT(matches)(page?.answered ? "answer.thankYou" : "answering:sent.goneTitle"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const slug = params.slug ?? "";
  const consultation = await getPublicConsultation({ slug });
  if (!consultation) throw new Response(null, { status: 404 });
  const { answered, headers } = await takeAnswered(request);
  headers.set("Cache-Control", "no-store");
  const locale = await getLocale(request);
  return data(
    {
      slug,
      answered,
      feedbackBy: formatDate(consultation.feedbackBy, locale),
      contact: consultation.contact || consultation.organisationContact,
    },
    { headers },
  );
}

export default function LowDataDone() {
  const { slug, answered, feedbackBy, contact } = useLoaderData<typeof loader>();
  const { t } = useTranslation("answering");
  if (!answered) {
    return (
      <div className="page page--narrow">
        <h1>{t("sent.goneTitle")}</h1>
        <p>{t("sent.gone")}</p>
        <p>
          <Link to={`/c/${slug}`}>{t("lowData.aboutConsultation")}</Link>
        </p>
      </div>
    );
  }
  return <AnswersSent slug={slug} referenceCode={answered.referenceCode} help={answered.help} feedbackBy={feedbackBy} publicContact={contact} />;
}

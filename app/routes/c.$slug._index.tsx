import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/utils/dates";
import { getPublicConsultation } from "~/models/consultation.server";
import { pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(data?.consultation.title ?? "");

export async function loader({ params }: LoaderFunctionArgs) {
  const consultation = await getPublicConsultation({ slug: params.slug ?? "" });
  if (!consultation) throw new Response(null, { status: 404 });
  const { id: _id, organisationId: _org, ...shown } = consultation;
  return { consultation: { ...shown, hasOutcomes: consultation.outcomesPublishedAt !== null } };
}

export default function ConsultationIntro() {
  const { consultation } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const isOpen = consultation.status === "open";
  return (
    <div className="page page--narrow">
      <h1>{consultation.title}</h1>
      <p className="lead">{consultation.purpose}</p>
      <h2>{t("public.whoForHeading")}</h2>
      <p>{consultation.whoFor}</p>
      <h2>{t("public.answersHeading")}</h2>
      <ul className="bullets">
        <li>{t("public.noName")}</li>
        <li>{t("public.audience", { audience: consultation.audience })}</li>
        <li>{t("public.feedbackBy", { date: formatDate(consultation.feedbackBy, i18n.language) })}</li>
        <li>{t("public.skip")}</li>
      </ul>
      {consultation.dataUseStatement ? <p>{consultation.dataUseStatement}</p> : null}
      <div className="inset">
        <h2 className="heading-s">{t("public.safeHeading")}</h2>
        <p>{t("public.safeText")}</p>
      </div>
      {isOpen ? (
        <p>
          <Link to="answer" className="button button--start">
            {t("public.start")}
          </Link>
        </p>
      ) : (
        <p className="notice">{t("public.closed")}</p>
      )}
      {consultation.hasOutcomes ? (
        <p>
          <Link to="outcomes">{t("public.readOutcomes")}</Link>
        </p>
      ) : null}
    </div>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OutcomeList } from "~/consultations/outcome-list";
import { getPublicConsultation } from "~/models/consultation.server";
import { listPublishedOutcomes } from "~/models/outcome.server";
import { metaT, pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(`${metaT(matches)("outcomes.publicTitle")}: ${data?.consultation.title ?? ""}`);

export async function loader({ params }: LoaderFunctionArgs) {
  const consultation = await getPublicConsultation({ slug: params.slug ?? "" });
  if (!consultation?.outcomesPublishedAt) throw new Response(null, { status: 404 });
  return {
    consultation: { title: consultation.title, audience: consultation.audience, slug: consultation.slug },
    outcomes: await listPublishedOutcomes({ consultationId: consultation.id }),
  };
}

export default function PublicOutcomes() {
  const { consultation, outcomes } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <p className="caption">
        <Link to={`/c/${consultation.slug}`}>{consultation.title}</Link>
      </p>
      <h1>{t("outcomes.publicTitle")}</h1>
      <p className="lead">{t("outcomes.publicIntro", { audience: consultation.audience })}</p>
      <OutcomeList outcomes={outcomes} />
    </div>
  );
}

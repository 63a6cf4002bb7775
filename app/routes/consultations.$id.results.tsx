import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ResultsTable } from "~/analysis/results-table";
import { TypedText } from "~/components/typed-text";
import { getLocale } from "~/i18n/locale.server";
import { getConsultationResults } from "~/models/results.server";
import { countResponsesByChannel } from "~/models/response.server";
import { ChannelTable, channelCounts } from "~/responses/channel-table";
import { requireMember } from "~/utils/auth.server";
import { metaT, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("results.title"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const results = await getConsultationResults({
    organisationId: member.organisationId,
    consultationId: params.id ?? "",
    locale: await getLocale(request),
  });
  if (!results) throw new Response(null, { status: 404 });
  const byChannel = await countResponsesByChannel({ organisationId: member.organisationId, consultationId: params.id ?? "" });
  return { ...results, channels: channelCounts(byChannel, results.threshold) };
}

export default function Results() {
  const { consultation, threshold, summary, channels } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <p className="caption">
        <Link to={`/consultations/${consultation.id}`}>
          <TypedText>{consultation.title}</TypedText>
        </Link>
      </p>
      <h1>{t("results.title")}</h1>
      <p className="lead">
        {summary.totalSuppressed
          ? t("results.totalSuppressed", { threshold })
          : t("results.total", { count: summary.total ?? 0 })}
      </p>
      <p className="hint">{t("results.suppressionNote", { threshold })}</p>
      <ChannelTable channels={channels} threshold={threshold} />
      {summary.questions.map((question) => (
        <ResultsTable key={question.name} question={question} threshold={threshold} />
      ))}
    </div>
  );
}

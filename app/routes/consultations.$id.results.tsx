import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ResultsTable } from "~/analysis/results-table";
import { TypedText } from "~/components/typed-text";
import { getLocale } from "~/i18n/locale.server";
import { getConsultationResults } from "~/models/results.server";
import { requireMember } from "~/utils/auth.server";
import { metaT, pageTitle } from "~/utils/meta";
// Consultation events (issue 10): one separate section, below the survey results.
import { EventResults } from "~/events/event-results";
import { summariseEventsForResults } from "~/models/event-results.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("results.title"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const results = await getConsultationResults({
    organisationId: member.organisationId,
    consultationId: params.id ?? "",
    locale: await getLocale(request),
  });
  if (!results) throw new Response(null, { status: 404 });
  const eventResults = await summariseEventsForResults({
    organisationId: member.organisationId,
    consultationId: params.id ?? "",
    eventId: new URL(request.url).searchParams.get("event") ?? undefined,
  });
  return { ...results, eventResults };
}

export default function Results() {
  const { consultation, threshold, summary, eventResults } = useLoaderData<typeof loader>();
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
      {summary.questions.map((question) => (
        <ResultsTable key={question.name} question={question} threshold={threshold} />
      ))}
      <EventResults summary={eventResults} />
    </div>
  );
}

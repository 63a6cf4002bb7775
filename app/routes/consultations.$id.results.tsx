import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CrossTabTable } from "~/analysis/cross-tab-table";
import { ContextComparison } from "~/analysis/context-comparison";
import { DrawingGalleries } from "~/analysis/drawing-gallery";
import { contextLinks } from "~/analysis/links";
import { ResultsFilters } from "~/analysis/results-filters";
import { parseResultsQuery } from "~/analysis/results-query.server";
import { ResultsTable } from "~/analysis/results-table";
import { TypedText } from "~/components/typed-text";
import { getLocale } from "~/i18n/locale.server";
import { getConsultationResults } from "~/models/results.server";
import { countResponsesByChannel } from "~/models/response.server";
import { compareContextWithResults } from "~/models/context-figure.server";
import { listDrawingGalleries } from "~/models/drawing.server";
import { formatDate, formatDayOf } from "~/utils/dates";
import { ChannelTable, channelCounts } from "~/responses/channel-table";
import { mayReadResponses, requireMember, STAFF_WHO_ANALYSE, STAFF_WHO_MANAGE } from "~/utils/auth.server";
import { metaT, pageTitle } from "~/utils/meta";
// Consultation events (issue 10): one separate section, below the survey results.
import { EventResults } from "~/events/event-results";
import { summariseEventsForResults } from "~/models/event-results.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("results.title"));
export const links = contextLinks;

// Every member, advisors included, may see results: they are suppressed aggregates only.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const query = parseResultsQuery(new URL(request.url));
  const locale = await getLocale(request);
  const results = await getConsultationResults({
    organisationId: member.organisationId,
    consultationId: params.id ?? "",
    locale,
    filter: query.filter,
    crossTab: query.crossTab,
  });
  if (!results) throw new Response(null, { status: 404 });
  const eventResults = await summariseEventsForResults({
    organisationId: member.organisationId,
    consultationId: params.id ?? "",
    eventId: query.filter.eventId,
  });
  const byChannel = await countResponsesByChannel({ organisationId: member.organisationId, consultationId: params.id ?? "" });
  const comparisons = await compareContextWithResults({ organisationId: member.organisationId, consultationId: params.id ?? "", summary: results.summary });
  // Drawings are single responses: only for those who may read them, never advisors.
  const galleries = mayReadResponses(member)
    ? await listDrawingGalleries({
        organisationId: member.organisationId,
        consultationId: params.id ?? "",
        questions: results.summary.questions.filter((question) => question.kind === "drawing"),
        filter: query.filter,
        gallery: query.gallery,
      })
    : [];
  const can = (roles: readonly string[]) => roles.includes(member.role);
  return {
    ...results,
    eventResults,
    channels: channelCounts(byChannel, results.threshold),
    galleries: galleries.map(({ drawings, name, title, total, page, pages }) => ({
      name,
      title,
      total,
      page,
      pages,
      drawings: drawings.map((drawing) => ({ responseId: drawing.responseId, position: drawing.position, answeredOn: formatDayOf(drawing.submittedAt, locale) })),
    })),
    context: comparisons.map((comparison) => ({ ...comparison, asOf: formatDate(comparison.asOf, locale) })),
    query: query.raw,
    crossTabAsked: query.crossTab !== undefined,
    canCode: can(STAFF_WHO_ANALYSE),
    canExport: can(STAFF_WHO_MANAGE),
  };
}

export default function Results() {
  const { consultation, threshold, summary, choices, crossTab, crossTabAsked, query, canCode, canExport, eventResults, channels, context, galleries } =
    useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const { t: ta } = useTranslation("analysis");
  const filtered = ["channel", "variant", "locale", "event", "from", "to", "answer"].some((key) => key in query);
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
      {filtered ? (
        <p>
          {ta("filtered")} <Link to=".">{ta("clearFilters")}</Link>
        </p>
      ) : null}
      <p className="hint">{t("results.suppressionNote", { threshold })}</p>
      {canCode || canExport ? (
        <ul className="link-list">
          {canCode ? (
            <li>
              <Link to={`/consultations/${consultation.id}/themes`}>{ta("themes.title")}</Link>
            </li>
          ) : null}
          {canExport ? (
            <li>
              <Link to={`/consultations/${consultation.id}/export`}>{ta("export.title")}</Link>
            </li>
          ) : null}
        </ul>
      ) : null}
      <ResultsFilters questions={choices.questions} locales={choices.locales} events={eventResults.events} current={query} />
      {crossTab ? <CrossTabTable crossTab={crossTab} threshold={threshold} /> : null}
      {crossTabAsked && !crossTab ? <p>{ta("crossTabUnavailable")}</p> : null}
      <ChannelTable channels={channels} threshold={threshold} />
      <ContextComparison
        comparisons={context}
        threshold={threshold}
        contextPath={`/consultations/${consultation.id}/context`}
        canManage={canExport}
        filtered={filtered}
      />
      {summary.questions.map((question, index) => (
        <ResultsTable key={question.name} question={question} threshold={threshold} index={index} />
      ))}
      <DrawingGalleries galleries={galleries} consultationId={consultation.id} query={query} />
      <EventResults summary={eventResults} />
    </div>
  );
}

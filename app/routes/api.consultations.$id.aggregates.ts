import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseApiQuery, ResponsesQuerySchema } from "~/analysis/api-query.server";
import { recordApiRead } from "~/models/api-token.server";
import { getConsultationResults } from "~/models/results.server";
import { apiJson, requireApiToken } from "~/utils/api.server";

/** The suppressed results, exactly as the results page shows them: hidden counts are null. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = await requireApiToken(request, { scope: "aggregates" });
  const { from, to, channel } = parseApiQuery(ResponsesQuerySchema, request);
  const results = await getConsultationResults({ organisationId: token.organisationId, consultationId: params.id ?? "", locale: "en", filter: { from, to, channel } });
  if (!results) throw Response.json({ status: 404, title: "No such consultation" }, { status: 404 });
  await recordApiRead({ organisationId: token.organisationId, tokenId: token.id, path: `/api/consultations/${results.consultation.id}/aggregates` });
  return apiJson({ consultation: results.consultation, threshold: results.threshold, summary: results.summary });
}

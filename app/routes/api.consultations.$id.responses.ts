import type { LoaderFunctionArgs } from "@remix-run/node";
import { parseApiQuery, ResponsesQuerySchema } from "~/analysis/api-query.server";
import { recordApiRead } from "~/models/api-token.server";
import { getConsultation } from "~/models/consultation.server";
import { API_PAGE_SIZE, listResponsesPage } from "~/models/results.server";
import { apiJson, requireApiToken } from "~/utils/api.server";

/** Raw responses, a page at a time: only for tokens scoped to responses. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = await requireApiToken(request, { scope: "responses" });
  const query = parseApiQuery(ResponsesQuerySchema, request);
  const scope = { organisationId: token.organisationId, consultationId: params.id ?? "" };
  if (!(await getConsultation(scope))) throw Response.json({ status: 404, title: "No such consultation" }, { status: 404 });
  const { responses, hasMore } = await listResponsesPage({ ...scope, filter: query, page: query.page });
  await recordApiRead({ organisationId: token.organisationId, tokenId: token.id, path: `/api/consultations/${scope.consultationId}/responses`, rows: responses.length });
  return apiJson({ page: query.page, pageSize: API_PAGE_SIZE, hasMore, responses });
}

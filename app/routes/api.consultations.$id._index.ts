import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordApiRead } from "~/models/api-token.server";
import { getConsultation } from "~/models/consultation.server";
import { listSurveyVersions } from "~/models/results.server";
import { apiJson, requireApiToken } from "~/utils/api.server";

/** A consultation and its survey definitions (each published version and variant). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = await requireApiToken(request, { scope: "aggregates" });
  const scope = { organisationId: token.organisationId, consultationId: params.id ?? "" };
  const consultation = await getConsultation(scope);
  if (!consultation) throw Response.json({ status: 404, title: "No such consultation" }, { status: 404 });
  const versions = await listSurveyVersions(scope);
  await recordApiRead({ organisationId: token.organisationId, tokenId: token.id, path: `/api/consultations/${consultation.id}` });
  return apiJson({
    consultation: { id: consultation.id, title: consultation.title, status: consultation.status, opensOn: consultation.opensOn, closesOn: consultation.closesOn },
    surveyVersions: versions,
  });
}

import type { LoaderFunctionArgs } from "@remix-run/node";
import { recordApiRead } from "~/models/api-token.server";
import { listConsultations } from "~/models/consultation.server";
import { apiJson, requireApiToken } from "~/utils/api.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const token = await requireApiToken(request, { scope: "aggregates" });
  const consultations = await listConsultations({ organisationId: token.organisationId });
  await recordApiRead({ organisationId: token.organisationId, tokenId: token.id, path: "/api/consultations", rows: consultations.length });
  return apiJson({ consultations: consultations.map(({ id, title, status }) => ({ id, title, status })) });
}

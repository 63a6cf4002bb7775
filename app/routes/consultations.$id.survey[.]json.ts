// Export: the draft survey as a SurveyJS JSON file, exactly as stored.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportDefinition } from "~/builder/import-export";
import { newDefinition } from "~/builder/definition";
import { getSurveyDraft } from "~/models/survey-draft.server";
import { requireMember, STAFF_WHO_MANAGE } from "~/utils/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const draft = await getSurveyDraft({ organisationId: member.organisationId, consultationId: params.id ?? "" });
  if (!draft) throw new Response(null, { status: 404 });
  return new Response(exportDefinition(draft.definition ?? newDefinition()), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="survey-${draft.id}.json"`,
      "Cache-Control": "no-store",
    },
  });
}

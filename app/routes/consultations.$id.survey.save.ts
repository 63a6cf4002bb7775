// Saving the builder's draft as you go: form-encoded in, JSON out, called with fetch by the
// builder so a failed save never throws away what was changed.
import type { ActionFunctionArgs } from "@remix-run/node";
import { SaveDraftSchema } from "~/builder/builder-schema.server";
import { checkShape } from "~/builder/import-export";
import { DraftConflictError, DraftLockedError, saveSurveyDraft } from "~/models/survey-draft.server";
import { requireMember, STAFF_WHO_MANAGE } from "~/utils/auth.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const parsed = SaveDraftSchema.safeParse(formFields(await readVerifiedForm(request)));
  if (!parsed.success) return Response.json({ error: "badRequest" }, { status: 400 });
  const problem = checkShape(parsed.data.definition);
  if (problem) return Response.json({ error: "invalid", problem }, { status: 400 });
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "", memberId: member.id };
  try {
    const saved = await saveSurveyDraft({ ...scope, ...parsed.data });
    if (!saved) return Response.json({ error: "notFound" }, { status: 404 });
    return Response.json({ revision: saved.revision });
  } catch (error) {
    if (error instanceof DraftConflictError) return Response.json({ error: "conflict", currentRevision: error.currentRevision }, { status: 409 });
    if (error instanceof DraftLockedError) return Response.json({ error: "locked" }, { status: 423 });
    throw error;
  }
}

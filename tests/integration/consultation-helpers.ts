// Small builders for integration tests: a draft consultation, the same one opened on a template,
// and an online answer to it. Each goes through the model functions the app uses.
import { chooseSurveyTemplate, createConsultation, openConsultation } from "~/models/consultation.server";
import { submitResponse } from "~/models/response.server";
import { getTemplate } from "~/survey/templates.server";
import { VALID_DETAILS } from "./fixtures";

/** The organisation a consultation belongs to and the member acting for it (null: nobody, as the seed). */
type Owner = { organisationId: string; memberId?: string | null };

/** A draft consultation, created by `memberId`; that member stays attached so later changes are attributed to them. */
export async function createDraftConsultation(
  { organisationId, memberId = null }: Owner,
  details: Partial<typeof VALID_DETAILS> = {},
) {
  const created = await createConsultation({ organisationId, memberId, details: { ...VALID_DETAILS, ...details } });
  return { organisationId, memberId, consultationId: created.id, slug: created.slug };
}

export function templateSurvey(templateId: string) {
  const template = getTemplate(templateId);
  if (!template) throw new Error(`No survey template "${templateId}"`);
  return template.survey;
}

/** A consultation that has chosen a template and been opened: it has survey version 1. */
export async function createOpenConsultation(
  owner: Owner,
  templateId = "event-feedback",
  details: Partial<typeof VALID_DETAILS> = {},
) {
  const draft = await createDraftConsultation(owner, details);
  const chosen = await chooseSurveyTemplate({ ...scopeOf(draft), templateId, definition: templateSurvey(templateId) });
  if (!chosen) throw new Error("Could not choose a survey template for a new draft");
  const version = await openConsultation(scopeOf(draft));
  if (!version) throw new Error("Could not open a new consultation");
  return { ...draft, surveyVersionId: version.id };
}

/**
 * A consultation's scope with the member acting on it, as model functions take it. State-changing
 * calls made with it are attributed to that member (null when the consultation was made without one).
 */
export function scopeOf({
  organisationId,
  consultationId,
  memberId = null,
}: {
  organisationId: string;
  consultationId: string;
  memberId?: string | null;
}) {
  return { organisationId, consultationId, memberId };
}

/** Submits one online response, as the public survey page does after validating the answers. */
export async function answerOnline(
  open: { organisationId: string; consultationId: string; surveyVersionId: string },
  answers: Record<string, unknown>,
) {
  return submitResponse({
    organisationId: open.organisationId,
    consultationId: open.consultationId,
    surveyVersionId: open.surveyVersionId,
    variant: "standard",
    locale: "en",
    channel: "online",
    answers,
  });
}

/**
 * An organisation's own survey templates, beside the bundled ones in `surveys/`.
 *
 * A template is a copy of a consultation's survey: its draft or the version children answer (with
 * every language the definition holds), and its easy-read variant when it has one. It never holds
 * a response. Only the organisation that saved it sees it. Deleting archives it, so the audit
 * trail of consultations that started from it still makes sense.
 *
 * Definitions are sanitised when saved and again when a consultation starts from one, the same way
 * as a save, import or publish in the builder (app/builder/sanitise.server.ts).
 */
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { sanitiseDefinition } from "~/builder/sanitise.server";
import { recordAuditEvent } from "./audit.server";

const { consultations, surveyTemplates, surveyVersions } = schema;

type OrganisationScope = { organisationId: string };
type Actor = { memberId: string };
type TemplateScope = OrganisationScope & { templateId: string };

/** Which of a consultation's surveys to save: the working draft, or the version children answer. */
export const TEMPLATE_SOURCES = ["draft", "published"] as const;
export type TemplateSource = (typeof TEMPLATE_SOURCES)[number];

export type TemplateDetails = { name: string; description: string; beforeYouStart: string };

/** The consultation has no survey of the kind asked for (no draft yet, or never opened). */
export class NoSurveyToSaveError extends Error {
  override name = "NoSurveyToSaveError";
}

/** Starting from a template replaces the draft, so only a consultation that has not opened may. */
export class NotDraftError extends Error {
  override name = "NotDraftError";
}

/** The latest definition of one variant of a consultation's published survey, if it has one. */
async function latestPublished(
  executor: Pick<typeof db, "select">,
  { organisationId, consultationId, variant }: OrganisationScope & { consultationId: string; variant: "standard" | "easy-read" },
) {
  const [latest] = await executor
    .select({ definition: surveyVersions.definition })
    .from(surveyVersions)
    .where(
      and(
        eq(surveyVersions.organisationId, organisationId),
        eq(surveyVersions.consultationId, consultationId),
        eq(surveyVersions.variant, variant),
      ),
    )
    .orderBy(desc(surveyVersions.version))
    .limit(1);
  return latest?.definition;
}

/**
 * Saves a consultation's survey as a template of its organisation. Returns the new template's id,
 * or undefined if there is no such consultation; throws NoSurveyToSaveError when it has no survey
 * of that kind.
 */
export async function saveSurveyTemplate({
  organisationId,
  memberId,
  consultationId,
  source,
  details,
}: OrganisationScope & Actor & { consultationId: string; source: TemplateSource; details: TemplateDetails }) {
  return db.transaction(async (tx) => {
    const [consultation] = await tx
      .select({ draft: consultations.draftDefinition, draftEasyRead: consultations.draftEasyReadDefinition })
      .from(consultations)
      .where(and(eq(consultations.id, consultationId), eq(consultations.organisationId, organisationId)));
    if (!consultation) return undefined;
    const scope = { organisationId, consultationId };
    const definition = source === "draft" ? consultation.draft : await latestPublished(tx, { ...scope, variant: "standard" });
    if (!definition) throw new NoSurveyToSaveError(source === "draft" ? "The consultation has no draft survey" : "No version has been published");
    const easyRead =
      source === "draft" ? consultation.draftEasyRead : await latestPublished(tx, { ...scope, variant: "easy-read" });
    const [saved] = await tx
      .insert(surveyTemplates)
      .values({
        organisationId,
        ...details,
        definition: sanitiseDefinition(definition),
        easyReadDefinition: easyRead ? sanitiseDefinition(easyRead) : null,
        sourceConsultationId: consultationId,
        createdBy: memberId,
      })
      .returning({ id: surveyTemplates.id });
    await recordAuditEvent(
      {
        organisationId,
        memberId,
        action: "survey_template.saved",
        subjectType: "survey_template",
        subjectId: saved!.id,
        detail: { consultationId, source, easyRead: Boolean(easyRead) },
      },
      tx,
    );
    return saved!.id;
  });
}

/** The organisation's templates (not deleted), by name; the definitions stay on the server. */
export async function listSurveyTemplates({ organisationId }: OrganisationScope) {
  const rows = await db
    .select({
      id: surveyTemplates.id,
      name: surveyTemplates.name,
      description: surveyTemplates.description,
      beforeYouStart: surveyTemplates.beforeYouStart,
      easyReadDefinition: surveyTemplates.easyReadDefinition,
      createdAt: surveyTemplates.createdAt,
    })
    .from(surveyTemplates)
    .where(and(eq(surveyTemplates.organisationId, organisationId), isNull(surveyTemplates.archivedAt)))
    .orderBy(asc(surveyTemplates.name), asc(surveyTemplates.createdAt));
  return rows.map(({ easyReadDefinition, ...row }) => ({ ...row, hasEasyRead: easyReadDefinition !== null }));
}

/** One template's details for renaming; undefined if it is not this organisation's or was deleted. */
export async function getSurveyTemplate({ organisationId, templateId }: TemplateScope) {
  const [found] = await db
    .select({
      id: surveyTemplates.id,
      name: surveyTemplates.name,
      description: surveyTemplates.description,
      beforeYouStart: surveyTemplates.beforeYouStart,
    })
    .from(surveyTemplates)
    .where(templateWhere({ organisationId, templateId }));
  return found;
}

function templateWhere({ organisationId, templateId }: TemplateScope) {
  return and(eq(surveyTemplates.id, templateId), eq(surveyTemplates.organisationId, organisationId), isNull(surveyTemplates.archivedAt));
}

/** Changes a template's name, description and before-you-start text; undefined if there is none. */
export async function renameSurveyTemplate({ organisationId, templateId, memberId, details }: TemplateScope & Actor & { details: TemplateDetails }) {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(surveyTemplates)
      .set({ ...details, updatedAt: new Date() })
      .where(templateWhere({ organisationId, templateId }))
      .returning({ id: surveyTemplates.id });
    if (!updated) return undefined;
    await recordAuditEvent(
      { organisationId, memberId, action: "survey_template.renamed", subjectType: "survey_template", subjectId: templateId, detail: { name: details.name } },
      tx,
    );
    return true;
  });
}

/** Deletes a template from the organisation's list (archived, not erased); undefined if there is none. */
export async function archiveSurveyTemplate({ organisationId, templateId, memberId }: TemplateScope & Actor) {
  return db.transaction(async (tx) => {
    const now = new Date();
    const [archived] = await tx
      .update(surveyTemplates)
      .set({ archivedAt: now, updatedAt: now })
      .where(templateWhere({ organisationId, templateId }))
      .returning({ id: surveyTemplates.id });
    if (!archived) return undefined;
    await recordAuditEvent(
      { organisationId, memberId, action: "survey_template.archived", subjectType: "survey_template", subjectId: templateId },
      tx,
    );
    return true;
  });
}

/**
 * Copies a template's survey, sanitised, into a draft consultation's draft survey (a new revision,
 * so a builder tab still showing the old survey cannot save over it). Returns undefined if the
 * consultation or template is not this organisation's; throws NotDraftError once it has opened.
 */
export async function startFromSurveyTemplate({
  organisationId,
  consultationId,
  templateId,
  memberId,
}: TemplateScope & Actor & { consultationId: string }) {
  return db.transaction(async (tx) => {
    const [template] = await tx
      .select({ definition: surveyTemplates.definition, easyReadDefinition: surveyTemplates.easyReadDefinition })
      .from(surveyTemplates)
      .where(templateWhere({ organisationId, templateId }));
    const [consultation] = await tx
      .select({ status: consultations.status })
      .from(consultations)
      .where(and(eq(consultations.id, consultationId), eq(consultations.organisationId, organisationId)));
    if (!template || !consultation) return undefined;
    if (consultation.status !== "draft") throw new NotDraftError("Only a draft consultation can start from a template");
    await tx
      .update(consultations)
      // templateId names a bundled template; an organisation template is recorded in the audit event.
      .set({
        templateId: null,
        draftDefinition: sanitiseDefinition(template.definition),
        // Its easy-read survey comes too, published beside every version (survey-version.server.ts).
        draftEasyReadDefinition: template.easyReadDefinition ? sanitiseDefinition(template.easyReadDefinition) : null,
        draftRevision: sql`${consultations.draftRevision} + 1`,
        updatedAt: new Date(),
      })
      .where(and(eq(consultations.id, consultationId), eq(consultations.organisationId, organisationId), eq(consultations.status, "draft")));
    await recordAuditEvent(
      {
        organisationId,
        memberId,
        action: "consultation.template_chosen",
        subjectType: "consultation",
        subjectId: consultationId,
        detail: { organisationTemplateId: templateId },
      },
      tx,
    );
    return true;
  });
}

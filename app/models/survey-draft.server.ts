/**
 * A consultation's draft survey: the working copy the builder edits, saved as you go.
 *
 * The draft lives in `consultations.draft_definition` with a revision number that goes up by one
 * with every save. A save names the revision it started from; if someone saved since (another
 * tab, another officer), it is refused with DraftConflictError and nothing is overwritten. Every
 * save also writes a row to `survey_draft_saves` (who, when, what), the builder's history.
 *
 * Opening a consultation freezes the draft into survey version 1 (consultation.server.ts). The
 * draft stays editable while the consultation is open; publishing it makes the next version,
 * which new respondents get. Responses keep pointing at the version they answered.
 * See docs/decisions/0010-survey-builder.md.
 */
import { and, desc, eq, max, sql } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { sameJson } from "~/survey/answers-that-count";
import type { Definition } from "~/builder/definition";
import { sanitiseDefinition } from "~/builder/sanitise.server";
import type { ConsultationStatus } from "../../db/schema";
import { recordAuditEvent } from "./audit.server";
import { freezeSurveyVersion } from "./survey-version.server";

const { consultations, members, surveyDraftSaves, surveyVersions } = schema;

type ConsultationScope = { organisationId: string; consultationId: string };
type Actor = { memberId: string };

/** Someone saved the draft since this tab loaded it: the tab's changes were not saved. */
export class DraftConflictError extends Error {
  override name = "DraftConflictError";
  constructor(readonly currentRevision: number) {
    super("The survey was changed in another tab or by someone else");
  }
}

/** The consultation is closed (or later): its survey can no longer change. */
export class DraftLockedError extends Error {
  override name = "DraftLockedError";
}

/** Publishing was asked for, but the draft is the same as the version children already answer. */
export class NothingToPublishError extends Error {
  override name = "NothingToPublishError";
}

/** While these, the draft can be edited (and, once open, published as the next version). */
const EDITABLE: readonly ConsultationStatus[] = ["draft", "in_review", "open"];

export function canEditSurvey(status: ConsultationStatus) {
  return EDITABLE.includes(status);
}

/** The draft as the builder needs it, with the latest published version to compare. */
export async function getSurveyDraft({ organisationId, consultationId }: ConsultationScope) {
  const [consultation] = await db
    .select({
      id: consultations.id,
      title: consultations.title,
      status: consultations.status,
      definition: consultations.draftDefinition,
      revision: consultations.draftRevision,
    })
    .from(consultations)
    .where(and(eq(consultations.id, consultationId), eq(consultations.organisationId, organisationId)));
  if (!consultation) return undefined;
  const [latest] = await db
    .select({ version: surveyVersions.version, definition: surveyVersions.definition, publishedAt: surveyVersions.publishedAt })
    .from(surveyVersions)
    .where(
      and(
        eq(surveyVersions.consultationId, consultationId),
        eq(surveyVersions.organisationId, organisationId),
        eq(surveyVersions.variant, "standard"),
      ),
    )
    .orderBy(desc(surveyVersions.version))
    .limit(1);
  return {
    ...consultation,
    latestVersion: latest ? { version: latest.version, publishedAt: latest.publishedAt } : undefined,
    /** Changed since the version children answer (always true before the first opening). */
    hasUnpublishedChanges: !latest || !sameJson(latest.definition, consultation.definition),
  };
}

/**
 * Saves the builder's definition as the next revision, sanitised. `baseRevision` is the revision
 * the builder started from; a stale one throws DraftConflictError. Returns the new revision, or
 * undefined if there is no such consultation.
 */
export async function saveSurveyDraft({
  organisationId,
  consultationId,
  memberId,
  baseRevision,
  definition,
}: ConsultationScope & Actor & { baseRevision: number; definition: Definition }) {
  const clean = sanitiseDefinition(definition);
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: consultations.status, revision: consultations.draftRevision })
      .from(consultations)
      .where(and(eq(consultations.id, consultationId), eq(consultations.organisationId, organisationId)));
    if (!current) return undefined;
    if (!canEditSurvey(current.status)) throw new DraftLockedError("The survey cannot change once the consultation has closed");
    if (current.revision !== baseRevision) throw new DraftConflictError(current.revision);
    const [saved] = await tx
      .update(consultations)
      .set({ draftDefinition: clean, draftRevision: sql`${consultations.draftRevision} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(consultations.id, consultationId),
          eq(consultations.organisationId, organisationId),
          // Checked again in the write itself: two saves racing on the same revision cannot both win.
          eq(consultations.draftRevision, baseRevision),
        ),
      )
      .returning({ revision: consultations.draftRevision });
    if (!saved) throw new DraftConflictError(baseRevision + 1);
    await tx.insert(surveyDraftSaves).values({ organisationId, consultationId, revision: saved.revision, definition: clean, savedBy: memberId });
    await recordAuditEvent(
      {
        organisationId,
        memberId,
        action: "survey.draft_saved",
        subjectType: "consultation",
        subjectId: consultationId,
        detail: { revision: saved.revision },
      },
      tx,
    );
    return { revision: saved.revision, definition: clean };
  });
}

/** Who saved the draft and when, newest first. */
export async function listDraftSaves({ organisationId, consultationId, limit = 20 }: ConsultationScope & { limit?: number }) {
  return db
    .select({ revision: surveyDraftSaves.revision, savedAt: surveyDraftSaves.createdAt, savedBy: members.name })
    .from(surveyDraftSaves)
    .leftJoin(members, and(eq(members.id, surveyDraftSaves.savedBy), eq(members.organisationId, organisationId)))
    .where(and(eq(surveyDraftSaves.consultationId, consultationId), eq(surveyDraftSaves.organisationId, organisationId)))
    .orderBy(desc(surveyDraftSaves.revision))
    .limit(limit);
}

/** One saved state of the draft, for comparing two in the survey's history; undefined if there is none. */
export async function getDraftSave({ organisationId, consultationId, revision }: ConsultationScope & { revision: number }) {
  const [found] = await db
    .select({ revision: surveyDraftSaves.revision, definition: surveyDraftSaves.definition })
    .from(surveyDraftSaves)
    .where(
      and(
        eq(surveyDraftSaves.consultationId, consultationId),
        eq(surveyDraftSaves.organisationId, organisationId),
        eq(surveyDraftSaves.revision, revision),
      ),
    );
  return found;
}

/**
 * Publishes the draft of an open consultation as its next survey version: new respondents get
 * it; answers already given stay with the version they answered. Throws SurveyProblemsError when
 * the checks fail, NothingToPublishError when nothing changed, DraftLockedError when not open.
 */
export async function publishSurveyDraft({ organisationId, consultationId, memberId }: ConsultationScope & Actor) {
  return db.transaction(async (tx) => {
    const [consultation] = await tx
      .select({
        status: consultations.status,
        definition: consultations.draftDefinition,
        easyRead: consultations.draftEasyReadDefinition,
      })
      .from(consultations)
      .where(and(eq(consultations.id, consultationId), eq(consultations.organisationId, organisationId)));
    if (!consultation) return undefined;
    if (consultation.status !== "open") throw new DraftLockedError("Only an open consultation publishes new versions");
    if (!consultation.definition) throw new NothingToPublishError("There is no draft survey");
    // Compared as it will be frozen (sanitised); freezeSurveyVersion runs the publish checks.
    const definition = sanitiseDefinition(consultation.definition);
    const [latest] = await tx
      .select({ version: max(surveyVersions.version) })
      .from(surveyVersions)
      .where(and(eq(surveyVersions.consultationId, consultationId), eq(surveyVersions.variant, "standard")));
    const [current] = await tx
      .select({ definition: surveyVersions.definition })
      .from(surveyVersions)
      .where(
        and(
          eq(surveyVersions.consultationId, consultationId),
          eq(surveyVersions.variant, "standard"),
          eq(surveyVersions.version, latest?.version ?? 0),
        ),
      );
    if (current && sameJson(current.definition, definition)) throw new NothingToPublishError("The draft has not changed");
    // The easy-read survey goes beside every new version, so children who read it keep getting it.
    const version = await freezeSurveyVersion(tx, {
      organisationId,
      consultationId,
      version: (latest?.version ?? 0) + 1,
      standard: definition,
      easyRead: consultation.easyRead ?? null,
    });
    await recordAuditEvent(
      {
        organisationId,
        memberId,
        action: "survey.version_published",
        subjectType: "consultation",
        subjectId: consultationId,
        detail: { version: version.version },
      },
      tx,
    );
    return version;
  });
}

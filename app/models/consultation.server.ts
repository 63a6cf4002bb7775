import { randomBytes } from "node:crypto";
import { and, count, desc, eq, inArray, isNull, max, sql } from "drizzle-orm";
import { db, schema, type Executor } from "~/db.server";
import type { ConsultationStatus } from "../../db/schema";
import type { ConsultationDetails } from "~/consultations/consultation-schema.server";
import { editableFields, type ConsultationField } from "~/consultations/consultation-fields";
import { freezeSurveyVersion } from "./survey-version.server";
import { recordAuditEvent } from "./audit.server";

const { consultations, organisations, responses, surveyVersions } = schema;

const SLUG_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** Who is making a change: the organisation it happens in and the member doing it (null for the seed). */
type Actor = { organisationId: string; memberId: string | null };
type ConsultationScope = { organisationId: string; consultationId: string };
/** A consultation's details as the form gives them; the contact may be left out (the organisation's is shown). */
type NewConsultationDetails = Omit<ConsultationDetails, "contact"> & { contact?: string };

export function slugify(title: string) {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/g, "");
  const suffix = Array.from(randomBytes(5), (b) => SLUG_ALPHABET[b % SLUG_ALPHABET.length]).join("");
  return base ? `${base}-${suffix}` : suffix;
}

export async function createConsultation({
  organisationId,
  memberId,
  details,
}: Actor & { details: NewConsultationDetails }) {
  return db.transaction(async (tx) => {
    // The random suffix makes a clash very unlikely; if one happens, draw another.
    for (let attempt = 0; attempt < 5; attempt++) {
      const [created] = await tx
        .insert(consultations)
        .values({ organisationId, createdBy: memberId, slug: slugify(details.title), ...details })
        .onConflictDoNothing({ target: consultations.slug })
        .returning({ id: consultations.id, slug: consultations.slug });
      if (created) {
        await recordAuditEvent(
          { organisationId, memberId, action: "consultation.created", subjectType: "consultation", subjectId: created.id },
          tx,
        );
        return created;
      }
    }
    throw new Error("Could not find a free web address for the consultation");
  });
}

export async function listConsultations({ organisationId }: { organisationId: string }) {
  return db
    .select({
      id: consultations.id,
      title: consultations.title,
      status: consultations.status,
      opensOn: consultations.opensOn,
      closesOn: consultations.closesOn,
      responseCount: count(responses.id),
    })
    .from(consultations)
    .leftJoin(
      responses,
      and(
        eq(responses.consultationId, consultations.id),
        eq(responses.organisationId, consultations.organisationId),
        isNull(responses.withdrawnAt),
      ),
    )
    .where(eq(consultations.organisationId, organisationId))
    .groupBy(consultations.id)
    .orderBy(desc(consultations.createdAt));
}

export async function getConsultation({ organisationId, consultationId }: ConsultationScope) {
  const [found] = await db
    .select()
    .from(consultations)
    .where(and(eq(consultations.id, consultationId), eq(consultations.organisationId, organisationId)));
  return found;
}

/** Copies a template's survey into the consultation's draft; only while it is still a draft. */
export async function chooseSurveyTemplate({
  organisationId,
  consultationId,
  memberId,
  templateId,
  definition,
  easyReadDefinition = null,
}: ConsultationScope &
  Actor & { templateId: string; definition: Record<string, unknown>; easyReadDefinition?: Record<string, unknown> | null }) {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(consultations)
      // A new revision: a builder tab still showing the old survey must not save over this one.
      .set({
        templateId,
        draftDefinition: definition,
        draftEasyReadDefinition: easyReadDefinition,
        draftRevision: sql`${consultations.draftRevision} + 1`, updatedAt: new Date() })
      .where(
        and(
          eq(consultations.id, consultationId),
          eq(consultations.organisationId, organisationId),
          eq(consultations.status, "draft"),
        ),
      )
      .returning({ id: consultations.id });
    if (!updated) return false;
    await recordAuditEvent(
      {
        organisationId,
        memberId,
        action: "consultation.template_chosen",
        subjectType: "consultation",
        subjectId: consultationId,
        detail: { templateId },
      },
      tx,
    );
    return true;
  });
}

export class ConsultationStateError extends Error {}

/**
 * Stops offering the easy-read survey: versions published from now on are standard only (a
 * version already published keeps its easy-read survey). While a draft, or open.
 */
export async function removeEasyReadDraft({ organisationId, consultationId, memberId }: ConsultationScope & Actor) {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(consultations)
      .set({ draftEasyReadDefinition: null, updatedAt: new Date() })
      .where(
        and(
          eq(consultations.id, consultationId),
          eq(consultations.organisationId, organisationId),
          inArray(consultations.status, ["draft", "in_review", "open"]),
        ),
      )
      .returning({ id: consultations.id });
    if (!updated) return false;
    await recordAuditEvent(
      { organisationId, memberId, action: "consultation.easy_read_removed", subjectType: "consultation", subjectId: consultationId, detail: {} },
      tx,
    );
    return true;
  });
}

/**
 * Changes a consultation's details: any of them while it is a draft; only the closing date, the
 * feedback date and the contact once it is open (what children were told stays as they read it);
 * none after it closes. Returns the fields that changed, undefined if there is no such consultation.
 */
export async function updateConsultationDetails({
  organisationId,
  consultationId,
  memberId,
  changes,
}: ConsultationScope & Actor & { changes: Partial<ConsultationDetails> }) {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(consultations)
      .where(and(eq(consultations.id, consultationId), eq(consultations.organisationId, organisationId)));
    if (!current) return undefined;
    const changed = (Object.keys(changes) as ConsultationField[]).filter(
      (field) => changes[field] !== undefined && changes[field] !== current[field],
    );
    const allowed = editableFields(current.status);
    const refused = changed.filter((field) => !allowed.includes(field));
    if (refused.length > 0) {
      throw new ConsultationStateError(`These details cannot change while the consultation is ${current.status}: ${refused.join(", ")}`);
    }
    if (changed.length === 0) return [];
    const values = Object.fromEntries(changed.map((field) => [field, changes[field]]));
    const [updated] = await tx
      .update(consultations)
      .set({ ...values, updatedAt: new Date() })
      .where(
        and(
          eq(consultations.id, consultationId),
          eq(consultations.organisationId, organisationId),
          // Opened (or closed) by someone else since we read it: refuse rather than change what children see.
          eq(consultations.status, current.status),
        ),
      )
      .returning({ id: consultations.id });
    if (!updated) throw new ConsultationStateError("The consultation changed while it was being edited.");
    await recordAuditEvent(
      {
        organisationId,
        memberId,
        action: "consultation.details_changed",
        subjectType: "consultation",
        subjectId: consultationId,
        detail: { fields: changed },
      },
      tx,
    );
    return changed;
  });
}

/**
 * Freezes the draft survey into a new immutable survey version and opens the consultation, in one
 * transaction. The version is sanitised and checked first (SurveyProblemsError lists what to fix).
 */
export async function openConsultation({ organisationId, consultationId, memberId }: ConsultationScope & Actor) {
  return db.transaction(async (tx) => {
    const [consultation] = await tx
      .select({
        status: consultations.status,
        draftDefinition: consultations.draftDefinition,
        draftEasyReadDefinition: consultations.draftEasyReadDefinition,
      })
      .from(consultations)
      .where(and(eq(consultations.id, consultationId), eq(consultations.organisationId, organisationId)));
    if (!consultation) return null;
    if (consultation.status !== "draft" && consultation.status !== "in_review") {
      throw new ConsultationStateError("Only a draft consultation can be opened.");
    }
    if (!consultation.draftDefinition) throw new ConsultationStateError("Choose a survey before opening.");
    const [latest] = await tx
      .select({ version: max(surveyVersions.version) })
      .from(surveyVersions)
      .where(eq(surveyVersions.consultationId, consultationId));
    const version = await freezeSurveyVersion(tx, {
      organisationId,
      consultationId,
      version: (latest?.version ?? 0) + 1,
      standard: consultation.draftDefinition,
      easyRead: consultation.draftEasyReadDefinition ?? null,
    });
    await setStatus(tx, { organisationId, consultationId, status: "open" });
    await recordAuditEvent(
      {
        organisationId,
        memberId,
        action: "consultation.opened",
        subjectType: "consultation",
        subjectId: consultationId,
        detail: { version: version.version },
      },
      tx,
    );
    return version;
  });
}

/** Stops an open consultation taking answers; records when, since retention runs from closing. */
export async function closeConsultation({ organisationId, consultationId, memberId }: ConsultationScope & Actor) {
  return db.transaction(async (tx) => {
    const now = new Date();
    const [closed] = await tx
      .update(consultations)
      .set({ status: "closed", closedAt: now, updatedAt: now })
      .where(
        and(
          eq(consultations.id, consultationId),
          eq(consultations.organisationId, organisationId),
          eq(consultations.status, "open"),
        ),
      )
      .returning({ id: consultations.id });
    if (!closed) return false;
    await recordAuditEvent(
      { organisationId, memberId, action: "consultation.closed", subjectType: "consultation", subjectId: consultationId },
      tx,
    );
    return true;
  });
}

async function setStatus(
  tx: Executor,
  { organisationId, consultationId, status }: ConsultationScope & { status: ConsultationStatus },
) {
  await tx
    .update(consultations)
    .set({ status, updatedAt: new Date() })
    .where(and(eq(consultations.id, consultationId), eq(consultations.organisationId, organisationId)));
}

const publicFields = {
  id: consultations.id,
  organisationId: consultations.organisationId,
  slug: consultations.slug,
  title: consultations.title,
  purpose: consultations.purpose,
  whoFor: consultations.whoFor,
  audience: consultations.audience,
  opensOn: consultations.opensOn,
  closesOn: consultations.closesOn,
  feedbackBy: consultations.feedbackBy,
  dataUseStatement: consultations.dataUseStatement,
  contact: consultations.contact,
  // Children are told before they start how long their answers are kept.
  retentionMonths: consultations.retentionMonths,
  status: consultations.status,
  outcomesPublishedAt: consultations.outcomesPublishedAt,
  closedAt: consultations.closedAt,
  answersDeletedAt: consultations.answersDeletedAt,
};

/**
 * What anyone may see about a consultation: only once it has opened (never a draft), with the name
 * and public contact of the organisation running it.
 */
export async function getPublicConsultation({ slug }: { slug: string }) {
  const [found] = await db
    .select({ ...publicFields, organisationName: organisations.name, organisationContact: organisations.publicContact })
    .from(consultations)
    .innerJoin(organisations, eq(organisations.id, consultations.organisationId))
    .where(eq(consultations.slug, slug));
  if (!found || found.status === "draft" || found.status === "in_review") return undefined;
  return found;
}

/** A specific frozen version of an open consultation, to validate a submission against what the child saw. */
export async function getOpenSurveyVersion({ slug, surveyVersionId }: { slug: string; surveyVersionId: string }) {
  const [found] = await db
    .select({
      consultationId: consultations.id,
      organisationId: consultations.organisationId,
      surveyVersionId: surveyVersions.id,
      variant: surveyVersions.variant,
      definition: surveyVersions.definition,
    })
    .from(surveyVersions)
    .innerJoin(
      consultations,
      and(eq(consultations.id, surveyVersions.consultationId), eq(consultations.organisationId, surveyVersions.organisationId)),
    )
    .where(and(eq(consultations.slug, slug), eq(consultations.status, "open"), eq(surveyVersions.id, surveyVersionId)));
  return found;
}

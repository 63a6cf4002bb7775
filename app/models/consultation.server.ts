import { randomBytes } from "node:crypto";
import { and, count, desc, eq, isNull, max } from "drizzle-orm";
import { db } from "~/db.server";
import { consultations, responses, surveyVersions, type ConsultationStatus } from "../../db/schema";
import type { ConsultationDetails } from "~/consultations/consultation-schema.server";

const SLUG_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

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

export function createConsultation({
  organisationId,
  createdBy,
  details,
}: {
  organisationId: string;
  createdBy: string | null;
  details: ConsultationDetails;
}) {
  // The random suffix makes a clash very unlikely; if one happens, draw another.
  for (let attempt = 0; attempt < 5; attempt++) {
    const created = db
      .insert(consultations)
      .values({ organisationId, createdBy, slug: slugify(details.title), ...details })
      .onConflictDoNothing({ target: consultations.slug })
      .returning({ id: consultations.id, slug: consultations.slug })
      .get();
    if (created) return created;
  }
  throw new Error("Could not find a free web address for the consultation");
}

export function listConsultations({ organisationId }: { organisationId: string }) {
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
    .orderBy(desc(consultations.createdAt))
    .all();
}

export function getConsultation({ organisationId, consultationId }: { organisationId: string; consultationId: string }) {
  return db
    .select()
    .from(consultations)
    .where(and(eq(consultations.id, consultationId), eq(consultations.organisationId, organisationId)))
    .get();
}

/** Copies a template's survey into the consultation's draft; only while it is still a draft. */
export function chooseSurveyTemplate({
  organisationId,
  consultationId,
  templateId,
  definition,
}: {
  organisationId: string;
  consultationId: string;
  templateId: string;
  definition: Record<string, unknown>;
}) {
  return db
    .update(consultations)
    .set({ templateId, draftDefinition: definition, updatedAt: new Date() })
    .where(
      and(
        eq(consultations.id, consultationId),
        eq(consultations.organisationId, organisationId),
        eq(consultations.status, "draft"),
      ),
    )
    .run().changes === 1;
}

export class ConsultationStateError extends Error {}

/** Freezes the draft survey into a new immutable survey version and opens the consultation, in one transaction. */
export function openConsultation({ organisationId, consultationId }: { organisationId: string; consultationId: string }) {
  return db.transaction((tx) => {
    const consultation = tx
      .select({ status: consultations.status, draftDefinition: consultations.draftDefinition })
      .from(consultations)
      .where(and(eq(consultations.id, consultationId), eq(consultations.organisationId, organisationId)))
      .get();
    if (!consultation) return null;
    if (consultation.status !== "draft" && consultation.status !== "in_review") {
      throw new ConsultationStateError("Only a draft consultation can be opened.");
    }
    if (!consultation.draftDefinition) throw new ConsultationStateError("Choose a survey before opening.");
    const latest = tx
      .select({ version: max(surveyVersions.version) })
      .from(surveyVersions)
      .where(eq(surveyVersions.consultationId, consultationId))
      .get();
    const version = tx
      .insert(surveyVersions)
      .values({
        organisationId,
        consultationId,
        version: (latest?.version ?? 0) + 1,
        variant: "standard",
        definition: consultation.draftDefinition,
        publishedAt: new Date(),
      })
      .returning({ id: surveyVersions.id, version: surveyVersions.version })
      .get();
    setStatus(tx, { organisationId, consultationId, status: "open" });
    return version;
  });
}

export function closeConsultation({ organisationId, consultationId }: { organisationId: string; consultationId: string }) {
  return (
    db
      .update(consultations)
      .set({ status: "closed", updatedAt: new Date() })
      .where(
        and(
          eq(consultations.id, consultationId),
          eq(consultations.organisationId, organisationId),
          eq(consultations.status, "open"),
        ),
      )
      .run().changes === 1
  );
}

function setStatus(
  tx: Pick<typeof db, "update">,
  { organisationId, consultationId, status }: { organisationId: string; consultationId: string; status: ConsultationStatus },
) {
  tx.update(consultations)
    .set({ status, updatedAt: new Date() })
    .where(and(eq(consultations.id, consultationId), eq(consultations.organisationId, organisationId)))
    .run();
}

const publicFields = {
  id: consultations.id,
  organisationId: consultations.organisationId,
  slug: consultations.slug,
  title: consultations.title,
  purpose: consultations.purpose,
  whoFor: consultations.whoFor,
  audience: consultations.audience,
  closesOn: consultations.closesOn,
  feedbackBy: consultations.feedbackBy,
  dataUseStatement: consultations.dataUseStatement,
  status: consultations.status,
  outcomesPublishedAt: consultations.outcomesPublishedAt,
};

/** What anyone may see about a consultation: only once it has opened (never a draft). */
export function getPublicConsultation({ slug }: { slug: string }) {
  const found = db.select(publicFields).from(consultations).where(eq(consultations.slug, slug)).get();
  if (!found || found.status === "draft" || found.status === "in_review") return undefined;
  return found;
}

/** The frozen survey version that an open consultation is collecting answers on. */
export function getOpenSurvey({ slug }: { slug: string }) {
  return db
    .select({
      consultationId: consultations.id,
      organisationId: consultations.organisationId,
      title: consultations.title,
      feedbackBy: consultations.feedbackBy,
      surveyVersionId: surveyVersions.id,
      variant: surveyVersions.variant,
      definition: surveyVersions.definition,
    })
    .from(consultations)
    .innerJoin(
      surveyVersions,
      and(eq(surveyVersions.consultationId, consultations.id), eq(surveyVersions.organisationId, consultations.organisationId)),
    )
    .where(and(eq(consultations.slug, slug), eq(consultations.status, "open"), eq(surveyVersions.variant, "standard")))
    .orderBy(desc(surveyVersions.version))
    .limit(1)
    .get();
}

/** A specific frozen version of an open consultation, to validate a submission against what the child saw. */
export function getOpenSurveyVersion({ slug, surveyVersionId }: { slug: string; surveyVersionId: string }) {
  return db
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
    .where(and(eq(consultations.slug, slug), eq(consultations.status, "open"), eq(surveyVersions.id, surveyVersionId)))
    .get();
}

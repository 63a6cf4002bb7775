// What a child answers: the open consultation's latest frozen survey, in the variant they chose
// (easy read or standard) when the consultation offers it.
import { and, desc, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { isTakingAnswers } from "~/consultations/taking-answers";
import { londonToday } from "~/utils/dates";
import type { Variant } from "../../db/enums";
import { recordAuditEvent } from "./audit.server";
import { ConsultationStateError } from "./consultation.server";
import { addEasyReadVariant } from "./survey-version.server";

const { consultations, surveyVersions } = schema;

/**
 * The survey to answer now, in `variant` when the latest version has it (else standard), and
 * which variants that version offers. Undefined when the consultation is not taking answers.
 * `keepVersionId`: the version a draft of answers was started on stays the one answered while it
 * is one of the latest version's variants, so changing the easy-read choice midway loses nothing.
 */
export async function getAnsweringSurvey({
  slug,
  variant,
  keepVersionId,
}: {
  slug: string;
  variant: Variant;
  keepVersionId?: string;
}) {
  const versions = await db
    .select({
      consultationId: consultations.id,
      organisationId: consultations.organisationId,
      title: consultations.title,
      status: consultations.status,
      opensOn: consultations.opensOn,
      closesOn: consultations.closesOn,
      feedbackBy: consultations.feedbackBy,
      surveyVersionId: surveyVersions.id,
      version: surveyVersions.version,
      variant: surveyVersions.variant,
      definition: surveyVersions.definition,
    })
    .from(consultations)
    .innerJoin(
      surveyVersions,
      and(eq(surveyVersions.consultationId, consultations.id), eq(surveyVersions.organisationId, consultations.organisationId)),
    )
    .where(and(eq(consultations.slug, slug), eq(consultations.status, "open")))
    .orderBy(desc(surveyVersions.version));
  const latest = versions.filter((row) => row.version === versions[0]?.version);
  const standard = latest.find((row) => row.variant === "standard");
  if (!standard || !isTakingAnswers(standard, londonToday())) return undefined;
  const chosen =
    latest.find((row) => row.surveyVersionId === keepVersionId) ?? latest.find((row) => row.variant === variant) ?? standard;
  const { status: _status, opensOn: _opensOn, closesOn: _closesOn, version: _version, ...survey } = chosen;
  return { ...survey, offersEasyRead: latest.some((row) => row.variant === "easy-read") };
}

/**
 * Publishes an easy-read variant beside the open consultation's latest standard version. Its
 * questions must share names with the standard ones (EasyReadMismatchError otherwise).
 */
export async function publishEasyReadVersion({
  organisationId,
  consultationId,
  memberId,
  definition,
}: {
  organisationId: string;
  consultationId: string;
  memberId: string | null;
  definition: Record<string, unknown>;
}) {
  return db.transaction(async (tx) => {
    const [standard] = await tx
      .select({ version: surveyVersions.version, definition: surveyVersions.definition, status: consultations.status })
      .from(surveyVersions)
      .innerJoin(consultations, eq(consultations.id, surveyVersions.consultationId))
      .where(
        and(
          eq(surveyVersions.organisationId, organisationId),
          eq(surveyVersions.consultationId, consultationId),
          eq(surveyVersions.variant, "standard"),
        ),
      )
      .orderBy(desc(surveyVersions.version))
      .limit(1);
    if (!standard) return undefined;
    if (standard.status !== "open") throw new ConsultationStateError("Only an open consultation can get an easy-read version.");
    const created = await addEasyReadVariant(tx, { organisationId, consultationId, version: standard.version, standard: standard.definition, easyRead: definition });
    await recordAuditEvent(
      {
        organisationId,
        memberId,
        action: "consultation.easy_read_published",
        subjectType: "consultation",
        subjectId: consultationId,
        detail: { version: created.version },
      },
      tx,
    );
    return created;
  });
}

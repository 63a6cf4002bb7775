// Co-designing a survey with young advisors: invitation codes (no email needed), comments on a
// question or the whole survey, suggested rewordings an officer accepts or declines, and sign-offs
// recording which definition the advisors reviewed.
import { and, asc, desc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { db, schema, type Executor } from "~/db.server";
import { definitionHash } from "~/codesign/definition-hash.server";
import { normaliseInvitationCode, newInvitationCode } from "~/codesign/invitation-code";
import { tallyOpenFeedback, type OpenFeedbackRow } from "~/codesign/open-feedback";
import { questionTitleText, withQuestionTitle } from "~/codesign/question-title";
import { hashPassword } from "~/utils/password.server";
import { hashToken } from "~/utils/tokens.server";
import { recordAuditEvent } from "./audit.server";
import { normaliseEmail, type SignedInMember } from "./member.server";
import type { Variant } from "../../db/enums";

const { advisorInvitations, consultations, members, surveyComments, surveySignOffs, wordingSuggestions } = schema;

type Scope = { organisationId: string; consultationId: string };
type Actor = { memberId: string };

export const INVITATION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;
export const INVITATION_MAX_USES = 30;

/** The survey can only change while the consultation is a draft or in review. */
export class SurveyNotEditableError extends Error {}
/** The comment or suggestion is not there (or not in this organisation), or already decided. */
export class NotFoundError extends Error {}
/** Someone already signs in with that name. */
export class SignInNameTakenError extends Error {}

// ---- Invitations -------------------------------------------------------------------------------

/** A new invitation code for young advisors; the code is returned once and only its hash kept. */
export async function createAdvisorInvitation({ organisationId, memberId, now = new Date() }: { organisationId: string; memberId: string; now?: Date }) {
  const code = newInvitationCode();
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(advisorInvitations)
      .values({
        organisationId,
        codeHash: hashToken(normaliseInvitationCode(code)),
        createdBy: memberId,
        maxUses: INVITATION_MAX_USES,
        expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
      })
      .returning({ id: advisorInvitations.id, expiresAt: advisorInvitations.expiresAt });
    await recordAuditEvent({ organisationId, memberId, action: "advisor.invitation_created", subjectType: "advisor_invitation", subjectId: created!.id }, tx);
    return { ...created!, code };
  });
}

export async function listAdvisorInvitations({ organisationId, now = new Date() }: { organisationId: string; now?: Date }) {
  const rows = await db
    .select({
      id: advisorInvitations.id,
      uses: advisorInvitations.uses,
      maxUses: advisorInvitations.maxUses,
      expiresAt: advisorInvitations.expiresAt,
      revokedAt: advisorInvitations.revokedAt,
      createdAt: advisorInvitations.createdAt,
      createdByName: members.name,
    })
    .from(advisorInvitations)
    .leftJoin(members, eq(members.id, advisorInvitations.createdBy))
    .where(eq(advisorInvitations.organisationId, organisationId))
    .orderBy(desc(advisorInvitations.createdAt));
  return rows.map((row) => ({ ...row, live: row.revokedAt === null && row.expiresAt > now && row.uses < row.maxUses }));
}

export async function revokeAdvisorInvitation({ organisationId, memberId, invitationId }: { organisationId: string; memberId: string; invitationId: string }) {
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(advisorInvitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(advisorInvitations.id, invitationId), eq(advisorInvitations.organisationId, organisationId), isNull(advisorInvitations.revokedAt)))
      .returning({ id: advisorInvitations.id });
    if (!revoked) return false;
    await recordAuditEvent({ organisationId, memberId, action: "advisor.invitation_revoked", subjectType: "advisor_invitation", subjectId: invitationId }, tx);
    return true;
  });
}

/** The organisation a live code lets someone join, or undefined (unknown, used up, expired or revoked). */
export async function getLiveInvitation({ code, now = new Date() }: { code: string; now?: Date }, executor: Executor = db) {
  const normalised = normaliseInvitationCode(code);
  if (!normalised) return undefined;
  const [found] = await executor
    .select({ id: advisorInvitations.id, organisationId: advisorInvitations.organisationId, organisationName: schema.organisations.name })
    .from(advisorInvitations)
    .innerJoin(schema.organisations, eq(schema.organisations.id, advisorInvitations.organisationId))
    .where(
      and(
        eq(advisorInvitations.codeHash, hashToken(normalised)),
        isNull(advisorInvitations.revokedAt),
        gt(advisorInvitations.expiresAt, now),
        lt(advisorInvitations.uses, advisorInvitations.maxUses),
      ),
    );
  return found;
}

/**
 * A young person makes their advisor account with a live code. They sign in with a name they
 * choose (kept in the sign-in column that holds staff emails; it never contains "@", so it cannot
 * collide with one). Returns undefined when the code is not live.
 */
export async function joinAsAdvisor({ code, name, signInName, password }: { code: string; name: string; signInName: string; password: string }): Promise<SignedInMember | undefined> {
  const passwordHash = await hashPassword(password);
  const login = normaliseEmail(signInName);
  return db.transaction(async (tx) => {
    const invitation = await getLiveInvitation({ code }, tx);
    if (!invitation) return undefined;
    const [taken] = await tx.select({ id: members.id }).from(members).where(eq(members.email, login));
    if (taken) throw new SignInNameTakenError();
    // Counted in SQL, so two people joining at once cannot go past the limit.
    const [counted] = await tx
      .update(advisorInvitations)
      .set({ uses: sql`${advisorInvitations.uses} + 1` })
      .where(and(eq(advisorInvitations.id, invitation.id), lt(advisorInvitations.uses, advisorInvitations.maxUses)))
      .returning({ id: advisorInvitations.id });
    if (!counted) return undefined;
    const [member] = await tx
      .insert(members)
      .values({ organisationId: invitation.organisationId, email: login, name, role: "advisor", passwordHash })
      .returning({ id: members.id, organisationId: members.organisationId, name: members.name, email: members.email, role: members.role, isSafeguardingLead: members.isSafeguardingLead });
    await recordAuditEvent(
      { organisationId: invitation.organisationId, memberId: member!.id, action: "advisor.joined", subjectType: "advisor_invitation", subjectId: invitation.id },
      tx,
    );
    return member!;
  });
}

// ---- The draft being co-designed ----------------------------------------------------------------

async function findDraft(tx: Executor, { organisationId, consultationId }: Scope) {
  const [found] = await tx
    .select({ id: consultations.id, status: consultations.status, draftDefinition: consultations.draftDefinition })
    .from(consultations)
    .where(and(eq(consultations.id, consultationId), eq(consultations.organisationId, organisationId)));
  return found;
}

const isEditable = (status: string) => status === "draft" || status === "in_review";

// ---- Comments ----------------------------------------------------------------------------------

export async function addSurveyComment({
  organisationId,
  consultationId,
  memberId,
  questionName,
  parentId,
  body,
}: Scope & Actor & { questionName: string | null; parentId: string | null; body: string }) {
  return db.transaction(async (tx) => {
    if (!(await findDraft(tx, { organisationId, consultationId }))) throw new NotFoundError();
    let onQuestion = questionName;
    if (parentId) {
      // A reply belongs to its comment's question and thread, whatever the form said.
      const [parent] = await tx
        .select({ questionName: surveyComments.questionName, parentId: surveyComments.parentId })
        .from(surveyComments)
        .where(and(eq(surveyComments.id, parentId), eq(surveyComments.organisationId, organisationId), eq(surveyComments.consultationId, consultationId)));
      if (!parent || parent.parentId !== null) throw new NotFoundError();
      onQuestion = parent.questionName;
    }
    const [added] = await tx
      .insert(surveyComments)
      .values({ organisationId, consultationId, questionName: onQuestion, parentId, authorId: memberId, body })
      .returning({ id: surveyComments.id });
    await recordAuditEvent(
      { organisationId, memberId, action: "survey.commented", subjectType: "consultation", subjectId: consultationId, detail: { commentId: added!.id, questionName: onQuestion } },
      tx,
    );
    return added!;
  });
}

export async function resolveSurveyComment({ organisationId, consultationId, memberId, commentId }: Scope & Actor & { commentId: string }) {
  return db.transaction(async (tx) => {
    const [resolved] = await tx
      .update(surveyComments)
      .set({ resolvedAt: new Date(), resolvedBy: memberId })
      .where(
        and(
          eq(surveyComments.id, commentId),
          eq(surveyComments.organisationId, organisationId),
          eq(surveyComments.consultationId, consultationId),
          isNull(surveyComments.parentId),
          isNull(surveyComments.resolvedAt),
        ),
      )
      .returning({ id: surveyComments.id });
    if (!resolved) throw new NotFoundError();
    await recordAuditEvent(
      { organisationId, memberId, action: "survey.comment_resolved", subjectType: "consultation", subjectId: consultationId, detail: { commentId } },
      tx,
    );
  });
}

export type CommentThread = {
  id: string;
  questionName: string | null;
  authorName: string | null;
  authorRole: string | null;
  body: string;
  createdAt: Date;
  resolvedAt: Date | null;
  replies: { id: string; authorName: string | null; authorRole: string | null; body: string; createdAt: Date }[];
};

/** Every thread on the survey, oldest first, with its replies. */
export async function listSurveyComments({ organisationId, consultationId }: Scope): Promise<CommentThread[]> {
  const rows = await db
    .select({
      id: surveyComments.id,
      questionName: surveyComments.questionName,
      parentId: surveyComments.parentId,
      body: surveyComments.body,
      createdAt: surveyComments.createdAt,
      resolvedAt: surveyComments.resolvedAt,
      authorName: members.name,
      authorRole: members.role,
    })
    .from(surveyComments)
    .leftJoin(members, eq(members.id, surveyComments.authorId))
    .where(and(eq(surveyComments.organisationId, organisationId), eq(surveyComments.consultationId, consultationId)))
    .orderBy(asc(surveyComments.createdAt), asc(surveyComments.id));
  const threads = new Map<string, CommentThread>();
  for (const row of rows) {
    if (row.parentId === null) threads.set(row.id, { ...row, replies: [] });
  }
  for (const row of rows) {
    if (row.parentId !== null) threads.get(row.parentId)?.replies.push(row);
  }
  return [...threads.values()];
}

/** The threads still open (not resolved), for the builder to show beside their questions. */
export async function listOpenSurveyComments(scope: Scope): Promise<CommentThread[]> {
  return (await listSurveyComments(scope)).filter((thread) => thread.resolvedAt === null);
}

/**
 * How many open comment threads and open suggested rewordings each question has, and how many open
 * threads are on the whole survey: one query for the whole survey, however many questions it has.
 */
export async function countOpenFeedback({ organisationId, consultationId }: Scope) {
  const openComments = db
    .select({ questionName: surveyComments.questionName, kind: sql<OpenFeedbackRow["kind"]>`'comment'`.as("kind"), count: sql<number>`count(*)`.as("count") })
    .from(surveyComments)
    .where(
      and(
        eq(surveyComments.organisationId, organisationId),
        eq(surveyComments.consultationId, consultationId),
        isNull(surveyComments.parentId),
        isNull(surveyComments.resolvedAt),
      ),
    )
    .groupBy(surveyComments.questionName);
  const openSuggestions = db
    .select({ questionName: wordingSuggestions.questionName, kind: sql<OpenFeedbackRow["kind"]>`'suggestion'`.as("kind"), count: sql<number>`count(*)`.as("count") })
    .from(wordingSuggestions)
    .where(and(eq(wordingSuggestions.organisationId, organisationId), eq(wordingSuggestions.consultationId, consultationId), eq(wordingSuggestions.status, "open")))
    .groupBy(wordingSuggestions.questionName);
  // PostgreSQL counts as bigint, which comes back as a string.
  const rows = await openComments.unionAll(openSuggestions);
  return tallyOpenFeedback(rows.map((row) => ({ ...row, count: Number(row.count) })));
}

// ---- Suggested rewordings ------------------------------------------------------------------------

export async function suggestWording({
  organisationId,
  consultationId,
  memberId,
  questionName,
  suggestedText,
}: Scope & Actor & { questionName: string; suggestedText: string }) {
  return db.transaction(async (tx) => {
    const draft = await findDraft(tx, { organisationId, consultationId });
    if (!draft?.draftDefinition) throw new NotFoundError();
    if (!isEditable(draft.status)) throw new SurveyNotEditableError();
    const currentText = questionTitleText(draft.draftDefinition, questionName);
    if (currentText === undefined) throw new NotFoundError();
    const [added] = await tx
      .insert(wordingSuggestions)
      .values({ organisationId, consultationId, questionName, currentText, suggestedText, suggestedBy: memberId })
      .returning({ id: wordingSuggestions.id });
    await recordAuditEvent(
      { organisationId, memberId, action: "survey.wording_suggested", subjectType: "consultation", subjectId: consultationId, detail: { suggestionId: added!.id, questionName } },
      tx,
    );
    return added!;
  });
}

/**
 * Accepts a suggestion: the question's English title in the draft becomes the suggested text, in
 * the same transaction as the decision. Other languages are left for the officer to update.
 */
export async function decideWordingSuggestion({
  organisationId,
  consultationId,
  memberId,
  suggestionId,
  decision,
}: Scope & Actor & { suggestionId: string; decision: "accepted" | "declined" }) {
  return db.transaction(async (tx) => {
    const draft = await findDraft(tx, { organisationId, consultationId });
    if (!draft) throw new NotFoundError();
    if (!isEditable(draft.status)) throw new SurveyNotEditableError();
    const [decided] = await tx
      .update(wordingSuggestions)
      .set({ status: decision, decidedBy: memberId, decidedAt: new Date() })
      .where(
        and(
          eq(wordingSuggestions.id, suggestionId),
          eq(wordingSuggestions.organisationId, organisationId),
          eq(wordingSuggestions.consultationId, consultationId),
          eq(wordingSuggestions.status, "open"),
        ),
      )
      .returning({ questionName: wordingSuggestions.questionName, suggestedText: wordingSuggestions.suggestedText });
    if (!decided) throw new NotFoundError();
    if (decision === "accepted") {
      const changed = draft.draftDefinition ? withQuestionTitle(draft.draftDefinition, decided.questionName, decided.suggestedText) : undefined;
      // The question was removed from the draft since: nothing to change, so the suggestion cannot be taken.
      if (!changed) throw new NotFoundError();
      await tx.update(consultations).set({ draftDefinition: changed, updatedAt: new Date() }).where(eq(consultations.id, consultationId));
    }
    await recordAuditEvent(
      {
        organisationId,
        memberId,
        action: decision === "accepted" ? "survey.wording_accepted" : "survey.wording_declined",
        subjectType: "consultation",
        subjectId: consultationId,
        detail: { suggestionId, questionName: decided.questionName },
      },
      tx,
    );
  });
}

export async function listWordingSuggestions({ organisationId, consultationId }: Scope) {
  return db
    .select({
      id: wordingSuggestions.id,
      questionName: wordingSuggestions.questionName,
      currentText: wordingSuggestions.currentText,
      suggestedText: wordingSuggestions.suggestedText,
      status: wordingSuggestions.status,
      createdAt: wordingSuggestions.createdAt,
      suggestedByName: members.name,
    })
    .from(wordingSuggestions)
    .leftJoin(members, eq(members.id, wordingSuggestions.suggestedBy))
    .where(and(eq(wordingSuggestions.organisationId, organisationId), eq(wordingSuggestions.consultationId, consultationId)))
    .orderBy(asc(wordingSuggestions.createdAt), asc(wordingSuggestions.id));
}

// ---- Sign-off ----------------------------------------------------------------------------------

/**
 * The easy-read text children who choose easy read are given now: the easy-read variant of the
 * latest version, if that version has one. ("easy-read" sorts before "standard".)
 */
async function findCurrentEasyRead(executor: Executor, { organisationId, consultationId }: Scope) {
  const [latest] = await executor
    .select({ variant: schema.surveyVersions.variant, version: schema.surveyVersions.version, definition: schema.surveyVersions.definition })
    .from(schema.surveyVersions)
    .where(and(eq(schema.surveyVersions.organisationId, organisationId), eq(schema.surveyVersions.consultationId, consultationId)))
    .orderBy(desc(schema.surveyVersions.version), asc(schema.surveyVersions.variant))
    .limit(1);
  return latest?.variant === "easy-read" ? { version: latest.version, definition: latest.definition } : undefined;
}

/** The text a sign-off of this variant is of: the draft (standard) or the current easy-read version. */
async function textToSignOff(executor: Executor, scope: Scope, variant: Variant) {
  if (variant === "easy-read") return (await findCurrentEasyRead(executor, scope))?.definition;
  return (await findDraft(executor, scope))?.draftDefinition ?? undefined;
}

/** The easy-read version advisors can review, if the consultation has one now. */
export async function getEasyReadToReview(scope: Scope) {
  return findCurrentEasyRead(db, scope);
}

/**
 * An advisor records that they reviewed the draft as it stands now (standard), or the easy-read
 * version children are given now: separately, as they are different texts.
 */
export async function signOffSurvey({ organisationId, consultationId, memberId, variant = "standard" }: Scope & Actor & { variant?: Variant }) {
  return db.transaction(async (tx) => {
    const definition = await textToSignOff(tx, { organisationId, consultationId }, variant);
    if (!definition) throw new NotFoundError();
    const [signed] = await tx
      .insert(surveySignOffs)
      .values({ organisationId, consultationId, memberId, variant, definitionHash: definitionHash(definition) })
      .returning({ id: surveySignOffs.id, createdAt: surveySignOffs.createdAt });
    await recordAuditEvent({ organisationId, memberId, action: "survey.signed_off", subjectType: "consultation", subjectId: consultationId, detail: { variant } }, tx);
    return signed!;
  });
}

/** Sign-offs, newest first, each saying whether it was of its variant's text as it stands now. */
export async function listSignOffs({ organisationId, consultationId }: Scope) {
  const scope = { organisationId, consultationId };
  const [standard, easyRead, rows] = await Promise.all([
    textToSignOff(db, scope, "standard"),
    textToSignOff(db, scope, "easy-read"),
    db
      .select({
        id: surveySignOffs.id,
        createdAt: surveySignOffs.createdAt,
        variant: surveySignOffs.variant,
        definitionHash: surveySignOffs.definitionHash,
        memberName: members.name,
      })
      .from(surveySignOffs)
      .leftJoin(members, eq(members.id, surveySignOffs.memberId))
      .where(and(eq(surveySignOffs.organisationId, organisationId), eq(surveySignOffs.consultationId, consultationId)))
      .orderBy(desc(surveySignOffs.createdAt)),
  ]);
  const current: Record<Variant, string | null> = {
    standard: standard ? definitionHash(standard) : null,
    "easy-read": easyRead ? definitionHash(easyRead) : null,
  };
  return rows.map(({ definitionHash: hash, ...row }) => ({ ...row, ofCurrentText: hash === current[row.variant] }));
}

/**
 * When young advisors last reviewed exactly the survey children now answer in this variant (the
 * latest published standard version, or the current easy-read version), for the public page;
 * undefined if they never reviewed that one.
 */
export async function getPublishedSurveySignOff({ consultationId, variant = "standard" }: { consultationId: string; variant?: Variant }) {
  const [latest] = await db
    .select({ variant: schema.surveyVersions.variant, definition: schema.surveyVersions.definition })
    .from(schema.surveyVersions)
    .where(
      and(
        eq(schema.surveyVersions.consultationId, consultationId),
        // The easy-read text children get is the latest version's, so look at every variant of it.
        variant === "standard" ? eq(schema.surveyVersions.variant, "standard") : undefined,
      ),
    )
    .orderBy(desc(schema.surveyVersions.version), asc(schema.surveyVersions.variant))
    .limit(1);
  return latest?.variant === variant ? getSignOffOf({ consultationId, variant, definition: latest.definition }) : undefined;
}

async function getSignOffOf({ consultationId, variant, definition }: { consultationId: string; variant: Variant; definition: Record<string, unknown> }) {
  const [found] = await db
    .select({ createdAt: surveySignOffs.createdAt })
    .from(surveySignOffs)
    .where(
      and(
        eq(surveySignOffs.consultationId, consultationId),
        eq(surveySignOffs.variant, variant),
        eq(surveySignOffs.definitionHash, definitionHash(definition)),
      ),
    )
    .orderBy(desc(surveySignOffs.createdAt))
    .limit(1);
  return found?.createdAt;
}

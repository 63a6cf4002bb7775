// Answers in progress on the low-data (no-JavaScript) pages, kept between one page and the next
// under a random token in the child's cookie (only its hash is stored). A draft is not a response:
// it is never counted, analysed or acknowledged, and it goes when the answers are sent or an hour
// after the last page was saved (ADR 0007). Drafts are not audited: no member acts on them, and a
// line per page per child would bury the events the audit log is for.
import { and, eq, gt, lt } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { hashToken, newToken } from "~/utils/tokens.server";
import { submitResponse } from "./response.server";

const { answerDrafts } = schema;

/** How long a draft waits after its last page: long enough for a break, short on a shared computer. */
export const DRAFT_IDLE_MS = 60 * 60 * 1000;

type DraftScope = { organisationId: string; consultationId: string };

/** Starts an empty draft for a survey version and returns the token for the cookie. */
export async function startAnswerDraft({ organisationId, consultationId, surveyVersionId, now = Date.now() }: DraftScope & { surveyVersionId: string; now?: number }) {
  const token = newToken();
  await db.insert(answerDrafts).values({
    id: hashToken(token),
    organisationId,
    consultationId,
    surveyVersionId,
    answers: {},
    expiresAt: new Date(now + DRAFT_IDLE_MS),
  });
  return token;
}

/** The live draft behind a token, for this consultation; undefined when there is none or it expired. */
export async function getAnswerDraft({ token, consultationId, now = Date.now() }: { token: string; consultationId: string; now?: number }) {
  const [found] = await db
    .select({ surveyVersionId: answerDrafts.surveyVersionId, answers: answerDrafts.answers })
    .from(answerDrafts)
    .where(and(eq(answerDrafts.id, hashToken(token)), eq(answerDrafts.consultationId, consultationId), gt(answerDrafts.expiresAt, new Date(now))));
  return found;
}

/** Replaces a live draft's answers and gives it another hour. Returns whether there was one. */
export async function saveAnswerDraft({
  token,
  consultationId,
  answers,
  now = Date.now(),
}: {
  token: string;
  consultationId: string;
  answers: Record<string, unknown>;
  now?: number;
}) {
  const updated = await db
    .update(answerDrafts)
    .set({ answers, expiresAt: new Date(now + DRAFT_IDLE_MS) })
    .where(and(eq(answerDrafts.id, hashToken(token)), eq(answerDrafts.consultationId, consultationId), gt(answerDrafts.expiresAt, new Date(now))))
    .returning({ id: answerDrafts.id });
  return updated.length === 1;
}

/** Throws the draft away ("start again"). */
export async function discardAnswerDraft({ token, consultationId }: { token: string; consultationId: string }) {
  await db.delete(answerDrafts).where(and(eq(answerDrafts.id, hashToken(token)), eq(answerDrafts.consultationId, consultationId)));
}

/**
 * Stores the draft's answers (already validated by the caller) as a response and deletes the draft,
 * in one transaction: the answers are either a response with a reference code or still a draft.
 */
export async function submitAnswerDraft(
  input: Parameters<typeof submitResponse>[0] & { token: string },
): Promise<{ referenceCode: string; help: boolean }> {
  const { token, ...response } = input;
  return db.transaction(async (tx) => {
    const stored = await submitResponse(response);
    await tx.delete(answerDrafts).where(and(eq(answerDrafts.id, hashToken(token)), eq(answerDrafts.consultationId, input.consultationId)));
    return stored;
  });
}

/** For the scheduled job: drafts nobody came back to. */
export async function deleteExpiredAnswerDrafts(now = Date.now()) {
  const deleted = await db.delete(answerDrafts).where(lt(answerDrafts.expiresAt, new Date(now))).returning({ id: answerDrafts.id });
  return deleted.length;
}

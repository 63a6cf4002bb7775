// What the builder shows of co-design: open comments and suggested rewordings beside their
// questions. Only open threads and counts go to the browser, with dates already written out.
import { countOpenFeedback, listOpenSurveyComments } from "~/models/codesign.server";
import { formatDateTime } from "~/utils/date-time.server";

export async function loadBuilderFeedback(scope: { organisationId: string; consultationId: string }, locale: string) {
  const [counts, threads] = await Promise.all([countOpenFeedback(scope), listOpenSurveyComments(scope)]);
  const shown = <T extends { id: string; authorName: string | null; authorRole: string | null; body: string; createdAt: Date }>(comment: T) => ({
    id: comment.id,
    authorName: comment.authorName,
    authorRole: comment.authorRole,
    body: comment.body,
    createdAt: formatDateTime(comment.createdAt, locale),
  });
  return {
    counts,
    threads: threads.map((thread) => ({ ...shown(thread), questionName: thread.questionName, replies: thread.replies.map(shown) })),
  };
}

export type BuilderFeedback = Awaited<ReturnType<typeof loadBuilderFeedback>>;

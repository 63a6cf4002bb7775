// The public consultation page tells a child when their answers will be deleted; what it says must
// be the retention job's own rule, before closing, after closing and once the job has run.
import { loader } from "~/routes/c.$slug._index";
import { applyRetention } from "~/models/retention.server";
import { answersDueForDeletionAt } from "~/responses/retention";
import { formatDay } from "~/utils/date-time.server";
import { closeConsultation, getConsultation } from "~/models/consultation.server";
import { answerOnline, createOpenConsultation, scopeOf } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";

async function publicRetention(slug: string) {
  const request = new Request(`http://localhost/c/${slug}`);
  const context = { cspNonce: "", csrfToken: "", clientKey: "test-client", requestId: "test" };
  const page = await loader({ request, params: { slug }, context });
  return page.consultation.retention;
}

test("the public page says how long answers are kept, then the date they go, then that they have gone", async () => {
  const { organisation, member } = await makeOrganisationWithMember("officer");
  const open = await createOpenConsultation({ organisationId: organisation.id, memberId: member.id }, "event-feedback", { retentionMonths: 18 });
  await answerOnline(open, { sessionRating: 4 });

  expect(await publicRetention(open.slug)).toEqual({ state: "after-closing", months: 18 });

  await closeConsultation(scopeOf(open));
  const closedAt = (await getConsultation(scopeOf(open)))!.closedAt!;
  const dueAt = answersDueForDeletionAt(closedAt, 18);
  expect(await publicRetention(open.slug)).toEqual({ state: "due", date: formatDay(dueAt, "en") });

  // The daily job, run on the day the page named, deletes them; the page then says so.
  await applyRetention({ now: new Date(dueAt.getTime() + 1000) });
  expect(await publicRetention(open.slug)).toEqual({ state: "deleted" });
});

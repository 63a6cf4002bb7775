// Results filtered by channel, language, date and answer, pooled across survey versions, and
// broken down in a cross-tab, on both engines.
import { getConsultationResults } from "~/models/results.server";
import { submitResponse } from "~/models/response.server";
import { createOpenConsultation, scopeOf } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";

let open: Awaited<ReturnType<typeof createOpenConsultation>>;

beforeAll(async () => {
  const { organisation } = await makeOrganisationWithMember("officer", "Filter Council");
  open = await createOpenConsultation({ organisationId: organisation.id });
  // 12 online in English on the 1st, 8 on paper in Welsh on the 10th; ratings 5 online, 2 on paper.
  for (let i = 0; i < 20; i++) {
    const online = i < 12;
    await submitResponse({
      organisationId: open.organisationId,
      consultationId: open.consultationId,
      surveyVersionId: open.surveyVersionId,
      variant: "standard",
      locale: online ? "en" : "cy",
      channel: online ? "online" : "paper",
      answers: { sessionRating: online ? 5 : 2 },
      submittedAt: new Date(online ? "2026-03-01T12:00:00Z" : "2026-03-10T12:00:00Z"),
    });
  }
});

async function results(filter = {}, crossTab?: Parameters<typeof getConsultationResults>[0]["crossTab"]) {
  const found = await getConsultationResults({ ...scopeOf(open), locale: "en", filter, crossTab });
  if (!found) throw new Error("no results");
  return found;
}

test("without a filter every response counts", async () => {
  expect((await results()).summary.total).toBe(20);
});

test("filters by channel, language and date range", async () => {
  expect((await results({ channel: "paper" })).summary.total).toBe(8);
  expect((await results({ locale: "en" })).summary.total).toBe(12);
  expect((await results({ from: "2026-03-05" })).summary.total).toBe(8);
  expect((await results({ to: "2026-03-01" })).summary.total).toBe(12);
  expect((await results({ channel: "assisted" })).summary.totalSuppressed).toBe(false);
  expect((await results({ channel: "assisted" })).summary.total).toBe(0);
});

test("filters by the answer to a choice question", async () => {
  expect((await results({ question: "sessionRating", answer: "2" })).summary.total).toBe(8);
});

test("offers the languages used and the choice questions to filter and compare by", async () => {
  const found = await results();
  expect(found.choices.locales).toEqual(["cy", "en"]);
  expect(found.choices.questions.map((question) => question.name)).toContain("sessionRating");
});

test("cross-tabulates a question by channel, with suppressed cells", async () => {
  const found = await results({}, { by: { facet: "channel" }, column: "sessionRating" });
  const table = found.crossTab!.table;
  const online = found.crossTab!.rows.categories.findIndex((category) => category.value === "online");
  const five = found.crossTab!.columns.categories.findIndex((category) => category.value === "5");
  expect(table.cells[online]![five]!.count).toBe(12);
  expect(table.total.count).toBe(20);
});

// Results of the wellbeing survey: counts and percentages per question, with small numbers hidden
// at the organisation's threshold so no child can be picked out.
import type { CellCount, QuestionSummary } from "~/analysis/summarise";
import { createOrganisation } from "~/models/organisation.server";
import { getConsultationResults } from "~/models/results.server";
import { validateAnswers } from "~/survey/validate-answers";
import { answerOnline, createDraftConsultation, createOpenConsultation, scopeOf, templateSurvey } from "./consultation-helpers";

const WELLBEING = "children-in-care-wellbeing";

/**
 * Twelve children's answers, built so each question shows one rule:
 * feelSafe 6 × "5" and 6 × "4"; familyTime 8 "about-right", 2 "more", 2 "less";
 * talkTo everyone "carer", 1 also "friend", 2 also "school"; trustedAdult all yes;
 * school answered by 7; makeBetter answered by 3; haveSay by nobody.
 */
function twelveAnswerSets() {
  return Array.from({ length: 12 }, (_, i) => {
    const talkTo = ["carer", ...(i === 0 ? ["friend"] : []), ...(i === 1 || i === 2 ? ["school"] : [])];
    const input: Record<string, unknown> = {
      feelSafe: i < 6 ? 5 : 4,
      familyTime: i < 8 ? "about-right" : i < 10 ? "more" : "less",
      talkTo,
      trustedAdult: true,
      ...(i < 7 ? { school: 3 } : {}),
      ...(i < 3 ? { makeBetter: `More time with my friends (${i})` } : {}),
    };
    const result = validateAnswers(templateSurvey(WELLBEING), input);
    if (!result.ok) throw new Error(`Test answers are invalid: ${JSON.stringify(result.errors)}`);
    return result.answers;
  });
}

async function wellbeingResultsWithThreshold(suppressionThreshold: number) {
  const organisation = await createOrganisation({ name: `Threshold ${suppressionThreshold} Council`, suppressionThreshold });
  const open = await createOpenConsultation({ organisationId: organisation.id }, WELLBEING, { title: "How are things?" });
  for (const answers of twelveAnswerSets()) await answerOnline(open, answers);
  const results = await getConsultationResults({ ...scopeOf(open), locale: "en" });
  if (!results) throw new Error("No results for the organisation's own consultation");
  return { open, results };
}

function question(questions: QuestionSummary[], name: string) {
  const found = questions.find((q) => q.name === name);
  if (!found) throw new Error(`No summary for question ${name}`);
  return found;
}

function cellsOf(questions: QuestionSummary[], name: string): Record<string, CellCount> {
  const found = question(questions, name);
  if (found.kind !== "choice") throw new Error(`${name} is not a choice question`);
  return Object.fromEntries(found.cells.map((cell) => [cell.value, cell]));
}

describe("with the default threshold of 5", () => {
  let results: NonNullable<Awaited<ReturnType<typeof getConsultationResults>>>;
  let consultationId: string;

  beforeAll(async () => {
    const made = await wellbeingResultsWithThreshold(5);
    results = made.results;
    consultationId = made.open.consultationId;
  });

  test("names the consultation and the threshold used", () => {
    expect(results.consultation).toEqual({ id: consultationId, title: "How are things?" });
    expect(results.threshold).toBe(5);
  });

  test("counts every response", () => {
    expect(results.summary.total).toBe(12);
    expect(results.summary.totalSuppressed).toBe(false);
  });

  test("lists every answerable question of the survey, in order", () => {
    expect(results.summary.questions.map((q) => q.name)).toEqual([
      "feelSafe",
      "likeHome",
      "trustedAdult",
      "talkTo",
      "familyTime",
      "socialWorker",
      "school",
      "haveSay",
      "makeBetter",
      "anythingElse",
    ]);
    expect(question(results.summary.questions, "feelSafe").title).toBe("How safe do you feel where you live?");
  });

  test("shows counts of 5 or more with their percentages", () => {
    const feelSafe = cellsOf(results.summary.questions, "feelSafe");
    expect(question(results.summary.questions, "feelSafe").answered).toBe(12);
    expect(feelSafe["5"]).toMatchObject({ count: 6, percent: 50, suppressed: false });
    expect(feelSafe["4"]).toMatchObject({ count: 6, percent: 50, suppressed: false });
    expect(feelSafe["1"]).toMatchObject({ count: 0, percent: 0, suppressed: false });
    expect(feelSafe["5"]?.label).toContain("Very safe");
  });

  test("hides a choice picked by one child: no count and no percentage", () => {
    const talkTo = cellsOf(results.summary.questions, "talkTo");
    expect(talkTo.friend).toMatchObject({ count: null, percent: null, suppressed: true, reason: "small" });
    expect(talkTo.carer).toMatchObject({ count: 12, percent: 100, suppressed: false });
  });

  test("hides choices picked by 2 children, and shows the larger one", () => {
    const familyTime = cellsOf(results.summary.questions, "familyTime");
    expect(familyTime.more).toMatchObject({ count: null, percent: null, suppressed: true });
    expect(familyTime.less).toMatchObject({ count: null, percent: null, suppressed: true });
    expect(familyTime["about-right"]).toMatchObject({ count: 8, percent: 67, suppressed: false });
    expect(familyTime["not-say"]).toMatchObject({ count: 0, suppressed: false });
  });

  test("never shows a count from 1 to 4 anywhere", () => {
    for (const q of results.summary.questions) {
      if (q.answered !== null) expect(q.answered === 0 || q.answered >= 5).toBe(true);
      if (q.kind !== "choice") continue;
      for (const cell of q.cells) {
        if (cell.count !== null) expect(cell.count === 0 || cell.count >= 5).toBe(true);
        if (cell.suppressed) expect(cell.percent).toBeNull();
      }
    }
  });

  test("a hidden cell cannot be worked out from the total and the shown cells", () => {
    // familyTime is single-choice, so its cells add up to the 12 who answered.
    const familyTime = question(results.summary.questions, "familyTime");
    if (familyTime.kind !== "choice") throw new Error("familyTime is a choice question");
    const hidden = familyTime.cells.filter((cell) => cell.suppressed);
    expect(hidden.length).not.toBe(1);
  });

  test("a free-text question answered by fewer than 5 hides how many answered", () => {
    const makeBetter = question(results.summary.questions, "makeBetter");
    expect(makeBetter).toMatchObject({ kind: "text", answered: null, answeredSuppressed: true });
  });

  test("a question nobody answered shows zero", () => {
    expect(question(results.summary.questions, "haveSay")).toMatchObject({ answered: 0, answeredSuppressed: false });
  });

  test("a question answered by 7 shows its count", () => {
    const school = cellsOf(results.summary.questions, "school");
    expect(question(results.summary.questions, "school").answered).toBe(7);
    expect(school["3"]).toMatchObject({ count: 7, percent: 100, suppressed: false });
  });
});

describe("with the organisation's threshold set to 10", () => {
  let results: NonNullable<Awaited<ReturnType<typeof getConsultationResults>>>;

  beforeAll(async () => {
    ({ results } = await wellbeingResultsWithThreshold(10));
  });

  test("uses the organisation's threshold", () => {
    expect(results.threshold).toBe(10);
    expect(results.summary.total).toBe(12);
  });

  test("hides counts under 10 that the default threshold would show", () => {
    const familyTime = cellsOf(results.summary.questions, "familyTime");
    expect(familyTime["about-right"]).toMatchObject({ count: null, percent: null, suppressed: true });
    const feelSafe = cellsOf(results.summary.questions, "feelSafe");
    expect(feelSafe["5"]).toMatchObject({ count: null, percent: null, suppressed: true });
    expect(feelSafe["4"]).toMatchObject({ count: null, percent: null, suppressed: true });
  });

  test("still shows counts of 10 or more", () => {
    const talkTo = cellsOf(results.summary.questions, "talkTo");
    expect(talkTo.carer).toMatchObject({ count: 12, percent: 100, suppressed: false });
  });

  test("hides a whole question answered by fewer than 10", () => {
    const school = question(results.summary.questions, "school");
    expect(school).toMatchObject({ answered: null, answeredSuppressed: true });
    if (school.kind !== "choice") throw new Error("school is a rating question");
    expect(school.cells.every((cell) => cell.count === null && cell.percent === null && cell.suppressed)).toBe(true);
  });

  test("never shows a count from 1 to 9 anywhere", () => {
    for (const q of results.summary.questions) {
      if (q.answered !== null) expect(q.answered === 0 || q.answered >= 10).toBe(true);
      if (q.kind !== "choice") continue;
      for (const cell of q.cells) {
        if (cell.count !== null) expect(cell.count === 0 || cell.count >= 10).toBe(true);
      }
    }
  });
});

test("Welsh results use the Welsh question titles and labels", async () => {
  const organisation = await createOrganisation({ name: "Cyngor Prawf" });
  const open = await createOpenConsultation({ organisationId: organisation.id }, WELLBEING);
  for (const answers of twelveAnswerSets()) await answerOnline(open, answers);
  const results = await getConsultationResults({ ...scopeOf(open), locale: "cy" });
  expect(question(results!.summary.questions, "feelSafe").title).toBe("Pa mor ddiogel wyt ti'n teimlo yn y lle rwyt ti'n byw?");
  expect(cellsOf(results!.summary.questions, "talkTo").carer?.label).toBe("Fy ngofalwr neu'r staff lle dw i'n byw");
});

test("a consultation with no responses yet shows zeros, not hidden cells", async () => {
  const organisation = await createOrganisation({ name: "Quiet Council" });
  const open = await createOpenConsultation({ organisationId: organisation.id }, WELLBEING);
  const results = await getConsultationResults({ ...scopeOf(open), locale: "en" });
  expect(results?.summary.total).toBe(0);
  expect(cellsOf(results!.summary.questions, "familyTime")["about-right"]).toMatchObject({ count: 0, suppressed: false });
});

test("a draft without a survey has empty results, not an error", async () => {
  const organisation = await createOrganisation({ name: "Draft Council" });
  const draft = await createDraftConsultation({ organisationId: organisation.id });
  const results = await getConsultationResults({ ...scopeOf(draft), locale: "en" });
  expect(results?.summary).toEqual({ total: 0, totalSuppressed: false, questions: [] });
});

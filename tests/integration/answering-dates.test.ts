// A consultation takes online answers only while it is open AND today (UK) is between its opening and
// closing dates, both days included. Before, an open consultation whose closing date had passed, or
// whose opening date was still to come, took answers.
import { getAnsweringSurvey } from "~/models/answering.server";
import { eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { updateConsultationDetails } from "~/models/consultation.server";
import { ConsultationNotOpenError, countResponses, submitResponse } from "~/models/response.server";
import { answerOnline, createOpenConsultation, scopeOf } from "./consultation-helpers";
import { makeOrganisationWithMember, ukDay } from "./fixtures";

let officer: { organisationId: string; memberId: string };

beforeAll(async () => {
  const { organisation, member } = await makeOrganisationWithMember("officer");
  officer = { organisationId: organisation.id, memberId: member.id };
});

const ANSWERS = { sessionRating: 4 };

/** An open consultation with these dates (an officer opened it; its dates say when children may answer). */
function openWithDates(opensOn: string, closesOn: string) {
  return createOpenConsultation(officer, "event-feedback", { opensOn, closesOn, feedbackBy: ukDay(90) });
}

test("an open consultation whose closing date has passed refuses online answers and stores nothing", async () => {
  const open = await openWithDates(ukDay(-30), ukDay(-1));
  await expect(answerOnline(open, ANSWERS)).rejects.toBeInstanceOf(ConsultationNotOpenError);
  expect(await countResponses(scopeOf(open))).toBe(0);
  expect(await getAnsweringSurvey({ slug: open.slug, variant: "standard" })).toBeUndefined();
});

test("an open consultation whose opening date is still to come refuses online answers and stores nothing", async () => {
  const open = await openWithDates(ukDay(1), ukDay(30));
  await expect(answerOnline(open, ANSWERS)).rejects.toBeInstanceOf(ConsultationNotOpenError);
  expect(await countResponses(scopeOf(open))).toBe(0);
  expect(await getAnsweringSurvey({ slug: open.slug, variant: "standard" })).toBeUndefined();
});

test("the opening day and the closing day both take answers", async () => {
  const opensToday = await openWithDates(ukDay(0), ukDay(10));
  const closesToday = await openWithDates(ukDay(-10), ukDay(0));
  for (const open of [opensToday, closesToday]) {
    expect((await answerOnline(open, ANSWERS)).referenceCode).toBeTruthy();
    expect(await getAnsweringSurvey({ slug: open.slug, variant: "standard" })).toMatchObject({ consultationId: open.consultationId });
  }
});

test("answers recorded on paper may still be entered after the closing date", async () => {
  const open = await openWithDates(ukDay(-30), ukDay(-1));
  const { referenceCode } = await submitResponse({
    organisationId: open.organisationId,
    consultationId: open.consultationId,
    surveyVersionId: open.surveyVersionId,
    variant: "standard",
    locale: "en",
    channel: "paper",
    answers: ANSWERS,
  });
  const [stored] = await db.select().from(schema.responses).where(eq(schema.responses.referenceCode, referenceCode));
  expect(stored?.channel).toBe("paper");
});

test("moving the closing date of an open consultation later lets children answer again", async () => {
  const open = await openWithDates(ukDay(-30), ukDay(-1));
  await expect(answerOnline(open, ANSWERS)).rejects.toBeInstanceOf(ConsultationNotOpenError);
  await updateConsultationDetails({ ...scopeOf(open), changes: { closesOn: ukDay(7) } });
  expect((await answerOnline(open, ANSWERS)).referenceCode).toBeTruthy();
  expect(await countResponses(scopeOf(open))).toBe(1);
});

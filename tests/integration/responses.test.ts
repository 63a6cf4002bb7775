// Children's answers: stored once, with a reference code they can read aloud, only while open.
import { eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { closeConsultation } from "~/models/consultation.server";
import {
  ConsultationNotOpenError,
  countResponses,
  listAnswerSets,
  submitResponse,
} from "~/models/response.server";
import { validateAnswers } from "~/survey/validate-answers";
import { answerOnline, createOpenConsultation, scopeOf, templateSurvey } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";

const REFERENCE_CODE = /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/;

let officer: { organisationId: string; memberId: string };

beforeAll(async () => {
  const { organisation, member } = await makeOrganisationWithMember("officer");
  officer = { organisationId: organisation.id, memberId: member.id };
});

const { responses } = schema;

function validEventFeedback(input: Record<string, unknown>) {
  const result = validateAnswers(templateSurvey("event-feedback"), input);
  if (!result.ok) throw new Error(`Test answers are invalid: ${JSON.stringify(result.errors)}`);
  return result.answers;
}

test("a submitted response is stored with its answers, version, variant, locale and channel", async () => {
  const open = await createOpenConsultation(officer);
  const answers = validEventFeedback({ sessionRating: 4, liked: ["food", "meeting-people"], comeAgain: true });
  const submittedAt = new Date("2026-01-15T10:00:00Z");

  const { referenceCode } = await submitResponse({
    organisationId: open.organisationId,
    consultationId: open.consultationId,
    surveyVersionId: open.surveyVersionId,
    variant: "standard",
    locale: "cy",
    channel: "online",
    answers,
    submittedAt,
  });

  const stored = await db.select().from(responses).where(eq(responses.referenceCode, referenceCode));
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({
    organisationId: officer.organisationId,
    consultationId: open.consultationId,
    surveyVersionId: open.surveyVersionId,
    variant: "standard",
    locale: "cy",
    channel: "online",
    answers: { sessionRating: 4, liked: ["food", "meeting-people"], comeAgain: true },
    submittedAt,
    withdrawnAt: null,
    flags: [],
  });
});

test("the reference code is two groups of four characters a child cannot misread", async () => {
  const open = await createOpenConsultation(officer);
  const { referenceCode } = await answerOnline(open, validEventFeedback({ sessionRating: 5 }));
  expect(referenceCode).toMatch(REFERENCE_CODE);
});

test("many submissions get different reference codes", async () => {
  const open = await createOpenConsultation(officer);
  const codes: string[] = [];
  for (let index = 0; index < 500; index++) {
    codes.push((await answerOnline(open, { sessionRating: (index % 5) + 1 })).referenceCode);
  }
  expect(new Set(codes).size).toBe(500);
  for (const code of codes) expect(code).toMatch(REFERENCE_CODE);
  expect(await countResponses(scopeOf(open))).toBe(500);
  // 500 real submissions, one after another: not a timing test, so it gets room on a busy machine.
}, 60_000);

test("a closed consultation refuses online answers and stores nothing", async () => {
  const open = await createOpenConsultation(officer);
  await answerOnline(open, { sessionRating: 3 });
  await closeConsultation(scopeOf(open));

  await expect(answerOnline(open, { sessionRating: 5 })).rejects.toThrow(ConsultationNotOpenError);
  expect(await countResponses(scopeOf(open))).toBe(1);
});

test("a survey version of another consultation is refused, even in the same organisation", async () => {
  const target = await createOpenConsultation(officer, "event-feedback", { title: "Summer scheme" });
  const other = await createOpenConsultation(officer, "children-in-care-wellbeing", { title: "Wellbeing" });

  await expect(answerOnline({ ...scopeOf(target), surveyVersionId: other.surveyVersionId }, { feelSafe: 5 })).rejects.toThrow(
    ConsultationNotOpenError,
  );
  expect(await countResponses(scopeOf(target))).toBe(0);
  expect(await countResponses(scopeOf(other))).toBe(0);
});

test("an unknown survey version is refused", async () => {
  const open = await createOpenConsultation(officer);
  await expect(answerOnline({ ...scopeOf(open), surveyVersionId: "not-a-version" }, { sessionRating: 2 })).rejects.toThrow(
    ConsultationNotOpenError,
  );
  expect(await countResponses(scopeOf(open))).toBe(0);
});

test("listAnswerSets returns exactly the answers that were stored", async () => {
  const open = await createOpenConsultation(officer);
  const given = [
    validEventFeedback({ sessionRating: 5, listenedTo: "yes", doBetter: "More pizza 🍕" }),
    validEventFeedback({ sessionRating: "2", heardAbout: ["school"] }),
    validEventFeedback({ comeAgain: false }),
  ];
  for (const answers of given) await answerOnline(open, answers);

  const stored = await listAnswerSets(scopeOf(open));

  expect(stored).toHaveLength(3);
  expect(stored).toEqual(expect.arrayContaining(given));
  expect(given[1]).toEqual({ sessionRating: 2, heardAbout: ["school"] });
});

test("countResponses counts only this consultation's responses and leaves out withdrawn ones", async () => {
  const open = await createOpenConsultation(officer);
  const neighbour = await createOpenConsultation(officer);
  expect(await countResponses(scopeOf(open))).toBe(0);

  const codes: string[] = [];
  for (const rating of [1, 2, 3, 4]) codes.push((await answerOnline(open, { sessionRating: rating })).referenceCode);
  await answerOnline(neighbour, { sessionRating: 5 });
  expect(await countResponses(scopeOf(open))).toBe(4);

  await db.update(responses).set({ withdrawnAt: new Date() }).where(eq(responses.referenceCode, codes[0]!));
  expect(await countResponses(scopeOf(open))).toBe(3);
  expect(await listAnswerSets(scopeOf(open))).not.toContainEqual({ sessionRating: 1 });
  expect(await countResponses(scopeOf(neighbour))).toBe(1);
});

test("a refused submission leaves no partial row behind", async () => {
  const open = await createOpenConsultation(officer);
  await closeConsultation(scopeOf(open));
  const before = (await db.select().from(responses)).length;
  await expect(answerOnline(open, { sessionRating: 1 })).rejects.toThrow(ConsultationNotOpenError);
  expect(await db.select().from(responses)).toHaveLength(before);
});

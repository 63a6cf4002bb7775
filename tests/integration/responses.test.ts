// Children's answers: stored once, with a reference code they can read aloud, only while open.
import { eq } from "drizzle-orm";
import { db } from "~/db.server";
import { closeConsultation } from "~/models/consultation.server";
import {
  ConsultationNotOpenError,
  countResponses,
  listAnswerSets,
  submitResponse,
} from "~/models/response.server";
import { validateAnswers } from "~/survey/validate-answers";
import { responses } from "../../db/schema";
import { answerOnline, createOpenConsultation, scopeOf, templateSurvey } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";

const REFERENCE_CODE = /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/;

let officer: { organisationId: string; memberId: string };

beforeAll(async () => {
  const { organisation, member } = await makeOrganisationWithMember("officer");
  officer = { organisationId: organisation.id, memberId: member.id };
});

function validEventFeedback(input: Record<string, unknown>) {
  const result = validateAnswers(templateSurvey("event-feedback"), input);
  if (!result.ok) throw new Error(`Test answers are invalid: ${JSON.stringify(result.errors)}`);
  return result.answers;
}

test("a submitted response is stored with its answers, version, variant, locale and channel", () => {
  const open = createOpenConsultation(officer);
  const answers = validEventFeedback({ sessionRating: 4, liked: ["food", "meeting-people"], comeAgain: true });
  const submittedAt = new Date("2026-01-15T10:00:00Z");

  const { referenceCode } = submitResponse({
    ...scopeOf(open),
    surveyVersionId: open.surveyVersionId,
    variant: "standard",
    locale: "cy",
    channel: "online",
    answers,
    submittedAt,
  });

  const stored = db.select().from(responses).where(eq(responses.referenceCode, referenceCode)).all();
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

test("the reference code is two groups of four characters a child cannot misread", () => {
  const open = createOpenConsultation(officer);
  const { referenceCode } = answerOnline(open, validEventFeedback({ sessionRating: 5 }));
  expect(referenceCode).toMatch(REFERENCE_CODE);
});

test("many submissions get different reference codes", () => {
  const open = createOpenConsultation(officer);
  const codes = Array.from({ length: 500 }, (_, index) => answerOnline(open, { sessionRating: (index % 5) + 1 }).referenceCode);
  expect(new Set(codes).size).toBe(500);
  for (const code of codes) expect(code).toMatch(REFERENCE_CODE);
  expect(countResponses(scopeOf(open))).toBe(500);
});

test("a closed consultation refuses online answers and stores nothing", () => {
  const open = createOpenConsultation(officer);
  answerOnline(open, { sessionRating: 3 });
  closeConsultation(scopeOf(open));

  expect(() => answerOnline(open, { sessionRating: 5 })).toThrow(ConsultationNotOpenError);
  expect(countResponses(scopeOf(open))).toBe(1);
});

test("a survey version of another consultation is refused, even in the same organisation", () => {
  const target = createOpenConsultation(officer, "event-feedback", { title: "Summer scheme" });
  const other = createOpenConsultation(officer, "children-in-care-wellbeing", { title: "Wellbeing" });

  expect(() => answerOnline({ ...scopeOf(target), surveyVersionId: other.surveyVersionId }, { feelSafe: 5 })).toThrow(
    ConsultationNotOpenError,
  );
  expect(countResponses(scopeOf(target))).toBe(0);
  expect(countResponses(scopeOf(other))).toBe(0);
});

test("an unknown survey version is refused", () => {
  const open = createOpenConsultation(officer);
  expect(() => answerOnline({ ...scopeOf(open), surveyVersionId: "not-a-version" }, { sessionRating: 2 })).toThrow(
    ConsultationNotOpenError,
  );
  expect(countResponses(scopeOf(open))).toBe(0);
});

test("listAnswerSets returns exactly the answers that were stored", () => {
  const open = createOpenConsultation(officer);
  const given = [
    validEventFeedback({ sessionRating: 5, listenedTo: "yes", doBetter: "More pizza 🍕" }),
    validEventFeedback({ sessionRating: "2", heardAbout: ["school"] }),
    validEventFeedback({}),
  ];
  for (const answers of given) answerOnline(open, answers);

  const stored = listAnswerSets(scopeOf(open));

  expect(stored).toHaveLength(3);
  expect(stored).toEqual(expect.arrayContaining(given));
  expect(given[1]).toEqual({ sessionRating: 2, heardAbout: ["school"] });
});

test("countResponses counts only this consultation's responses and leaves out withdrawn ones", () => {
  const open = createOpenConsultation(officer);
  const neighbour = createOpenConsultation(officer);
  expect(countResponses(scopeOf(open))).toBe(0);

  const codes = [1, 2, 3, 4].map((rating) => answerOnline(open, { sessionRating: rating }).referenceCode);
  answerOnline(neighbour, { sessionRating: 5 });
  expect(countResponses(scopeOf(open))).toBe(4);

  db.update(responses).set({ withdrawnAt: new Date() }).where(eq(responses.referenceCode, codes[0]!)).run();
  expect(countResponses(scopeOf(open))).toBe(3);
  expect(listAnswerSets(scopeOf(open))).not.toContainEqual({ sessionRating: 1 });
  expect(countResponses(scopeOf(neighbour))).toBe(1);
});

test("a refused submission leaves no partial row behind", () => {
  const open = createOpenConsultation(officer);
  closeConsultation(scopeOf(open));
  const before = db.select().from(responses).all().length;
  expect(() => answerOnline(open, { sessionRating: 1 })).toThrow(ConsultationNotOpenError);
  expect(db.select().from(responses).all()).toHaveLength(before);
});

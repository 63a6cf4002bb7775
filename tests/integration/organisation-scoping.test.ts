// No data crosses organisations: a member of one council can neither see nor change another
// council's consultations, whichever model function they reach it through.
import { count, eq } from "drizzle-orm";
import { db } from "~/db.server";
import {
  chooseSurveyTemplate,
  closeConsultation,
  getConsultation,
  listConsultations,
  openConsultation,
} from "~/models/consultation.server";
import { addOutcome, deleteDraftOutcome, listOutcomes, publishOutcomes } from "~/models/outcome.server";
import {
  ConsultationNotOpenError,
  countResponses,
  getLatestSurveyVersion,
  listAnswerSets,
  submitResponse,
} from "~/models/response.server";
import { getConsultationResults } from "~/models/results.server";
import { consultations, outcomes, responses, surveyVersions } from "../../db/schema";
import { answerOnline, createDraftConsultation, createOpenConsultation, scopeOf, templateSurvey } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";

type Open = ReturnType<typeof createOpenConsultation>;
type Draft = ReturnType<typeof createDraftConsultation>;

let memberOfA: { organisationId: string; memberId: string };
let memberOfB: { organisationId: string; memberId: string };
let consultationOfA: Open;
let openOfB: Open;
let draftOfB: Draft;
let outcomeIdsOfB: string[];

beforeAll(async () => {
  const a = await makeOrganisationWithMember("officer", "Aberporth Council");
  const b = await makeOrganisationWithMember("officer", "Bryncoch Council");
  memberOfA = { organisationId: a.organisation.id, memberId: a.member.id };
  memberOfB = { organisationId: b.organisation.id, memberId: b.member.id };
});

// Fresh consultations for every test, so one test's attempt cannot hide another's.
beforeEach(() => {
  db.delete(consultations).run();

  consultationOfA = createOpenConsultation(memberOfA, "event-feedback", { title: "Aberporth youth forum" });
  openOfB = createOpenConsultation(memberOfB, "event-feedback", { title: "Bryncoch summer scheme" });
  draftOfB = createDraftConsultation(memberOfB, { title: "Bryncoch play parks" });
  chooseSurveyTemplate({ ...scopeOf(draftOfB), templateId: "event-feedback", definition: templateSurvey("event-feedback") });

  for (const rating of [5, 4, 3]) answerOnline(openOfB, { sessionRating: rating, listenedTo: "yes" });
  outcomeIdsOfB = [
    addOutcome({ ...scopeOf(openOfB), details: { youSaid: "More trips", weDid: "Booked two trips", status: "done", owner: "Youth team" } }),
    addOutcome({ ...scopeOf(openOfB), details: { youSaid: "Later hours", weDid: "Asking the board", status: "planned", owner: "" } }),
  ].map((outcome) => outcome!.id);
});

/** Everything organisation B would see of its own consultations, plus raw row counts that no scope can hide. */
function stateOfB() {
  const rowsFor = (consultationId: string) => ({
    responses: db.select({ n: count() }).from(responses).where(eq(responses.consultationId, consultationId)).get()?.n,
    outcomes: db.select({ n: count() }).from(outcomes).where(eq(outcomes.consultationId, consultationId)).get()?.n,
    surveyVersions: db.select({ n: count() }).from(surveyVersions).where(eq(surveyVersions.consultationId, consultationId)).get()?.n,
  });
  return {
    open: {
      consultation: getConsultation(scopeOf(openOfB)),
      outcomes: listOutcomes(scopeOf(openOfB)),
      responseCount: countResponses(scopeOf(openOfB)),
      answerSets: listAnswerSets(scopeOf(openOfB)),
      latestVersion: getLatestSurveyVersion(scopeOf(openOfB)),
      rows: rowsFor(openOfB.consultationId),
    },
    draft: {
      consultation: getConsultation(scopeOf(draftOfB)),
      latestVersion: getLatestSurveyVersion(scopeOf(draftOfB)),
      rows: rowsFor(draftOfB.consultationId),
    },
  };
}

/** A member of organisation A naming one of B's consultations by its id. */
function asMemberOfA(target: { consultationId: string }) {
  return { organisationId: memberOfA.organisationId, consultationId: target.consultationId };
}

test("organisation B's data is what the tests expect before anyone from A touches it", () => {
  const before = stateOfB();
  expect(before.open.consultation?.status).toBe("open");
  expect(before.open.responseCount).toBe(3);
  expect(before.open.outcomes.map((outcome) => outcome.youSaid)).toEqual(["More trips", "Later hours"]);
  expect(before.open.rows).toEqual({ responses: 3, outcomes: 2, surveyVersions: 1 });
  expect(before.draft.consultation?.status).toBe("draft");
  expect(before.draft.consultation?.templateId).toBe("event-feedback");
  expect(before.draft.rows).toEqual({ responses: 0, outcomes: 0, surveyVersions: 0 });
});

describe("a member of organisation A cannot read organisation B's consultation", () => {
  test("getConsultation finds nothing", () => {
    expect(getConsultation(asMemberOfA(openOfB))).toBeUndefined();
    expect(getConsultation(asMemberOfA(draftOfB))).toBeUndefined();
  });

  test("listConsultations lists only A's own consultations", () => {
    const listed = listConsultations({ organisationId: memberOfA.organisationId });
    expect(listed.map((consultation) => consultation.id)).toEqual([consultationOfA.consultationId]);
  });

  test("listOutcomes returns no outcome items", () => {
    expect(listOutcomes(asMemberOfA(openOfB))).toEqual([]);
  });

  test("countResponses counts nothing", () => {
    expect(countResponses(asMemberOfA(openOfB))).toBe(0);
  });

  test("listAnswerSets returns no answers", () => {
    expect(listAnswerSets(asMemberOfA(openOfB))).toEqual([]);
  });

  test("getLatestSurveyVersion finds no survey version", () => {
    expect(getLatestSurveyVersion(asMemberOfA(openOfB))).toBeUndefined();
  });

  test("getConsultationResults returns no results", () => {
    expect(getConsultationResults({ ...asMemberOfA(openOfB), locale: "en" })).toBeNull();
  });
});

describe("a member of organisation A cannot change organisation B's consultation", () => {
  test("chooseSurveyTemplate does not replace B's draft survey", () => {
    const before = stateOfB();
    const chosen = chooseSurveyTemplate({
      ...asMemberOfA(draftOfB),
      templateId: "children-in-care-wellbeing",
      definition: templateSurvey("children-in-care-wellbeing"),
    });
    expect(chosen).toBe(false);
    expect(stateOfB()).toEqual(before);
  });

  test("openConsultation does not open B's draft or freeze a survey version", () => {
    const before = stateOfB();
    expect(openConsultation(asMemberOfA(draftOfB))).toBeNull();
    expect(stateOfB()).toEqual(before);
  });

  test("closeConsultation does not close B's open consultation", () => {
    const before = stateOfB();
    expect(closeConsultation(asMemberOfA(openOfB))).toBe(false);
    expect(stateOfB()).toEqual(before);
    expect(stateOfB().open.consultation?.status).toBe("open");
  });

  test("addOutcome does not add an outcome item to B's consultation", () => {
    const before = stateOfB();
    const added = addOutcome({
      ...asMemberOfA(openOfB),
      details: { youSaid: "Planted by A", weDid: "Nothing", status: "done", owner: "" },
    });
    expect(added).toBeNull();
    expect(stateOfB()).toEqual(before);
  });

  test("deleteDraftOutcome does not delete B's draft outcome items", () => {
    const before = stateOfB();
    for (const outcomeId of outcomeIdsOfB) {
      expect(deleteDraftOutcome({ ...asMemberOfA(openOfB), outcomeId })).toBe(false);
    }
    expect(stateOfB()).toEqual(before);
  });

  test("publishOutcomes neither publishes B's outcome items nor marks B's consultation reported", () => {
    const before = stateOfB();
    expect(publishOutcomes(asMemberOfA(openOfB))).toBeNull();
    const after = stateOfB();
    expect(after).toEqual(before);
    expect(after.open.outcomes.every((outcome) => outcome.publishedAt === null)).toBe(true);
    expect(after.open.consultation?.outcomesPublishedAt).toBeNull();
  });

  test("submitResponse refuses A's organisation with B's consultation and survey version", () => {
    const before = stateOfB();
    expect(() =>
      submitResponse({
        ...asMemberOfA(openOfB),
        surveyVersionId: openOfB.surveyVersionId,
        variant: "standard",
        locale: "en",
        channel: "online",
        answers: { sessionRating: 1 },
      }),
    ).toThrow(ConsultationNotOpenError);
    expect(stateOfB()).toEqual(before);
  });

  test("submitResponse refuses A's own consultation paired with B's survey version", () => {
    const before = stateOfB();
    expect(() =>
      submitResponse({
        ...scopeOf(consultationOfA),
        surveyVersionId: openOfB.surveyVersionId,
        variant: "standard",
        locale: "en",
        channel: "online",
        answers: { sessionRating: 1 },
      }),
    ).toThrow(ConsultationNotOpenError);
    expect(countResponses(scopeOf(consultationOfA))).toBe(0);
    expect(stateOfB()).toEqual(before);
  });

  test("submitResponse through a non-online channel is refused across organisations too", () => {
    const before = stateOfB();
    expect(() =>
      submitResponse({
        ...asMemberOfA(openOfB),
        surveyVersionId: openOfB.surveyVersionId,
        variant: "standard",
        locale: "en",
        channel: "paper",
        answers: { sessionRating: 1 },
      }),
    ).toThrow(ConsultationNotOpenError);
    expect(stateOfB()).toEqual(before);
  });
});

test("B still sees and manages its own consultation after A's attempts", () => {
  closeConsultation(asMemberOfA(openOfB));
  publishOutcomes(asMemberOfA(openOfB));
  const scopeOfB = scopeOf(openOfB);
  expect(closeConsultation(scopeOfB)).toBe(true);
  expect(getConsultation(scopeOfB)?.status).toBe("closed");
  expect(publishOutcomes(scopeOfB)).toEqual({ published: 2 });
  expect(getConsultation(scopeOfB)?.status).toBe("reported");
});

// No data crosses organisations: a member of one council can neither see nor change another
// council's consultations, whichever model function they reach it through.
import { count, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
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
import { answerOnline, createDraftConsultation, createOpenConsultation, scopeOf, templateSurvey } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";

const { consultations, outcomes, responses, surveyVersions } = schema;

type Open = Awaited<ReturnType<typeof createOpenConsultation>>;
type Draft = Awaited<ReturnType<typeof createDraftConsultation>>;

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
beforeEach(async () => {
  await db.delete(consultations);

  consultationOfA = await createOpenConsultation(memberOfA, "event-feedback", { title: "Aberporth youth forum" });
  openOfB = await createOpenConsultation(memberOfB, "event-feedback", { title: "Bryncoch summer scheme" });
  draftOfB = await createDraftConsultation(memberOfB, { title: "Bryncoch play parks" });
  await chooseSurveyTemplate({ ...scopeOf(draftOfB), templateId: "event-feedback", definition: templateSurvey("event-feedback") });

  for (const rating of [5, 4, 3]) await answerOnline(openOfB, { sessionRating: rating, listenedTo: "yes" });
  outcomeIdsOfB = [];
  for (const details of [
    { youSaid: "More trips", weDid: "Booked two trips", status: "done", owner: "Youth team" },
    { youSaid: "Later hours", weDid: "Asking the board", status: "planned", owner: "" },
  ] as const) {
    const outcome = await addOutcome({ ...scopeOf(openOfB), details });
    outcomeIdsOfB.push(outcome!.id);
  }
});

/** Everything organisation B would see of its own consultations, plus raw row counts that no scope can hide. */
async function stateOfB() {
  const rowsFor = async (consultationId: string) => ({
    responses: (await db.select({ n: count() }).from(responses).where(eq(responses.consultationId, consultationId)))[0]?.n,
    outcomes: (await db.select({ n: count() }).from(outcomes).where(eq(outcomes.consultationId, consultationId)))[0]?.n,
    surveyVersions: (
      await db.select({ n: count() }).from(surveyVersions).where(eq(surveyVersions.consultationId, consultationId))
    )[0]?.n,
  });
  return {
    open: {
      consultation: await getConsultation(scopeOf(openOfB)),
      outcomes: await listOutcomes(scopeOf(openOfB)),
      responseCount: await countResponses(scopeOf(openOfB)),
      answerSets: await listAnswerSets(scopeOf(openOfB)),
      latestVersion: await getLatestSurveyVersion(scopeOf(openOfB)),
      rows: await rowsFor(openOfB.consultationId),
    },
    draft: {
      consultation: await getConsultation(scopeOf(draftOfB)),
      latestVersion: await getLatestSurveyVersion(scopeOf(draftOfB)),
      rows: await rowsFor(draftOfB.consultationId),
    },
  };
}

/** A member of organisation A naming one of B's consultations by its id (and acting as themselves). */
function asMemberOfA(target: { consultationId: string }) {
  return { organisationId: memberOfA.organisationId, consultationId: target.consultationId, memberId: memberOfA.memberId };
}

test("organisation B's data is what the tests expect before anyone from A touches it", async () => {
  const before = await stateOfB();
  expect(before.open.consultation?.status).toBe("open");
  expect(before.open.responseCount).toBe(3);
  expect(before.open.outcomes.map((outcome) => outcome.youSaid)).toEqual(["More trips", "Later hours"]);
  expect(before.open.rows).toEqual({ responses: 3, outcomes: 2, surveyVersions: 1 });
  expect(before.draft.consultation?.status).toBe("draft");
  expect(before.draft.consultation?.templateId).toBe("event-feedback");
  expect(before.draft.rows).toEqual({ responses: 0, outcomes: 0, surveyVersions: 0 });
});

describe("a member of organisation A cannot read organisation B's consultation", () => {
  test("getConsultation finds nothing", async () => {
    expect(await getConsultation(asMemberOfA(openOfB))).toBeUndefined();
    expect(await getConsultation(asMemberOfA(draftOfB))).toBeUndefined();
  });

  test("listConsultations lists only A's own consultations", async () => {
    const listed = await listConsultations({ organisationId: memberOfA.organisationId });
    expect(listed.map((consultation) => consultation.id)).toEqual([consultationOfA.consultationId]);
  });

  test("listOutcomes returns no outcome items", async () => {
    expect(await listOutcomes(asMemberOfA(openOfB))).toEqual([]);
  });

  test("countResponses counts nothing", async () => {
    expect(await countResponses(asMemberOfA(openOfB))).toBe(0);
  });

  test("listAnswerSets returns no answers", async () => {
    expect(await listAnswerSets(asMemberOfA(openOfB))).toEqual([]);
  });

  test("getLatestSurveyVersion finds no survey version", async () => {
    expect(await getLatestSurveyVersion(asMemberOfA(openOfB))).toBeUndefined();
  });

  test("getConsultationResults returns no results", async () => {
    expect(await getConsultationResults({ ...asMemberOfA(openOfB), locale: "en" })).toBeNull();
  });
});

describe("a member of organisation A cannot change organisation B's consultation", () => {
  test("chooseSurveyTemplate does not replace B's draft survey", async () => {
    const before = await stateOfB();
    const chosen = await chooseSurveyTemplate({
      ...asMemberOfA(draftOfB),
      templateId: "children-in-care-wellbeing",
      definition: templateSurvey("children-in-care-wellbeing"),
    });
    expect(chosen).toBe(false);
    expect(await stateOfB()).toEqual(before);
  });

  test("openConsultation does not open B's draft or freeze a survey version", async () => {
    const before = await stateOfB();
    expect(await openConsultation(asMemberOfA(draftOfB))).toBeNull();
    expect(await stateOfB()).toEqual(before);
  });

  test("closeConsultation does not close B's open consultation", async () => {
    const before = await stateOfB();
    expect(await closeConsultation(asMemberOfA(openOfB))).toBe(false);
    expect(await stateOfB()).toEqual(before);
    expect((await stateOfB()).open.consultation?.status).toBe("open");
  });

  test("addOutcome does not add an outcome item to B's consultation", async () => {
    const before = await stateOfB();
    const added = await addOutcome({
      ...asMemberOfA(openOfB),
      details: { youSaid: "Planted by A", weDid: "Nothing", status: "done", owner: "" },
    });
    expect(added).toBeNull();
    expect(await stateOfB()).toEqual(before);
  });

  test("deleteDraftOutcome does not delete B's draft outcome items", async () => {
    const before = await stateOfB();
    for (const outcomeId of outcomeIdsOfB) {
      expect(await deleteDraftOutcome({ ...asMemberOfA(openOfB), outcomeId })).toBe(false);
    }
    expect(await stateOfB()).toEqual(before);
  });

  test("publishOutcomes neither publishes B's outcome items nor marks B's consultation reported", async () => {
    const before = await stateOfB();
    expect(await publishOutcomes(asMemberOfA(openOfB))).toBeNull();
    const after = await stateOfB();
    expect(after).toEqual(before);
    expect(after.open.outcomes.every((outcome) => outcome.publishedAt === null)).toBe(true);
    expect(after.open.consultation?.outcomesPublishedAt).toBeNull();
  });

  test("submitResponse refuses A's organisation with B's consultation and survey version", async () => {
    const before = await stateOfB();
    await expect(
      submitResponse({
        organisationId: memberOfA.organisationId,
        consultationId: openOfB.consultationId,
        surveyVersionId: openOfB.surveyVersionId,
        variant: "standard",
        locale: "en",
        channel: "online",
        answers: { sessionRating: 1 },
      }),
    ).rejects.toThrow(ConsultationNotOpenError);
    expect(await stateOfB()).toEqual(before);
  });

  test("submitResponse refuses A's own consultation paired with B's survey version", async () => {
    const before = await stateOfB();
    await expect(
      submitResponse({
        organisationId: consultationOfA.organisationId,
        consultationId: consultationOfA.consultationId,
        surveyVersionId: openOfB.surveyVersionId,
        variant: "standard",
        locale: "en",
        channel: "online",
        answers: { sessionRating: 1 },
      }),
    ).rejects.toThrow(ConsultationNotOpenError);
    expect(await countResponses(scopeOf(consultationOfA))).toBe(0);
    expect(await stateOfB()).toEqual(before);
  });

  test("submitResponse through a non-online channel is refused across organisations too", async () => {
    const before = await stateOfB();
    await expect(
      submitResponse({
        organisationId: memberOfA.organisationId,
        consultationId: openOfB.consultationId,
        surveyVersionId: openOfB.surveyVersionId,
        variant: "standard",
        locale: "en",
        channel: "paper",
        answers: { sessionRating: 1 },
      }),
    ).rejects.toThrow(ConsultationNotOpenError);
    expect(await stateOfB()).toEqual(before);
  });
});

test("B still sees and manages its own consultation after A's attempts", async () => {
  await closeConsultation(asMemberOfA(openOfB));
  await publishOutcomes(asMemberOfA(openOfB));
  const scopeOfB = scopeOf(openOfB);
  expect(await closeConsultation(scopeOfB)).toBe(true);
  expect((await getConsultation(scopeOfB))?.status).toBe("closed");
  expect(await publishOutcomes(scopeOfB)).toEqual({ published: 2 });
  expect((await getConsultation(scopeOfB))?.status).toBe("reported");
});

// Every model function that changes a consultation writes its own audit event, in the same
// transaction as the change: one event when the change happens, none when it is refused, and no
// change without its event.
import { notInArray } from "drizzle-orm";
import { db, schema } from "~/db.server";
import {
  ConsultationStateError,
  chooseSurveyTemplate,
  closeConsultation,
  createConsultation,
  getConsultation,
  openConsultation,
} from "~/models/consultation.server";
import { addOutcome, deleteDraftOutcome, listOutcomes, publishOutcomes } from "~/models/outcome.server";
import { getLatestSurveyVersion } from "~/models/response.server";
import type { OutcomeDetails } from "~/consultations/outcome-schema.server";
import { createDraftConsultation, createOpenConsultation, scopeOf, templateSurvey } from "./consultation-helpers";
import { makeOrganisationWithMember, VALID_DETAILS } from "./fixtures";

const { auditEvents } = schema;

const TRIPS: OutcomeDetails = { youSaid: "You wanted more trips", weDid: "We booked two trips", status: "done", owner: "Youth team" };
const HOURS: OutcomeDetails = { youSaid: "You wanted later opening", weDid: "We are asking the board", status: "planned", owner: "" };

let officer: { organisationId: string; memberId: string };
let outsider: { organisationId: string; memberId: string };

beforeAll(async () => {
  const a = await makeOrganisationWithMember("officer", "Audit Council");
  const b = await makeOrganisationWithMember("officer", "Elsewhere Council");
  officer = { organisationId: a.organisation.id, memberId: a.member.id };
  outsider = { organisationId: b.organisation.id, memberId: b.member.id };
});

async function allAuditEventIds() {
  const rows = await db.select({ id: auditEvents.id }).from(auditEvents);
  return rows.map((row) => row.id);
}

/**
 * Runs `change` and returns what it returned (or threw) and every audit event written meanwhile,
 * in any organisation, as the fields an auditor reads.
 */
async function auditDuring<T>(change: () => Promise<T>) {
  const before = await allAuditEventIds();
  let result: T | undefined;
  let error: unknown;
  try {
    result = await change();
  } catch (thrown) {
    error = thrown;
  }
  const written =
    before.length > 0
      ? await db.select().from(auditEvents).where(notInArray(auditEvents.id, before))
      : await db.select().from(auditEvents);
  const events = written.map(({ organisationId, memberId, action, subjectType, subjectId, detail }) => ({
    organisationId,
    memberId,
    action,
    subjectType,
    subjectId,
    detail,
  }));
  return { result, error, events };
}

/** A closed consultation of the officer's organisation, with outcome items not yet published. */
async function closedWithOutcomes(...items: OutcomeDetails[]) {
  const open = await createOpenConsultation(officer);
  await closeConsultation(scopeOf(open));
  const outcomeIds: string[] = [];
  for (const details of items) outcomeIds.push((await addOutcome({ ...scopeOf(open), details }))!.id);
  return { ...open, outcomeIds };
}

function asOutsider(target: { consultationId: string }) {
  return { organisationId: outsider.organisationId, consultationId: target.consultationId, memberId: outsider.memberId };
}

describe("each change writes exactly one audit event, attributed to the member who made it", () => {
  test("createConsultation", async () => {
    const { result, error, events } = await auditDuring(() =>
      createConsultation({ organisationId: officer.organisationId, memberId: officer.memberId, details: VALID_DETAILS }),
    );
    expect(error).toBeUndefined();
    expect(events).toEqual([
      {
        organisationId: officer.organisationId,
        memberId: officer.memberId,
        action: "consultation.created",
        subjectType: "consultation",
        subjectId: result!.id,
        detail: null,
      },
    ]);
  });

  test("createConsultation by nobody (the seed) is recorded with no member", async () => {
    const { result, events } = await auditDuring(() =>
      createConsultation({ organisationId: officer.organisationId, memberId: null, details: VALID_DETAILS }),
    );
    expect(events).toEqual([
      expect.objectContaining({
        organisationId: officer.organisationId,
        memberId: null,
        action: "consultation.created",
        subjectId: result!.id,
      }),
    ]);
  });

  test("chooseSurveyTemplate", async () => {
    const draft = await createDraftConsultation(officer);
    const { result, events } = await auditDuring(() =>
      chooseSurveyTemplate({ ...scopeOf(draft), templateId: "event-feedback", definition: templateSurvey("event-feedback") }),
    );
    expect(result).toBe(true);
    expect(events).toEqual([
      {
        organisationId: officer.organisationId,
        memberId: officer.memberId,
        action: "consultation.template_chosen",
        subjectType: "consultation",
        subjectId: draft.consultationId,
        detail: { templateId: "event-feedback" },
      },
    ]);
  });

  test("openConsultation", async () => {
    const draft = await createDraftConsultation(officer);
    await chooseSurveyTemplate({ ...scopeOf(draft), templateId: "event-feedback", definition: templateSurvey("event-feedback") });
    const { result, events } = await auditDuring(() => openConsultation(scopeOf(draft)));
    expect(result?.version).toBe(1);
    expect(events).toEqual([
      {
        organisationId: officer.organisationId,
        memberId: officer.memberId,
        action: "consultation.opened",
        subjectType: "consultation",
        subjectId: draft.consultationId,
        detail: { version: 1 },
      },
    ]);
  });

  test("closeConsultation", async () => {
    const open = await createOpenConsultation(officer);
    const { result, events } = await auditDuring(() => closeConsultation(scopeOf(open)));
    expect(result).toBe(true);
    expect(events).toEqual([
      {
        organisationId: officer.organisationId,
        memberId: officer.memberId,
        action: "consultation.closed",
        subjectType: "consultation",
        subjectId: open.consultationId,
        detail: null,
      },
    ]);
  });

  test("addOutcome", async () => {
    const closed = await closedWithOutcomes();
    const { result, events } = await auditDuring(() => addOutcome({ ...scopeOf(closed), details: TRIPS }));
    expect(result?.id).toEqual(expect.any(String));
    expect(events).toEqual([
      {
        organisationId: officer.organisationId,
        memberId: officer.memberId,
        action: "outcome.added",
        subjectType: "consultation",
        subjectId: closed.consultationId,
        detail: { outcomeId: result!.id },
      },
    ]);
  });

  test("deleteDraftOutcome", async () => {
    const closed = await closedWithOutcomes(TRIPS, HOURS);
    const [, hours] = closed.outcomeIds;
    const { result, events } = await auditDuring(() => deleteDraftOutcome({ ...scopeOf(closed), outcomeId: hours! }));
    expect(result).toBe(true);
    expect(events).toEqual([
      {
        organisationId: officer.organisationId,
        memberId: officer.memberId,
        action: "outcome.deleted",
        subjectType: "consultation",
        subjectId: closed.consultationId,
        detail: { outcomeId: hours },
      },
    ]);
  });

  test("publishOutcomes", async () => {
    const closed = await closedWithOutcomes(TRIPS, HOURS);
    const { result, events } = await auditDuring(() => publishOutcomes(scopeOf(closed)));
    expect(result).toEqual({ published: 2 });
    expect(events).toEqual([
      {
        organisationId: officer.organisationId,
        memberId: officer.memberId,
        action: "outcomes.published",
        subjectType: "consultation",
        subjectId: closed.consultationId,
        detail: { items: 2 },
      },
    ]);
  });

  test("a whole lifecycle writes one event per step, in its own organisation only", async () => {
    const { events } = await auditDuring(async () => {
      const closed = await closedWithOutcomes(TRIPS, HOURS);
      await deleteDraftOutcome({ ...scopeOf(closed), outcomeId: closed.outcomeIds[1]! });
      await publishOutcomes(scopeOf(closed));
    });
    expect(events.map((event) => event.action).sort()).toEqual(
      [
        "consultation.created",
        "consultation.template_chosen",
        "consultation.opened",
        "consultation.closed",
        "outcome.added",
        "outcome.added",
        "outcome.deleted",
        "outcomes.published",
      ].sort(),
    );
    expect(events.every((event) => event.organisationId === officer.organisationId)).toBe(true);
    expect(events.every((event) => event.memberId === officer.memberId)).toBe(true);
  });
});

describe("a refused change writes no audit event", () => {
  test("closing a draft", async () => {
    const draft = await createDraftConsultation(officer);
    const { result, events } = await auditDuring(() => closeConsultation(scopeOf(draft)));
    expect(result).toBe(false);
    expect(events).toEqual([]);
  });

  test("closing a consultation that is already closed", async () => {
    const open = await createOpenConsultation(officer);
    await closeConsultation(scopeOf(open));
    const { result, events } = await auditDuring(() => closeConsultation(scopeOf(open)));
    expect(result).toBe(false);
    expect(events).toEqual([]);
  });

  test("choosing a template once the consultation is open", async () => {
    const open = await createOpenConsultation(officer);
    const { result, events } = await auditDuring(() =>
      chooseSurveyTemplate({
        ...scopeOf(open),
        templateId: "children-in-care-wellbeing",
        definition: templateSurvey("children-in-care-wellbeing"),
      }),
    );
    expect(result).toBe(false);
    expect(events).toEqual([]);
  });

  test("opening a consultation that is already open", async () => {
    const open = await createOpenConsultation(officer);
    const { error, events } = await auditDuring(() => openConsultation(scopeOf(open)));
    expect(error).toBeInstanceOf(ConsultationStateError);
    expect(events).toEqual([]);
  });

  test("opening a draft without a survey", async () => {
    const draft = await createDraftConsultation(officer);
    const { error, events } = await auditDuring(() => openConsultation(scopeOf(draft)));
    expect(error).toBeInstanceOf(ConsultationStateError);
    expect(events).toEqual([]);
  });

  test("publishing while the consultation is open", async () => {
    const open = await createOpenConsultation(officer);
    await addOutcome({ ...scopeOf(open), details: TRIPS });
    const { error, events } = await auditDuring(() => publishOutcomes(scopeOf(open)));
    expect(error).toBeInstanceOf(ConsultationStateError);
    expect(events).toEqual([]);
    expect((await listOutcomes(scopeOf(open))).every((outcome) => outcome.publishedAt === null)).toBe(true);
  });

  test("publishing a draft", async () => {
    const draft = await createDraftConsultation(officer);
    await addOutcome({ ...scopeOf(draft), details: TRIPS });
    const { error, events } = await auditDuring(() => publishOutcomes(scopeOf(draft)));
    expect(error).toBeInstanceOf(ConsultationStateError);
    expect(events).toEqual([]);
  });

  test("deleting a published outcome item, or one that does not exist", async () => {
    const closed = await closedWithOutcomes(TRIPS);
    await publishOutcomes(scopeOf(closed));
    const { result, events } = await auditDuring(async () => [
      await deleteDraftOutcome({ ...scopeOf(closed), outcomeId: closed.outcomeIds[0]! }),
      await deleteDraftOutcome({ ...scopeOf(closed), outcomeId: "no-such-outcome" }),
    ]);
    expect(result).toEqual([false, false]);
    expect(events).toEqual([]);
  });

  test("any change by a member of another organisation", async () => {
    const draft = await createDraftConsultation(officer);
    await chooseSurveyTemplate({ ...scopeOf(draft), templateId: "event-feedback", definition: templateSurvey("event-feedback") });
    const open = await createOpenConsultation(officer);
    const closed = await closedWithOutcomes(TRIPS);

    const { result, events } = await auditDuring(async () => [
      await chooseSurveyTemplate({
        ...asOutsider(draft),
        templateId: "children-in-care-wellbeing",
        definition: templateSurvey("children-in-care-wellbeing"),
      }),
      await openConsultation(asOutsider(draft)),
      await closeConsultation(asOutsider(open)),
      await addOutcome({ ...asOutsider(closed), details: HOURS }),
      await deleteDraftOutcome({ ...asOutsider(closed), outcomeId: closed.outcomeIds[0]! }),
      await publishOutcomes(asOutsider(closed)),
    ]);

    expect(result).toEqual([false, null, false, null, false, null]);
    expect(events).toEqual([]);
  });
});

describe("a change and its audit event land together or not at all", () => {
  // An audit event naming a member who does not exist breaks a foreign key, so writing it fails
  // after the change itself has been made inside the transaction. (createConsultation is not tried
  // this way: the consultation's own createdBy column would refuse the member before its event.)
  const GHOST = "no-such-member";

  test("a template is not chosen when its audit event cannot be written", async () => {
    const draft = await createDraftConsultation(officer);
    const { error, events } = await auditDuring(() =>
      chooseSurveyTemplate({
        ...scopeOf(draft),
        memberId: GHOST,
        templateId: "event-feedback",
        definition: templateSurvey("event-feedback"),
      }),
    );
    expect(error).toBeDefined();
    expect(events).toEqual([]);
    expect(await getConsultation(scopeOf(draft))).toMatchObject({ templateId: null, draftDefinition: null });
  });

  test("a consultation is not opened, nor a survey version frozen, when its audit event cannot be written", async () => {
    const draft = await createDraftConsultation(officer);
    await chooseSurveyTemplate({ ...scopeOf(draft), templateId: "event-feedback", definition: templateSurvey("event-feedback") });
    const { error, events } = await auditDuring(() => openConsultation({ ...scopeOf(draft), memberId: GHOST }));
    expect(error).toBeDefined();
    expect(events).toEqual([]);
    expect((await getConsultation(scopeOf(draft)))?.status).toBe("draft");
    expect(await getLatestSurveyVersion(scopeOf(draft))).toBeUndefined();
  });

  test("a consultation is not closed when its audit event cannot be written", async () => {
    const open = await createOpenConsultation(officer);
    const { error, events } = await auditDuring(() => closeConsultation({ ...scopeOf(open), memberId: GHOST }));
    expect(error).toBeDefined();
    expect(events).toEqual([]);
    expect(await getConsultation(scopeOf(open))).toMatchObject({ status: "open", closedAt: null });
  });

  test("an outcome item is not added when its audit event cannot be written", async () => {
    const closed = await closedWithOutcomes(TRIPS);
    const { error, events } = await auditDuring(() => addOutcome({ ...scopeOf(closed), memberId: GHOST, details: HOURS }));
    expect(error).toBeDefined();
    expect(events).toEqual([]);
    expect((await listOutcomes(scopeOf(closed))).map((outcome) => outcome.id)).toEqual(closed.outcomeIds);
  });

  test("an outcome item is not deleted when its audit event cannot be written", async () => {
    const closed = await closedWithOutcomes(TRIPS, HOURS);
    const { error, events } = await auditDuring(() =>
      deleteDraftOutcome({ ...scopeOf(closed), memberId: GHOST, outcomeId: closed.outcomeIds[0]! }),
    );
    expect(error).toBeDefined();
    expect(events).toEqual([]);
    expect((await listOutcomes(scopeOf(closed))).map((outcome) => outcome.id)).toEqual(closed.outcomeIds);
  });

  test("outcome items are not published when the audit event cannot be written", async () => {
    const closed = await closedWithOutcomes(TRIPS, HOURS);
    const { error, events } = await auditDuring(() => publishOutcomes({ ...scopeOf(closed), memberId: GHOST }));
    expect(error).toBeDefined();
    expect(events).toEqual([]);
    expect(await getConsultation(scopeOf(closed))).toMatchObject({ status: "closed", outcomesPublishedAt: null });
    expect((await listOutcomes(scopeOf(closed))).every((outcome) => outcome.publishedAt === null)).toBe(true);
  });
});

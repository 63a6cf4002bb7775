// Consultation details and "you said, we did" items can be corrected: everything while a consultation
// is a draft, only the closing date, feedback date and contact once it is open; outcome items at any
// time, a published one showing publicly when it was updated. Every change is audited.
import { and, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import {
  closeConsultation,
  ConsultationStateError,
  getConsultation,
  updateConsultationDetails,
} from "~/models/consultation.server";
import {
  addOutcome,
  getOutcome,
  listOutcomes,
  listPublishedOutcomes,
  publishOutcomes,
  updateOutcome,
} from "~/models/outcome.server";
import type { OutcomeDetails } from "~/consultations/outcome-schema.server";
import { createDraftConsultation, createOpenConsultation, scopeOf } from "./consultation-helpers";
import { makeOrganisationWithMember, ukDay } from "./fixtures";

let officer: { organisationId: string; memberId: string };
let outsider: { organisationId: string; memberId: string };

beforeAll(async () => {
  const a = await makeOrganisationWithMember("officer", "Editing Council");
  const b = await makeOrganisationWithMember("officer", "Elsewhere Council");
  officer = { organisationId: a.organisation.id, memberId: a.member.id };
  outsider = { organisationId: b.organisation.id, memberId: b.member.id };
});

async function auditEventsOf(consultationId: string, action: string) {
  return db
    .select()
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.subjectId, consultationId), eq(schema.auditEvents.action, action)));
}

describe("consultation details", () => {
  it("can all be changed while a draft, and the change is audited with the fields that changed", async () => {
    const draft = await createDraftConsultation(officer);
    const changed = await updateConsultationDetails({
      ...scopeOf(draft),
      changes: { title: "Your say on play parks", opensOn: ukDay(-1), retentionMonths: 12, contact: "play@council.test" },
    });
    expect(changed).toEqual(["title", "opensOn", "retentionMonths", "contact"]);
    expect(await getConsultation(scopeOf(draft))).toMatchObject({
      title: "Your say on play parks",
      opensOn: ukDay(-1),
      retentionMonths: 12,
      contact: "play@council.test",
    });
    const events = await auditEventsOf(draft.consultationId, "consultation.details_changed");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ organisationId: officer.organisationId, memberId: officer.memberId });
    expect(events[0]?.detail).toEqual({ fields: ["title", "opensOn", "retentionMonths", "contact"] });
  });

  it("while open, only the closing date, feedback date and contact change; anything else is refused and nothing changes", async () => {
    const open = await createOpenConsultation(officer);
    const before = await getConsultation(scopeOf(open));
    await expect(
      updateConsultationDetails({ ...scopeOf(open), changes: { title: "A different title", closesOn: ukDay(40) } }),
    ).rejects.toBeInstanceOf(ConsultationStateError);
    expect(await getConsultation(scopeOf(open))).toEqual(before);
    expect(await auditEventsOf(open.consultationId, "consultation.details_changed")).toHaveLength(0);

    const changed = await updateConsultationDetails({
      ...scopeOf(open),
      changes: { closesOn: ukDay(40), feedbackBy: ukDay(80), contact: "Ask the participation team" },
    });
    expect(changed).toEqual(["closesOn", "feedbackBy", "contact"]);
    expect(await getConsultation(scopeOf(open))).toMatchObject({ closesOn: ukDay(40), feedbackBy: ukDay(80) });
  });

  it("cannot be changed once closed, nor from another organisation", async () => {
    const open = await createOpenConsultation(officer);
    expect(
      await updateConsultationDetails({
        organisationId: outsider.organisationId,
        consultationId: open.consultationId,
        memberId: outsider.memberId,
        changes: { closesOn: ukDay(50) },
      }),
    ).toBeUndefined();
    await closeConsultation(scopeOf(open));
    await expect(updateConsultationDetails({ ...scopeOf(open), changes: { closesOn: ukDay(50) } })).rejects.toBeInstanceOf(
      ConsultationStateError,
    );
    expect((await getConsultation(scopeOf(open)))?.closesOn).toBe(ukDay(30));
  });
});

const TRIPS: OutcomeDetails = { youSaid: "You wanted more trips", weDid: "We booked two trips", status: "planned", owner: "Youth team" };

async function closedWithOutcome() {
  const open = await createOpenConsultation(officer);
  await closeConsultation(scopeOf(open));
  const added = await addOutcome({ ...scopeOf(open), details: TRIPS });
  return { ...open, outcomeId: added!.id };
}

describe("outcome items", () => {
  it("a draft item can be edited; once published it does not say it was updated", async () => {
    const consultation = await closedWithOutcome();
    expect(await updateOutcome({ ...scopeOf(consultation), outcomeId: consultation.outcomeId, details: { ...TRIPS, owner: "Trips panel" } })).toBe(true);
    expect(await getOutcome({ ...scopeOf(consultation), outcomeId: consultation.outcomeId })).toMatchObject({ owner: "Trips panel" });
    await publishOutcomes(scopeOf(consultation));
    const [shown] = await listPublishedOutcomes({ consultationId: consultation.consultationId });
    expect(shown).toMatchObject({ owner: "Trips panel", correctedAt: null });
  });

  it("a published item can be corrected: the public list shows the correction and when it was made, and it is audited", async () => {
    const consultation = await closedWithOutcome();
    await publishOutcomes(scopeOf(consultation));
    const corrected = { ...TRIPS, weDid: "We booked three trips", status: "done" as const };
    expect(await updateOutcome({ ...scopeOf(consultation), outcomeId: consultation.outcomeId, details: corrected })).toBe(true);

    const [shown] = await listPublishedOutcomes({ consultationId: consultation.consultationId });
    expect(shown).toMatchObject({ weDid: "We booked three trips", status: "done" });
    expect(shown?.correctedAt).toBeInstanceOf(Date);
    const [listed] = await listOutcomes(scopeOf(consultation));
    expect(listed?.publishedAt).toBeInstanceOf(Date);

    const events = await auditEventsOf(consultation.consultationId, "outcome.updated");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ memberId: officer.memberId });
    expect(events[0]?.detail).toEqual({ outcomeId: consultation.outcomeId, fields: ["weDid", "status"], published: true });
  });

  it("saving an item unchanged records nothing, and another organisation cannot edit it", async () => {
    const consultation = await closedWithOutcome();
    await publishOutcomes(scopeOf(consultation));
    expect(await updateOutcome({ ...scopeOf(consultation), outcomeId: consultation.outcomeId, details: TRIPS })).toBe(true);
    expect(await auditEventsOf(consultation.consultationId, "outcome.updated")).toHaveLength(0);
    expect((await listPublishedOutcomes({ consultationId: consultation.consultationId }))[0]?.correctedAt).toBeNull();

    const elsewhere = { organisationId: outsider.organisationId, consultationId: consultation.consultationId, memberId: outsider.memberId };
    expect(await updateOutcome({ ...elsewhere, outcomeId: consultation.outcomeId, details: { ...TRIPS, weDid: "Nothing" } })).toBe(false);
    expect(await getOutcome({ ...scopeOf(consultation), outcomeId: consultation.outcomeId })).toMatchObject({ weDid: TRIPS.weDid });
  });
});

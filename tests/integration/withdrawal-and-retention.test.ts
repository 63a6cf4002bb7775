// The promises on screen: withdrawal by reference code deletes the answers (a count remains);
// staff erasure is audited with its reason; retention deletes exactly what its dry run listed,
// and the clean-up jobs clear what has run out.
import { and, eq, inArray } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { runDueJobs, SCHEDULED_JOBS } from "~/jobs/scheduler.server";
import { closeConsultation, getConsultation } from "~/models/consultation.server";
import { deleteExpiredMemberLinks, inviteMember } from "~/models/member.server";
import {
  countResponses,
  eraseResponse,
  getResponseByReferenceCode,
  getResponseForStaff,
  withdrawResponse,
} from "~/models/response.server";
import { addEventNote, addEventPhoto, addVoteOption, changeVotes, createEvent, getEventBoard, setAttendance } from "~/models/event.server";
import { applyRetention, planRetention, RETENTION_JOB } from "~/models/retention.server";
import { changeFlagStatus, getFlagForReview } from "~/models/safeguarding.server";
import { getJobState } from "~/models/job.server";
import { answersDueForDeletionAt } from "~/responses/retention";
import { answerOnline, createOpenConsultation, scopeOf } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";

const { auditEvents, consultations, memberLinks, responses, safeguardingFlagNotes, safeguardingFlags } = schema;

let officer: { organisationId: string; memberId: string };

beforeAll(async () => {
  const { organisation, member } = await makeOrganisationWithMember("officer", "Rights Council");
  officer = { organisationId: organisation.id, memberId: member.id };
});

async function responseIdOf(referenceCode: string) {
  const [row] = await db.select({ id: responses.id }).from(responses).where(eq(responses.referenceCode, referenceCode));
  return row?.id;
}

async function eventsOf(organisationId: string, action: string) {
  return db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, organisationId), eq(auditEvents.action, action)));
}

describe("withdrawal by reference code", () => {
  test("deletes the response (not hides it) and keeps only a count", async () => {
    const open = await createOpenConsultation(officer);
    const mine = await answerOnline(open, { sessionRating: 5, anythingElse: "Great day" });
    await answerOnline(open, { sessionRating: 4 });
    expect(await countResponses(open)).toBe(2);

    expect(await getResponseByReferenceCode({ referenceCode: mine.referenceCode })).toMatchObject({ answers: { sessionRating: 5, anythingElse: "Great day" } });
    expect(await withdrawResponse({ referenceCode: mine.referenceCode })).toBe(true);

    expect(await responseIdOf(mine.referenceCode)).toBeUndefined();
    expect(await getResponseByReferenceCode({ referenceCode: mine.referenceCode })).toBeUndefined();
    expect(await countResponses(open)).toBe(1);
    expect((await getConsultation(open))?.withdrawnCount).toBe(1);
    expect(await eventsOf(officer.organisationId, "response.withdrawn")).toEqual([
      expect.objectContaining({ memberId: null, subjectType: "consultation", subjectId: open.consultationId, detail: null }),
    ]);

    // The same code again, or a code that never existed: nothing changes, nothing is recorded.
    expect(await withdrawResponse({ referenceCode: mine.referenceCode })).toBe(false);
    expect(await withdrawResponse({ referenceCode: "ZZZZ-2222" })).toBe(false);
    expect((await getConsultation(open))?.withdrawnCount).toBe(1);
    expect(await eventsOf(officer.organisationId, "response.withdrawn")).toHaveLength(1);
  });

  test("a safeguarding flag outlives the withdrawal, with the copy of the flagged words", async () => {
    const open = await createOpenConsultation(officer);
    const { referenceCode } = await answerOnline(open, { anythingElse: "he hits me", doBetter: "More games" });
    const responseId = await responseIdOf(referenceCode);
    const [flag] = await db.select().from(safeguardingFlags).where(eq(safeguardingFlags.responseId, responseId!));
    await withdrawResponse({ referenceCode });
    const review = await getFlagForReview({ ...officer, flagId: flag!.id });
    expect(review?.flag.responseId).toBeNull();
    expect(review?.response).toBeUndefined();
    expect(review?.flag.excerpt).toEqual([{ question: "anythingElse", title: expect.any(String), text: "he hits me" }]);
  });
});

describe("staff reading and erasing a response", () => {
  test("a view and an erasure are audited; erasure needs the right organisation", async () => {
    const open = await createOpenConsultation(officer);
    const { referenceCode } = await answerOnline(open, { anythingElse: "Duplicate" });
    const responseId = (await responseIdOf(referenceCode))!;
    const scope = { ...scopeOf({ ...open, memberId: officer.memberId }), responseId, memberId: officer.memberId };

    const { organisation, member } = await makeOrganisationWithMember("admin", "Other Council");
    const outsider = { ...scope, organisationId: organisation.id, memberId: member.id };
    expect(await getResponseForStaff(outsider)).toBeUndefined();
    expect(await eraseResponse({ ...outsider, reason: "not mine" })).toBe(false);

    expect((await getResponseForStaff(scope))?.answers).toEqual({ anythingElse: "Duplicate" });
    expect(await eraseResponse({ ...scope, reason: "Entered twice by mistake" })).toBe(true);
    expect(await responseIdOf(referenceCode)).toBeUndefined();
    expect(await eventsOf(officer.organisationId, "response.viewed")).toEqual(
      expect.arrayContaining([expect.objectContaining({ memberId: officer.memberId, subjectId: open.consultationId, detail: { responseId } })]),
    );
    expect(await eventsOf(officer.organisationId, "response.erased")).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ memberId: officer.memberId, subjectId: open.consultationId, detail: { responseId, reason: "Entered twice by mistake" } }),
      ]),
    );
    expect(await eventsOf(organisation.id, "response.viewed")).toEqual([]);
  });
});

describe("retention", () => {
  const MONTH = 31 * 24 * 60 * 60 * 1000;

  async function closedLongAgo(monthsAgo: number, retentionMonths: number) {
    const open = await createOpenConsultation(officer, "event-feedback", { retentionMonths });
    const codes = [
      (await answerOnline(open, { sessionRating: 4, anythingElse: "I want to run away" })).referenceCode,
      (await answerOnline(open, { sessionRating: 2 })).referenceCode,
    ];
    await closeConsultation(scopeOf(open));
    const closedAt = new Date(Date.now() - monthsAgo * MONTH);
    await db.update(consultations).set({ closedAt }).where(eq(consultations.id, open.consultationId));
    return { ...open, codes, closedAt };
  }

  test("the period runs from closing, in calendar months", () => {
    expect(answersDueForDeletionAt(new Date("2026-01-31T10:00:00Z"), 1)).toEqual(new Date("2026-02-28T10:00:00Z"));
    expect(answersDueForDeletionAt(new Date("2026-03-15T00:00:00Z"), 24)).toEqual(new Date("2028-03-15T00:00:00Z"));
  });

  test("a run deletes exactly what the dry run listed, clears flags' words and notes, and records it", async () => {
    const due = await closedLongAgo(13, 12);
    const notDue = await closedLongAgo(11, 12);
    const stillOpen = await createOpenConsultation(officer);
    await answerOnline(stillOpen, { sessionRating: 3 });
    const [flag] = await db.select().from(safeguardingFlags).where(eq(safeguardingFlags.consultationId, due.consultationId));
    await changeFlagStatus({ ...officer, flagId: flag!.id, status: "referred", note: "Referred: the child wrote about running away" });

    const now = new Date();
    const plan = await planRetention({ now });
    const planned = plan.find((item) => item.consultationId === due.consultationId);
    expect(planned).toBeDefined();
    expect(planned!.responseIds).toHaveLength(2);
    expect(planned!.flagIds).toEqual([flag!.id]);
    expect(plan.map((item) => item.consultationId)).not.toContain(notDue.consultationId);
    expect(plan.map((item) => item.consultationId)).not.toContain(stillOpen.consultationId);
    // An organisation's dry run shows only its own consultations.
    const { organisation } = await makeOrganisationWithMember("admin", "Retention Elsewhere");
    expect(await planRetention({ now, organisationId: organisation.id })).toEqual([]);

    const done = await applyRetention({ now });
    expect(done.map(({ consultationId, responseIds, flagIds }) => ({ consultationId, responseIds, flagIds }))).toEqual(
      plan.map(({ consultationId, responseIds, flagIds }) => ({ consultationId, responseIds, flagIds })),
    );

    expect(await db.select().from(responses).where(inArray(responses.id, planned!.responseIds))).toEqual([]);
    expect(await countResponses(notDue)).toBe(2);
    expect(await countResponses(stillOpen)).toBe(1);
    const [cleared] = await db.select().from(safeguardingFlags).where(eq(safeguardingFlags.id, flag!.id));
    expect(cleared).toMatchObject({ excerpt: null, responseId: null, status: "referred" });
    expect(cleared!.contentDeletedAt).toBeInstanceOf(Date);
    const notes = await db.select().from(safeguardingFlagNotes).where(eq(safeguardingFlagNotes.flagId, flag!.id));
    expect(notes.map((note) => note.note)).toEqual([""]);
    expect((await getConsultation(due))?.answersDeletedAt).toBeInstanceOf(Date);
    expect((await eventsOf(officer.organisationId, "retention.applied")).filter((event) => event.subjectId === due.consultationId)).toEqual([
      expect.objectContaining({ memberId: null, detail: { responses: 2, flags: 1, eventNotes: 0, eventPhotos: 0 } }),
    ]);

    // Nothing is left for the next run.
    expect((await planRetention({ now })).map((item) => item.consultationId)).not.toContain(due.consultationId);
  });

  test("a run deletes the notes and photos from the consultation's events too; attendance and dot votes stay", async () => {
    const due = await closedLongAgo(13, 12);
    const created = await createEvent({
      ...officer,
      consultationId: due.consultationId,
      details: {
        title: "Drop-in",
        startsAt: new Date(Date.now() - 3 * 3600_000),
        endsAt: new Date(Date.now() - 2 * 3600_000),
        format: "drop_in",
        place: "Library",
        onlineLink: "",
        whoFor: "",
        accessArrangements: [],
        accessNotes: "",
        facilitators: [],
        expectedNumbers: null,
      },
    });
    const event = { ...officer, consultationId: due.consultationId, eventId: created!.id };
    await addEventNote({ ...event, source: "child", note: { clientId: "retention-note", text: "Nobody listens to us at home", ageBand: null, theme: null } });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await addEventPhoto({ ...event, contentType: "image/png", bytes: png });
    await setAttendance({ ...event, counts: { "11_to_15": 9 } });
    await addVoteOption({ ...event, label: "Longer opening hours" });
    const [option] = (await getEventBoard(event)).options;
    await changeVotes({ ...event, optionId: option!.id, by: 6 });

    const now = new Date();
    const planned = (await planRetention({ now })).find((item) => item.consultationId === due.consultationId)!;
    expect(planned.eventNoteIds).toHaveLength(1);
    expect(planned.eventPhotoIds).toHaveLength(1);
    const done = (await applyRetention({ now })).find((item) => item.consultationId === due.consultationId)!;
    expect({ notes: done.eventNoteIds, photos: done.eventPhotoIds }).toEqual({ notes: planned.eventNoteIds, photos: planned.eventPhotoIds });

    expect(await db.select().from(schema.eventNotes).where(eq(schema.eventNotes.eventId, event.eventId))).toEqual([]);
    expect(await db.select().from(schema.eventPhotos).where(eq(schema.eventPhotos.eventId, event.eventId))).toEqual([]);
    const board = await getEventBoard(event);
    expect(board.attendance.filter((row) => row.count > 0)).toEqual([{ ageBand: "11_to_15", count: 9 }]);
    expect(board.options.map((row) => row.votes)).toEqual([6]);
  });

  test("the daily job runs once however many processes ask, and records what it did", async () => {
    await closedLongAgo(30, 24);
    const job = SCHEDULED_JOBS.find((candidate) => candidate.name === RETENTION_JOB)!;
    const now = Date.now() + 10 * 24 * 60 * 60 * 1000;
    const runs = await Promise.all([runDueJobs([job], now), runDueJobs([job], now), runDueJobs([job], now)]);
    expect(runs.flat()).toEqual([RETENTION_JOB]);
    expect((await getJobState({ name: RETENTION_JOB }))?.lastResult).toMatch(/^\d+ responses deleted and \d+ flags cleared in \d+ consultations$/);
  });
});

describe("clean-up jobs", () => {
  test("expired one-time links are deleted; live ones stay", async () => {
    const { organisation, member: admin } = await makeOrganisationWithMember("admin", "Links Council");
    const { member } = await inviteMember({
      organisationId: organisation.id,
      actorId: admin.id,
      email: `invitee-${organisation.id.slice(0, 8)}@example.test`,
      name: "Invitee",
      role: "officer",
    });
    const linksOf = () => db.select().from(memberLinks).where(eq(memberLinks.memberId, member.id));
    expect(await linksOf()).toHaveLength(1);
    await deleteExpiredMemberLinks(Date.now());
    expect(await linksOf()).toHaveLength(1);
    await deleteExpiredMemberLinks(Date.now() + 8 * 24 * 60 * 60 * 1000);
    expect(await linksOf()).toHaveLength(0);
  });

  test("every clean-up is a scheduled job", () => {
    expect(SCHEDULED_JOBS.map((job) => job.name)).toEqual(
      expect.arrayContaining([
        "clear-expired-sessions",
        "clear-expired-imports",
        "clear-expired-rate-limits",
        "clear-expired-member-links",
        "clear-delivered-notifications",
        "send-notifications",
        RETENTION_JOB,
      ]),
    );
  });
});

// Consultation events: planning, capture by several facilitators at once, idempotent resends,
// attendance as numbers only, photos kept privately, notes through the safeguarding check, survey
// answers tagged with the event, and what the results page gets (channel `event`, suppressed).
import { and, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { getTableColumns } from "drizzle-orm";
import { createMember } from "~/models/member.server";
import {
  addEventNote,
  addEventPhoto,
  addVoteOption,
  changeVotes,
  createEvent,
  eventIdForTag,
  getEvent,
  getEventBoard,
  getEventPhoto,
  getPublicEventByCode,
  listEvents,
  listUpcomingPublicEvents,
  setAttendance,
  updateEvent,
} from "~/models/event.server";
import { summariseEventsForResults } from "~/models/event-results.server";
import { submitResponse } from "~/models/response.server";
import { getFlagForReview } from "~/models/safeguarding.server";
import type { EventDetails } from "~/events/event-schema.server";
import { SHORT_CODE_ALPHABET } from "~/events/short-code";
import { createDraftConsultation, createOpenConsultation } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";

const { auditEvents, eventAttendance, responses, safeguardingFlags } = schema;

let officer: { organisationId: string; memberId: string };
let advisorId: string;
let open: Awaited<ReturnType<typeof createOpenConsultation>>;

const inAWeek = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000);

function details(overrides: Partial<EventDetails> = {}): EventDetails {
  return {
    title: "Youth forum workshop",
    startsAt: inAWeek,
    endsAt: new Date(inAWeek.getTime() + 90 * 60 * 1000),
    format: "workshop",
    place: "Town Hall, Room 2",
    onlineLink: "",
    whoFor: "Young people aged 11 to 18",
    accessArrangements: ["step_free", "quiet_room"],
    accessNotes: "Snacks and bus fares provided",
    facilitators: [],
    expectedNumbers: 20,
    ...overrides,
  };
}

let counter = 0;
const clientId = () => `client-${++counter}-${Math.random().toString(36).slice(2, 10)}`;
const note = (text: string, extra: Partial<{ ageBand: "11_to_15" | "16_to_18" | null; theme: string | null }> = {}) => ({
  clientId: clientId(),
  text,
  ageBand: null,
  theme: null,
  ...extra,
});

beforeAll(async () => {
  const { organisation, member } = await makeOrganisationWithMember("officer", "Events Council");
  officer = { organisationId: organisation.id, memberId: member.id };
  const advisor = await createMember({
    organisationId: organisation.id,
    email: `advisor-${organisation.id.slice(0, 8)}@example.test`,
    name: "Young Advisor",
    role: "advisor",
    password: "correct horse battery staple",
  });
  advisorId = advisor.id;
  open = await createOpenConsultation(officer);
});

async function planEvent(overrides: Partial<EventDetails> = {}) {
  const created = await createEvent({ ...officer, consultationId: open.consultationId, details: details(overrides) });
  if (!created) throw new Error("Could not plan an event");
  return { ...officer, consultationId: open.consultationId, eventId: created.id, shortCode: created.shortCode };
}

describe("planning", () => {
  test("an event is planned with its facilitators and a short code without look-alikes, and audited", async () => {
    const { organisation: other } = await makeOrganisationWithMember("officer", "Other Council");
    const outsider = await createMember({
      organisationId: other.id,
      email: `outsider-${other.id.slice(0, 8)}@example.test`,
      name: "Outsider",
      role: "officer",
      password: "correct horse battery staple",
    });
    const event = await planEvent({ facilitators: [advisorId, outsider.id] });
    expect(event.shortCode).toMatch(new RegExp(`^[${SHORT_CODE_ALPHABET}]{6}$`));
    const found = await getEvent(event);
    // A member of another organisation cannot be made a facilitator.
    expect(found?.facilitators).toEqual([{ id: advisorId, name: "Young Advisor" }]);
    expect(found?.accessArrangements).toEqual(["step_free", "quiet_room"]);
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, officer.organisationId), eq(auditEvents.action, "event.planned")));
    expect(audit.map((row) => row.detail)).toContainEqual({ eventId: event.eventId });
  });

  test("an event is changed, and another organisation cannot see or change it", async () => {
    const event = await planEvent();
    expect(await updateEvent({ ...event, details: details({ title: "Drop-in at the library", format: "drop_in", facilitators: [officer.memberId] }) })).toBe(true);
    const found = await getEvent(event);
    expect(found).toMatchObject({ title: "Drop-in at the library", format: "drop_in" });
    expect(found?.facilitators.map((f) => f.id)).toEqual([officer.memberId]);

    const { organisation: other, member: otherMember } = await makeOrganisationWithMember("officer", "Nosy Council");
    const foreign = { organisationId: other.id, consultationId: open.consultationId, eventId: event.eventId };
    expect(await getEvent(foreign)).toBeUndefined();
    expect(await updateEvent({ ...foreign, memberId: otherMember.id, details: details({ title: "Hijacked" }) })).toBe(false);
    expect(await createEvent({ ...foreign, memberId: otherMember.id, details: details() })).toBeUndefined();
    expect(await addEventNote({ ...foreign, memberId: otherMember.id, source: "facilitator", note: note("x") })).toBeUndefined();
    expect((await listEvents(foreign)).length).toBe(0);
  });

  test("the public list shows upcoming events of an open consultation only, and the short code finds them", async () => {
    const upcoming = await planEvent({ title: "Upcoming" });
    await planEvent({ title: "Finished", startsAt: new Date(Date.now() - 3 * 3600_000), endsAt: new Date(Date.now() - 3600_000) });
    const titles = (await listUpcomingPublicEvents({ slug: open.slug })).map((event) => event.title);
    expect(titles).toContain("Upcoming");
    expect(titles).not.toContain("Finished");
    expect((await getPublicEventByCode({ shortCode: upcoming.shortCode }))?.slug).toBe(open.slug);

    const draft = await createDraftConsultation(officer);
    const hidden = await createEvent({ ...officer, consultationId: draft.consultationId, details: details({ title: "Draft's event" }) });
    expect(await listUpcomingPublicEvents({ slug: draft.slug })).toEqual([]);
    expect(await getPublicEventByCode({ shortCode: hidden!.shortCode })).toBeUndefined();
  });
});

describe("capturing in the room", () => {
  test("two facilitators capturing at once lose nothing: every note and every dot is kept", async () => {
    const event = await planEvent();
    const option = await addVoteOption({ ...event, label: "More youth clubs" });
    expect(option).toEqual({ created: true });
    const optionId = (await getEventBoard(event)).options[0]?.id;

    const facilitatorA = { ...event, memberId: officer.memberId };
    const facilitatorB = { ...event, memberId: advisorId };
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 10; i++) {
      writes.push(addEventNote({ ...facilitatorA, source: "facilitator", note: note(`A says ${i}`, { theme: "Transport" }) }));
      writes.push(addEventNote({ ...facilitatorB, source: "facilitator", note: note(`B says ${i}`, { theme: "Safety" }) }));
      writes.push(changeVotes({ ...facilitatorA, optionId: optionId!, by: 1 }));
      writes.push(changeVotes({ ...facilitatorB, optionId: optionId!, by: 2 }));
    }
    await Promise.all(writes);

    const board = await getEventBoard(event);
    expect(board.notes).toHaveLength(20);
    expect(new Set(board.notes.map((n) => n.text))).toEqual(
      new Set([...Array.from({ length: 10 }, (_, i) => `A says ${i}`), ...Array.from({ length: 10 }, (_, i) => `B says ${i}`)]),
    );
    expect(board.options).toEqual([{ id: optionId, label: "More youth clubs", votes: 30 }]);
  });

  test("a note sent again (same client id, after a dropped connection) is stored once", async () => {
    const event = await planEvent();
    const sameNote = note("We want the bus to run later");
    const first = await addEventNote({ ...event, source: "facilitator", note: sameNote });
    const again = await Promise.all([
      addEventNote({ ...event, source: "facilitator", note: sameNote }),
      addEventNote({ ...event, source: "facilitator", note: { ...sameNote, text: "edited on resend" } }),
    ]);
    expect(first).toEqual({ created: true, flagged: false });
    expect(again).toEqual([
      { created: false, flagged: false },
      { created: false, flagged: false },
    ]);
    const board = await getEventBoard(event);
    expect(board.notes.map((n) => n.text)).toEqual(["We want the bus to run later"]);
  });

  test("a correction never takes a count below zero", async () => {
    const event = await planEvent();
    await addVoteOption({ ...event, label: "Skate park" });
    // The same label twice is one option.
    expect(await addVoteOption({ ...event, label: "Skate park" })).toEqual({ created: false });
    const optionId = (await getEventBoard(event)).options[0]?.id;
    expect(await changeVotes({ ...event, optionId: optionId!, by: 3 })).toBe(3);
    expect(await changeVotes({ ...event, optionId: optionId!, by: -5 })).toBe(0);
    expect(await changeVotes({ ...event, optionId: "not-an-option", by: 1 })).toBeUndefined();
  });

  test("attendance stores only numbers per age band", async () => {
    const event = await planEvent();
    expect(await setAttendance({ ...event, counts: { "11_to_15": 12, "16_to_18": 7 } })).toBe(true);
    expect(await setAttendance({ ...event, counts: { "16_to_18": 8 } })).toBe(true);
    const board = await getEventBoard(event);
    expect(board.attendance.filter((row) => row.count > 0)).toEqual([
      { ageBand: "11_to_15", count: 12 },
      { ageBand: "16_to_18", count: 8 },
    ]);
    // The table has nowhere a name could go: event, age band, a number, when.
    expect(Object.keys(getTableColumns(eventAttendance)).sort()).toEqual(["ageBand", "count", "eventId", "organisationId", "updatedAt"]);
    const rows = await db.select().from(eventAttendance).where(eq(eventAttendance.eventId, event.eventId));
    for (const row of rows) expect(typeof row.count).toBe("number");
  });

  test("a photo is kept in the database and read back only within the organisation", async () => {
    const event = await planEvent();
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 0, 255]);
    const photo = await addEventPhoto({ ...event, contentType: "image/png", bytes });
    const back = await getEventPhoto({ ...event, photoId: photo!.id });
    expect(back?.contentType).toBe("image/png");
    expect(Buffer.compare(back!.bytes, bytes)).toBe(0);
    const { organisation: other } = await makeOrganisationWithMember("officer", "Photo Council");
    expect(await getEventPhoto({ ...event, organisationId: other.id, photoId: photo!.id })).toBeUndefined();
    expect((await getEventBoard(event)).photos).toEqual([expect.objectContaining({ id: photo!.id, byteSize: bytes.length })]);
  });

  test("a worrying note raises a safeguarding flag that points at the note, and the note is kept", async () => {
    const event = await planEvent({ title: "Forum night" });
    const result = await addEventNote({ ...event, memberId: null, source: "child", note: note("sometimes I want to die") });
    expect(result).toEqual({ created: true, flagged: true });
    const [flag] = await db.select().from(safeguardingFlags).where(eq(safeguardingFlags.organisationId, officer.organisationId));
    expect(flag).toMatchObject({ source: "automatic", responseId: null, consultationId: open.consultationId });
    expect(flag!.eventNoteId).toBe((await getEventBoard(event)).notes[0]!.id);
    const review = await getFlagForReview({ organisationId: officer.organisationId, memberId: officer.memberId, flagId: flag!.id });
    expect(review?.flag.excerpt).toEqual([{ question: "event-note", title: "Forum night", text: "sometimes I want to die" }]);
    // The audit trail never holds the child's words.
    const audit = await db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, officer.organisationId), eq(auditEvents.action, "event.note_added")));
    expect(JSON.stringify(audit)).not.toContain("want to die");
  });
});

describe("into the evidence", () => {
  test("a survey answer through the event's QR code carries the event", async () => {
    const event = await planEvent();
    expect(await eventIdForTag({ ...open, shortCode: event.shortCode })).toBe(event.eventId);
    expect(await eventIdForTag({ ...open, shortCode: "ZZZZZZ" })).toBeUndefined();
    const other = await createOpenConsultation(officer);
    expect(await eventIdForTag({ ...other, shortCode: event.shortCode })).toBeUndefined();

    const { referenceCode } = await submitResponse({
      organisationId: open.organisationId,
      consultationId: open.consultationId,
      surveyVersionId: open.surveyVersionId,
      variant: "standard",
      locale: "en",
      channel: "online",
      answers: {},
      eventId: event.eventId,
    });
    const [stored] = await db.select({ eventId: responses.eventId }).from(responses).where(eq(responses.referenceCode, referenceCode));
    expect(stored?.eventId).toBe(event.eventId);
  });

  test("notes and votes appear in the results summary with channel event, suppressed and filterable by event", async () => {
    const consultation = await createOpenConsultation(officer);
    const scope = { ...officer, consultationId: consultation.consultationId };
    const first = await createEvent({ ...scope, details: details({ title: "School session" }) });
    const second = await createEvent({ ...scope, details: details({ title: "Family day" }) });
    const one = { ...scope, eventId: first!.id };
    const two = { ...scope, eventId: second!.id };
    for (let i = 0; i < 6; i++) await addEventNote({ ...one, source: "facilitator", note: note(`Transport ${i}`, { theme: "Transport" }) });
    for (let i = 0; i < 2; i++) await addEventNote({ ...one, memberId: null, source: "child", note: note(`Safety ${i}`, { theme: "Safety" }) });
    for (let i = 0; i < 7; i++) await addEventNote({ ...two, source: "facilitator", note: note(`Family ${i}`) });
    await addVoteOption({ ...one, label: "Later buses" });
    await addVoteOption({ ...one, label: "Cheaper fares" });
    const options = (await getEventBoard(one)).options;
    await changeVotes({ ...one, optionId: options[0]!.id, by: 9 });
    await changeVotes({ ...one, optionId: options[1]!.id, by: 2 });
    await setAttendance({ ...one, counts: { "11_to_15": 15, "16_to_18": 3 } });
    await setAttendance({ ...two, counts: { "11_to_15": 6, "19_to_25": 6 } });

    const all = await summariseEventsForResults(scope);
    expect(all.channel).toBe("event");
    expect(all.threshold).toBe(5);
    expect(all.events.map((e) => e.title).sort()).toEqual(["Family day", "School session"]);
    // Safety (2) is fewer than 5, so it is hidden, and a second cell with it so it cannot be worked back.
    expect(all.notes.byTheme.total).toBe(15);
    expect(all.notes.byTheme.cells.find((cell) => cell.key === "Safety")).toEqual({ key: "Safety", count: null, suppressed: true });
    expect(all.notes.byTheme.cells.filter((cell) => cell.suppressed).length).toBeGreaterThanOrEqual(2);
    expect(all.notes.bySource.cells.find((cell) => cell.key === "child")).toMatchObject({ count: null, suppressed: true });
    expect(all.votes).toHaveLength(1);
    expect(all.votes[0]!.title).toBe("School session");
    expect(all.votes[0]!.cells.map((cell) => cell.key)).toEqual(["Later buses", "Cheaper fares"]);
    expect(all.votes[0]!.cells[1]).toMatchObject({ count: null, suppressed: true });
    expect(all.attendance.cells.find((cell) => cell.key === "11_to_15")).toMatchObject({ count: 21, suppressed: false });
    expect(all.attendance.cells.find((cell) => cell.key === "16_to_18")).toMatchObject({ count: null, suppressed: true });

    const onlyTwo = await summariseEventsForResults({ ...scope, eventId: two.eventId });
    expect(onlyTwo.eventId).toBe(two.eventId);
    expect(onlyTwo.notes.byTheme).toMatchObject({ total: 7, cells: [{ key: null, count: 7, suppressed: false }] });
    expect(onlyTwo.votes).toEqual([]);
    expect(onlyTwo.attendance.cells.find((cell) => cell.key === "11_to_15")).toMatchObject({ count: 6 });

    // An event of another consultation does not narrow the summary to it.
    const elsewhere = await planEvent();
    expect((await summariseEventsForResults({ ...scope, eventId: elsewhere.eventId })).eventId).toBeNull();
  });
});

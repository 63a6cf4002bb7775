// Event notes are coded with the same codebook as free-text answers, in the same reading view:
// filtered by source, counted under channel `event`, double-coded with agreement, audited, kept to
// their organisation, and deleted with their codings by retention.
import { and, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import {
  addTheme,
  codeAnswer,
  codeEventNote,
  EventNoteNotFoundError,
  getCodingAgreement,
  getThemeCounts,
  listTextForCoding,
} from "~/models/coding.server";
import { closeConsultation } from "~/models/consultation.server";
import { addEventNote, createEvent } from "~/models/event.server";
import { createMember } from "~/models/member.server";
import { applyRetention } from "~/models/retention.server";
import type { EventDetails } from "~/events/event-schema.server";
import { answerOnline, createOpenConsultation, scopeOf } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";

const { auditEvents, consultations, eventNoteCodings, safeguardingFlags } = schema;

const EVENT: EventDetails = {
  title: "Youth forum workshop",
  startsAt: new Date(Date.now() - 3 * 3600_000),
  endsAt: new Date(Date.now() - 2 * 3600_000),
  format: "workshop",
  place: "Town Hall",
  onlineLink: "",
  whoFor: "",
  accessArrangements: [],
  accessNotes: "",
  facilitators: [],
  expectedNumbers: null,
};

let counter = 0;

/** An open consultation with one event and these notes on it (written by a facilitator). */
async function consultationWithNotes(organisationId: string, memberId: string, texts: string[]) {
  const open = await createOpenConsultation({ organisationId });
  const event = await createEvent({ organisationId, consultationId: open.consultationId, memberId, details: EVENT });
  const scope = { organisationId, consultationId: open.consultationId, eventId: event!.id };
  for (const text of texts) {
    await addEventNote({ ...scope, memberId, source: "facilitator", note: { clientId: `note-${++counter}`, text, ageBand: null, theme: null } });
  }
  return open;
}

let analyst: { id: string; organisationId: string };
let second: { id: string };
let open: Awaited<ReturnType<typeof createOpenConsultation>>;
let play: string;
let safe: string;

beforeAll(async () => {
  const { organisation, member } = await makeOrganisationWithMember("analyst", "Event Coding Council");
  analyst = { id: member.id, organisationId: organisation.id };
  second = await createMember({
    organisationId: organisation.id,
    email: `second-${organisation.id.slice(0, 8)}@example.test`,
    name: "Second Analyst",
    role: "analyst",
    password: "correct horse battery staple",
  });
  const notes = [...Array.from({ length: 6 }, (_, i) => `We want a skate park ${i}`), "I want to run away"];
  open = await consultationWithNotes(organisation.id, member.id, notes);
  await answerOnline(open, { sessionRating: 4, anythingElse: "More games please" });
  const scope = { ...scopeOf(open), memberId: member.id };
  play = (await addTheme({ ...scope, theme: { name: "Play", description: "", colour: "teal" } })).id;
  safe = (await addTheme({ ...scope, theme: { name: "Feeling safe", description: "", colour: "blue" } })).id;
});

const reading = (extra: { source?: "answers" | "notes"; question?: string; search?: string } = {}) =>
  listTextForCoding({ ...scopeOf(open), memberId: analyst.id, locale: "en", ...extra });

test("the reading view shows answers and event notes, narrowed by source, question and search", async () => {
  const all = await reading();
  expect(all.answers.map((answer) => answer.text)).toEqual(["More games please"]);
  expect(all.notes).toHaveLength(7);
  expect(all.notes[0]).toMatchObject({ eventTitle: "Youth forum workshop", channel: "event", coded: false, themeIds: [] });

  expect((await reading({ source: "notes" })).answers).toEqual([]);
  expect((await reading({ source: "answers" })).notes).toEqual([]);
  // Notes have no question: choosing one shows answers only.
  expect((await reading({ question: "anythingElse" })).notes).toEqual([]);
  expect((await reading({ search: "SKATE PARK 3" })).notes.map((note) => note.text)).toEqual(["We want a skate park 3"]);
});

test("a note flagged for safeguarding is read and coded like a flagged answer: it stays in the view", async () => {
  const [flag] = await db.select({ eventNoteId: safeguardingFlags.eventNoteId }).from(safeguardingFlags).where(eq(safeguardingFlags.consultationId, open.consultationId));
  expect(flag?.eventNoteId).toBeTruthy();
  const flagged = (await reading()).notes.find((note) => note.eventNoteId === flag!.eventNoteId);
  expect(flagged?.text).toBe("I want to run away");
});

test("two analysts code notes; counts include channel event, and agreement covers notes", async () => {
  const { notes, answers } = await reading();
  for (const note of notes) {
    const isPlay = note.text.startsWith("We want");
    await codeEventNote({ ...scopeOf(open), memberId: analyst.id, eventNoteId: note.eventNoteId, themeIds: [isPlay ? play : safe] });
    // The second analyst also tags the first skate-park note as about feeling safe.
    const extra = note.text.endsWith(" 0") ? [safe] : [];
    await codeEventNote({ ...scopeOf(open), memberId: second.id, eventNoteId: note.eventNoteId, themeIds: [isPlay ? play : safe, ...extra] });
  }
  await codeAnswer({ ...scopeOf(open), memberId: analyst.id, responseId: answers[0]!.responseId, questionName: answers[0]!.questionName, themeIds: [safe] });

  const coded = (await reading({ source: "notes" })).notes;
  expect(coded.every((note) => note.coded)).toBe(true);
  expect(coded.find((note) => note.text === "I want to run away")!.themeIds).toEqual([safe]);

  const counts = await getThemeCounts(scopeOf(open));
  expect(counts.channels).toEqual(["event", "online"]);
  const playIndex = counts.themes.findIndex((theme) => theme.id === play);
  const eventCells = counts.byChannel.find((group) => group.channel === "event")!.cells;
  expect(eventCells[playIndex]).toMatchObject({ count: 6, suppressed: false });
  expect(counts.byChannel.find((group) => group.channel === "online")!.cells[playIndex]).toMatchObject({ count: 0 });
  // Feeling safe: 2 notes (one analyst's each way) and 1 answer, all hidden as small.
  const safeIndex = counts.themes.findIndex((theme) => theme.id === safe);
  expect(counts.byChannel.map((group) => group.cells[safeIndex]!.reason)).toEqual(["small", "small"]);

  const agreement = (await getCodingAgreement({ ...scopeOf(open), memberA: analyst.id, memberB: second.id, locale: "en" }))!;
  expect(agreement.compared).toBe(7);
  expect(agreement.themes.find((theme) => theme.id === play)!.kappa).toBe(1);
  expect(agreement.themes.find((theme) => theme.id === safe)!.table).toEqual({ both: 1, onlyA: 0, onlyB: 1, neither: 5 });
  expect(agreement.disagreements).toEqual([
    expect.objectContaining({ kind: "note", heading: "Youth forum workshop", text: "We want a skate park 0", locale: null, a: [play], b: [play, safe].sort() }),
  ]);

  const audited = await db.select({ detail: auditEvents.detail }).from(auditEvents).where(and(eq(auditEvents.organisationId, analyst.organisationId), eq(auditEvents.action, "event_note.coded")));
  expect(audited).toHaveLength(14);
  // Which note and how many themes: never the note's words.
  expect(JSON.stringify(audited)).not.toContain("skate");
});

test("a note of another organisation cannot be coded, and themes from another codebook are dropped", async () => {
  const { member: stranger } = await makeOrganisationWithMember("analyst", "Other Council");
  const [note] = (await reading()).notes;
  await expect(codeEventNote({ organisationId: stranger.organisationId, consultationId: open.consultationId, memberId: stranger.id, eventNoteId: note!.eventNoteId, themeIds: [] })).rejects.toThrow(
    EventNoteNotFoundError,
  );
  const elsewhere = await consultationWithNotes(stranger.organisationId, stranger.id, ["Their note"]);
  const theirTheme = await addTheme({ ...scopeOf(elsewhere), memberId: stranger.id, theme: { name: "Theirs", description: "", colour: "red" } });
  const saved = await codeEventNote({ ...scopeOf(open), memberId: analyst.id, eventNoteId: note!.eventNoteId, themeIds: [play, theirTheme.id] });
  expect(saved.themeIds).toEqual([play]);
});

test("retention deletes event notes and their codings", async () => {
  const due = await consultationWithNotes(analyst.organisationId, analyst.id, ["Nobody listens to us at home"]);
  const theme = await addTheme({ ...scopeOf(due), memberId: analyst.id, theme: { name: "Being heard", description: "", colour: "teal" } });
  const [note] = (await listTextForCoding({ ...scopeOf(due), memberId: analyst.id, locale: "en" })).notes;
  await codeEventNote({ ...scopeOf(due), memberId: analyst.id, eventNoteId: note!.eventNoteId, themeIds: [theme.id] });
  expect(await db.select().from(eventNoteCodings).where(eq(eventNoteCodings.consultationId, due.consultationId))).toHaveLength(1);

  await closeConsultation({ ...scopeOf(due), memberId: analyst.id });
  const twoYearsAgo = new Date(Date.now() - 2 * 366 * 24 * 60 * 60 * 1000);
  await db.update(consultations).set({ closedAt: twoYearsAgo, retentionMonths: 12 }).where(eq(consultations.id, due.consultationId));
  const done = (await applyRetention({ now: new Date() })).find((item) => item.consultationId === due.consultationId);
  expect(done?.eventNoteIds).toEqual([note!.eventNoteId]);

  expect(await db.select().from(eventNoteCodings).where(eq(eventNoteCodings.consultationId, due.consultationId))).toEqual([]);
  expect((await getThemeCounts(scopeOf(due))).themes[0]!.count).toMatchObject({ count: 0 });
});

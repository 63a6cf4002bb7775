// Consultation events (docs/decisions/0008-events.md): planning them, the public list and short
// links, and what is captured in the room (notes, dot votes, attendance, photos). Every query is
// scoped by organisation; every change writes its audit event in the same transaction.
import { takesRecords } from "~/consultations/taking-answers";
import { randomInt } from "node:crypto";
import { and, asc, desc, eq, gte, inArray, isNull, sql } from "drizzle-orm";
import { db, schema, type Executor } from "~/db.server";
import type { AgeBand, EventNoteSource, EventPhotoType } from "../../db/schema";
import { AGE_BANDS } from "../../db/schema";
import type { EventDetails } from "~/events/event-schema.server";
import { makeShortCode } from "~/events/short-code";
import { recordAuditEvent } from "./audit.server";
import { flagEventNoteOnArrival } from "./safeguarding.server";

const { consultations, eventAttendance, eventFacilitators, eventNotes, eventPhotos, eventVoteOptions, events, members, organisations } =
  schema;

type ConsultationScope = { organisationId: string; consultationId: string };
type EventScope = ConsultationScope & { eventId: string };
type Actor = { memberId: string };

/** A consultation that has been archived (or its answers deleted) takes no more event records. */
export class EventClosedError extends Error {}

// ---------------------------------------------------------------------------------------------
// Planning
// ---------------------------------------------------------------------------------------------

/** Only active members of the same organisation can facilitate; anything else in the list is dropped. */
async function facilitatorsIn(executor: Executor, organisationId: string, memberIds: string[]) {
  if (memberIds.length === 0) return [];
  const rows = await executor
    .select({ id: members.id })
    .from(members)
    .where(and(eq(members.organisationId, organisationId), inArray(members.id, memberIds), isNull(members.deactivatedAt)));
  return rows.map((row) => row.id);
}

async function consultationExists(executor: Executor, { organisationId, consultationId }: ConsultationScope) {
  const [found] = await executor
    .select({ id: consultations.id })
    .from(consultations)
    .where(and(eq(consultations.id, consultationId), eq(consultations.organisationId, organisationId)));
  return !!found;
}

function eventValues(details: EventDetails) {
  const { facilitators: _facilitators, ...values } = details;
  return values;
}

/** Plans an event on a consultation. Undefined when the consultation is not the organisation's. */
export async function createEvent({ organisationId, consultationId, memberId, details }: ConsultationScope & Actor & { details: EventDetails }) {
  return db.transaction(async (tx) => {
    if (!(await consultationExists(tx, { organisationId, consultationId }))) return undefined;
    for (let attempt = 0; ; attempt++) {
      const shortCode = makeShortCode(randomInt);
      const [created] = await tx
        .insert(events)
        .values({ ...eventValues(details), organisationId, consultationId, shortCode, createdBy: memberId })
        .onConflictDoNothing({ target: events.shortCode })
        .returning({ id: events.id, shortCode: events.shortCode });
      if (created) {
        await replaceFacilitators(tx, organisationId, created.id, details.facilitators);
        await recordAuditEvent(
          { organisationId, memberId, action: "event.planned", subjectType: "consultation", subjectId: consultationId, detail: { eventId: created.id } },
          tx,
        );
        return created;
      }
      if (attempt > 5) throw new Error("Could not allocate a unique event short code");
    }
  });
}

async function replaceFacilitators(tx: Executor, organisationId: string, eventId: string, memberIds: string[]) {
  await tx.delete(eventFacilitators).where(and(eq(eventFacilitators.eventId, eventId), eq(eventFacilitators.organisationId, organisationId)));
  const allowed = await facilitatorsIn(tx, organisationId, memberIds);
  if (allowed.length) await tx.insert(eventFacilitators).values(allowed.map((id) => ({ organisationId, eventId, memberId: id })));
}

/** Changes an event's plan. False when there is no such event. */
export async function updateEvent({ organisationId, consultationId, eventId, memberId, details }: EventScope & Actor & { details: EventDetails }) {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(events)
      .set({ ...eventValues(details), updatedAt: new Date() })
      .where(eventWhere({ organisationId, consultationId, eventId }))
      .returning({ id: events.id });
    if (!updated) return false;
    await replaceFacilitators(tx, organisationId, eventId, details.facilitators);
    await recordAuditEvent(
      { organisationId, memberId, action: "event.changed", subjectType: "consultation", subjectId: consultationId, detail: { eventId } },
      tx,
    );
    return true;
  });
}

function eventWhere({ organisationId, consultationId, eventId }: EventScope) {
  return and(eq(events.id, eventId), eq(events.consultationId, consultationId), eq(events.organisationId, organisationId));
}

const eventFields = {
  id: events.id,
  consultationId: events.consultationId,
  shortCode: events.shortCode,
  title: events.title,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  place: events.place,
  onlineLink: events.onlineLink,
  format: events.format,
  whoFor: events.whoFor,
  accessArrangements: events.accessArrangements,
  accessNotes: events.accessNotes,
  expectedNumbers: events.expectedNumbers,
};

/** A consultation's events, soonest first. */
export async function listEvents({ organisationId, consultationId }: ConsultationScope) {
  return db
    .select(eventFields)
    .from(events)
    .where(and(eq(events.organisationId, organisationId), eq(events.consultationId, consultationId)))
    .orderBy(asc(events.startsAt), asc(events.id));
}

/** One event with its facilitators' ids and names. */
export async function getEvent(scope: EventScope) {
  const [found] = await db.select(eventFields).from(events).where(eventWhere(scope));
  if (!found) return undefined;
  const facilitators = await db
    .select({ id: members.id, name: members.name })
    .from(eventFacilitators)
    .innerJoin(members, eq(members.id, eventFacilitators.memberId))
    .where(and(eq(eventFacilitators.eventId, found.id), eq(eventFacilitators.organisationId, scope.organisationId)))
    .orderBy(asc(members.name));
  return { ...found, facilitators };
}

/** Members who could facilitate (active, any role), for the plan form. */
export async function listPossibleFacilitators({ organisationId }: { organisationId: string }) {
  return db
    .select({ id: members.id, name: members.name, role: members.role })
    .from(members)
    .where(and(eq(members.organisationId, organisationId), isNull(members.deactivatedAt)))
    .orderBy(asc(members.name));
}

// ---------------------------------------------------------------------------------------------
// Public: the consultation page's list, the short link, the calendar file, the survey tag
// ---------------------------------------------------------------------------------------------

/** Only events of consultations the public may see (opened at some point, never a draft). */
const publicConsultation = sql`${consultations.status} not in ('draft', 'in_review')`;

/** Events of a public consultation that have not ended yet, soonest first. */
export async function listUpcomingPublicEvents({ slug, now = new Date() }: { slug: string; now?: Date }) {
  return db
    .select({ ...eventFields, slug: consultations.slug })
    .from(events)
    .innerJoin(consultations, and(eq(consultations.id, events.consultationId), eq(consultations.organisationId, events.organisationId)))
    .where(and(eq(consultations.slug, slug), publicConsultation, gte(events.endsAt, now)))
    .orderBy(asc(events.startsAt), asc(events.id));
}

/** The event with this short code, on a public consultation, with what a public page needs to find it. */
export async function getPublicEventByCode({ shortCode }: { shortCode: string }) {
  const [found] = await db
    .select({
      ...eventFields,
      organisationId: events.organisationId,
      slug: consultations.slug,
      consultationTitle: consultations.title,
      consultationStatus: consultations.status,
      organisationName: organisations.name,
    })
    .from(events)
    .innerJoin(consultations, and(eq(consultations.id, events.consultationId), eq(consultations.organisationId, events.organisationId)))
    .innerJoin(organisations, eq(organisations.id, events.organisationId))
    .where(and(eq(events.shortCode, shortCode), publicConsultation));
  return found;
}

/** The id of the event a survey answer was tagged with, if the code is one of that consultation's events. */
export async function eventIdForTag({ organisationId, consultationId, shortCode }: ConsultationScope & { shortCode: string }) {
  const [found] = await db
    .select({ id: events.id })
    .from(events)
    .where(and(eq(events.shortCode, shortCode), eq(events.consultationId, consultationId), eq(events.organisationId, organisationId)));
  return found?.id;
}

// ---------------------------------------------------------------------------------------------
// Capturing in the room
// ---------------------------------------------------------------------------------------------

/** The event's title and whether it still takes records; throws when its consultation no longer does. */
async function eventForCapture(tx: Executor, scope: EventScope) {
  const [found] = await tx
    .select({ title: events.title, status: consultations.status, answersDeletedAt: consultations.answersDeletedAt })
    .from(events)
    .innerJoin(consultations, eq(consultations.id, events.consultationId))
    .where(eventWhere(scope));
  if (!found) return undefined;
  if (!takesRecords(found.status) || found.answersDeletedAt) throw new EventClosedError("This consultation takes no event records now.");
  return found;
}

/**
 * Adds one sticky note. A resend with the same client id is not a second note: `created` is false
 * and the first note stands. New notes go through the safeguarding check in the same transaction.
 * Undefined when there is no such event.
 */
export async function addEventNote({
  organisationId,
  consultationId,
  eventId,
  memberId,
  source,
  note,
}: EventScope & {
  memberId: string | null;
  source: EventNoteSource;
  note: { clientId: string; text: string; ageBand: AgeBand | null; theme: string | null };
}) {
  return db.transaction(async (tx) => {
    const event = await eventForCapture(tx, { organisationId, consultationId, eventId });
    if (!event) return undefined;
    const [inserted] = await tx
      .insert(eventNotes)
      .values({ organisationId, consultationId, eventId, source, createdBy: memberId, ...note })
      .onConflictDoNothing({ target: [eventNotes.eventId, eventNotes.clientId] })
      .returning({ id: eventNotes.id });
    if (!inserted) return { created: false, flagged: false };
    const flagged = await flagEventNoteOnArrival(tx, {
      organisationId,
      consultationId,
      eventNoteId: inserted.id,
      eventTitle: event.title,
      text: note.text,
    });
    await recordAuditEvent(
      {
        organisationId,
        memberId,
        action: "event.note_added",
        subjectType: "consultation",
        subjectId: consultationId,
        // Never the note's words: only which note, and who wrote it.
        detail: { eventId, noteId: inserted.id, source },
      },
      tx,
    );
    return { created: true, flagged };
  });
}

/** Adds a dot-vote option; an option with the same label is not added twice. Undefined when there is no such event. */
export async function addVoteOption({ organisationId, consultationId, eventId, memberId, label }: EventScope & Actor & { label: string }) {
  return db.transaction(async (tx) => {
    if (!(await eventForCapture(tx, { organisationId, consultationId, eventId }))) return undefined;
    const [inserted] = await tx
      .insert(eventVoteOptions)
      .values({ organisationId, eventId, label })
      .onConflictDoNothing({ target: [eventVoteOptions.eventId, eventVoteOptions.label] })
      .returning({ id: eventVoteOptions.id });
    if (inserted) {
      await recordAuditEvent(
        { organisationId, memberId, action: "event.vote_option_added", subjectType: "consultation", subjectId: consultationId, detail: { eventId, optionId: inserted.id } },
        tx,
      );
    }
    return { created: !!inserted };
  });
}

/**
 * Adds `by` dots to an option (negative to correct a miscount, never below 0), in one UPDATE so two
 * facilitators counting at once both count. Returns the new total, or undefined when there is no such option.
 */
export async function changeVotes({ organisationId, consultationId, eventId, memberId, optionId, by }: EventScope & Actor & { optionId: string; by: number }) {
  return db.transaction(async (tx) => {
    if (!(await eventForCapture(tx, { organisationId, consultationId, eventId }))) return undefined;
    const [changed] = await tx
      .update(eventVoteOptions)
      .set({ votes: sql`case when ${eventVoteOptions.votes} + ${by} < 0 then 0 else ${eventVoteOptions.votes} + ${by} end` })
      .where(and(eq(eventVoteOptions.id, optionId), eq(eventVoteOptions.eventId, eventId), eq(eventVoteOptions.organisationId, organisationId)))
      .returning({ votes: eventVoteOptions.votes });
    if (!changed) return undefined;
    await recordAuditEvent(
      { organisationId, memberId, action: "event.votes_changed", subjectType: "consultation", subjectId: consultationId, detail: { eventId, optionId, by } },
      tx,
    );
    return changed.votes;
  });
}

/** Sets how many came in each age band (only the bands given). Numbers only: there is nowhere a name could go. */
export async function setAttendance({
  organisationId,
  consultationId,
  eventId,
  memberId,
  counts,
}: EventScope & Actor & { counts: Partial<Record<AgeBand, number>> }) {
  return db.transaction(async (tx) => {
    if (!(await eventForCapture(tx, { organisationId, consultationId, eventId }))) return false;
    const now = new Date();
    for (const ageBand of AGE_BANDS) {
      const count = counts[ageBand];
      if (count === undefined) continue;
      await tx
        .insert(eventAttendance)
        .values({ organisationId, eventId, ageBand, count, updatedAt: now })
        .onConflictDoUpdate({ target: [eventAttendance.eventId, eventAttendance.ageBand], set: { count, updatedAt: now } });
    }
    await recordAuditEvent(
      { organisationId, memberId, action: "event.attendance_recorded", subjectType: "consultation", subjectId: consultationId, detail: { eventId } },
      tx,
    );
    return true;
  });
}

/** Keeps a photo of a flipchart (already type-checked and size-limited by the caller). Undefined when there is no such event. */
export async function addEventPhoto({
  organisationId,
  consultationId,
  eventId,
  memberId,
  contentType,
  bytes,
}: EventScope & Actor & { contentType: EventPhotoType; bytes: Buffer }) {
  return db.transaction(async (tx) => {
    if (!(await eventForCapture(tx, { organisationId, consultationId, eventId }))) return undefined;
    const [photo] = await tx
      .insert(eventPhotos)
      .values({ organisationId, eventId, contentType, bytes, byteSize: bytes.length, createdBy: memberId })
      .returning({ id: eventPhotos.id });
    await recordAuditEvent(
      { organisationId, memberId, action: "event.photo_added", subjectType: "consultation", subjectId: consultationId, detail: { eventId, photoId: photo!.id } },
      tx,
    );
    return photo;
  });
}

/** A photo's bytes, for staff of the organisation only. */
export async function getEventPhoto({ organisationId, consultationId, eventId, photoId }: EventScope & { photoId: string }) {
  const [photo] = await db
    .select({ contentType: eventPhotos.contentType, bytes: eventPhotos.bytes })
    .from(eventPhotos)
    .innerJoin(events, eq(events.id, eventPhotos.eventId))
    .where(and(eq(eventPhotos.id, photoId), eq(eventPhotos.organisationId, organisationId), eventWhere({ organisationId, consultationId, eventId })));
  return photo ? { contentType: photo.contentType, bytes: Buffer.from(photo.bytes) } : undefined;
}

/**
 * Everything captured at an event, for the capture board and the summary page: notes newest
 * first, options in the order added, attendance per band (0 when not counted), photos (no bytes).
 */
export async function getEventBoard({ organisationId, eventId }: { organisationId: string; eventId: string }) {
  const [notes, options, attendance, photos] = await Promise.all([
    db
      .select({
        id: eventNotes.id,
        text: eventNotes.text,
        ageBand: eventNotes.ageBand,
        theme: eventNotes.theme,
        source: eventNotes.source,
        createdAt: eventNotes.createdAt,
      })
      .from(eventNotes)
      .where(and(eq(eventNotes.eventId, eventId), eq(eventNotes.organisationId, organisationId)))
      .orderBy(desc(eventNotes.createdAt), desc(eventNotes.id)),
    db
      .select({ id: eventVoteOptions.id, label: eventVoteOptions.label, votes: eventVoteOptions.votes })
      .from(eventVoteOptions)
      .where(and(eq(eventVoteOptions.eventId, eventId), eq(eventVoteOptions.organisationId, organisationId)))
      .orderBy(asc(eventVoteOptions.createdAt), asc(eventVoteOptions.label)),
    db
      .select({ ageBand: eventAttendance.ageBand, count: eventAttendance.count })
      .from(eventAttendance)
      .where(and(eq(eventAttendance.eventId, eventId), eq(eventAttendance.organisationId, organisationId))),
    db
      .select({ id: eventPhotos.id, contentType: eventPhotos.contentType, byteSize: eventPhotos.byteSize, createdAt: eventPhotos.createdAt })
      .from(eventPhotos)
      .where(and(eq(eventPhotos.eventId, eventId), eq(eventPhotos.organisationId, organisationId)))
      .orderBy(asc(eventPhotos.createdAt)),
  ]);
  const counted = new Map(attendance.map((row) => [row.ageBand, row.count]));
  return {
    notes,
    options,
    attendance: AGE_BANDS.map((ageBand) => ({ ageBand, count: counted.get(ageBand) ?? 0 })),
    photos,
  };
}

/** Whether a member is one of an event's facilitators (advisors capture only at events they facilitate). */
export async function isEventFacilitator({ organisationId, eventId, memberId }: { organisationId: string; eventId: string; memberId: string }) {
  const [found] = await db
    .select({ memberId: eventFacilitators.memberId })
    .from(eventFacilitators)
    .where(and(eq(eventFacilitators.organisationId, organisationId), eq(eventFacilitators.eventId, eventId), eq(eventFacilitators.memberId, memberId)));
  return !!found;
}

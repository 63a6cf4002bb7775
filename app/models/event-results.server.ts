// What consultation events add to the results page: notes (channel `event`) counted by theme and
// by who wrote them, dot votes per option, attendance per age band, and survey answers that came
// through an event's QR code. Aggregates only, each group suppressed at the organisation's threshold.
import { and, asc, count, eq, isNotNull, sql } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { AGE_BANDS, EVENT_NOTE_SOURCES, type AgeBand, type EventNoteSource } from "../../db/schema";
import { suppressSmallCounts } from "~/analysis/suppress";
import { getSuppressionThreshold } from "./organisation.server";

const { eventAttendance, eventNotes, eventVoteOptions, events, responses } = schema;

export type SuppressedCount = { count: number | null; suppressed: boolean };

/** One group of counts, suppressed together against its own total. */
function suppressGroup<K>(keys: K[], counts: number[], threshold: number) {
  const total = counts.reduce((sum, value) => sum + value, 0);
  const result = suppressSmallCounts(counts, threshold, { total });
  return {
    cells: keys.map((key, index) => ({ key, count: result.cells[index]!.count, suppressed: result.cells[index]!.suppressed })),
    total: result.total,
    totalSuppressed: result.totalSuppressed,
  };
}

export async function summariseEventsForResults({
  organisationId,
  consultationId,
  eventId,
}: {
  organisationId: string;
  consultationId: string;
  eventId?: string;
}) {
  const threshold = await getSuppressionThreshold({ organisationId });
  const consultationEvents = await db
    .select({ id: events.id, title: events.title })
    .from(events)
    .where(and(eq(events.organisationId, organisationId), eq(events.consultationId, consultationId)))
    .orderBy(asc(events.startsAt), asc(events.id));
  // An event of another consultation (or a made-up id) narrows to nothing rather than leaking.
  const chosen = eventId && consultationEvents.some((event) => event.id === eventId) ? eventId : undefined;
  const inScope = consultationEvents.filter((event) => !chosen || event.id === chosen);
  const eventFilter = <T extends typeof eventNotes.eventId | typeof eventAttendance.eventId | typeof responses.eventId>(column: T) =>
    chosen ? eq(column, chosen) : undefined;

  const [themeRows, sourceRows, voteRows, attendanceRows, taggedRows] = await Promise.all([
    db
      .select({ theme: eventNotes.theme, n: count() })
      .from(eventNotes)
      .where(and(eq(eventNotes.organisationId, organisationId), eq(eventNotes.consultationId, consultationId), eventFilter(eventNotes.eventId)))
      .groupBy(eventNotes.theme)
      .orderBy(asc(eventNotes.theme)),
    db
      .select({ source: eventNotes.source, n: count() })
      .from(eventNotes)
      .where(and(eq(eventNotes.organisationId, organisationId), eq(eventNotes.consultationId, consultationId), eventFilter(eventNotes.eventId)))
      .groupBy(eventNotes.source),
    db
      .select({ eventId: eventVoteOptions.eventId, label: eventVoteOptions.label, votes: eventVoteOptions.votes })
      .from(eventVoteOptions)
      .innerJoin(events, eq(events.id, eventVoteOptions.eventId))
      .where(and(eq(events.organisationId, organisationId), eq(events.consultationId, consultationId), chosen ? eq(events.id, chosen) : undefined))
      .orderBy(asc(eventVoteOptions.createdAt), asc(eventVoteOptions.label)),
    db
      .select({ ageBand: eventAttendance.ageBand, n: sql<number | string>`sum(${eventAttendance.count})` })
      .from(eventAttendance)
      .innerJoin(events, eq(events.id, eventAttendance.eventId))
      .where(and(eq(events.organisationId, organisationId), eq(events.consultationId, consultationId), eventFilter(eventAttendance.eventId)))
      .groupBy(eventAttendance.ageBand),
    db
      .select({ eventId: responses.eventId, n: count() })
      .from(responses)
      .where(
        and(
          eq(responses.organisationId, organisationId),
          eq(responses.consultationId, consultationId),
          isNotNull(responses.eventId),
          eventFilter(responses.eventId),
        ),
      )
      .groupBy(responses.eventId),
  ]);

  // Notes without a theme are their own group, listed last.
  const themed = themeRows.filter((row) => row.theme !== null);
  const unthemed = themeRows.find((row) => row.theme === null);
  const themeKeys = [...themed.map((row) => row.theme), ...(unthemed ? [null] : [])];
  const themeCounts = [...themed.map((row) => row.n), ...(unthemed ? [unthemed.n] : [])];
  const sources = new Map(sourceRows.map((row) => [row.source, row.n]));
  const attendance = new Map(attendanceRows.map((row) => [row.ageBand, Number(row.n)]));
  const tagged = new Map(taggedRows.map((row) => [row.eventId, row.n]));

  return {
    channel: "event" as const,
    threshold,
    events: consultationEvents,
    eventId: chosen ?? null,
    notes: {
      byTheme: suppressGroup<string | null>(themeKeys, themeCounts, threshold),
      bySource: suppressGroup<EventNoteSource>([...EVENT_NOTE_SOURCES], EVENT_NOTE_SOURCES.map((source) => sources.get(source) ?? 0), threshold),
    },
    votes: inScope
      .map((event) => {
        const options = voteRows.filter((row) => row.eventId === event.id);
        return { eventId: event.id, title: event.title, ...suppressGroup(options.map((option) => option.label), options.map((option) => option.votes), threshold) };
      })
      .filter((group) => group.cells.length > 0),
    attendance: suppressGroup<AgeBand>([...AGE_BANDS], AGE_BANDS.map((band) => attendance.get(band) ?? 0), threshold),
    // Survey answers that came through an event's QR code or short link (responses.event_id).
    surveyResponses: suppressGroup(inScope.map((event) => event.title), inScope.map((event) => tagged.get(event.id) ?? 0), threshold),
  };
}

export type EventResultsSummary = Awaited<ReturnType<typeof summariseEventsForResults>>;

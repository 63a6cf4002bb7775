// The results filter's "Event": only the survey answers that came through one event's QR code or
// link count (responses.event_id), and the cross-tab narrows with them; on both engines.
import type { EventDetails } from "~/events/event-schema.server";
import { createEvent } from "~/models/event.server";
import { submitResponse } from "~/models/response.server";
import { getConsultationResults } from "~/models/results.server";
import { createOpenConsultation, scopeOf } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";

let open: Awaited<ReturnType<typeof createOpenConsultation>>;
let schoolEvent: string;
let otherConsultationEvent: string;

const inAWeek = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000);
const details = (title: string): EventDetails => ({
  title,
  startsAt: inAWeek,
  endsAt: new Date(inAWeek.getTime() + 60 * 60 * 1000),
  format: "workshop",
  place: "School hall",
  onlineLink: "",
  whoFor: "",
  accessArrangements: [],
  accessNotes: "",
  facilitators: [],
  expectedNumbers: null,
});

beforeAll(async () => {
  const { organisation, member } = await makeOrganisationWithMember("officer", "Event Filter Council");
  const owner = { organisationId: organisation.id, memberId: member.id };
  open = await createOpenConsultation(owner);
  schoolEvent = (await createEvent({ ...owner, consultationId: open.consultationId, details: details("School session") }))!.id;
  const elsewhere = await createOpenConsultation(owner);
  otherConsultationEvent = (await createEvent({ ...owner, consultationId: elsewhere.consultationId, details: details("Elsewhere") }))!.id;
  // 7 answers through the school session's QR code (all rating 4), 5 online without an event (rating 2).
  for (let i = 0; i < 12; i++) {
    const atEvent = i < 7;
    await submitResponse({
      ...scopeOf(open),
      surveyVersionId: open.surveyVersionId,
      variant: "standard",
      locale: "en",
      channel: "online",
      answers: { sessionRating: atEvent ? 4 : 2 },
      eventId: atEvent ? schoolEvent : null,
    });
  }
});

async function results(filter = {}) {
  const found = await getConsultationResults({ ...scopeOf(open), locale: "en", filter, crossTab: { by: { facet: "channel" }, column: "sessionRating" } });
  if (!found) throw new Error("no results");
  return found;
}

test("an event narrows the results and the cross-tab to the answers that came through it", async () => {
  expect((await results()).summary.total).toBe(12);
  const atSchool = await results({ eventId: schoolEvent });
  expect(atSchool.summary.total).toBe(7);
  const rating = atSchool.summary.questions.find((question) => question.name === "sessionRating");
  expect(rating?.kind === "choice" && rating.cells.map((cell) => cell.count)).toEqual([0, 0, 0, 7, 0]);
  expect(atSchool.crossTab?.table.total.count).toBe(7);
});

test("another consultation's event matches nothing here", async () => {
  expect((await results({ eventId: otherConsultationEvent })).summary.total).toBe(0);
});

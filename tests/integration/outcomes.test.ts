// "You said, we did": outcome items are drafted, then published together; published items stay on the record.
import { closeConsultation, getConsultation, getOpenSurvey, getPublicConsultation } from "~/models/consultation.server";
import {
  addOutcome,
  deleteDraftOutcome,
  listOutcomes,
  listPublishedOutcomes,
  publishOutcomes,
} from "~/models/outcome.server";
import type { OutcomeDetails } from "~/consultations/outcome-schema.server";
import { createDraftConsultation, createOpenConsultation, scopeOf } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";

let officer: { organisationId: string; memberId: string };

beforeAll(async () => {
  const { organisation, member } = await makeOrganisationWithMember("officer");
  officer = { organisationId: organisation.id, memberId: member.id };
});

const TRIPS: OutcomeDetails = { youSaid: "You wanted more trips", weDid: "We booked two trips", status: "done", owner: "Youth team" };
const HOURS: OutcomeDetails = { youSaid: "You wanted later opening", weDid: "We are asking the board", status: "planned", owner: "" };
const WIFI: OutcomeDetails = { youSaid: "You wanted wifi", weDid: "We cannot afford it this year", status: "not_doing", owner: "IT" };

/** A consultation that has finished collecting answers: the usual point to report back. */
function closedConsultation() {
  const open = createOpenConsultation(officer);
  closeConsultation(scopeOf(open));
  return open;
}

function add(consultation: { organisationId: string; consultationId: string }, details: OutcomeDetails) {
  const added = addOutcome({ ...scopeOf(consultation), details });
  if (!added) throw new Error("addOutcome refused a consultation of the same organisation");
  return added.id;
}

test("outcome items are listed in the order they were added, as drafts", () => {
  const consultation = closedConsultation();
  const ids = [add(consultation, TRIPS), add(consultation, HOURS), add(consultation, WIFI)];

  const listed = listOutcomes(scopeOf(consultation));

  expect(listed.map((outcome) => outcome.id)).toEqual(ids);
  expect(listed[0]).toEqual({ id: ids[0], ...TRIPS, publishedAt: null });
  expect(listed.map((outcome) => outcome.status)).toEqual(["done", "planned", "not_doing"]);
});

test("a consultation's outcome items do not appear under another consultation", () => {
  const first = closedConsultation();
  const second = closedConsultation();
  add(first, TRIPS);
  add(second, HOURS);
  expect(listOutcomes(scopeOf(first)).map((outcome) => outcome.youSaid)).toEqual([TRIPS.youSaid]);
  expect(listOutcomes(scopeOf(second)).map((outcome) => outcome.youSaid)).toEqual([HOURS.youSaid]);
});

test("a draft outcome item can be deleted, and the rest keep their order", () => {
  const consultation = closedConsultation();
  const [trips, hours, wifi] = [add(consultation, TRIPS), add(consultation, HOURS), add(consultation, WIFI)];

  expect(deleteDraftOutcome({ ...scopeOf(consultation), outcomeId: hours })).toBe(true);

  expect(listOutcomes(scopeOf(consultation)).map((outcome) => outcome.id)).toEqual([trips, wifi]);
  expect(deleteDraftOutcome({ ...scopeOf(consultation), outcomeId: hours })).toBe(false);
});

test("an item can only be deleted through its own consultation", () => {
  const first = closedConsultation();
  const second = closedConsultation();
  const trips = add(first, TRIPS);
  expect(deleteDraftOutcome({ ...scopeOf(second), outcomeId: trips })).toBe(false);
  expect(listOutcomes(scopeOf(first)).map((outcome) => outcome.id)).toEqual([trips]);
});

test("an item added after a deletion goes to the end", () => {
  const consultation = closedConsultation();
  const trips = add(consultation, TRIPS);
  const hours = add(consultation, HOURS);
  deleteDraftOutcome({ ...scopeOf(consultation), outcomeId: hours });
  const wifi = add(consultation, WIFI);
  expect(listOutcomes(scopeOf(consultation)).map((outcome) => outcome.id)).toEqual([trips, wifi]);
});

test("publishing marks every item published and the consultation reported", () => {
  const consultation = closedConsultation();
  add(consultation, TRIPS);
  add(consultation, HOURS);
  const before = Date.now();

  expect(publishOutcomes(scopeOf(consultation))).toEqual({ published: 2 });

  const published = listOutcomes(scopeOf(consultation));
  expect(published.every((outcome) => outcome.publishedAt instanceof Date)).toBe(true);
  const reported = getConsultation(scopeOf(consultation));
  expect(reported?.status).toBe("reported");
  expect(reported?.outcomesPublishedAt).toBeInstanceOf(Date);
  expect(reported!.outcomesPublishedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
  expect(published[0]?.publishedAt?.getTime()).toBe(reported?.outcomesPublishedAt?.getTime());
  expect(getPublicConsultation({ slug: consultation.slug })?.outcomesPublishedAt).toEqual(reported?.outcomesPublishedAt);
});

test("a published item cannot be deleted", () => {
  const consultation = closedConsultation();
  const trips = add(consultation, TRIPS);
  publishOutcomes(scopeOf(consultation));

  expect(deleteDraftOutcome({ ...scopeOf(consultation), outcomeId: trips })).toBe(false);
  expect(listOutcomes(scopeOf(consultation)).map((outcome) => outcome.id)).toEqual([trips]);
});

test("publishing again publishes only the new items and keeps the first publication date of the old ones", () => {
  const consultation = closedConsultation();
  add(consultation, TRIPS);
  publishOutcomes(scopeOf(consultation));
  const firstPublishedAt = listOutcomes(scopeOf(consultation))[0]?.publishedAt;
  add(consultation, HOURS);

  expect(publishOutcomes(scopeOf(consultation))).toEqual({ published: 1 });

  const [trips, hours] = listOutcomes(scopeOf(consultation));
  expect(trips?.publishedAt).toEqual(firstPublishedAt);
  expect(hours?.publishedAt).toBeInstanceOf(Date);
});

test("listPublishedOutcomes returns only published items, in order, without staff-only fields", () => {
  const consultation = closedConsultation();
  add(consultation, TRIPS);
  add(consultation, HOURS);
  publishOutcomes(scopeOf(consultation));
  add(consultation, WIFI); // a new draft, not yet published

  const shown = listPublishedOutcomes({ consultationId: consultation.consultationId });

  expect(shown.map((outcome) => outcome.youSaid)).toEqual([TRIPS.youSaid, HOURS.youSaid]);
  expect(shown[0]).toEqual({ id: expect.any(String), ...TRIPS });
  expect(shown[0]).not.toHaveProperty("publishedAt");
});

test("nothing is published before publishOutcomes", () => {
  const consultation = closedConsultation();
  add(consultation, TRIPS);
  expect(listPublishedOutcomes({ consultationId: consultation.consultationId })).toEqual([]);
  expect(getConsultation(scopeOf(consultation))?.status).toBe("closed");
});

test("publishing outcomes for a draft consultation does not make the draft public", () => {
  // A draft has never been open, so "you said, we did" has nothing to report on; if publishing
  // marks it "reported", getPublicConsultation starts showing a consultation nobody has approved.
  const draft = createDraftConsultation(officer, { title: "Not ready yet" });
  addOutcome({ ...scopeOf(draft), details: TRIPS });

  try {
    publishOutcomes(scopeOf(draft));
  } catch {
    // Refusing with an error is an acceptable way to say no.
  }

  expect(getConsultation(scopeOf(draft))?.status).toBe("draft");
  expect(getPublicConsultation({ slug: draft.slug })).toBeUndefined();
});

test("publishing outcomes while a consultation is open does not silently stop it taking answers", () => {
  // The lifecycle is open → closed → reported. Marking an open consultation "reported" turns
  // children away from the survey without anyone choosing to close it.
  const open = createOpenConsultation(officer);
  addOutcome({ ...scopeOf(open), details: TRIPS });

  try {
    publishOutcomes(scopeOf(open));
  } catch {
    // Refusing with an error is an acceptable way to say no.
  }

  expect(getConsultation(scopeOf(open))?.status).toBe("open");
  expect(getOpenSurvey({ slug: open.slug })?.surveyVersionId).toBe(open.surveyVersionId);
});

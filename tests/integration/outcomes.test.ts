// "You said, we did": outcome items are drafted, then published together; published items stay on the record.
import { getAnsweringSurvey } from "~/models/answering.server";
import { closeConsultation, getConsultation, getPublicConsultation } from "~/models/consultation.server";
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
async function closedConsultation() {
  const open = await createOpenConsultation(officer);
  await closeConsultation(scopeOf(open));
  return open;
}

async function add(
  consultation: { organisationId: string; consultationId: string; memberId?: string | null },
  details: OutcomeDetails,
) {
  const added = await addOutcome({ ...scopeOf(consultation), details });
  if (!added) throw new Error("addOutcome refused a consultation of the same organisation");
  return added.id;
}

test("outcome items are listed in the order they were added, as drafts", async () => {
  const consultation = await closedConsultation();
  const ids = [await add(consultation, TRIPS), await add(consultation, HOURS), await add(consultation, WIFI)];

  const listed = await listOutcomes(scopeOf(consultation));

  expect(listed.map((outcome) => outcome.id)).toEqual(ids);
  expect(listed[0]).toEqual({ id: ids[0], ...TRIPS, publishedAt: null, updatedAt: null });
  expect(listed.map((outcome) => outcome.status)).toEqual(["done", "planned", "not_doing"]);
});

test("a consultation's outcome items do not appear under another consultation", async () => {
  const first = await closedConsultation();
  const second = await closedConsultation();
  await add(first, TRIPS);
  await add(second, HOURS);
  expect((await listOutcomes(scopeOf(first))).map((outcome) => outcome.youSaid)).toEqual([TRIPS.youSaid]);
  expect((await listOutcomes(scopeOf(second))).map((outcome) => outcome.youSaid)).toEqual([HOURS.youSaid]);
});

test("a draft outcome item can be deleted, and the rest keep their order", async () => {
  const consultation = await closedConsultation();
  const [trips, hours, wifi] = [await add(consultation, TRIPS), await add(consultation, HOURS), await add(consultation, WIFI)];

  expect(await deleteDraftOutcome({ ...scopeOf(consultation), outcomeId: hours })).toBe(true);

  expect((await listOutcomes(scopeOf(consultation))).map((outcome) => outcome.id)).toEqual([trips, wifi]);
  expect(await deleteDraftOutcome({ ...scopeOf(consultation), outcomeId: hours })).toBe(false);
});

test("an item can only be deleted through its own consultation", async () => {
  const first = await closedConsultation();
  const second = await closedConsultation();
  const trips = await add(first, TRIPS);
  expect(await deleteDraftOutcome({ ...scopeOf(second), outcomeId: trips })).toBe(false);
  expect((await listOutcomes(scopeOf(first))).map((outcome) => outcome.id)).toEqual([trips]);
});

test("an item added after a deletion goes to the end", async () => {
  const consultation = await closedConsultation();
  const trips = await add(consultation, TRIPS);
  const hours = await add(consultation, HOURS);
  await deleteDraftOutcome({ ...scopeOf(consultation), outcomeId: hours });
  const wifi = await add(consultation, WIFI);
  expect((await listOutcomes(scopeOf(consultation))).map((outcome) => outcome.id)).toEqual([trips, wifi]);
});

test("publishing marks every item published and the consultation reported", async () => {
  const consultation = await closedConsultation();
  await add(consultation, TRIPS);
  await add(consultation, HOURS);
  const before = Date.now();

  expect(await publishOutcomes(scopeOf(consultation))).toEqual({ published: 2 });

  const published = await listOutcomes(scopeOf(consultation));
  expect(published.every((outcome) => outcome.publishedAt instanceof Date)).toBe(true);
  const reported = await getConsultation(scopeOf(consultation));
  expect(reported?.status).toBe("reported");
  expect(reported?.outcomesPublishedAt).toBeInstanceOf(Date);
  expect(reported!.outcomesPublishedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
  expect(published[0]?.publishedAt?.getTime()).toBe(reported?.outcomesPublishedAt?.getTime());
  expect((await getPublicConsultation({ slug: consultation.slug }))?.outcomesPublishedAt).toEqual(
    reported?.outcomesPublishedAt,
  );
});

test("a published item cannot be deleted", async () => {
  const consultation = await closedConsultation();
  const trips = await add(consultation, TRIPS);
  await publishOutcomes(scopeOf(consultation));

  expect(await deleteDraftOutcome({ ...scopeOf(consultation), outcomeId: trips })).toBe(false);
  expect((await listOutcomes(scopeOf(consultation))).map((outcome) => outcome.id)).toEqual([trips]);
});

test("publishing again publishes only the new items and keeps the first publication date of the old ones", async () => {
  const consultation = await closedConsultation();
  await add(consultation, TRIPS);
  await publishOutcomes(scopeOf(consultation));
  const firstPublishedAt = (await listOutcomes(scopeOf(consultation)))[0]?.publishedAt;
  await add(consultation, HOURS);

  expect(await publishOutcomes(scopeOf(consultation))).toEqual({ published: 1 });

  const [trips, hours] = await listOutcomes(scopeOf(consultation));
  expect(trips?.publishedAt).toEqual(firstPublishedAt);
  expect(hours?.publishedAt).toBeInstanceOf(Date);
});

test("listPublishedOutcomes returns only published items, in order, without staff-only fields", async () => {
  const consultation = await closedConsultation();
  await add(consultation, TRIPS);
  await add(consultation, HOURS);
  await publishOutcomes(scopeOf(consultation));
  await add(consultation, WIFI); // a new draft, not yet published

  const shown = await listPublishedOutcomes({ consultationId: consultation.consultationId });

  expect(shown.map((outcome) => outcome.youSaid)).toEqual([TRIPS.youSaid, HOURS.youSaid]);
  expect(shown[0]).toEqual({ id: expect.any(String), ...TRIPS, correctedAt: null });
  expect(shown[0]).not.toHaveProperty("publishedAt");
});

test("nothing is published before publishOutcomes", async () => {
  const consultation = await closedConsultation();
  await add(consultation, TRIPS);
  expect(await listPublishedOutcomes({ consultationId: consultation.consultationId })).toEqual([]);
  expect((await getConsultation(scopeOf(consultation)))?.status).toBe("closed");
});

test("publishing outcomes for a draft consultation does not make the draft public", async () => {
  // A draft has never been open, so "you said, we did" has nothing to report on; if publishing
  // marks it "reported", getPublicConsultation starts showing a consultation nobody has approved.
  const draft = await createDraftConsultation(officer, { title: "Not ready yet" });
  await addOutcome({ ...scopeOf(draft), details: TRIPS });

  try {
    await publishOutcomes(scopeOf(draft));
  } catch {
    // Refusing with an error is an acceptable way to say no.
  }

  expect((await getConsultation(scopeOf(draft)))?.status).toBe("draft");
  expect(await getPublicConsultation({ slug: draft.slug })).toBeUndefined();
});

test("publishing outcomes while a consultation is open does not silently stop it taking answers", async () => {
  // The lifecycle is open → closed → reported. Marking an open consultation "reported" turns
  // children away from the survey without anyone choosing to close it.
  const open = await createOpenConsultation(officer);
  await addOutcome({ ...scopeOf(open), details: TRIPS });

  try {
    await publishOutcomes(scopeOf(open));
  } catch {
    // Refusing with an error is an acceptable way to say no.
  }

  expect((await getConsultation(scopeOf(open)))?.status).toBe("open");
  expect((await getAnsweringSurvey({ slug: open.slug, variant: "standard" }))?.surveyVersionId).toBe(open.surveyVersionId);
});

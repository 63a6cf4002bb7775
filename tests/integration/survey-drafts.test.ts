// The builder's draft survey: saved as you go with a revision number, a history row per save,
// stale tabs refused, opening freezes version 1, later changes publish as the next version.
import { getAnsweringSurvey } from "~/models/answering.server";
import { and, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { addQuestion, newDefinition, setTitle, type Definition } from "~/builder/definition";
import { SurveyProblemsError } from "~/builder/publish.server";
import { ConsultationStateError, closeConsultation, openConsultation } from "~/models/consultation.server";
import {
  DraftConflictError,
  DraftLockedError,
  getSurveyDraft,
  listDraftSaves,
  NothingToPublishError,
  publishSurveyDraft,
  saveSurveyDraft,
} from "~/models/survey-draft.server";
import { STARTING_TEXTS } from "../unit/support/builder-texts";
import { fixtureFiles } from "../unit/support/survey-definitions";
import { answerOnline, createDraftConsultation, createOpenConsultation } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";

let officer: { organisationId: string; memberId: string };

beforeAll(async () => {
  const { organisation, member } = await makeOrganisationWithMember("officer");
  officer = { organisationId: organisation.id, memberId: member.id };
});

function oneQuestionSurvey(title = "What would make youth clubs better?"): Definition {
  const { definition, at } = addQuestion(newDefinition(), { page: 0, kind: "longText", texts: STARTING_TEXTS });
  return setTitle(definition, at, "en", title);
}

function scope(draft: { consultationId: string }) {
  return { organisationId: officer.organisationId, consultationId: draft.consultationId, memberId: officer.memberId };
}

test("each save makes the next revision and a history row saying who saved it", async () => {
  const draft = await createDraftConsultation(officer);
  expect(await getSurveyDraft(scope(draft))).toMatchObject({ revision: 0, definition: null, hasUnpublishedChanges: true });

  const first = await saveSurveyDraft({ ...scope(draft), baseRevision: 0, definition: oneQuestionSurvey() });
  const second = await saveSurveyDraft({ ...scope(draft), baseRevision: 1, definition: oneQuestionSurvey("Something else?") });
  expect([first?.revision, second?.revision]).toEqual([1, 2]);

  const saved = await getSurveyDraft(scope(draft));
  expect(saved?.revision).toBe(2);
  expect(saved?.definition).toEqual(oneQuestionSurvey("Something else?"));
  const history = await listDraftSaves(scope(draft));
  expect(history.map((save) => [save.revision, save.savedBy])).toEqual([
    [2, expect.stringMatching(/^officer /)],
    [1, expect.stringMatching(/^officer /)],
  ]);
  const events = await db
    .select({ action: schema.auditEvents.action })
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.subjectId, draft.consultationId), eq(schema.auditEvents.action, "survey.draft_saved")));
  expect(events).toHaveLength(2);
});

test("a save from a stale tab is refused and overwrites nothing", async () => {
  const draft = await createDraftConsultation(officer);
  await saveSurveyDraft({ ...scope(draft), baseRevision: 0, definition: oneQuestionSurvey("From tab one") });
  const stale = saveSurveyDraft({ ...scope(draft), baseRevision: 0, definition: oneQuestionSurvey("From tab two") });
  await expect(stale).rejects.toBeInstanceOf(DraftConflictError);
  await expect(stale).rejects.toMatchObject({ currentRevision: 1 });
  const kept = await getSurveyDraft(scope(draft));
  expect(kept?.definition).toEqual(oneQuestionSurvey("From tab one"));
  expect(await listDraftSaves(scope(draft))).toHaveLength(1);
});

test("two saves racing on the same revision: exactly one wins", async () => {
  const draft = await createDraftConsultation(officer);
  const results = await Promise.allSettled([
    saveSurveyDraft({ ...scope(draft), baseRevision: 0, definition: oneQuestionSurvey("A") }),
    saveSurveyDraft({ ...scope(draft), baseRevision: 0, definition: oneQuestionSurvey("B") }),
  ]);
  expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  expect(results.find((result) => result.status === "rejected")).toMatchObject({ reason: expect.any(DraftConflictError) });
  expect((await getSurveyDraft(scope(draft)))?.revision).toBe(1);
});

test("saving sanitises HTML in the definition", async () => {
  const draft = await createDraftConsultation(officer);
  const dirty = { ...oneQuestionSurvey(), completedHtml: "<p>Thanks</p><script>alert(1)</script>" };
  const saved = await saveSurveyDraft({ ...scope(draft), baseRevision: 0, definition: dirty });
  expect(saved?.definition.completedHtml).toBe("<p>Thanks</p>");
  expect((await getSurveyDraft(scope(draft)))?.definition?.completedHtml).toBe("<p>Thanks</p>");
});

test("another organisation's consultation is not found", async () => {
  const draft = await createDraftConsultation(officer);
  const other = await makeOrganisationWithMember("officer", "Other Council");
  const outsider = { organisationId: other.organisation.id, consultationId: draft.consultationId, memberId: other.member.id };
  expect(await getSurveyDraft(outsider)).toBeUndefined();
  expect(await saveSurveyDraft({ ...outsider, baseRevision: 0, definition: oneQuestionSurvey() })).toBeUndefined();
  expect(await listDraftSaves(outsider)).toEqual([]);
});

test("opening refuses a survey that fails the publish checks, and changes nothing", async () => {
  const draft = await createDraftConsultation(officer);
  const broken = oneQuestionSurvey();
  (broken.pages as { elements: Record<string, unknown>[] }[])[0]!.elements[0]!.visibleIf = "{nowhere} = 'x'";
  await saveSurveyDraft({ ...scope(draft), baseRevision: 0, definition: broken });
  await expect(openConsultation(scope(draft))).rejects.toBeInstanceOf(SurveyProblemsError);
  expect((await getSurveyDraft(scope(draft)))?.status).toBe("draft");
});

test("a change after opening is a new draft version; publishing makes version 2; responses keep their version", async () => {
  const open = await createOpenConsultation(officer);
  const opened = await getSurveyDraft(scope(open));
  expect(opened).toMatchObject({ status: "open", latestVersion: { version: 1 }, hasUnpublishedChanges: false });
  await expect(publishSurveyDraft(scope(open))).rejects.toBeInstanceOf(NothingToPublishError);

  const earlier = await answerOnline(open, { sessionRating: 4 });
  const changed = { ...opened!.definition!, title: "How was today? (new version)" };
  await saveSurveyDraft({ ...scope(open), baseRevision: opened!.revision, definition: changed });
  expect(await getSurveyDraft(scope(open))).toMatchObject({ hasUnpublishedChanges: true, latestVersion: { version: 1 } });
  // Until it is published, children still get version 1.
  expect((await getAnsweringSurvey({ slug: open.slug, variant: "standard" }))?.surveyVersionId).toBe(open.surveyVersionId);

  const version2 = await publishSurveyDraft(scope(open));
  expect(version2?.version).toBe(2);
  const now = await getAnsweringSurvey({ slug: open.slug, variant: "standard" });
  expect(now?.surveyVersionId).toBe(version2?.id);
  expect(now?.definition).toMatchObject({ title: "How was today? (new version)" });
  const [response] = await db
    .select({ surveyVersionId: schema.responses.surveyVersionId })
    .from(schema.responses)
    .where(eq(schema.responses.referenceCode, earlier.referenceCode));
  expect(response?.surveyVersionId).toBe(open.surveyVersionId);
  expect(await getSurveyDraft(scope(open))).toMatchObject({ hasUnpublishedChanges: false, latestVersion: { version: 2 } });
});

test("a closed consultation's survey cannot change", async () => {
  const open = await createOpenConsultation(officer);
  await closeConsultation(scope(open));
  const { revision, definition } = (await getSurveyDraft(scope(open)))!;
  await expect(saveSurveyDraft({ ...scope(open), baseRevision: revision, definition: definition! })).rejects.toBeInstanceOf(DraftLockedError);
  await expect(publishSurveyDraft(scope(open))).rejects.toBeInstanceOf(DraftLockedError);
  await expect(openConsultation(scope(open))).rejects.toBeInstanceOf(ConsultationStateError);
});

test("a saved definition comes back exactly as saved, key order included (Heard's fixtures)", async () => {
  for (const file of fixtureFiles()) {
    const draft = await createDraftConsultation(officer);
    const definition = file.load();
    const saved = await saveSurveyDraft({ ...scope(draft), baseRevision: 0, definition });
    const read = await getSurveyDraft(scope(draft));
    expect(JSON.stringify(read?.definition)).toBe(JSON.stringify(saved?.definition));
    expect(Object.keys(read?.definition ?? {})).toEqual(Object.keys(definition));
  }
});

test("the history page compares two saves in plain words, and is scoped to the organisation", async () => {
  const draft = await createDraftConsultation(officer);
  await saveSurveyDraft({ ...scope(draft), baseRevision: 0, definition: oneQuestionSurvey() });
  await saveSurveyDraft({ ...scope(draft), baseRevision: 1, definition: oneQuestionSurvey("What would make youth clubs fun?") });
  const { loader } = await import("~/routes/consultations.$id.history");
  const { createSession } = await import("~/models/session.server");
  const { sessionCookie } = await import("~/utils/auth.server");
  const cookieFor = async (member: { id: string; organisationId: string }) =>
    (await sessionCookie.serialize(await createSession({ memberId: member.id, organisationId: member.organisationId }))).split(";")[0]!;
  const context = { cspNonce: "", csrfToken: "", clientKey: "test", requestId: "test" };
  const page = async (cookie: string) =>
    loader({ request: new Request(`http://localhost/consultations/${draft.consultationId}/history`, { headers: { Cookie: cookie } }), params: { id: draft.consultationId }, context });

  const history = await page(await cookieFor({ id: officer.memberId, organisationId: officer.organisationId }));
  expect(history.saves.map((save) => save.revision)).toEqual([2, 1]);
  expect(history.compared).toMatchObject({ from: 1, to: 2 });
  const [change] = history.compared!.diff.questions;
  expect(change).toMatchObject({ kind: "changed", title: "What would make youth clubs fun? (optional)" });

  const { member: stranger } = await makeOrganisationWithMember("officer", "Another Council");
  await expect(page(await cookieFor(stranger))).rejects.toMatchObject({ status: 404 });
});

// The consultation's own words in other languages, and the easy-read variant a child can choose.
import { and, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { getAnsweringSurvey, publishEasyReadVersion } from "~/models/answering.server";
import { EasyReadMismatchError } from "~/models/survey-version.server";
import { chooseSurveyTemplate, closeConsultation, ConsultationStateError, openConsultation, removeEasyReadDraft } from "~/models/consultation.server";
import { getSurveyDraft, publishSurveyDraft, saveSurveyDraft } from "~/models/survey-draft.server";
import { getTemplate } from "~/survey/templates.server";
import { getConsultationTranslations, getPublicTranslation, saveConsultationTranslations } from "~/models/consultation-translation.server";
import { createDraftConsultation, createOpenConsultation, scopeOf } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";

let officer: { organisationId: string; memberId: string };

beforeAll(async () => {
  const { organisation, member } = await makeOrganisationWithMember("officer");
  officer = { organisationId: organisation.id, memberId: member.id };
});

const POLISH = { locale: "pl", title: "Tytuł", purpose: "Cel", whoFor: "Dla kogo", audience: "Rada", dataUseStatement: "" };

async function auditActions(consultationId: string) {
  const rows = await db
    .select({ action: schema.auditEvents.action })
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.subjectId, consultationId), eq(schema.auditEvents.organisationId, officer.organisationId)));
  return rows.map((row) => row.action);
}

test("translations are saved per language, changed in place, removed when emptied, and audited", async () => {
  const draft = await createDraftConsultation(officer);
  const scope = scopeOf(draft);
  expect(await saveConsultationTranslations({ ...scope, translations: [POLISH, { ...POLISH, locale: "cy", title: "" , purpose: "", whoFor: "", audience: "" }] })).toEqual(["pl"]);
  expect(await getConsultationTranslations(scope)).toEqual([{ ...POLISH }]);
  expect(await saveConsultationTranslations({ ...scope, translations: [{ ...POLISH, title: "Nowy tytuł" }] })).toEqual(["pl"]);
  expect(await getPublicTranslation({ ...scope, locale: "pl" })).toMatchObject({ title: "Nowy tytuł" });
  // Saving the same words again changes nothing and records nothing.
  expect(await saveConsultationTranslations({ ...scope, translations: [{ ...POLISH, title: "Nowy tytuł" }] })).toEqual([]);
  const empty = { locale: "pl", title: "", purpose: "", whoFor: "", audience: "", dataUseStatement: "" };
  expect(await saveConsultationTranslations({ ...scope, translations: [empty] })).toEqual(["pl"]);
  expect(await getPublicTranslation({ ...scope, locale: "pl" })).toBeUndefined();
  expect((await auditActions(draft.consultationId)).filter((action) => action === "consultation.translations_changed")).toHaveLength(3);
});

test("translations belong to one organisation, and stop changing once the consultation closes", async () => {
  const open = await createOpenConsultation(officer);
  await saveConsultationTranslations({ ...scopeOf(open), translations: [POLISH] });
  const other = await makeOrganisationWithMember("officer", "Other Council");
  expect(await getPublicTranslation({ organisationId: other.organisation.id, consultationId: open.consultationId, locale: "pl" })).toBeUndefined();
  expect(await saveConsultationTranslations({ organisationId: other.organisation.id, consultationId: open.consultationId, memberId: null, translations: [POLISH] })).toBeUndefined();
  await closeConsultation(scopeOf(open));
  await expect(saveConsultationTranslations({ ...scopeOf(open), translations: [{ ...POLISH, title: "Inny" }] })).rejects.toBeInstanceOf(
    ConsultationStateError,
  );
  expect(await getPublicTranslation({ ...scopeOf(open), locale: "pl" })).toMatchObject({ title: "Tytuł" });
});

const EASY_READ = { pages: [{ name: "p1", elements: [{ type: "rating", name: "feelSafe", title: "Do you feel safe?" }] }] };

test("a child who chose easy read gets the easy-read version where there is one, else the standard one", async () => {
  const open = await createOpenConsultation(officer, "children-in-care-wellbeing");
  expect(await getAnsweringSurvey({ slug: open.slug, variant: "easy-read" })).toMatchObject({ variant: "standard", offersEasyRead: false });
  const easy = await publishEasyReadVersion({ ...scopeOf(open), definition: EASY_READ });
  expect(easy?.version).toBe(1);
  expect(await getAnsweringSurvey({ slug: open.slug, variant: "easy-read" })).toMatchObject({
    variant: "easy-read",
    surveyVersionId: easy!.id,
    offersEasyRead: true,
    definition: EASY_READ,
  });
  expect(await getAnsweringSurvey({ slug: open.slug, variant: "standard" })).toMatchObject({ variant: "standard", surveyVersionId: open.surveyVersionId });
  expect(await auditActions(open.consultationId)).toContain("consultation.easy_read_published");
});

test("an easy-read version whose questions the standard survey lacks is refused: its answers would not pool", async () => {
  const open = await createOpenConsultation(officer, "children-in-care-wellbeing");
  const stray = { pages: [{ name: "p1", elements: [{ type: "text", name: "favouriteFood", title: "Food?" }] }] };
  await expect(publishEasyReadVersion({ ...scopeOf(open), definition: stray })).rejects.toBeInstanceOf(EasyReadMismatchError);
  expect(await getAnsweringSurvey({ slug: open.slug, variant: "easy-read" })).toMatchObject({ variant: "standard", offersEasyRead: false });
});

/** A draft that chose a bundled template with its easy-read survey, as the consultation page does. */
async function draftWithEasyReadTemplate(templateId = "children-in-care-wellbeing") {
  const draft = await createDraftConsultation(officer);
  const template = getTemplate(templateId)!;
  expect(template.easyRead).toBeDefined();
  await chooseSurveyTemplate({ ...scopeOf(draft), templateId, definition: template.survey, easyReadDefinition: template.easyRead!.survey });
  return { draft, template };
}

test("a template's easy-read survey is published beside version 1 when the consultation opens, and beside every later version", async () => {
  const { draft, template } = await draftWithEasyReadTemplate();
  const version1 = await openConsultation(scopeOf(draft));
  const easy1 = await getAnsweringSurvey({ slug: draft.slug, variant: "easy-read" });
  expect(easy1).toMatchObject({ variant: "easy-read", offersEasyRead: true, definition: template.easyRead!.survey });
  expect(easy1?.surveyVersionId).not.toBe(version1?.id);

  // A change in the builder publishes version 2, standard and easy read together.
  const draftNow = await getSurveyDraft(scopeOf(draft));
  await saveSurveyDraft({ ...scopeOf(draft), memberId: officer.memberId, baseRevision: draftNow!.revision, definition: { ...draftNow!.definition!, title: "Changed" } });
  const version2 = await publishSurveyDraft({ ...scopeOf(draft), memberId: officer.memberId });
  expect(version2?.version).toBe(2);
  const versions = await db
    .select({ version: schema.surveyVersions.version, variant: schema.surveyVersions.variant })
    .from(schema.surveyVersions)
    .where(eq(schema.surveyVersions.consultationId, draft.consultationId));
  expect(versions.filter((row) => row.version === 2).map((row) => row.variant).sort()).toEqual(["easy-read", "standard"]);
  expect(await getAnsweringSurvey({ slug: draft.slug, variant: "easy-read" })).toMatchObject({ variant: "easy-read", offersEasyRead: true });
});

test("a builder change that drops a question the easy-read survey asks is refused until easy read is stopped; nothing half-published", async () => {
  const { draft, template } = await draftWithEasyReadTemplate();
  await openConsultation(scopeOf(draft));
  const asked = [...JSON.stringify(template.easyRead!.survey).matchAll(/"name":"([^"]+)"/g)].map((match) => match[1]!);
  const standard = template.survey as { pages: { elements: { name: string }[] }[] };
  const dropped = standard.pages.flatMap((page) => page.elements).find((element) => asked.includes(element.name))!.name;
  const withoutIt = { ...standard, pages: standard.pages.map((page) => ({ ...page, elements: page.elements.filter((element) => element.name !== dropped) })) };
  const draftNow = await getSurveyDraft(scopeOf(draft));
  await saveSurveyDraft({ ...scopeOf(draft), memberId: officer.memberId, baseRevision: draftNow!.revision, definition: withoutIt });

  const refused = publishSurveyDraft({ ...scopeOf(draft), memberId: officer.memberId });
  await expect(refused).rejects.toBeInstanceOf(EasyReadMismatchError);
  await expect(refused).rejects.toMatchObject({ questions: expect.arrayContaining([dropped]) });
  const versions = () => db.select().from(schema.surveyVersions).where(eq(schema.surveyVersions.consultationId, draft.consultationId));
  expect(await versions()).toHaveLength(2);

  expect(await removeEasyReadDraft({ ...scopeOf(draft), memberId: officer.memberId })).toBe(true);
  expect(await auditActions(draft.consultationId)).toContain("consultation.easy_read_removed");
  expect((await publishSurveyDraft({ ...scopeOf(draft), memberId: officer.memberId }))?.version).toBe(2);
  expect((await versions()).filter((row) => row.version === 2).map((row) => row.variant)).toEqual(["standard"]);
  // Version 2 has no easy-read survey: a child who chose it gets the standard one.
  expect(await getAnsweringSurvey({ slug: draft.slug, variant: "easy-read" })).toMatchObject({ variant: "standard", offersEasyRead: false });
});

test("an easy-read version is sanitised like every other version: its HTML cannot run script", async () => {
  const open = await createOpenConsultation(officer, "children-in-care-wellbeing");
  const hostile = {
    pages: [{ name: "p1", elements: [{ type: "html", name: "intro", html: "<p>Hello</p><script>alert(1)</script><img src=x onerror=alert(1)>" }, { type: "rating", name: "feelSafe", title: "Safe?" }] }],
  };
  const easy = await publishEasyReadVersion({ ...scopeOf(open), definition: hostile });
  const [row] = await db.select({ definition: schema.surveyVersions.definition }).from(schema.surveyVersions).where(eq(schema.surveyVersions.id, easy!.id));
  const stored = JSON.stringify(row!.definition);
  expect(stored).toContain("Hello");
  expect(stored).not.toMatch(/<script|onerror/);
});

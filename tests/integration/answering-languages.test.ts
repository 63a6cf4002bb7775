// The consultation's own words in other languages, and the easy-read variant a child can choose.
import { and, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { EasyReadMismatchError, getAnsweringSurvey, publishEasyReadVersion } from "~/models/answering.server";
import { closeConsultation, ConsultationStateError } from "~/models/consultation.server";
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

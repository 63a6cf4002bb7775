// A consultation's life: draft → survey chosen → open (survey version frozen) → closed.
import { getAnsweringSurvey } from "~/models/answering.server";
import { eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import {
  ConsultationStateError,
  chooseSurveyTemplate,
  closeConsultation,
  createConsultation,
  getConsultation,
  getPublicConsultation,
  openConsultation,
} from "~/models/consultation.server";
import { getLatestSurveyVersion } from "~/models/response.server";
import { createDraftConsultation, createOpenConsultation, scopeOf, templateSurvey } from "./consultation-helpers";
import { makeOrganisationWithMember, VALID_DETAILS } from "./fixtures";
import { createOrganisation } from "~/models/organisation.server";

let officer: { organisationId: string; memberId: string };

beforeAll(async () => {
  const { organisation, member } = await makeOrganisationWithMember("officer");
  officer = { organisationId: organisation.id, memberId: member.id };
});

const URL_SAFE_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function chooseWellbeingSurvey(draft: { organisationId: string; consultationId: string; memberId?: string | null }) {
  return chooseSurveyTemplate({
    ...scopeOf(draft),
    templateId: "children-in-care-wellbeing",
    definition: templateSurvey("children-in-care-wellbeing"),
  });
}

test("a new consultation starts as a draft with no survey, owned by its organisation", async () => {
  const draft = await createDraftConsultation(officer);
  const consultation = await getConsultation(scopeOf(draft));
  expect(consultation).toMatchObject({
    organisationId: officer.organisationId,
    createdBy: officer.memberId,
    title: VALID_DETAILS.title,
    audience: VALID_DETAILS.audience,
    status: "draft",
    templateId: null,
    draftDefinition: null,
  });
});

test("choosing a template copies its survey into the draft", async () => {
  const draft = await createDraftConsultation(officer);
  expect(await chooseWellbeingSurvey(draft)).toBe(true);
  const consultation = await getConsultation(scopeOf(draft));
  expect(consultation?.templateId).toBe("children-in-care-wellbeing");
  expect(consultation?.draftDefinition).toEqual(templateSurvey("children-in-care-wellbeing"));
});

test("opening freezes the draft survey as survey version 1 and opens the consultation", async () => {
  const draft = await createDraftConsultation(officer);
  await chooseWellbeingSurvey(draft);

  const version = await openConsultation(scopeOf(draft));

  expect(version?.version).toBe(1);
  expect((await getConsultation(scopeOf(draft)))?.status).toBe("open");
  const frozen = await getLatestSurveyVersion(scopeOf(draft));
  expect(frozen?.id).toBe(version?.id);
  expect(frozen?.definition).toEqual(templateSurvey("children-in-care-wellbeing"));
});

test("later changes to the draft survey do not alter the frozen survey version", async () => {
  const draft = await createDraftConsultation(officer);
  await chooseWellbeingSurvey(draft);
  const version = await openConsultation(scopeOf(draft));
  // No model function edits an open consultation's draft, so write to it directly.
  const edited = { pages: [{ name: "changed", elements: [{ type: "text", name: "sneaky" }] }] };
  await db
    .update(schema.consultations)
    .set({ draftDefinition: edited })
    .where(eq(schema.consultations.id, draft.consultationId));

  expect(await getLatestSurveyVersion(scopeOf(draft))).toEqual({
    id: version?.id,
    version: 1,
    definition: templateSurvey("children-in-care-wellbeing"),
  });
  expect((await getAnsweringSurvey({ slug: draft.slug, variant: "standard" }))?.definition).toEqual(templateSurvey("children-in-care-wellbeing"));
});

test("getAnsweringSurvey finds an open consultation's frozen survey by its slug", async () => {
  const draft = await createDraftConsultation(officer, { title: "Wellbeing 2026" });
  await chooseWellbeingSurvey(draft);
  const version = await openConsultation(scopeOf(draft));

  expect(await getAnsweringSurvey({ slug: draft.slug, variant: "standard" })).toEqual({
    consultationId: draft.consultationId,
    organisationId: officer.organisationId,
    title: "Wellbeing 2026",
    feedbackBy: VALID_DETAILS.feedbackBy,
    surveyVersionId: version?.id,
    variant: "standard",
    definition: templateSurvey("children-in-care-wellbeing"),
    offersEasyRead: false,
  });
});

test("a draft has no open survey", async () => {
  const draft = await createDraftConsultation(officer);
  await chooseWellbeingSurvey(draft);
  expect(await getAnsweringSurvey({ slug: draft.slug, variant: "standard" })).toBeUndefined();
});

test("closing an open consultation stops its survey being offered", async () => {
  const draft = await createDraftConsultation(officer);
  await chooseWellbeingSurvey(draft);
  await openConsultation(scopeOf(draft));

  expect(await closeConsultation(scopeOf(draft))).toBe(true);

  expect((await getConsultation(scopeOf(draft)))?.status).toBe("closed");
  expect(await getAnsweringSurvey({ slug: draft.slug, variant: "standard" })).toBeUndefined();
});

test("a consultation that is not open cannot be closed", async () => {
  const draft = await createDraftConsultation(officer);
  expect(await closeConsultation(scopeOf(draft))).toBe(false);
  expect((await getConsultation(scopeOf(draft)))?.status).toBe("draft");

  await chooseWellbeingSurvey(draft);
  await openConsultation(scopeOf(draft));
  await closeConsultation(scopeOf(draft));
  expect(await closeConsultation(scopeOf(draft))).toBe(false);
});

test("opening a consultation twice is refused and freezes no second survey version", async () => {
  const draft = await createDraftConsultation(officer);
  await chooseWellbeingSurvey(draft);
  await openConsultation(scopeOf(draft));

  await expect(openConsultation(scopeOf(draft))).rejects.toThrow(ConsultationStateError);
  expect((await getLatestSurveyVersion(scopeOf(draft)))?.version).toBe(1);
});

test("a closed consultation cannot be opened again", async () => {
  const draft = await createDraftConsultation(officer);
  await chooseWellbeingSurvey(draft);
  await openConsultation(scopeOf(draft));
  await closeConsultation(scopeOf(draft));

  await expect(openConsultation(scopeOf(draft))).rejects.toThrow(ConsultationStateError);
  expect((await getConsultation(scopeOf(draft)))?.status).toBe("closed");
});

test("a consultation without a survey cannot be opened", async () => {
  const draft = await createDraftConsultation(officer);

  await expect(openConsultation(scopeOf(draft))).rejects.toThrow(ConsultationStateError);
  expect((await getConsultation(scopeOf(draft)))?.status).toBe("draft");
  expect(await getLatestSurveyVersion(scopeOf(draft))).toBeUndefined();
});

test("the survey template cannot be changed once the consultation is open", async () => {
  const draft = await createDraftConsultation(officer);
  await chooseWellbeingSurvey(draft);
  await openConsultation(scopeOf(draft));

  const changed = await chooseSurveyTemplate({
    ...scopeOf(draft),
    templateId: "event-feedback",
    definition: templateSurvey("event-feedback"),
  });

  expect(changed).toBe(false);
  const consultation = await getConsultation(scopeOf(draft));
  expect(consultation?.templateId).toBe("children-in-care-wellbeing");
  expect(consultation?.draftDefinition).toEqual(templateSurvey("children-in-care-wellbeing"));
});

describe("getPublicConsultation", () => {
  test("hides a draft from the public", async () => {
    const draft = await createDraftConsultation(officer);
    await chooseWellbeingSurvey(draft);
    expect(await getPublicConsultation({ slug: draft.slug })).toBeUndefined();
  });

  test("shows an open consultation's public details, and nothing staff-only", async () => {
    const draft = await createDraftConsultation(officer);
    await chooseWellbeingSurvey(draft);
    await openConsultation(scopeOf(draft));

    const shown = await getPublicConsultation({ slug: draft.slug });

    expect(shown).toMatchObject({
      id: draft.consultationId,
      slug: draft.slug,
      title: VALID_DETAILS.title,
      audience: VALID_DETAILS.audience,
      feedbackBy: VALID_DETAILS.feedbackBy,
      status: "open",
    });
    expect(shown).not.toHaveProperty("draftDefinition");
    expect(shown).not.toHaveProperty("createdBy");
  });

  test("still shows a consultation once it has closed", async () => {
    const draft = await createDraftConsultation(officer);
    await chooseWellbeingSurvey(draft);
    await openConsultation(scopeOf(draft));
    await closeConsultation(scopeOf(draft));
    expect((await getPublicConsultation({ slug: draft.slug }))?.status).toBe("closed");
  });

  test("finds nothing for an unknown slug", async () => {
    expect(await getPublicConsultation({ slug: "no-such-consultation" })).toBeUndefined();
  });

  test("names the organisation running it and its public contact, and the consultation's own contact", async () => {
    const organisation = await createOrganisation({ name: "Cyngor Sir Ynys Môn", publicContact: "participation@ynysmon.test" });
    const open = await createOpenConsultation({ organisationId: organisation.id }, "event-feedback", { contact: "Ffion, 01248 000000" });
    expect(await getPublicConsultation({ slug: open.slug })).toMatchObject({
      organisationName: "Cyngor Sir Ynys Môn",
      organisationContact: "participation@ynysmon.test",
      contact: "Ffion, 01248 000000",
    });
  });
});

describe("slugs", () => {
  test("are URL-safe for a Welsh title with accents, keeping the letters", async () => {
    const { slug } = await createConsultation({
      organisationId: officer.organisationId,
      memberId: officer.memberId,
      details: { ...VALID_DETAILS, title: "Dweud eich dweud: ŵyn a ŷd" },
    });
    expect(slug).toMatch(URL_SAFE_SLUG);
    expect(slug.startsWith("dweud-eich-dweud-wyn-a-yd-")).toBe(true);
    expect(encodeURIComponent(slug)).toBe(slug);
  });

  test("are URL-safe for titles with emoji, or made only of emoji", async () => {
    for (const title of ["🎉 Parti haf 🌞", "🎈🎈🎈", "Café ☕ & chats — what’s next?"]) {
      const { slug } = await createConsultation({
        organisationId: officer.organisationId,
        memberId: null,
        details: { ...VALID_DETAILS, title },
      });
      expect(slug).toMatch(URL_SAFE_SLUG);
      expect(encodeURIComponent(slug)).toBe(slug);
    }
  });

  test("are unique even when many consultations share a title", async () => {
    const slugs: string[] = [];
    for (let i = 0; i < 200; i++) slugs.push((await createDraftConsultation(officer, { title: "Youth club" })).slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^youth-club-[a-z0-9]+$/);
  });

  test("of a long title stay short", async () => {
    const { slug } = await createDraftConsultation(officer, { title: "Ymgynghoriad ".repeat(9).trim() });
    expect(slug).toMatch(URL_SAFE_SLUG);
    expect(slug.length).toBeLessThanOrEqual(60);
  });
});

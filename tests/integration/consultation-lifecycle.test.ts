// A consultation's life: draft → survey chosen → open (survey version frozen) → closed.
import { eq } from "drizzle-orm";
import { db } from "~/db.server";
import {
  ConsultationStateError,
  chooseSurveyTemplate,
  closeConsultation,
  createConsultation,
  getConsultation,
  getOpenSurvey,
  getPublicConsultation,
  openConsultation,
} from "~/models/consultation.server";
import { getLatestSurveyVersion } from "~/models/response.server";
import { consultations } from "../../db/schema";
import { createDraftConsultation, scopeOf, templateSurvey } from "./consultation-helpers";
import { makeOrganisationWithMember, VALID_DETAILS } from "./fixtures";

let officer: { organisationId: string; memberId: string };

beforeAll(async () => {
  const { organisation, member } = await makeOrganisationWithMember("officer");
  officer = { organisationId: organisation.id, memberId: member.id };
});

const URL_SAFE_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function chooseWellbeingSurvey(draft: { organisationId: string; consultationId: string }) {
  return chooseSurveyTemplate({
    ...scopeOf(draft),
    templateId: "children-in-care-wellbeing",
    definition: templateSurvey("children-in-care-wellbeing"),
  });
}

test("a new consultation starts as a draft with no survey, owned by its organisation", () => {
  const draft = createDraftConsultation(officer);
  const consultation = getConsultation(scopeOf(draft));
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

test("choosing a template copies its survey into the draft", () => {
  const draft = createDraftConsultation(officer);
  expect(chooseWellbeingSurvey(draft)).toBe(true);
  const consultation = getConsultation(scopeOf(draft));
  expect(consultation?.templateId).toBe("children-in-care-wellbeing");
  expect(consultation?.draftDefinition).toEqual(templateSurvey("children-in-care-wellbeing"));
});

test("opening freezes the draft survey as survey version 1 and opens the consultation", () => {
  const draft = createDraftConsultation(officer);
  chooseWellbeingSurvey(draft);

  const version = openConsultation(scopeOf(draft));

  expect(version?.version).toBe(1);
  expect(getConsultation(scopeOf(draft))?.status).toBe("open");
  const frozen = getLatestSurveyVersion(scopeOf(draft));
  expect(frozen?.id).toBe(version?.id);
  expect(frozen?.definition).toEqual(templateSurvey("children-in-care-wellbeing"));
});

test("later changes to the draft survey do not alter the frozen survey version", () => {
  const draft = createDraftConsultation(officer);
  chooseWellbeingSurvey(draft);
  const version = openConsultation(scopeOf(draft));
  // No model function edits an open consultation's draft, so write to it directly.
  const edited = { pages: [{ name: "changed", elements: [{ type: "text", name: "sneaky" }] }] };
  db.update(consultations).set({ draftDefinition: edited }).where(eq(consultations.id, draft.consultationId)).run();

  expect(getLatestSurveyVersion(scopeOf(draft))).toEqual({
    id: version?.id,
    version: 1,
    definition: templateSurvey("children-in-care-wellbeing"),
  });
  expect(getOpenSurvey({ slug: draft.slug })?.definition).toEqual(templateSurvey("children-in-care-wellbeing"));
});

test("getOpenSurvey finds an open consultation's frozen survey by its slug", () => {
  const draft = createDraftConsultation(officer, { title: "Wellbeing 2026" });
  chooseWellbeingSurvey(draft);
  const version = openConsultation(scopeOf(draft));

  expect(getOpenSurvey({ slug: draft.slug })).toEqual({
    consultationId: draft.consultationId,
    organisationId: officer.organisationId,
    title: "Wellbeing 2026",
    feedbackBy: VALID_DETAILS.feedbackBy,
    surveyVersionId: version?.id,
    variant: "standard",
    definition: templateSurvey("children-in-care-wellbeing"),
  });
});

test("a draft has no open survey", () => {
  const draft = createDraftConsultation(officer);
  chooseWellbeingSurvey(draft);
  expect(getOpenSurvey({ slug: draft.slug })).toBeUndefined();
});

test("closing an open consultation stops its survey being offered", () => {
  const draft = createDraftConsultation(officer);
  chooseWellbeingSurvey(draft);
  openConsultation(scopeOf(draft));

  expect(closeConsultation(scopeOf(draft))).toBe(true);

  expect(getConsultation(scopeOf(draft))?.status).toBe("closed");
  expect(getOpenSurvey({ slug: draft.slug })).toBeUndefined();
});

test("a consultation that is not open cannot be closed", () => {
  const draft = createDraftConsultation(officer);
  expect(closeConsultation(scopeOf(draft))).toBe(false);
  expect(getConsultation(scopeOf(draft))?.status).toBe("draft");

  chooseWellbeingSurvey(draft);
  openConsultation(scopeOf(draft));
  closeConsultation(scopeOf(draft));
  expect(closeConsultation(scopeOf(draft))).toBe(false);
});

test("opening a consultation twice is refused and freezes no second survey version", () => {
  const draft = createDraftConsultation(officer);
  chooseWellbeingSurvey(draft);
  openConsultation(scopeOf(draft));

  expect(() => openConsultation(scopeOf(draft))).toThrow(ConsultationStateError);
  expect(getLatestSurveyVersion(scopeOf(draft))?.version).toBe(1);
});

test("a closed consultation cannot be opened again", () => {
  const draft = createDraftConsultation(officer);
  chooseWellbeingSurvey(draft);
  openConsultation(scopeOf(draft));
  closeConsultation(scopeOf(draft));

  expect(() => openConsultation(scopeOf(draft))).toThrow(ConsultationStateError);
  expect(getConsultation(scopeOf(draft))?.status).toBe("closed");
});

test("a consultation without a survey cannot be opened", () => {
  const draft = createDraftConsultation(officer);

  expect(() => openConsultation(scopeOf(draft))).toThrow(ConsultationStateError);
  expect(getConsultation(scopeOf(draft))?.status).toBe("draft");
  expect(getLatestSurveyVersion(scopeOf(draft))).toBeUndefined();
});

test("the survey template cannot be changed once the consultation is open", () => {
  const draft = createDraftConsultation(officer);
  chooseWellbeingSurvey(draft);
  openConsultation(scopeOf(draft));

  const changed = chooseSurveyTemplate({
    ...scopeOf(draft),
    templateId: "event-feedback",
    definition: templateSurvey("event-feedback"),
  });

  expect(changed).toBe(false);
  const consultation = getConsultation(scopeOf(draft));
  expect(consultation?.templateId).toBe("children-in-care-wellbeing");
  expect(consultation?.draftDefinition).toEqual(templateSurvey("children-in-care-wellbeing"));
});

describe("getPublicConsultation", () => {
  test("hides a draft from the public", () => {
    const draft = createDraftConsultation(officer);
    chooseWellbeingSurvey(draft);
    expect(getPublicConsultation({ slug: draft.slug })).toBeUndefined();
  });

  test("shows an open consultation's public details, and nothing staff-only", () => {
    const draft = createDraftConsultation(officer);
    chooseWellbeingSurvey(draft);
    openConsultation(scopeOf(draft));

    const shown = getPublicConsultation({ slug: draft.slug });

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

  test("still shows a consultation once it has closed", () => {
    const draft = createDraftConsultation(officer);
    chooseWellbeingSurvey(draft);
    openConsultation(scopeOf(draft));
    closeConsultation(scopeOf(draft));
    expect(getPublicConsultation({ slug: draft.slug })?.status).toBe("closed");
  });

  test("finds nothing for an unknown slug", () => {
    expect(getPublicConsultation({ slug: "no-such-consultation" })).toBeUndefined();
  });
});

describe("slugs", () => {
  test("are URL-safe for a Welsh title with accents, keeping the letters", () => {
    const { slug } = createConsultation({
      organisationId: officer.organisationId,
      createdBy: officer.memberId,
      details: { ...VALID_DETAILS, title: "Dweud eich dweud: ŵyn a ŷd" },
    });
    expect(slug).toMatch(URL_SAFE_SLUG);
    expect(slug.startsWith("dweud-eich-dweud-wyn-a-yd-")).toBe(true);
    expect(encodeURIComponent(slug)).toBe(slug);
  });

  test("are URL-safe for titles with emoji, or made only of emoji", () => {
    for (const title of ["🎉 Parti haf 🌞", "🎈🎈🎈", "Café ☕ & chats — what’s next?"]) {
      const { slug } = createConsultation({
        organisationId: officer.organisationId,
        createdBy: null,
        details: { ...VALID_DETAILS, title },
      });
      expect(slug).toMatch(URL_SAFE_SLUG);
      expect(encodeURIComponent(slug)).toBe(slug);
    }
  });

  test("are unique even when many consultations share a title", () => {
    const slugs = Array.from({ length: 200 }, () => createDraftConsultation(officer, { title: "Youth club" }).slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const slug of slugs) expect(slug).toMatch(/^youth-club-[a-z0-9]+$/);
  });

  test("of a long title stay short", () => {
    const { slug } = createDraftConsultation(officer, { title: "Ymgynghoriad ".repeat(9).trim() });
    expect(slug).toMatch(URL_SAFE_SLUG);
    expect(slug.length).toBeLessThanOrEqual(60);
  });
});

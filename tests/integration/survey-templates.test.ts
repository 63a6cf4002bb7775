/// <reference types="vite/client" />
// Organisation templates and uploaded pictures: a template copies a consultation's survey (never its
// responses), sanitised; only its own organisation sees, renames, deletes or starts from it; every
// change is audited. Pictures are refused unless PNG, JPEG or WebP (by their bytes), small enough
// and described in plain words, and are then served publicly with safe headers.
import { and, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { pictureIdOf } from "~/builder/pictures";
import { getAnsweringSurvey, publishEasyReadVersion } from "~/models/answering.server";
import { getConsultation, openConsultation } from "~/models/consultation.server";
import { createSession } from "~/models/session.server";
import { listSurveyPictures } from "~/models/survey-picture.server";
import {
  archiveSurveyTemplate,
  getSurveyTemplate,
  listSurveyTemplates,
  NoSurveyToSaveError,
  NotDraftError,
  renameSurveyTemplate,
  saveSurveyTemplate,
  startFromSurveyTemplate,
} from "~/models/survey-template.server";
import { sessionCookie } from "~/utils/auth.server";
import { answerOnline, createDraftConsultation, createOpenConsultation, templateSurvey } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";

vi.setConfig({ testTimeout: 60_000 });

type Actor = { organisationId: string; memberId: string };
let ours: Actor;
let theirs: Actor;

beforeAll(async () => {
  const a = await makeOrganisationWithMember("officer", "Our Council");
  const b = await makeOrganisationWithMember("officer", "Their Council");
  ours = { organisationId: a.organisation.id, memberId: a.member.id };
  theirs = { organisationId: b.organisation.id, memberId: b.member.id };
});

const DETAILS = { name: "Youth club feedback", description: "After a session", beforeYouStart: "" };

async function auditActions(subjectId: string) {
  const rows = await db.select({ action: schema.auditEvents.action, detail: schema.auditEvents.detail }).from(schema.auditEvents).where(eq(schema.auditEvents.subjectId, subjectId));
  return rows;
}

describe("organisation templates", () => {
  test("saving the published survey copies it and its easy-read variant, never a response", async () => {
    const open = await createOpenConsultation(ours);
    await publishEasyReadVersion({ ...open, definition: getEasyRead() });
    await answerOnline(open, { sessionRating: 3, anythingElse: "Quokka-Zebra answer" });

    const templateId = await saveSurveyTemplate({ ...ours, consultationId: open.consultationId, source: "published", details: DETAILS });
    expect(templateId).toBeTypeOf("string");
    const [row] = await db.select().from(schema.surveyTemplates).where(eq(schema.surveyTemplates.id, templateId!));
    expect(row!.definition).toEqual(templateSurvey("event-feedback"));
    expect(row!.easyReadDefinition).toEqual(getEasyRead());
    expect(JSON.stringify(row)).not.toContain("Quokka-Zebra");
    expect(await listSurveyTemplates(ours)).toContainEqual(expect.objectContaining({ id: templateId, name: DETAILS.name, hasEasyRead: true }));
    expect(await auditActions(templateId!)).toEqual([
      { action: "survey_template.saved", detail: { consultationId: open.consultationId, source: "published", easyRead: true } },
    ]);
  });

  test("a consultation started from a template with an easy-read survey offers it to children once it opens", async () => {
    const open = await createOpenConsultation(ours);
    await publishEasyReadVersion({ ...open, definition: getEasyRead() });
    const templateId = await saveSurveyTemplate({ ...ours, consultationId: open.consultationId, source: "published", details: DETAILS });
    const target = await createDraftConsultation(ours);
    expect(await startFromSurveyTemplate({ ...ours, consultationId: target.consultationId, templateId: templateId! })).toBe(true);
    await openConsultation({ ...ours, consultationId: target.consultationId });
    expect(await getAnsweringSurvey({ slug: target.slug, variant: "easy-read" })).toMatchObject({
      variant: "easy-read",
      definition: getEasyRead(),
    });
  });

  test("a consultation with no survey of that kind is refused; another organisation's consultation is not found", async () => {
    const draft = await createDraftConsultation(ours);
    await expect(saveSurveyTemplate({ ...ours, consultationId: draft.consultationId, source: "draft", details: DETAILS })).rejects.toThrow(NoSurveyToSaveError);
    await expect(saveSurveyTemplate({ ...ours, consultationId: draft.consultationId, source: "published", details: DETAILS })).rejects.toThrow(NoSurveyToSaveError);
    const open = await createOpenConsultation(ours);
    expect(await saveSurveyTemplate({ ...theirs, consultationId: open.consultationId, source: "published", details: DETAILS })).toBeUndefined();
  });

  test("starting from a template copies its survey, sanitised, into the draft as a new revision", async () => {
    const source = await createDraftConsultation(ours);
    // Written past the builder (which sanitises on save), as an old or imported draft might be.
    const unsafe = {
      pages: [
        {
          name: "p1",
          elements: [
            { type: "html", name: "intro", html: '<p>Hello</p><script>alert(1)</script><img src="x" onerror="alert(2)">' },
            { type: "imagepicker", name: "pick", choices: [{ value: "bus", imageLink: "javascript:alert(3)" }, { value: "own", imageLink: "/pictures/00000000-0000-4000-8000-000000000000" }] },
          ],
        },
      ],
    };
    await db.update(schema.consultations).set({ draftDefinition: unsafe }).where(eq(schema.consultations.id, source.consultationId));
    const templateId = (await saveSurveyTemplate({ ...ours, consultationId: source.consultationId, source: "draft", details: DETAILS }))!;

    const target = await createDraftConsultation(ours);
    const before = await getConsultation({ ...ours, consultationId: target.consultationId });
    expect(await startFromSurveyTemplate({ ...ours, consultationId: target.consultationId, templateId })).toBe(true);
    const after = await getConsultation({ ...ours, consultationId: target.consultationId });
    expect(after!.draftRevision).toBe(before!.draftRevision + 1);
    const text = JSON.stringify(after!.draftDefinition);
    expect(text).toContain("<p>Hello</p>");
    expect(text).not.toMatch(/script|onerror|javascript:/);
    expect(text).toContain("/pictures/00000000-0000-4000-8000-000000000000");
    const chosen = (await auditActions(target.consultationId)).filter((event) => event.action === "consultation.template_chosen");
    expect(chosen).toEqual([{ action: "consultation.template_chosen", detail: { organisationTemplateId: templateId } }]);

    const open = await createOpenConsultation(ours);
    await expect(startFromSurveyTemplate({ ...ours, consultationId: open.consultationId, templateId })).rejects.toThrow(NotDraftError);
  });

  test("another organisation never sees, changes, deletes or starts from our template", async () => {
    const open = await createOpenConsultation(ours);
    const templateId = (await saveSurveyTemplate({ ...ours, consultationId: open.consultationId, source: "published", details: DETAILS }))!;
    const scope = { organisationId: theirs.organisationId, templateId };

    expect((await listSurveyTemplates(theirs)).map((template) => template.id)).not.toContain(templateId);
    expect(await getSurveyTemplate(scope)).toBeUndefined();
    expect(await renameSurveyTemplate({ ...scope, memberId: theirs.memberId, details: { ...DETAILS, name: "Stolen" } })).toBeUndefined();
    expect(await archiveSurveyTemplate({ ...scope, memberId: theirs.memberId })).toBeUndefined();
    const theirDraft = await createDraftConsultation(theirs);
    expect(await startFromSurveyTemplate({ ...theirs, consultationId: theirDraft.consultationId, templateId })).toBeUndefined();
    expect((await getConsultation({ ...theirs, consultationId: theirDraft.consultationId }))!.draftDefinition).toBeNull();
    expect(await getSurveyTemplate({ organisationId: ours.organisationId, templateId })).toMatchObject({ name: DETAILS.name });
  });

  test("renaming and deleting are audited; a deleted template is no longer offered", async () => {
    const open = await createOpenConsultation(ours);
    const templateId = (await saveSurveyTemplate({ ...ours, consultationId: open.consultationId, source: "published", details: DETAILS }))!;
    const scope = { ...ours, templateId };
    const renamed = { name: "Club night feedback", description: "", beforeYouStart: "What your answers are for." };
    expect(await renameSurveyTemplate({ ...scope, details: renamed })).toBe(true);
    expect(await getSurveyTemplate(scope)).toMatchObject(renamed);
    expect(await archiveSurveyTemplate(scope)).toBe(true);

    expect(await getSurveyTemplate(scope)).toBeUndefined();
    expect((await listSurveyTemplates(ours)).map((template) => template.id)).not.toContain(templateId);
    const draft = await createDraftConsultation(ours);
    expect(await startFromSurveyTemplate({ ...ours, consultationId: draft.consultationId, templateId })).toBeUndefined();
    expect((await auditActions(templateId)).map((event) => event.action)).toEqual(["survey_template.saved", "survey_template.renamed", "survey_template.archived"]);
    // Archived, not erased.
    const [row] = await db.select({ archivedAt: schema.surveyTemplates.archivedAt }).from(schema.surveyTemplates).where(eq(schema.surveyTemplates.id, templateId));
    expect(row!.archivedAt).toBeInstanceOf(Date);
  });
});

describe("uploaded pictures, through the routes", () => {
  type RouteModule = { loader?: (args: RouteArgs) => unknown; action?: (args: RouteArgs) => unknown };
  type RouteArgs = { request: Request; params: Record<string, string>; context: Record<string, string> };
  const ROUTES = import.meta.glob<RouteModule>("../../app/routes/pictures.*.{ts,tsx}");
  let officerCookie: string;
  let advisorCookie: string;
  let advisorOrganisation: string;

  const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

  async function cookieFor(member: { id: string; organisationId: string }) {
    const token = await createSession({ memberId: member.id, organisationId: member.organisationId });
    return (await sessionCookie.serialize(token)).split(";")[0]!;
  }

  beforeAll(async () => {
    officerCookie = await cookieFor({ id: ours.memberId, organisationId: ours.organisationId });
    const advisor = await makeOrganisationWithMember("advisor");
    advisorOrganisation = advisor.organisation.id;
    advisorCookie = await cookieFor(advisor.member);
  });

  /** Posts the upload form as the browser does (multipart), returning the status and any error messages. */
  async function upload(file: { bytes: Uint8Array; name: string; type: string } | null, altText: string, cookie = officerCookie) {
    const form = new FormData();
    form.set("csrf", "token");
    if (file) form.set("picture", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
    form.set("altText", altText);
    const request = new Request("http://localhost/pictures", {
      method: "POST",
      headers: { Cookie: `${cookie}; heard_csrf=token`, Origin: "http://localhost" },
      body: form,
    });
    const module = await ROUTES["../../app/routes/pictures._index.tsx"]!();
    let result: unknown;
    try {
      result = await module.action!({ request, params: {}, context: { csrfToken: "token", clientKey: "test-client" } });
    } catch (thrown) {
      result = thrown;
    }
    if (result instanceof Response) return { status: result.status, text: "" };
    const withInit = result as { data?: unknown; init?: { status?: number } };
    return { status: withInit.init?.status ?? 200, text: JSON.stringify(withInit.data) };
  }

  async function fetchPicture(id: string) {
    const module = await ROUTES["../../app/routes/pictures.$id.ts"]!();
    try {
      return (await module.loader!({ request: new Request(`http://localhost/pictures/${id}`), params: { id }, context: {} })) as Response;
    } catch (thrown) {
      return thrown as Response;
    }
  }

  test("SVG, other files, oversize pictures and missing or unplain alt text are refused with a 4xx", async () => {
    const before = (await listSurveyPictures(ours)).length;
    const svg = await upload({ bytes: SVG, name: "bus.png", type: "image/png" }, "A red bus");
    expect(svg.status).toBe(415);
    expect(svg.text).toContain("PNG, JPEG or WebP");
    const big = new Uint8Array(500 * 1024 + 1);
    big.set(PNG);
    expect((await upload({ bytes: big, name: "big.png", type: "image/png" }, "A red bus")).status).toBe(413);
    expect((await upload(null, "A red bus")).status).toBe(400);
    const noAlt = await upload({ bytes: PNG, name: "bus.png", type: "image/png" }, "   ");
    expect(noAlt.status).toBe(400);
    expect(noAlt.text).toContain("Describe the picture");
    expect((await upload({ bytes: PNG, name: "bus.png", type: "image/png" }, "IMG_2031.png")).status).toBe(400);
    expect((await upload({ bytes: PNG, name: "bus.png", type: "image/png" }, "<b>bus</b>")).status).toBe(400);
    expect(await listSurveyPictures(ours)).toHaveLength(before);
  });

  test("advisors, who do not edit surveys in the builder, cannot upload", async () => {
    expect((await upload({ bytes: PNG, name: "bus.png", type: "image/png" }, "A red bus", advisorCookie)).status).toBe(403);
    expect(await listSurveyPictures({ organisationId: advisorOrganisation })).toEqual([]);
  });

  test("a good picture is kept, audited, listed only for its organisation and served publicly with safe headers", async () => {
    expect((await upload({ bytes: PNG, name: "anything.txt", type: "text/plain" }, "A red bus")).status).toBe(302);
    const [picture] = await listSurveyPictures(ours);
    expect(picture).toMatchObject({ altText: "A red bus" });
    expect(await listSurveyPictures(theirs)).toEqual([]);
    const events = await db
      .select({ memberId: schema.auditEvents.memberId })
      .from(schema.auditEvents)
      .where(and(eq(schema.auditEvents.subjectId, picture!.id), eq(schema.auditEvents.action, "survey_picture.uploaded")));
    expect(events).toEqual([{ memberId: ours.memberId }]);

    expect(pictureIdOf(`/pictures/${picture!.id}`)).toBe(picture!.id);
    const served = await fetchPicture(picture!.id);
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/png");
    expect(served.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(served.headers.get("Cache-Control")).toContain("immutable");
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(PNG);
    expect((await fetchPicture("00000000-0000-4000-8000-000000000000")).status).toBe(404);
  });
});

/** A small easy-read variant of the event feedback survey: its one question shares a name with the standard survey's. */
function getEasyRead(): Record<string, unknown> {
  return { pages: [{ name: "easy", elements: [{ type: "comment", name: "anythingElse", title: "Tell us anything else." }] }] };
}

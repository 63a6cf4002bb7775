// The drawing gallery's model on both engines: only live responses that drew something, paged,
// narrowed by the results filters (the answer filter too), and one drawing served as image bytes.
import { chooseSurveyTemplate, openConsultation } from "~/models/consultation.server";
import { getDrawing, listDrawingsPage } from "~/models/drawing.server";
import { submitResponse, withdrawResponse } from "~/models/response.server";
import { createDraftConsultation, scopeOf } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";

const DEFINITION = {
  pages: [
    {
      name: "p1",
      elements: [
        { type: "signaturepad", name: "drawHome", title: "Draw your home" },
        { type: "radiogroup", name: "ageGroup", title: "How old are you?", choices: [{ value: "8-12", text: "8 to 12" }, { value: "13-18", text: "13 to 18" }] },
      ],
    },
  ],
};
const PNG = `data:image/png;base64,${Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).toString("base64")}`;

let scope: { organisationId: string; consultationId: string };
let otherOrganisation: string;
const ids: string[] = [];
const codes: string[] = [];

beforeAll(async () => {
  const { organisation, member } = await makeOrganisationWithMember("officer", "Drawing Council");
  const draft = await createDraftConsultation({ organisationId: organisation.id, memberId: member.id });
  await chooseSurveyTemplate({ ...scopeOf(draft), templateId: "event-feedback", definition: DEFINITION });
  const version = await openConsultation(scopeOf(draft));
  scope = { organisationId: organisation.id, consultationId: draft.consultationId };
  // 27 drew something (the first 20 aged 8 to 12), 3 did not draw.
  for (let i = 0; i < 30; i++) {
    const answers: Record<string, unknown> = { ageGroup: i < 20 ? "8-12" : "13-18" };
    if (i < 27) answers.drawHome = PNG;
    const { responseId, referenceCode } = await submitResponse({ ...scope, surveyVersionId: version!.id, variant: "standard", locale: "en", channel: i % 2 ? "paper" : "online", answers, submittedAt: new Date(Date.UTC(2026, 2, 1, 0, i)) });
    ids.push(responseId);
    codes.push(referenceCode);
  }
  otherOrganisation = (await makeOrganisationWithMember("officer", "Other Council")).organisation.id;
});

test("pages through the responses that drew something, oldest first, 24 to a page", async () => {
  const first = await listDrawingsPage({ ...scope, questionName: "drawHome" });
  expect(first).toMatchObject({ total: 27, page: 1, pages: 2 });
  expect(first.drawings).toHaveLength(24);
  expect(first.drawings[0]).toMatchObject({ responseId: ids[0], position: 1 });
  const second = await listDrawingsPage({ ...scope, questionName: "drawHome", page: "2" });
  expect(second.drawings.map((drawing) => drawing.position)).toEqual([25, 26, 27]);
  expect((await listDrawingsPage({ ...scope, questionName: "drawHome", page: "99" })).page).toBe(2);
});

test("narrows with the results filters, the answer filter included", async () => {
  expect((await listDrawingsPage({ ...scope, questionName: "drawHome", filter: { channel: "paper" } })).total).toBe(13);
  expect((await listDrawingsPage({ ...scope, questionName: "drawHome", filter: { question: "ageGroup", answer: "13-18" } })).total).toBe(7);
  expect((await listDrawingsPage({ ...scope, questionName: "ageGroup" })).total).toBe(0);
});

test("serves one drawing's bytes; not a withdrawn one, nor to another organisation", async () => {
  const drawing = await getDrawing({ ...scope, responseId: ids[1]!, questionName: "drawHome" });
  expect(drawing?.contentType).toBe("image/png");
  expect(drawing?.bytes[1]).toBe(0x50);
  expect(await getDrawing({ ...scope, responseId: ids[28]!, questionName: "drawHome" })).toBeUndefined();
  expect(await getDrawing({ organisationId: otherOrganisation, consultationId: scope.consultationId, responseId: ids[1]!, questionName: "drawHome" })).toBeUndefined();

  expect(await withdrawResponse({ referenceCode: codes[1]! })).toBeTruthy();
  expect(await getDrawing({ ...scope, responseId: ids[1]!, questionName: "drawHome" })).toBeUndefined();
  expect((await listDrawingsPage({ ...scope, questionName: "drawHome" })).total).toBe(26);
});

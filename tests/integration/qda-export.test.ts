// The REFI-QDA export end to end through the model: every live free-text answer and event note
// (coded or not, flagged ones included, withdrawn ones never), the codebook, each analyst's
// codings, zipped and read back; recorded in the audit log; nothing from another organisation.
import JSZip from "jszip";
import { and, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { buildQdaProject, zipQdaProject } from "~/analysis/refi-qda.server";
import { addTheme, codeAnswer, codeEventNote, exportCodedText, listTextForCoding } from "~/models/coding.server";
import { addEventNote, createEvent } from "~/models/event.server";
import { createMember } from "~/models/member.server";
import { withdrawResponse } from "~/models/response.server";
import { answerOnline, createOpenConsultation, scopeOf } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";
import { findAll, parseXml, type ParsedElement } from "../support/xml";

const NASTY = `Games & "fun" <b>please</b> ]]> it's\u0007 fine`;

let officer: { id: string; organisationId: string };
let open: Awaited<ReturnType<typeof createOpenConsultation>>;

beforeAll(async () => {
  const { organisation, member } = await makeOrganisationWithMember("officer", "Export Council");
  officer = { id: member.id, organisationId: organisation.id };
  const analyst = await createMember({ organisationId: organisation.id, email: `qda-${organisation.id.slice(0, 8)}@example.test`, name: "Ana Analyst", role: "analyst", password: "correct horse battery staple" });
  open = await createOpenConsultation({ organisationId: organisation.id, memberId: member.id }, "event-feedback", { title: "Clubs & <you>" });
  await answerOnline(open, { sessionRating: 4, anythingElse: NASTY });
  await answerOnline(open, { sessionRating: 2, anythingElse: "I want to run away" });
  await answerOnline(open, { sessionRating: 3, anythingElse: "Not coded by anyone" });
  const withdrawn = await answerOnline(open, { sessionRating: 3, anythingElse: "Please take this back" });
  await withdrawResponse({ referenceCode: withdrawn.referenceCode });
  const event = await createEvent({
    organisationId: organisation.id,
    consultationId: open.consultationId,
    memberId: member.id,
    details: { title: "Drop-in", startsAt: new Date(), endsAt: new Date(Date.now() + 3600_000), format: "drop_in", place: "", onlineLink: "", whoFor: "", accessArrangements: [], accessNotes: "", facilitators: [], expectedNumbers: null },
  });
  await addEventNote({ organisationId: organisation.id, consultationId: open.consultationId, eventId: event!.id, memberId: member.id, source: "facilitator", note: { clientId: "qda-1", text: "A skate park", ageBand: null, theme: null } });

  const scope = { ...scopeOf(open), memberId: member.id };
  const play = await addTheme({ ...scope, theme: { name: "Play", description: "Games <& fun>", colour: "teal" } });
  const board = await addTheme({ ...scope, theme: { name: "Board games", description: "", colour: "blue", parentId: play.id } });
  const { answers, notes } = await listTextForCoding({ ...scope, locale: "en" });
  const nasty = answers.find((answer) => answer.text === NASTY)!;
  await codeAnswer({ ...scope, responseId: nasty.responseId, questionName: nasty.questionName, themeIds: [play.id, board.id] });
  await codeAnswer({ ...scopeOf(open), memberId: analyst.id, responseId: nasty.responseId, questionName: nasty.questionName, themeIds: [play.id] });
  await codeEventNote({ ...scope, eventNoteId: notes[0]!.eventNoteId, themeIds: [play.id] });
});

async function exportAndRead() {
  const project = await exportCodedText({ ...scopeOf(open), memberId: officer.id, locale: "en" });
  const zip = await JSZip.loadAsync(await zipQdaProject(buildQdaProject(project!)));
  const qde = parseXml(await zip.file("project.qde")!.async("string"));
  const fileText = async (source: ParsedElement) => zip.file(`Sources/${source.attributes.plainTextPath!.replace("internal://", "")}`)?.async("string");
  return { qde, fileText };
}

test("every live free-text answer and event note is a source, with its text in the zip", async () => {
  const { qde, fileText } = await exportAndRead();
  expect(qde.attributes.name).toBe("Clubs & <you>");
  const sources = findAll(qde, "TextSource");
  const texts = await Promise.all(sources.map(fileText));
  // Three live answers (one flagged, as in the responses export) and one note; never the withdrawn answer.
  expect(texts.sort()).toEqual(["A skate park", "I want to run away", NASTY, "Not coded by anyone"].sort());
  expect(texts).not.toContain("Please take this back");
});

test("codes nest, and every CodeRef points at a code in the codebook", async () => {
  const { qde, fileText } = await exportAndRead();
  const codes = findAll(qde, "Codes")[0]!;
  expect(codes.children.map((code) => code.attributes.name)).toEqual(["Play"]);
  expect(findAll(codes.children[0]!, "Code").map((code) => code.attributes.name)).toEqual(["Play", "Board games"]);
  expect(codes.children[0]!.attributes.color).toBe("#0F766E");
  expect(findAll(codes, "Description")[0]!.text).toBe("Games <& fun>");

  const codeGuids = new Set(findAll(qde, "Code").map((code) => code.attributes.guid));
  const refs = findAll(qde, "CodeRef").map((ref) => ref.attributes.targetGUID);
  expect(refs).toHaveLength(4);
  for (const ref of refs) expect(codeGuids.has(ref)).toBe(true);
  const userGuids = new Set(findAll(qde, "User").map((user) => user.attributes.guid));
  for (const coding of findAll(qde, "Coding")) expect(userGuids.has(coding.attributes.creatingUser)).toBe(true);

  const coded = findAll(qde, "TextSource").filter((source) => findAll(source, "Coding").length > 0);
  expect(coded).toHaveLength(2);
  for (const source of coded) {
    const [selection] = findAll(source, "PlainTextSelection");
    expect(Number(selection!.attributes.endPosition)).toBe([...(await fileText(source))!].length);
  }
});

test("exporting twice gives the same GUIDs, and each export is in the audit log with counts, not words", async () => {
  const first = (await exportAndRead()).qde;
  const second = (await exportAndRead()).qde;
  const guids = (qde: ParsedElement) => findAll(qde, "TextSource").map((source) => source.attributes.guid).sort();
  expect(guids(second)).toEqual(guids(first));
  const audited = await db
    .select({ detail: schema.auditEvents.detail })
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.organisationId, officer.organisationId), eq(schema.auditEvents.action, "data.exported")));
  expect(audited.length).toBeGreaterThanOrEqual(2);
  expect(audited[0]!.detail).toMatchObject({ what: "coded text", format: "qdpx", answers: 3, eventNotes: 1 });
  expect(JSON.stringify(audited)).not.toContain("skate");
});

test("another organisation's member gets nothing", async () => {
  const { member: stranger } = await makeOrganisationWithMember("officer", "Elsewhere Council");
  expect(await exportCodedText({ organisationId: stranger.organisationId, consultationId: open.consultationId, memberId: stranger.id, locale: "en" })).toBeUndefined();
});

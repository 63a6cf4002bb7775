// Importing responses from CSV: good rows stored together with channel `import`, bad rows never,
// nothing at all when something fails part-way, one audit event with counts only, the same
// safeguarding check as other responses, and each organisation's (and member's) files its own.
import { and, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { getI18n } from "~/i18n/i18n";
import { reviewImport } from "~/imports/review-import.server";
import { closeConsultation } from "~/models/consultation.server";
import { createMember } from "~/models/member.server";
import {
  createPendingImport,
  deleteExpiredImports,
  getPendingImport,
  ImportAlreadyDoneError,
  importResponses,
  PENDING_IMPORT_MS,
  saveImportMapping,
} from "~/models/response-import.server";
import { countResponsesByChannel, getLatestSurveyVersion } from "~/models/response.server";
import { createSession } from "~/models/session.server";
import { sessionCookie } from "~/utils/auth.server";
import { createOpenConsultation } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";
import * as uploadPage from "../../app/routes/consultations.$id.import._index";
import * as importPage from "../../app/routes/consultations.$id.import.$importId";
import * as rejectedCsv from "../../app/routes/consultations.$id.import.$importId.rejected[.]csv";

vi.setConfig({ testTimeout: 60_000 });

const t = getI18n("en").getFixedT("en");
const WORRYING = "Quokka-Zebra says he hits me";
// The event-feedback template: sessionRating (1–5), listenedTo (yes / a-bit / no), anythingElse (text).
const CSV = [
  "How was today's session?,Did you feel listened to?,Is there anything else you want to tell us?",
  "4,Yes,Loved the games",
  "5,Purple,Should not be stored",
  "2,a bit,",
  `1,No,${WORRYING}`,
].join("\n");

type Open = Awaited<ReturnType<typeof createOpenConsultation>>;
let open: Open;
let officer: { id: string; organisationId: string };

beforeAll(async () => {
  const { organisation, member } = await makeOrganisationWithMember("officer", "Import Council");
  officer = member;
  open = await createOpenConsultation({ organisationId: organisation.id, memberId: member.id });
});

async function pendingImport(target: Open, memberId: string, csv = CSV) {
  const scope = { organisationId: target.organisationId, consultationId: target.consultationId, memberId };
  const importId = await createPendingImport({ ...scope, fileName: "forms.csv", csv });
  if (!importId) throw new Error("Expected a pending import");
  return { ...scope, importId };
}

async function checked(target: Open, csv = CSV) {
  const version = (await getLatestSurveyVersion(target))!;
  const review = await reviewImport({ csv, storedMapping: null, definition: version.definition, surveyVersionId: version.id, locale: "en", t });
  return { version, review: review! };
}

async function importedResponses(target: Open) {
  return db
    .select()
    .from(schema.responses)
    .where(and(eq(schema.responses.consultationId, target.consultationId), eq(schema.responses.channel, "import")));
}

async function importAuditEvents(target: Open) {
  return db
    .select()
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.action, "responses.imported"), eq(schema.auditEvents.subjectId, target.consultationId)));
}

test("good rows are stored with channel import, bad rows are not, and the import is audited with counts only", async () => {
  const target = await createOpenConsultation({ organisationId: open.organisationId, memberId: officer.id });
  const scope = await pendingImport(target, officer.id);
  const { version, review } = await checked(target);
  expect(review.checked.rejected).toEqual([{ row: 3, reason: expect.stringContaining("'Purple'") }]);

  const { imported } = await importResponses({ ...scope, surveyVersionId: version.id, locale: "en", rows: review.checked.good, rejected: review.checked.rejected });
  expect(imported).toBe(3);

  const stored = await importedResponses(target);
  expect(stored.map((response) => response.answers).sort((a, b) => Number(b.sessionRating) - Number(a.sessionRating))).toEqual([
    { sessionRating: 4, listenedTo: "yes", anythingElse: "Loved the games" },
    { sessionRating: 2, listenedTo: "a-bit" },
    { sessionRating: 1, listenedTo: "no", anythingElse: WORRYING },
  ]);
  expect(stored.every((response) => response.surveyVersionId === version.id && response.variant === "standard")).toBe(true);
  expect((await countResponsesByChannel(target)).get("import")).toBe(3);

  const events = await importAuditEvents(target);
  expect(events).toEqual([expect.objectContaining({ memberId: officer.id, subjectType: "consultation", detail: { imported: 3, rejected: 1 } })]);
  expect(JSON.stringify(events)).not.toMatch(/Loved|Purple|Quokka/);

  // The same safeguarding check as any other response: the worrying answer is flagged.
  const worrying = stored.find((response) => response.answers.anythingElse === WORRYING)!;
  const flags = await db.select().from(schema.safeguardingFlags).where(eq(schema.safeguardingFlags.responseId, worrying.id));
  expect(flags).toHaveLength(1);

  // The result stays with the file for the result page.
  expect(await getPendingImport(scope)).toMatchObject({ importedAt: expect.any(Date), result: { imported: 3, rejected: review.checked.rejected } });
});

test("a failure part-way stores nothing: no response, no audit event, and the file can still be imported", async () => {
  const target = await createOpenConsultation({ organisationId: open.organisationId, memberId: officer.id });
  const scope = await pendingImport(target, officer.id);
  const { version, review } = await checked(target);
  // The third row cannot be written (a value JSON cannot hold) after two rows already were.
  const rows = [...review.checked.good.slice(0, 2), { row: 99, answers: { sessionRating: 10n } }];
  await expect(importResponses({ ...scope, surveyVersionId: version.id, locale: "en", rows, rejected: [] })).rejects.toThrow();

  expect(await importedResponses(target)).toEqual([]);
  expect(await importAuditEvents(target)).toEqual([]);
  expect(await getPendingImport(scope)).toMatchObject({ importedAt: null, result: null });

  await importResponses({ ...scope, surveyVersionId: version.id, locale: "en", rows: review.checked.good, rejected: review.checked.rejected });
  expect(await importedResponses(target)).toHaveLength(3);
});

test("a file is imported once: confirming again stores nothing more", async () => {
  const target = await createOpenConsultation({ organisationId: open.organisationId, memberId: officer.id });
  const scope = await pendingImport(target, officer.id);
  const { version, review } = await checked(target);
  const input = { ...scope, surveyVersionId: version.id, locale: "en", rows: review.checked.good, rejected: review.checked.rejected };
  await importResponses(input);
  await expect(importResponses(input)).rejects.toBeInstanceOf(ImportAlreadyDoneError);
  expect(await importedResponses(target)).toHaveLength(3);
  expect(await importAuditEvents(target)).toHaveLength(1);
});

test("a closed consultation still takes an import (paper forms arrive late)", async () => {
  const target = await createOpenConsultation({ organisationId: open.organisationId, memberId: officer.id });
  const scope = await pendingImport(target, officer.id);
  const { version, review } = await checked(target);
  expect(await closeConsultation({ ...target, memberId: officer.id })).toBeTruthy();
  await importResponses({ ...scope, surveyVersionId: version.id, locale: "en", rows: review.checked.good, rejected: [] });
  expect(await importedResponses(target)).toHaveLength(3);
});

test("another organisation's consultation is not found, and a file is only its uploader's", async () => {
  const elsewhere = await makeOrganisationWithMember("officer", "Elsewhere Council");
  const outsider = { organisationId: elsewhere.organisation.id, consultationId: open.consultationId, memberId: elsewhere.member.id };
  expect(await createPendingImport({ ...outsider, fileName: "x.csv", csv: CSV })).toBeUndefined();

  const scope = await pendingImport(open, officer.id);
  expect(await getPendingImport({ ...scope, organisationId: elsewhere.organisation.id })).toBeUndefined();
  const colleague = await createMember({
    organisationId: open.organisationId,
    email: `colleague-${open.organisationId.slice(0, 8)}@example.test`,
    name: "Colleague",
    role: "officer",
    password: "correct horse battery staple",
  });
  expect(await getPendingImport({ ...scope, memberId: colleague.id })).toBeUndefined();
  expect(await saveImportMapping({ ...scope, memberId: colleague.id, mapping: ["", "", ""] })).toBe(false);

  const { version, review } = await checked(open);
  await expect(
    importResponses({ ...scope, organisationId: elsewhere.organisation.id, surveyVersionId: version.id, locale: "en", rows: review.checked.good, rejected: [] }),
  ).rejects.toBeInstanceOf(ImportAlreadyDoneError);
  expect(await importedResponses(open)).toEqual([]);
});

describe("the pages: upload, check, confirm", () => {
  type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, string> }) => unknown;
  let cookie: string;
  let target: Open;

  beforeAll(async () => {
    target = await createOpenConsultation({ organisationId: open.organisationId, memberId: officer.id });
    cookie = (await sessionCookie.serialize(await createSession({ memberId: officer.id, organisationId: officer.organisationId }))).split(";")[0]!;
  });

  async function call(handler: Handler, params: Record<string, string>, body?: FormData | Record<string, string>) {
    const headers = new Headers({ Cookie: `${cookie}; heard_csrf=token`, Origin: "http://localhost" });
    let init: RequestInit = { method: "GET", headers };
    if (body instanceof FormData) {
      body.set("csrf", "token");
      init = { method: "POST", headers, body };
    } else if (body) {
      headers.set("Content-Type", "application/x-www-form-urlencoded");
      init = { method: "POST", headers, body: new URLSearchParams({ csrf: "token", ...body }) };
    }
    try {
      return await handler({ request: new Request("http://localhost/import", init), params: { id: target.consultationId, ...params }, context: { csrfToken: "token", clientKey: "test" } });
    } catch (thrown) {
      return thrown;
    }
  }

  const upload = (text: BlobPart) => {
    const form = new FormData();
    form.set("file", new File([text], "forms.csv", { type: "text/csv" }));
    return form;
  };

  test("a file that is not CSV text, or is malformed, is refused with the reason and nothing kept", async () => {
    const binary = (await call(uploadPage.action as Handler, {}, upload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff])))) as { init: { status: number }; data: { error: string } };
    expect(binary.init.status).toBe(415);
    expect(binary.data.error).toMatch(/UTF-8/);
    const quotes = (await call(uploadPage.action as Handler, {}, upload('a,b\n1,"2\n'))) as { init: { status: number }; data: { error: string } };
    expect(quotes.init.status).toBe(400);
    expect(quotes.data.error).toMatch(/quotation mark/);
    const rows = await db.select().from(schema.responseImports).where(eq(schema.responseImports.consultationId, target.consultationId));
    expect(rows).toEqual([]);
  });

  test("upload, see the rejected row, confirm, see the count", async () => {
    const uploaded = (await call(uploadPage.action as Handler, {}, upload(`\uFEFF${CSV}`))) as Response;
    expect(uploaded.status).toBe(302);
    const importId = uploaded.headers.get("Location")!.split("/").pop()!;

    const preview = (await call(importPage.loader as Handler, { importId })) as { state: string; goodCount: number; rejected: unknown[]; columns: { target: string }[] };
    expect(preview).toMatchObject({ state: "review", goodCount: 3, rejected: [{ row: 3, reason: expect.stringContaining("Purple") }] });
    expect(preview.columns.map((column) => column.target)).toEqual(["sessionRating", "listenedTo", "anythingElse"]);

    // Leaving out the text column: the preview follows the officer's matches.
    const remapped = (await call(importPage.action as Handler, { importId }, { intent: "map", "column-0": "sessionRating", "column-1": "listenedTo", "column-2": "" })) as Response;
    expect(remapped.status).toBe(302);
    const again = (await call(importPage.loader as Handler, { importId })) as { preview: { questions: string[] } };
    expect(again.preview.questions).toEqual(["How was today's session?", "Did you feel listened to?"]);
    // A target that is no question of the survey is refused outright.
    const tampered = (await call(importPage.action as Handler, { importId }, { intent: "map", "column-0": "nope", "column-1": "", "column-2": "" })) as Response;
    expect(tampered.status).toBe(400);

    const confirmed = (await call(importPage.action as Handler, { importId }, { intent: "import" })) as Response;
    expect(confirmed.status).toBe(302);
    const done = (await call(importPage.loader as Handler, { importId })) as { state: string; result: { imported: number } };
    expect(done).toMatchObject({ state: "done", result: { imported: 3 } });
    // The rows not imported, to correct: row number, reason, then the row as it was (formulas made inert).
    const csv = (await call(rejectedCsv.loader as Handler, { importId })) as Response;
    expect(csv.headers.get("Content-Type")).toMatch(/^text\/csv/);
    const lines = (await csv.text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("row,reason,How was today's session?,Did you feel listened to?,Is there anything else you want to tell us?");
    expect(lines[1]).toMatch(/^3,.*Purple.*,5,Purple,Should not be stored$/);

    const stored = await importedResponses(target);
    expect(stored.map((response) => Object.keys(response.answers).sort())).toEqual([
      ["listenedTo", "sessionRating"],
      ["listenedTo", "sessionRating"],
      ["listenedTo", "sessionRating"],
    ]);
  });
});

test("an uploaded file, imported or not, is deleted by the hourly job a day after it was uploaded", async () => {
  const pending = await pendingImport(open, officer.id);
  expect(await getPendingImport(pending)).toBeDefined();
  // Not yet a day old: kept.
  await deleteExpiredImports(Date.now() + PENDING_IMPORT_MS - 60_000);
  expect(await db.select().from(schema.responseImports).where(eq(schema.responseImports.id, pending.importId))).toHaveLength(1);
  expect(await deleteExpiredImports(Date.now() + PENDING_IMPORT_MS + 60_000)).toBeGreaterThanOrEqual(1);
  expect(await db.select().from(schema.responseImports).where(eq(schema.responseImports.id, pending.importId))).toHaveLength(0);
});

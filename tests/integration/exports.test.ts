// Exports: the suppressed summary and the raw responses as CSV and XLSX, read back; cells that a
// spreadsheet would run are made inert; every export is in the audit log.
import { and, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import { aggregateRows, AGGREGATE_HEADER, responseRows } from "~/analysis/export-rows";
import { csvStream, xlsxStream } from "~/analysis/export-writers.server";
import { db, schema } from "~/db.server";
import { exportAggregates, exportResponses } from "~/models/results.server";
import { answerOnline, createOpenConsultation, scopeOf } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";

let open: Awaited<ReturnType<typeof createOpenConsultation>>;
let memberId: string;

beforeAll(async () => {
  const { organisation, member } = await makeOrganisationWithMember("officer", "Export Council");
  memberId = member.id;
  open = await createOpenConsultation({ organisationId: organisation.id });
  for (let i = 0; i < 7; i++) await answerOnline(open, { sessionRating: i < 6 ? 5 : 1, anythingElse: i === 0 ? "=HYPERLINK(\"http://evil\")" : `Fine ${i}` });
});

async function text(stream: ReadableStream<Uint8Array>) {
  return new Response(stream).text();
}

test("the summary CSV shows no count the page hides", async () => {
  const results = (await exportAggregates({ ...scopeOf(open), memberId, locale: "en", format: "csv" }))!;
  const bytes = new Uint8Array(await new Response(csvStream(AGGREGATE_HEADER, aggregateRows(results.summary, results.threshold))).arrayBuffer());
  // A UTF-8 byte order mark first, so Excel reads Welsh letters (decoding as text drops it).
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = new TextDecoder().decode(bytes);
  expect(csv.startsWith("question,question_title,row,answer,count,percent\r\n")).toBe(true);
  expect(csv).toContain(",responses,7,");
  // Six 5s and one 1: the 1 is small, so the 6 is hidden as well (7 - 6 would give it away).
  expect(csv).toMatch(/sessionRating,.*,1 \(Not good\),fewer than 5,/);
  expect(csv).not.toMatch(/sessionRating,.*,5 \(Really good\),6,/);
});

test("the responses CSV escapes a formula and the XLSX reads back with the same cells", async () => {
  const exported = (await exportResponses({ ...scopeOf(open), memberId, format: "csv" }))!;
  const { header, rows } = responseRows(exported.columns, exported.rows);
  const csv = await text(csvStream(header, rows));
  expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  expect(csv.split("\r\n").filter(Boolean)).toHaveLength(8);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await new Response(xlsxStream("responses", header, rows)).arrayBuffer());
  const sheet = workbook.getWorksheet("responses")!;
  expect(sheet.getRow(1).getCell(1).value).toBe("response_id");
  const column = header.indexOf("anythingElse") + 1;
  const values = Array.from({ length: 7 }, (_, i) => sheet.getRow(i + 2).getCell(column).value);
  expect(values).toContain("'=HYPERLINK(\"http://evil\")");
  expect(sheet.getRow(2).getCell(header.indexOf("sessionRating") + 1).value).toBe(5);
});

test("every export is audited, with what and how many, never the data", async () => {
  const events = await db
    .select({ detail: schema.auditEvents.detail })
    .from(schema.auditEvents)
    .where(and(eq(schema.auditEvents.organisationId, open.organisationId), eq(schema.auditEvents.action, "data.exported")));
  expect(events.map((event) => event.detail?.what).sort()).toEqual(["aggregates", "responses"]);
  expect(JSON.stringify(events)).not.toContain("HYPERLINK");
});

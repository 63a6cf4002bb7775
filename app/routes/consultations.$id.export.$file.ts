// Export downloads: a POST (each export writes a data.exported audit event), streamed as CSV or
// XLSX. Aggregates are the suppressed numbers the results page shows; responses are raw answers;
// coded text is a REFI-QDA project (.qdpx) of free-text answers and event notes with their themes.
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { aggregateRows, AGGREGATE_HEADER, responseRows } from "~/analysis/export-rows";
import { CONTENT_TYPES, csvStream, xlsxStream } from "~/analysis/export-writers.server";
import { getLocale } from "~/i18n/locale.server";
import { buildQdaProject, QDPX_CONTENT_TYPE, zipQdaProject } from "~/analysis/refi-qda.server";
import { exportCodedText } from "~/models/coding.server";
import { exportAggregates, exportResponses } from "~/models/results.server";
import { requireMember, STAFF_WHO_MANAGE } from "~/utils/auth.server";
import { readVerifiedForm } from "~/utils/form-data.server";

const FileSchema = z.enum(["aggregates.csv", "aggregates.xlsx", "responses.csv", "responses.xlsx", "coded-text.qdpx"]);

/** A file to save, named with today's date ("coded-text-2026-11-29.qdpx"); never cached. */
function download(body: BodyInit, contentType: string, name: string, extension: string) {
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${name}-${new Date().toISOString().slice(0, 10)}.${extension}"`,
      "Cache-Control": "no-store",
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  await readVerifiedForm(request);
  const file = FileSchema.safeParse(params.file);
  if (!file.success) throw new Response(null, { status: 404 });
  if (file.data === "coded-text.qdpx") {
    const project = await exportCodedText({ organisationId: member.organisationId, consultationId: params.id ?? "", memberId: member.id, locale: await getLocale(request) });
    if (!project) throw new Response(null, { status: 404 });
    return download(await zipQdaProject(buildQdaProject(project)), QDPX_CONTENT_TYPE, "coded-text", "qdpx");
  }
  const [what, format] = file.data.split(".") as ["aggregates" | "responses", "csv" | "xlsx"];
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "", memberId: member.id, format };
  let header: readonly string[];
  let rows: (string | number | boolean)[][];
  if (what === "aggregates") {
    const results = await exportAggregates({ ...scope, locale: await getLocale(request) });
    if (!results) throw new Response(null, { status: 404 });
    header = AGGREGATE_HEADER;
    rows = aggregateRows(results.summary, results.threshold);
  } else {
    const exported = await exportResponses(scope);
    if (!exported) throw new Response(null, { status: 404 });
    ({ header, rows } = responseRows(exported.columns, exported.rows));
  }
  const body = format === "csv" ? csvStream(header, rows) : xlsxStream(what, header, rows);
  return download(body, CONTENT_TYPES[format], what, format);
}

export function loader() {
  throw new Response(null, { status: 405 });
}

// After an import: the rows that were not imported, with the reason, as a CSV file to correct and
// import again. Only for the member who uploaded the file, while it is kept (a day).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getFixedT } from "~/i18n/locale.server";
import { rejectedRowsCsv } from "~/imports/review-import.server";
import { getConsultation } from "~/models/consultation.server";
import { getPendingImport } from "~/models/response-import.server";
import { STAFF_WHO_IMPORT } from "~/responses/recording.server";
import { requireMember } from "~/utils/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_IMPORT });
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "", memberId: member.id };
  if (!(await getConsultation(scope))) throw new Response(null, { status: 404 });
  const pending = await getPendingImport({ ...scope, importId: params.importId ?? "" });
  if (!pending?.result) throw new Response(null, { status: 404 });
  return new Response(rejectedRowsCsv(pending.csv, pending.result.rejected, await getFixedT(request)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="rows-not-imported.csv"',
      "Cache-Control": "no-store",
    },
  });
}

// The audit log as CSV, for admins: a POST (it writes a data.exported audit event) with the page's
// filters as hidden fields. Every cell is escaped against formula injection.
import type { ActionFunctionArgs } from "@remix-run/node";
import { exportAuditEvents } from "~/models/audit.server";
import { parseAuditFilter } from "~/utils/audit-filter.server";
import { requireMember } from "~/utils/auth.server";
import { toCsv } from "~/utils/csv.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireMember(request, { roles: ["admin"] });
  const { filter } = parseAuditFilter(formFields(await readVerifiedForm(request)));
  const rows = await exportAuditEvents({ organisationId: admin.organisationId, memberId: admin.id, filter });
  const csv = toCsv(
    ["time", "action", "member", "member_email", "subject_type", "subject_id", "consultation", "detail"],
    rows.map((row) => [
      row.createdAt,
      row.action,
      row.memberName,
      row.memberEmail,
      row.subjectType,
      row.subjectId,
      row.consultationTitle,
      row.detail ? JSON.stringify(row.detail) : "",
    ]),
  );
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

export function loader() {
  throw new Response(null, { status: 405 });
}

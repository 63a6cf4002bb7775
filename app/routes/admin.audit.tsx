// The audit log, for admins: read-only, filtered by member, action, consultation and date, and
// exportable as CSV (cells escaped against formula injection; the export is itself audited).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CsrfInput } from "~/components/csrf-input";
import { getLocale } from "~/i18n/locale.server";
import { AUDIT_ACTIONS, exportAuditEvents, listAuditEvents, listAuditFilterChoices, type AuditFilter } from "~/models/audit.server";
import { requireMember } from "~/utils/auth.server";
import { toCsv } from "~/utils/csv.server";
import { formatDateTime } from "~/utils/date-time.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { metaT, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("audit.title"));

const ADMINS = ["admin"] as const;
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime()));
// A filter that does not parse is ignored rather than refused: it is a search, not a change.
const FilterSchema = z.object({
  memberId: z.string().min(1).max(100).optional().catch(undefined),
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  consultationId: z.string().min(1).max(100).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

function parseFilter(source: Record<string, string>) {
  const { page, ...filter } = FilterSchema.parse(source);
  return { page: page ?? 1, filter: filter satisfies AuditFilter };
}

function filterParams(filter: AuditFilter, page?: number) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, String(value));
  if (page && page > 1) params.set("page", String(page));
  return params.toString();
}

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireMember(request, { roles: ADMINS });
  const { page, filter } = parseFilter(Object.fromEntries(new URL(request.url).searchParams));
  const locale = await getLocale(request);
  const [{ events, hasMore }, choices] = await Promise.all([
    listAuditEvents({ organisationId: admin.organisationId, filter, page }),
    listAuditFilterChoices({ organisationId: admin.organisationId }),
  ]);
  return {
    filter,
    page,
    newer: page > 1 ? filterParams(filter, page - 1) : null,
    older: hasMore ? filterParams(filter, page + 1) : null,
    actions: AUDIT_ACTIONS,
    choices,
    events: events.map((event) => ({
      id: event.id,
      at: formatDateTime(event.createdAt, locale),
      action: event.action,
      who: event.memberName,
      consultationTitle: event.consultationTitle,
      subject: event.subjectType && event.subjectType !== "consultation" ? `${event.subjectType}${event.subjectId ? ` ${event.subjectId}` : ""}` : null,
      detail: event.detail ? JSON.stringify(event.detail) : "",
    })),
  };
}

/** The CSV download: a POST (it writes an audit event), with the filters as hidden fields. */
export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireMember(request, { roles: ADMINS });
  const { filter } = parseFilter(formFields(await readVerifiedForm(request)));
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

export default function AuditLog() {
  const { filter, events, actions, choices, newer, older } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("audit.title")}</h1>
      <p className="lead">{t("audit.intro")}</p>
      <ul className="link-list">
        <li>
          <Link to="/admin/retention">{t("retention.title")}</Link>
        </li>
        <li>
          <Link to="/admin/safeguarding-words">{t("phraseList.title")}</Link>
        </li>
      </ul>

      <section aria-labelledby="filter-heading" className="section">
        <h2 id="filter-heading">{t("audit.filterHeading")}</h2>
        <Form method="get" className="stack">
          <div className="field">
            <label className="field__label" htmlFor="memberId">
              {t("audit.fields.member")}
            </label>
            <select id="memberId" name="memberId" className="input" defaultValue={filter.memberId ?? ""}>
              <option value="">{t("audit.anyone")}</option>
              {choices.members.map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor="action">
              {t("audit.fields.action")}
            </label>
            <select id="action" name="action" className="input" defaultValue={filter.action ?? ""}>
              <option value="">{t("audit.anyAction")}</option>
              {actions.map((action) => (
                <option key={action} value={action}>
                  {action}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor="consultationId">
              {t("audit.fields.consultation")}
            </label>
            <select id="consultationId" name="consultationId" className="input" defaultValue={filter.consultationId ?? ""}>
              <option value="">{t("audit.anyConsultation")}</option>
              {choices.consultations.map((consultation) => (
                <option key={consultation.id} value={consultation.id}>
                  {consultation.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor="from">
              {t("audit.fields.from")}
            </label>
            <input id="from" name="from" type="date" className="input input--medium" defaultValue={filter.from ?? ""} />
          </div>
          <div className="field">
            <label className="field__label" htmlFor="to">
              {t("audit.fields.to")}
            </label>
            <input id="to" name="to" type="date" className="input input--medium" defaultValue={filter.to ?? ""} />
          </div>
          <button type="submit" className="button button--secondary">
            {t("audit.filter")}
          </button>
        </Form>
        {/* A native form submission, so the browser receives the CSV as a download. */}
        <Form method="post" reloadDocument className="section">
          <CsrfInput />
          {Object.entries(filter).map(([key, value]) => (value ? <input key={key} type="hidden" name={key} value={String(value)} /> : null))}
          <button type="submit" className="button button--secondary">
            {t("audit.export")}
          </button>
        </Form>
      </section>

      {events.length === 0 ? (
        <p>{t("audit.none")}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="audit-caption" tabIndex={0}>
          <table className="table">
            <caption id="audit-caption" className="visually-hidden">
              {t("audit.title")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("audit.columns.when")}</th>
                <th scope="col">{t("audit.columns.who")}</th>
                <th scope="col">{t("audit.columns.action")}</th>
                <th scope="col">{t("audit.columns.about")}</th>
                <th scope="col">{t("audit.columns.detail")}</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <td>{event.at}</td>
                  <td>{event.who ?? t("audit.system")}</td>
                  <td>
                    <code>{event.action}</code>
                  </td>
                  <td>{event.consultationTitle ?? event.subject ?? ""}</td>
                  <td>
                    <code>{event.detail}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label={t("audit.pages")}>
        <ul className="link-list">
          {newer !== null ? (
            <li>
              <Link to={`?${newer}`}>{t("audit.newer")}</Link>
            </li>
          ) : null}
          {older !== null ? (
            <li>
              <Link to={`?${older}`}>{t("audit.older")}</Link>
            </li>
          ) : null}
        </ul>
      </nav>
    </div>
  );
}

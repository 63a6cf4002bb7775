// The audit log, for admins: read-only, filtered by member, action, consultation and date, and
// exportable as CSV (cells escaped against formula injection; the export is itself audited).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { getLocale } from "~/i18n/locale.server";
import { AUDIT_ACTIONS, listAuditEvents, listAuditFilterChoices } from "~/models/audit.server";
import { auditFilterQuery, parseAuditFilter } from "~/utils/audit-filter.server";
import { requireMember } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/date-time.server";
import { metaT, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("audit.title"));

const ADMINS = ["admin"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireMember(request, { roles: ADMINS });
  const { page, filter } = parseAuditFilter(Object.fromEntries(new URL(request.url).searchParams));
  const locale = await getLocale(request);
  const [{ events, hasMore }, choices] = await Promise.all([
    listAuditEvents({ organisationId: admin.organisationId, filter, page }),
    listAuditFilterChoices({ organisationId: admin.organisationId }),
  ]);
  return {
    filter,
    page,
    newer: page > 1 ? auditFilterQuery(filter, page - 1) : null,
    older: hasMore ? auditFilterQuery(filter, page + 1) : null,
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
          <FilterSelect name="memberId" label={t("audit.fields.member")} anyLabel={t("audit.anyone")} value={filter.memberId}
            options={choices.members.map((member) => ({ value: member.id, label: member.name }))} />
          <FilterSelect name="action" label={t("audit.fields.action")} anyLabel={t("audit.anyAction")} value={filter.action}
            options={actions.map((action) => ({ value: action, label: action }))} />
          <FilterSelect name="consultationId" label={t("audit.fields.consultation")} anyLabel={t("audit.anyConsultation")}
            value={filter.consultationId} options={choices.consultations.map((consultation) => ({ value: consultation.id, label: consultation.title }))} />
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
        {/* A native form submission to a resource route, so the browser receives the CSV as a download. */}
        <Form method="post" action="/admin/audit.csv" reloadDocument className="section">
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

/** One filter: a labelled select whose first option means "any". */
function FilterSelect({
  name,
  label,
  anyLabel,
  value,
  options,
}: {
  name: string;
  label: string;
  anyLabel: string;
  value: string | null | undefined;
  options: { value: string; label: string }[];
}) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={name}>
        {label}
      </label>
      <select id={name} name={name} className="input" defaultValue={value ?? ""}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ReactNode } from "react";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { membersLinks } from "~/members/links";
import { MemberStatusTag } from "~/members/member-status-tag";
import { listMembers } from "~/models/member.server";
import { requireMember } from "~/utils/auth.server";
import { metaT, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("members.title"));
export const links = membersLinks;

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireMember(request, { roles: ["admin"] });
  const members = await listMembers({ organisationId: admin.organisationId });
  return {
    members: members.map(({ id, name, email, role, isSafeguardingLead, status }) => ({
      id,
      name,
      email,
      role,
      isSafeguardingLead,
      status,
      isYou: id === admin.id,
    })),
  };
}

export default function Members() {
  const { members } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <h1>{t("members.title")}</h1>
      <p>{t("members.intro")}</p>
      <p>
        <Link to="/admin/members/invite" className="button">
          {t("members.invite")}
        </Link>
      </p>
      {/* Explicit roles keep it a table for screen readers when a narrow screen restyles it as blocks. */}
      <table className="table members-table" role="table" aria-labelledby="members-caption">
        <caption id="members-caption" className="visually-hidden">
          {t("members.title")}
        </caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              {t("members.columns.name")}
            </th>
            <th scope="col" role="columnheader">
              {t("members.columns.email")}
            </th>
            <th scope="col" role="columnheader">
              {t("members.columns.role")}
            </th>
            <th scope="col" role="columnheader">
              {t("members.columns.safeguardingLead")}
            </th>
            <th scope="col" role="columnheader">
              {t("members.columns.status")}
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {members.map((member) => (
            <tr key={member.id} role="row">
              <th scope="row" role="rowheader">
                <Link to={`/admin/members/${member.id}`}>
                  <bdi>{member.name}</bdi>
                </Link>
                {member.isYou ? ` ${t("members.you")}` : null}
              </th>
              <Cell label={t("members.columns.email")} className="member-email">
                <bdi>{member.email}</bdi>
              </Cell>
              <Cell label={t("members.columns.role")}>{t(`roles.${member.role}`)}</Cell>
              <Cell label={t("members.columns.safeguardingLead")}>
                {member.isSafeguardingLead ? t("members.yes") : t("members.no")}
              </Cell>
              <Cell label={t("members.columns.status")}>
                <MemberStatusTag status={member.status} />
              </Cell>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A cell that, on a narrow screen, shows its column's name beside the value. The name is hidden
 * from screen readers, which announce the column header instead.
 */
function Cell({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <td role="cell" className={className}>
      <span className="members-table__label" aria-hidden="true">
        {label}:
      </span>
      <span>{children}</span>
    </td>
  );
}

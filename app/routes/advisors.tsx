// Officers bring young advisors in: a code (and a link carrying it) that lets a young person make
// their own advisor account, no email needed. The code is shown once; only its hash is kept.
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import codesignStyles from "~/codesign/codesign.css";
import { CsrfInput } from "~/components/csrf-input";
import { TableCellLabel } from "~/components/table-cell-label";
import { getLocale } from "~/i18n/locale.server";
import { createAdvisorInvitation, listAdvisorInvitations, revokeAdvisorInvitation } from "~/models/codesign.server";
import { listMembers } from "~/models/member.server";
import { requireMember, STAFF_WHO_MANAGE } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/date-time.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { metaT, pageTitle } from "~/utils/meta";
import { publicAddress } from "~/utils/public-url.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: codesignStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("codesign:advisors.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const [locale, invitations, members] = await Promise.all([
    getLocale(request),
    listAdvisorInvitations({ organisationId: member.organisationId }),
    listMembers({ organisationId: member.organisationId }),
  ]);
  return {
    invitations: invitations.map((invitation) => ({
      id: invitation.id,
      createdBy: invitation.createdByName,
      createdAt: formatDateTime(invitation.createdAt, locale),
      expiresAt: formatDateTime(invitation.expiresAt, locale),
      uses: invitation.uses,
      maxUses: invitation.maxUses,
      live: invitation.live,
    })),
    advisors: members.filter((other) => other.role === "advisor").map(({ id, name, email, status }) => ({ id, name, signInName: email, status })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const fields = formFields(await readVerifiedForm(request));
  const actor = { organisationId: member.organisationId, memberId: member.id };
  if (fields.intent === "revoke") {
    if (!(await revokeAdvisorInvitation({ ...actor, invitationId: fields.invitationId ?? "" }))) throw new Response(null, { status: 404 });
    return { created: null };
  }
  if (fields.intent !== "create") return data({ created: null }, { status: 400 });
  const { code, expiresAt } = await createAdvisorInvitation(actor);
  const locale = await getLocale(request);
  return { created: { code, link: publicAddress(request, `/join?code=${code}`), expiresAt: formatDateTime(expiresAt, locale) } };
}

export default function Advisors() {
  const { invitations, advisors } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("codesign");
  const created = actionData?.created;
  return (
    <div className="page">
      <h1>{t("advisors.title")}</h1>
      <p className="lead">{t("advisors.intro")}</p>
      {created ? (
        <div className="inset" role="status">
          <h2 className="heading-m">{t("advisors.createdHeading")}</h2>
          <p>{t("advisors.codeLabel")}</p>
          <p className="invitation-code">
            <strong>{created.code}</strong>
          </p>
          <p>{t("advisors.linkLabel")}</p>
          <p className="share-address__link">
            <a href={created.link}>{created.link}</a>
          </p>
          <p>{t("advisors.createdHelp", { date: created.expiresAt })}</p>
        </div>
      ) : null}
      <Form method="post">
        <CsrfInput />
        <input type="hidden" name="intent" value="create" />
        <Button type="submit" className="button">
          {t("advisors.create")}
        </Button>
      </Form>

      <section className="section" aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">{t("advisors.invitationsHeading")}</h2>
        {invitations.length === 0 ? (
          <p>{t("advisors.noInvitations")}</p>
        ) : (
          <table className="table table--stack">
            <caption className="visually-hidden">{t("advisors.invitationsHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("advisors.columns.made")}</th>
                <th scope="col">{t("advisors.columns.expires")}</th>
                <th scope="col" className="num">
                  {t("advisors.columns.used")}
                </th>
                <th scope="col">{t("advisors.columns.state")}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <td>
                    {invitation.createdAt}
                    {invitation.createdBy ? (
                      <>
                        {" "}
                        (<bdi>{invitation.createdBy}</bdi>)
                      </>
                    ) : null}
                  </td>
                  <td>
                    <TableCellLabel>{t("advisors.columns.expires")}</TableCellLabel>
                    {invitation.expiresAt}
                  </td>
                  <td className="num">
                    <TableCellLabel>{t("advisors.columns.used")}</TableCellLabel>
                    {t("advisors.usedOf", { uses: invitation.uses, max: invitation.maxUses })}
                  </td>
                  <td>
                    <TableCellLabel>{t("advisors.columns.state")}</TableCellLabel>
                    {invitation.live ? (
                      <Form method="post">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="invitationId" value={invitation.id} />
                        {t("advisors.live")}{" "}
                        <Button type="submit" className="link-button">
                          {t("advisors.revoke")}
                          <span className="visually-hidden"> {t("advisors.revokeWhich", { date: invitation.createdAt })}</span>
                        </Button>
                      </Form>
                    ) : (
                      t("advisors.notLive")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="section" aria-labelledby="advisors-heading">
        <h2 id="advisors-heading">{t("advisors.listHeading")}</h2>
        {advisors.length === 0 ? (
          <p>{t("advisors.none")}</p>
        ) : (
          <ul className="bullets">
            {advisors.map((advisor) => (
              <li key={advisor.id}>
                <bdi>{advisor.name}</bdi> – {t("advisors.signsInAs")} <bdi>{advisor.signInName}</bdi>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

// One member: change their role and safeguarding-lead capability, create a password reset link,
// reactivate them, or go on to deactivate them (a confirmation page of its own).
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { MEMBER_ROLES } from "../../db/enums";
import { CsrfInput } from "~/components/csrf-input";
import { CheckboxField, ErrorSummary, RadioField } from "~/components/form";
import { getFixedT } from "~/i18n/locale.server";
import { membersLinks } from "~/members/links";
import { MemberIntentSchema } from "~/members/member-schema.server";
import { MemberStatusTag } from "~/members/member-status-tag";
import { OneTimeLink } from "~/members/one-time-link";
import {
  changeMemberRole,
  getMemberInOrganisation,
  issuePasswordReset,
  LastAdminError,
  reactivateMember,
} from "~/models/member.server";
import { requireMember } from "~/utils/auth.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { fieldErrorMessages } from "~/utils/form-errors.server";
import { metaT, pageTitle } from "~/utils/meta";
import { oneTimeLinkUrl } from "~/utils/one-time-link.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(data?.member.name ?? metaT(matches)("member.caption"));
export const links = membersLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireMember(request, { roles: ["admin"] });
  const member = await getMemberInOrganisation({ organisationId: admin.organisationId, memberId: params.memberId ?? "" });
  if (!member) throw new Response(null, { status: 404 });
  const { id, name, email, role, isSafeguardingLead, status } = member;
  return { member: { id, name, email, role, isSafeguardingLead, status }, isYou: id === admin.id };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireMember(request, { roles: ["admin"] });
  const parsed = MemberIntentSchema.safeParse(formFields(await readVerifiedForm(request)));
  const scope = { organisationId: admin.organisationId, actorId: admin.id, memberId: params.memberId ?? "" };
  const member = await getMemberInOrganisation(scope);
  if (!member) throw new Response(null, { status: 404 });
  const t = await getFixedT(request);
  if (!parsed.success) return data({ errors: fieldErrorMessages(parsed.error, t) }, { status: 400 });

  switch (parsed.data.intent) {
    case "change-role": {
      try {
        await changeMemberRole({ ...scope, role: parsed.data.role, isSafeguardingLead: parsed.data.isSafeguardingLead });
      } catch (error) {
        if (!(error instanceof LastAdminError)) throw error;
        return data({ errors: { role: t("validation:member.lastAdmin") } }, { status: 409 });
      }
      return { notice: "roleSaved" as const };
    }
    case "reset-password": {
      const token = await issuePasswordReset(scope);
      if (!token) return data({ errors: { resetPassword: t("validation:member.notActive") } }, { status: 409 });
      // Shown once, to this admin only: the database keeps just a hash of the token.
      return { resetLink: oneTimeLinkUrl(request, token) };
    }
    case "reactivate": {
      await reactivateMember(scope);
      return { notice: "reactivated" as const };
    }
  }
}

const ERROR_ORDER = ["role", "resetPassword"] as const;

export default function MemberPage() {
  const { member, isYou } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const submitting = useNavigation().state === "submitting";
  const errors: Partial<Record<string, string>> | undefined = actionData && "errors" in actionData ? actionData.errors : undefined;
  const resetLink = actionData && "resetLink" in actionData ? actionData.resetLink : undefined;
  const notice =
    actionData && "notice" in actionData
      ? actionData.notice
      : searchParams.get("done") === "deactivated" && member.status === "deactivated"
        ? "deactivated"
        : undefined;
  const errorList = ERROR_ORDER.flatMap((field) => (errors?.[field] ? [{ field, message: errors[field]! }] : []));

  return (
    <div className="page page--narrow">
      <ErrorSummary errors={errorList} />
      {notice ? (
        <div className="notice" role="status">
          <p>{t(`member.${notice}`, { name: member.name })}</p>
        </div>
      ) : null}
      <p className="caption">{t("member.caption")}</p>
      <h1>
        <bdi>{member.name}</bdi>
        {isYou ? ` ${t("members.you")}` : null}
      </h1>
      <dl className="summary-list">
        <div>
          <dt>{t("members.columns.email")}</dt>
          <dd className="member-email">
            <bdi>{member.email}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t("members.columns.role")}</dt>
          <dd>{t(`roles.${member.role}`)}</dd>
        </div>
        <div>
          <dt>{t("members.columns.safeguardingLead")}</dt>
          <dd>{member.isSafeguardingLead ? t("members.yes") : t("members.no")}</dd>
        </div>
        <div>
          <dt>{t("members.columns.status")}</dt>
          <dd>
            <MemberStatusTag status={member.status} />
          </dd>
        </div>
      </dl>

      <h2>{t("member.roleHeading")}</h2>
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="change-role" />
        <RadioField
          name="role"
          label={t("invite.fields.role.label")}
          error={errors?.role}
          defaultValue={member.role}
          isRequired
          options={MEMBER_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`), description: t(`roleHints.${role}`) }))}
        />
        <CheckboxField
          name="isSafeguardingLead"
          label={t("invite.fields.isSafeguardingLead.label")}
          hint={t("invite.fields.isSafeguardingLead.hint")}
          defaultSelected={member.isSafeguardingLead}
        />
        <Button type="submit" className="button" isDisabled={submitting}>
          {t("member.saveRole")}
        </Button>
      </Form>

      {member.status !== "deactivated" ? (
        <>
          <h2>{t("member.passwordHeading")}</h2>
          {resetLink ? (
            <>
              <p>{t("member.resetDone", { name: member.name })}</p>
              <OneTimeLink link={resetLink} name={member.name} />
            </>
          ) : (
            <Form method="post" noValidate>
              <CsrfInput />
              <p>{t("member.passwordHelp")}</p>
              <Button type="submit" name="intent" value="reset-password" id="resetPassword" className="button button--secondary" isDisabled={submitting}>
                {t("member.createReset")}
              </Button>
            </Form>
          )}
        </>
      ) : null}

      <h2>{t("member.accessHeading")}</h2>
      {member.status === "deactivated" ? (
        <Form method="post" noValidate>
          <CsrfInput />
          <p>{t("member.reactivateHelp")}</p>
          <Button type="submit" name="intent" value="reactivate" className="button button--secondary" isDisabled={submitting}>
            {t("member.reactivate")}
          </Button>
        </Form>
      ) : (
        <>
          <p>{t("member.deactivateHelp")}</p>
          <p>
            <Link to={`/admin/members/${member.id}/deactivate`} className="button warning-button">
              {t("member.deactivate")}
            </Link>
          </p>
        </>
      )}

      <p>
        <Link to="/admin/members">{t("member.backToMembers")}</Link>
      </p>
    </div>
  );
}

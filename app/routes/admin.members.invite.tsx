import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { MEMBER_ROLES } from "../../db/enums";
import { CsrfInput } from "~/components/csrf-input";
import { CheckboxField, ErrorSummary, fieldErrorList, RadioField, TextInputField } from "~/components/form";
import { getFixedT } from "~/i18n/locale.server";
import { membersLinks } from "~/members/links";
import { INVITE_FIELDS } from "~/members/member-fields";
import { InviteMemberSchema } from "~/members/member-schema.server";
import { OneTimeLink } from "~/members/one-time-link";
import { inviteMember, MemberExistsError } from "~/models/member.server";
import { requireMember } from "~/utils/auth.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { fieldErrorMessages, type FieldErrors } from "~/utils/form-errors.server";
import { metaT, pageTitle } from "~/utils/meta";
import { oneTimeLinkUrl } from "~/utils/one-time-link.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("invite.title"));
export const links = membersLinks;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireMember(request, { roles: ["admin"] });
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireMember(request, { roles: ["admin"] });
  const fields = formFields(await readVerifiedForm(request));
  const values = Object.fromEntries(INVITE_FIELDS.map((name) => [name, fields[name] ?? ""]));
  const t = await getFixedT(request);
  const parsed = InviteMemberSchema.safeParse(fields);
  if (!parsed.success) return data({ errors: fieldErrorMessages(parsed.error, t), values }, { status: 400 });
  try {
    const { member, token } = await inviteMember({ organisationId: admin.organisationId, actorId: admin.id, ...parsed.data });
    // Shown once, to this admin only: the database keeps just a hash of the token.
    return { invited: { name: member.name, link: oneTimeLinkUrl(request, token) } };
  } catch (error) {
    if (!(error instanceof MemberExistsError)) throw error;
    return data({ errors: { email: t("validation:member.emailTaken") }, values }, { status: 409 });
  }
}

export default function InviteMember() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const submitting = useNavigation().state === "submitting";
  const invited = actionData && "invited" in actionData ? actionData.invited : undefined;
  const errors: FieldErrors | undefined = actionData && "errors" in actionData ? actionData.errors : undefined;
  const values: Partial<Record<string, string>> = actionData && "values" in actionData ? actionData.values : {};
  const doneHeading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (invited) doneHeading.current?.focus();
  }, [invited]);

  if (invited) {
    return (
      <div className="page page--narrow">
        <h1 ref={doneHeading} tabIndex={-1}>
          {t("invite.doneTitle")}
        </h1>
        <p>{t("invite.doneBody", { name: invited.name })}</p>
        <OneTimeLink link={invited.link} name={invited.name} />
        <ul className="link-list">
          <li>
            <Link to="/admin/members/invite">{t("invite.another")}</Link>
          </li>
          <li>
            <Link to="/admin/members">{t("invite.backToMembers")}</Link>
          </li>
        </ul>
      </div>
    );
  }

  const field = (name: "name" | "email") => ({
    name,
    label: t(`invite.fields.${name}.label`),
    hint: t(`invite.fields.${name}.hint`, { defaultValue: "" }) || undefined,
    error: errors?.[name],
    defaultValue: values[name],
  });
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={fieldErrorList(errors, INVITE_FIELDS)} />
      <h1>{t("invite.title")}</h1>
      <p>{t("invite.intro")}</p>
      <Form method="post" noValidate>
        <CsrfInput />
        <TextInputField {...field("name")} autoComplete="off" isRequired />
        <TextInputField {...field("email")} type="email" inputMode="email" autoComplete="off" isRequired />
        <RadioField
          name="role"
          label={t("invite.fields.role.label")}
          error={errors?.role}
          defaultValue={values.role}
          isRequired
          options={MEMBER_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`), description: t(`roleHints.${role}`) }))}
        />
        <CheckboxField
          name="isSafeguardingLead"
          label={t("invite.fields.isSafeguardingLead.label")}
          hint={t("invite.fields.isSafeguardingLead.hint")}
          defaultSelected={values.isSafeguardingLead === "yes"}
        />
        <Button type="submit" className="button" isDisabled={submitting}>
          {t("invite.submit")}
        </Button>
      </Form>
      <p>
        <Link to="/admin/members">{t("invite.backToMembers")}</Link>
      </p>
    </div>
  );
}

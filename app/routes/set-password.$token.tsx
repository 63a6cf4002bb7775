// A one-time link (an invitation or a password reset): the member chooses a password and is signed in.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, fieldErrorList, TextInputField } from "~/components/form";
import { getFixedT } from "~/i18n/locale.server";
import { PASSWORD_FIELDS } from "~/members/member-fields";
import { SetPasswordSchema } from "~/members/member-schema.server";
import { getMemberLink, LinkNotLiveError, setPasswordWithLink } from "~/models/member.server";
import { signInAndRedirect } from "~/utils/auth.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { fieldErrorMessages } from "~/utils/form-errors.server";
import { metaT, pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(metaT(matches)(data?.link ? "setPassword.title" : "setPassword.deadTitle"));

// An unknown, used or expired link: a 404 that says what to do next.
const deadLink = () => data({ link: null }, { status: 404 });

export async function loader({ params }: LoaderFunctionArgs) {
  const link = await getMemberLink({ token: params.token ?? "" });
  if (!link) return deadLink();
  return { link: { name: link.name, email: link.email, organisationName: link.organisationName } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const fields = formFields(await readVerifiedForm(request));
  const parsed = SetPasswordSchema.safeParse(fields);
  if (!parsed.success) {
    const t = await getFixedT(request);
    return data({ errors: fieldErrorMessages(parsed.error, t) }, { status: 400 });
  }
  try {
    const member = await setPasswordWithLink({ token: params.token ?? "", password: parsed.data.password });
    if (!member) return deadLink();
    return await signInAndRedirect(request, member, "/consultations");
  } catch (error) {
    if (error instanceof LinkNotLiveError) return deadLink();
    throw error;
  }
}

export default function SetPassword() {
  const { link } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const submitting = useNavigation().state === "submitting";
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  if (!link || (actionData && "link" in actionData)) {
    return (
      <div className="page page--narrow">
        <h1>{t("setPassword.deadTitle")}</h1>
        <p>{t("setPassword.deadBody")}</p>
        <p>
          <Link to="/sign-in">{t("setPassword.signIn")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={fieldErrorList(errors, PASSWORD_FIELDS)} />
      <h1>{t("setPassword.title")}</h1>
      <p>{t("setPassword.intro")}</p>
      <h2 className="heading-m">{t("setPassword.account")}</h2>
      <dl className="summary-list">
        <div>
          <dt>{t("setPassword.name")}</dt>
          <dd>
            <bdi>{link.name}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t("setPassword.email")}</dt>
          <dd>
            <bdi>{link.email}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t("setPassword.organisation")}</dt>
          <dd>
            <bdi>{link.organisationName}</bdi>
          </dd>
        </div>
      </dl>
      <Form method="post" noValidate className="section">
        <CsrfInput />
        {/* Lets a password manager file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={link.email} readOnly hidden />
        <TextInputField
          name="password"
          type="password"
          label={t("setPassword.fields.password.label")}
          hint={t("setPassword.fields.password.hint")}
          error={errors?.password}
          autoComplete="new-password"
          isRequired
        />
        <TextInputField
          name="confirmPassword"
          type="password"
          label={t("setPassword.fields.confirmPassword.label")}
          error={errors?.confirmPassword}
          autoComplete="new-password"
          isRequired
        />
        <Button type="submit" className="button" isDisabled={submitting}>
          {t("setPassword.submit")}
        </Button>
      </Form>
    </div>
  );
}

import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, TextInputField } from "~/components/form";
import { getFixedT } from "~/i18n/locale.server";
import { verifyMemberLogin } from "~/models/member.server";
import { recordAuditEvent } from "~/models/audit.server";
import { getSignedInMember, SignInSchema, signInAndRedirect } from "~/utils/auth.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { metaT, pageTitle } from "~/utils/meta";
import { recordSignInFailure, recordSignInSuccess, signInWaitSeconds } from "~/utils/sign-in-throttle.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("signIn.title"));

// Passes on the action's Retry-After when a sign-in is held back.
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getSignedInMember(request)) throw redirect("/consultations");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = await getFixedT(request);
  const parsed = SignInSchema.safeParse(formFields(await readVerifiedForm(request)));
  if (!parsed.success) return data({ error: t("signIn.missing") }, { status: 400 });
  const { email, password, redirectTo } = parsed.data;
  const attempt = { email, clientKey: context.clientKey };
  // Only failures count, and they bring growing waits, never a fixed lock-out (see sign-in-throttle.ts).
  const wait = await signInWaitSeconds(attempt);
  if (wait > 0) return data({ error: t("signIn.tooMany", { count: wait }) }, { status: 429, headers: { "Retry-After": String(wait) } });
  const member = await verifyMemberLogin({ email, password });
  if (!member) {
    await recordSignInFailure(attempt);
    return data({ error: t("signIn.invalid") }, { status: 400 });
  }
  await recordSignInSuccess(attempt);
  await recordAuditEvent({ organisationId: member.organisationId, memberId: member.id, action: "member.signed_in" });
  return signInAndRedirect(request, member, redirectTo);
}

export default function SignIn() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const submitting = useNavigation().state === "submitting";
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={actionData?.error ? [{ field: "email", message: actionData.error }] : []} />
      <h1>{t("signIn.title")}</h1>
      <p>{t("signIn.intro")}</p>
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextInputField name="email" label={t("signIn.email")} autoComplete="username" isRequired />
        <TextInputField
          name="password"
          type="password"
          label={t("signIn.password")}
          autoComplete="current-password"
          isRequired
        />
        <Button type="submit" className="button" isDisabled={submitting}>
          {t("signIn.submit")}
        </Button>
      </Form>
      <p className="section">
        <Link to="/join">{t("codesign:join.fromSignIn")}</Link>
      </p>
    </div>
  );
}

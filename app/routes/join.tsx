// A young advisor makes their own account with the code an officer gave them: no email needed.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { JOIN_FIELDS, JoinSchema } from "~/codesign/codesign-schema.server";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, fieldErrorList, TextInputField } from "~/components/form";
import { getFixedT } from "~/i18n/locale.server";
import { joinAsAdvisor, SignInNameTakenError } from "~/models/codesign.server";
import { signInAndRedirect } from "~/utils/auth.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { fieldErrorMessages, type FieldErrors } from "~/utils/form-errors.server";
import { metaT, pageTitle } from "~/utils/meta";
import { hitRateLimit } from "~/utils/rate-limit.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("codesign:join.title"));

// Codes are short, so tries are limited per client: 10 every 15 minutes.
const JOIN_LIMIT = { limit: 10, windowMs: 15 * 60 * 1000 };

export function loader({ request }: LoaderFunctionArgs) {
  return { code: new URL(request.url).searchParams.get("code")?.slice(0, 40) ?? "" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = await getFixedT(request);
  const fields = formFields(await readVerifiedForm(request));
  const values = { code: fields.code ?? "", name: fields.name ?? "", signInName: fields.signInName ?? "" };
  const parsed = JoinSchema.safeParse(fields);
  if (!parsed.success) return data({ errors: fieldErrorMessages(parsed.error, t), values }, { status: 400 });
  const limited = await hitRateLimit(`join:${context.clientKey}`, JOIN_LIMIT);
  if (!limited.ok) {
    return data({ errors: { code: t("codesign:errors.tooMany") } as FieldErrors, values }, { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds) } });
  }
  try {
    const member = await joinAsAdvisor(parsed.data);
    if (!member) return data({ errors: { code: t("codesign:errors.codeNotLive") } as FieldErrors, values }, { status: 400 });
    return await signInAndRedirect(request, member, "/consultations");
  } catch (error) {
    if (!(error instanceof SignInNameTakenError)) throw error;
    return data({ errors: { signInName: t("codesign:errors.signInNameTaken") } as FieldErrors, values }, { status: 409 });
  }
}

export default function Join() {
  const { code } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("codesign");
  const submitting = useNavigation().state === "submitting";
  const errors = actionData?.errors;
  const values = actionData?.values ?? { code, name: "", signInName: "" };
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={fieldErrorList(errors, JOIN_FIELDS)} />
      <h1>{t("join.title")}</h1>
      <p className="lead">{t("join.intro")}</p>
      <p>{t("join.whatYouDo")}</p>
      <Form method="post" noValidate>
        <CsrfInput />
        <TextInputField name="code" label={t("join.code")} hint={t("join.codeHint")} error={errors?.code} defaultValue={values.code} autoComplete="off" width="medium" isRequired />
        <TextInputField name="name" label={t("join.name")} hint={t("join.nameHint")} error={errors?.name} defaultValue={values.name} autoComplete="nickname" isRequired />
        <TextInputField
          name="signInName"
          label={t("join.signInName")}
          hint={t("join.signInNameHint")}
          error={errors?.signInName}
          defaultValue={values.signInName}
          autoComplete="username"
          width="medium"
          isRequired
        />
        <TextInputField name="password" type="password" label={t("join.password")} hint={t("join.passwordHint")} error={errors?.password} autoComplete="new-password" isRequired />
        <TextInputField name="confirmPassword" type="password" label={t("join.confirmPassword")} error={errors?.confirmPassword} autoComplete="new-password" isRequired />
        <Button type="submit" className="button" isDisabled={submitting}>
          {t("join.submit")}
        </Button>
      </Form>
    </div>
  );
}

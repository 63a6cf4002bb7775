// Admins edit the organisation's list of concerning words and phrases (or go back to the default
// list). New responses are checked against it as they arrive.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, TextAreaField } from "~/components/form";
import { getFixedT } from "~/i18n/locale.server";
import { getPhraseList, resetPhraseList, savePhraseList } from "~/models/safeguarding.server";
import { parsePhraseList, PHRASE_LIMITS } from "~/safeguarding/concerning-phrases";
import { requireMember } from "~/utils/auth.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { metaT, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("phraseList.title"));

const ADMINS = ["admin"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireMember(request, { roles: ADMINS });
  const list = await getPhraseList({ organisationId: admin.organisationId });
  return { phrases: list.phrases.join("\n"), count: list.phrases.length, isDefault: list.isDefault };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireMember(request, { roles: ADMINS });
  const t = await getFixedT(request);
  const fields = formFields(await readVerifiedForm(request));
  const scope = { organisationId: admin.organisationId, memberId: admin.id };
  if (fields.intent === "reset") {
    await resetPhraseList(scope);
    return { error: null, value: null, saved: "reset" as const };
  }
  const parsed = parsePhraseList((fields.phrases ?? "").slice(0, 200_000));
  if (!parsed.ok) {
    const error = t(`phraseList.errors.${parsed.problem}`, { line: parsed.line, max: parsed.problem === "tooMany" ? PHRASE_LIMITS.maxPhrases : PHRASE_LIMITS.maxLength });
    return data({ error, value: fields.phrases ?? "", saved: null }, { status: 400 });
  }
  await savePhraseList({ ...scope, phrases: parsed.phrases });
  return { error: null, value: null, saved: "saved" as const };
}

export default function SafeguardingWords() {
  const { phrases, count, isDefault } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="page">
      <ErrorSummary errors={actionData?.error ? [{ field: "phrases", message: actionData.error }] : []} />
      <h1>{t("phraseList.title")}</h1>
      <p className="lead">{t("phraseList.intro")}</p>
      {actionData?.saved ? (
        <div className="notice" role="status">
          {t(actionData.saved === "reset" ? "phraseList.resetDone" : "phraseList.saved")}
        </div>
      ) : null}
      <p>{isDefault ? t("phraseList.usingDefault", { count }) : t("phraseList.usingOwn", { count })}</p>
      <ul className="bullets">
        <li>{t("phraseList.rules.lines")}</li>
        <li>{t("phraseList.rules.matching")}</li>
        <li>{t("phraseList.rules.wildcard")}</li>
      </ul>
      <Form method="post" noValidate key={`${count}-${isDefault}`}>
        <CsrfInput />
        <input type="hidden" name="intent" value="save" />
        <TextAreaField
          name="phrases"
          label={t("phraseList.field")}
          hint={t("phraseList.fieldHint")}
          defaultValue={actionData?.value ?? phrases}
          error={actionData?.error ?? undefined}
          isRequired
          rows={20}
        />
        <Button type="submit" className="button">
          {t("phraseList.save")}
        </Button>
      </Form>
      {isDefault ? null : (
        <Form method="post" className="section">
          <CsrfInput />
          <input type="hidden" name="intent" value="reset" />
          <Button type="submit" className="button button--secondary">
            {t("phraseList.reset")}
          </Button>
        </Form>
      )}
    </div>
  );
}

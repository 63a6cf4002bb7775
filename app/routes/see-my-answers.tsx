// "See my answers" (subject access): a child enters their reference code and sees exactly what is
// stored for that response, printable. The code travels in a POST, never in the address.
import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, TextInputField } from "~/components/form";
import { getFixedT, getLocale } from "~/i18n/locale.server";
import { getResponseByReferenceCode } from "~/models/response.server";
import { AnswerList } from "~/responses/answer-list";
import { describeAnswers } from "~/responses/describe-answers.server";
import { normaliseReferenceCode } from "~/responses/reference-code";
import { formatDateTime } from "~/utils/date-time.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { metaT, pageTitle } from "~/utils/meta";
import { hitRateLimit } from "~/utils/rate-limit.server";
import { publicPageHandle } from "~/i18n/public-page";

export const handle = publicPageHandle;

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("subjectAccess.title"));

export async function action({ request, context }: ActionFunctionArgs) {
  const t = await getFixedT(request);
  const typed = (formFields(await readVerifiedForm(request)).code ?? "").slice(0, 40);
  const fail = (status: number, error: string) => data({ error, code: typed, response: null }, { status });
  const code = normaliseReferenceCode(typed);
  if (!code) return fail(400, t("withdraw.errors.code"));
  const limited = await hitRateLimit(`see-answers:${context.clientKey}`, { limit: 20, windowMs: 60 * 60 * 1000 });
  if (!limited.ok) return fail(429, t("withdraw.errors.tooMany"));
  const found = await getResponseByReferenceCode({ referenceCode: code });
  if (!found) return fail(404, t("subjectAccess.notFound"));
  const locale = await getLocale(request);
  return {
    error: null,
    code: "",
    response: {
      referenceCode: found.referenceCode,
      consultationTitle: found.consultationTitle,
      submittedAt: formatDateTime(found.submittedAt, locale),
      channel: found.channel,
      variant: found.variant,
      lang: found.locale,
      answers: describeAnswers(found.definition, found.answers, { locale: found.locale }),
    },
  };
}

export default function SeeMyAnswers() {
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const response = result?.response;
  useEffect(() => {
    if (response) heading.current?.focus();
  }, [response]);
  if (response) {
    return (
      <div className="page page--narrow">
        <h1 ref={heading} tabIndex={-1}>
          {t("subjectAccess.resultTitle")}
        </h1>
        <p>{t("subjectAccess.resultIntro")}</p>
        <dl className="summary-list">
          <div>
            <dt>{t("subjectAccess.fields.consultation")}</dt>
            <dd>{response.consultationTitle}</dd>
          </div>
          <div>
            <dt>{t("subjectAccess.fields.code")}</dt>
            <dd>{response.referenceCode}</dd>
          </div>
          <div>
            <dt>{t("subjectAccess.fields.sent")}</dt>
            <dd>{response.submittedAt}</dd>
          </div>
          <div>
            <dt>{t("subjectAccess.fields.channel")}</dt>
            <dd>{t(`channel.${response.channel}`)}</dd>
          </div>
          <div>
            <dt>{t("subjectAccess.fields.version")}</dt>
            <dd>{t(`variant.${response.variant}`)}</dd>
          </div>
          <div>
            <dt>{t("subjectAccess.fields.language")}</dt>
            <dd>{t(`languageName.${response.lang}`, { defaultValue: response.lang })}</dd>
          </div>
        </dl>
        <h2>{t("subjectAccess.answersHeading")}</h2>
        <AnswerList answers={response.answers} lang={response.lang} />
        <PrintButton />
        <p>
          <Link to="/remove-my-answers">{t("subjectAccess.removeLink")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={result?.error ? [{ field: "code", message: result.error }] : []} />
      <h1>{t("subjectAccess.title")}</h1>
      <p className="lead">{t("subjectAccess.intro")}</p>
      <Form method="post" noValidate>
        <CsrfInput />
        <TextInputField
          name="code"
          label={t("withdraw.codeLabel")}
          hint={t("withdraw.codeHint")}
          error={result?.error ?? undefined}
          defaultValue={result?.code}
          autoComplete="off"
          width="medium"
          isRequired
        />
        <Button type="submit" className="button">
          {t("subjectAccess.show")}
        </Button>
      </Form>
      <p>
        <Link to="/remove-my-answers">{t("subjectAccess.removeLink")}</Link>
      </p>
    </div>
  );
}

/** Printing needs JavaScript; without it the browser's own Print works just as well. */
function PrintButton() {
  const { t } = useTranslation();
  return (
    <p>
      <Button className="button button--secondary" onPress={() => window.print()}>
        {t("subjectAccess.print")}
      </Button>
    </p>
  );
}

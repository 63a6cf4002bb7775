// "Remove my answers": a child enters their reference code and confirms; the answers are deleted.
// The page says the same thing whether or not the code exists, and removals are rate limited, so
// it cannot be used to find out whether someone answered.
import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, TextInputField } from "~/components/form";
import { getFixedT } from "~/i18n/locale.server";
import { withdrawResponse } from "~/models/response.server";
import { normaliseReferenceCode } from "~/responses/reference-code";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { metaT, pageTitle } from "~/utils/meta";
import { hitRateLimit } from "~/utils/rate-limit.server";
import { publicPageHandle } from "~/i18n/public-page";

export const handle = publicPageHandle;

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("withdraw.title"));

type Step = { step: "enter"; error: string | null; code: string } | { step: "confirm"; code: string } | { step: "done" };

export async function action({ request, context }: ActionFunctionArgs) {
  const t = await getFixedT(request);
  const fields = formFields(await readVerifiedForm(request));
  const typed = (fields.code ?? "").slice(0, 40);
  const code = normaliseReferenceCode(typed);
  if (!code) return data<Step>({ step: "enter", error: t("withdraw.errors.code"), code: typed }, { status: 400 });
  if (fields.intent !== "remove") return { step: "confirm", code } satisfies Step;
  // Enough for a family with several codes; far too few to guess anyone else's.
  const limited = await hitRateLimit(`withdraw:${context.clientKey}`, { limit: 10, windowMs: 60 * 60 * 1000 });
  if (!limited.ok) return data<Step>({ step: "enter", error: t("withdraw.errors.tooMany"), code: typed }, { status: 429 });
  await withdrawResponse({ referenceCode: code });
  return { step: "done" } satisfies Step;
}

export default function RemoveMyAnswers() {
  const result = useActionData<typeof action>() as Step | undefined;
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const step = result?.step ?? "enter";
  useEffect(() => {
    if (step !== "enter") heading.current?.focus();
  }, [step]);
  if (result?.step === "done") {
    return (
      <div className="page page--narrow">
        <h1 ref={heading} tabIndex={-1}>
          {t("withdraw.doneTitle")}
        </h1>
        <p>{t("withdraw.done")}</p>
        <p>{t("withdraw.doneWhy")}</p>
        <p>
          <Link to="/">{t("errors.home")}</Link>
        </p>
      </div>
    );
  }
  if (result?.step === "confirm") {
    return (
      <div className="page page--narrow">
        <h1 ref={heading} tabIndex={-1}>
          {t("withdraw.confirmTitle")}
        </h1>
        <p>{t("withdraw.confirm", { code: result.code })}</p>
        <div className="inset">
          <p>{t("withdraw.safeguarding")}</p>
        </div>
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="code" value={result.code} />
          <Button type="submit" className="button">
            {t("withdraw.remove")}
          </Button>
        </Form>
        <p>
          <Link to="/remove-my-answers" reloadDocument>
            {t("withdraw.keep")}
          </Link>
        </p>
      </div>
    );
  }
  const error = result?.step === "enter" ? result.error : null;
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={error ? [{ field: "code", message: error }] : []} />
      <h1>{t("withdraw.title")}</h1>
      <p className="lead">{t("withdraw.intro")}</p>
      <p>{t("withdraw.whatHappens")}</p>
      <Form method="post" noValidate>
        <CsrfInput />
        <input type="hidden" name="intent" value="check" />
        <TextInputField
          name="code"
          label={t("withdraw.codeLabel")}
          hint={t("withdraw.codeHint")}
          error={error ?? undefined}
          defaultValue={result?.step === "enter" ? result.code : undefined}
          autoComplete="off"
          width="medium"
          isRequired
        />
        <Button type="submit" className="button">
          {t("withdraw.continue")}
        </Button>
      </Form>
      <p>
        <Link to="/see-my-answers">{t("withdraw.seeInstead")}</Link>
      </p>
    </div>
  );
}

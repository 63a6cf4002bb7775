// One response, for staff who may read single responses (audited as a view). Officers and admins
// can erase it with a reason; a safeguarding lead can raise a flag on it by hand.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, fieldErrorList, TextAreaField } from "~/components/form";
import { getFixedT, getLocale } from "~/i18n/locale.server";
import { eraseResponse, getResponseForStaff } from "~/models/response.server";
import { raiseFlagByHand } from "~/models/safeguarding.server";
import { AnswerList } from "~/responses/answer-list";
import { ObservationNote } from "~/responses/observation-note-section";
import { describeAnswers } from "~/responses/describe-answers.server";
import { ResponseIntentSchema } from "~/safeguarding/schemas.server";
import { requireResponseReader, STAFF_WHO_MANAGE } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/date-time.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { fieldErrorMessages } from "~/utils/form-errors.server";
import { metaT, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("responses.oneTitle"));

const FIELD_ORDER = ["reason", "note"] as const;


const canManage = (role: string) => (STAFF_WHO_MANAGE as readonly string[]).includes(role);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireResponseReader(request);
  const consultationId = params.id ?? "";
  const response = await getResponseForStaff({
    organisationId: member.organisationId,
    consultationId,
    responseId: params.responseId ?? "",
    memberId: member.id,
  });
  if (!response) throw new Response(null, { status: 404 });
  const locale = await getLocale(request);
  return {
    consultationId,
    response: {
      referenceCode: response.referenceCode,
      submittedAt: formatDateTime(response.submittedAt, locale),
      channel: response.channel,
      lang: response.locale,
      answers: describeAnswers(response.definition, response.answers, { locale: response.locale }),
      observationNote: response.observationNote,
    },
    canErase: canManage(member.role),
    canFlag: member.isSafeguardingLead,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireResponseReader(request);
  const t = await getFixedT(request);
  const fields = formFields(await readVerifiedForm(request));
  const parsed = ResponseIntentSchema.safeParse(fields);
  if (!parsed.success) return data({ errors: fieldErrorMessages(parsed.error, t), values: fields }, { status: 400 });
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "", responseId: params.responseId ?? "", memberId: member.id };
  if (parsed.data.intent === "erase") {
    if (!canManage(member.role)) throw new Response("Your role does not allow erasing responses.", { status: 403 });
    if (!(await eraseResponse({ ...scope, reason: parsed.data.reason }))) throw new Response(null, { status: 404 });
    return redirect(`/consultations/${scope.consultationId}/responses?erased=1`);
  }
  if (!member.isSafeguardingLead) throw new Response("Only a safeguarding lead can raise a flag.", { status: 403 });
  const flagId = await raiseFlagByHand({ ...scope, note: parsed.data.note });
  if (!flagId) throw new Response(null, { status: 404 });
  return redirect(`/safeguarding/${flagId}`);
}

export default function StaffResponse() {
  const { consultationId, response, canErase, canFlag } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors = actionData?.errors;
  const values: Partial<Record<string, string>> = actionData?.values ?? {};
  return (
    <div className="page">
      <ErrorSummary errors={fieldErrorList(errors, FIELD_ORDER)} />
      <p className="caption">
        <Link to={`/consultations/${consultationId}/responses`}>{t("responses.title")}</Link>
      </p>
      <h1>{t("responses.oneHeading", { code: response.referenceCode })}</h1>
      <p className="hint">{t("responses.submitted", { at: response.submittedAt, channel: t(`channel.${response.channel}`) })}</p>
      <AnswerList answers={response.answers} lang={response.lang} />
      {response.observationNote ? <ObservationNote note={response.observationNote} /> : null}

      {canFlag ? (
        <section aria-labelledby="flag-heading" className="section">
          <h2 id="flag-heading">{t("responses.flagHeading")}</h2>
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="flag" />
            <TextAreaField
              name="note"
              label={t("responses.fields.note")}
              hint={t("responses.fields.noteHint")}
              error={errors?.note}
              defaultValue={values.note}
              isRequired
              rows={3}
            />
            <Button type="submit" className="button">
              {t("responses.flag")}
            </Button>
          </Form>
        </section>
      ) : null}

      {canErase ? (
        <section aria-labelledby="erase-heading" className="section">
          <h2 id="erase-heading">{t("responses.eraseHeading")}</h2>
          <p>{t("responses.eraseHelp")}</p>
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="intent" value="erase" />
            <TextAreaField
              name="reason"
              label={t("responses.fields.reason")}
              hint={t("responses.fields.reasonHint")}
              error={errors?.reason}
              defaultValue={values.reason}
              isRequired
              rows={2}
            />
            <Button type="submit" className="button button--secondary">
              {t("responses.erase")}
            </Button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

// Editing one "you said, we did" item. A published item can be corrected too: the public page then
// says when it was updated, so a change to the public record is never silent.
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, fieldErrorList, RadioField, TextAreaField, TextInputField } from "~/components/form";
import { TypedText } from "~/components/typed-text";
import consultationStyles from "~/consultations/consultation.css";
import { OutcomeDetailsSchema } from "~/consultations/outcome-schema.server";
import { getFixedT } from "~/i18n/locale.server";
import { getConsultation } from "~/models/consultation.server";
import { getOutcome, updateOutcome } from "~/models/outcome.server";
import { requireMember, STAFF_WHO_MANAGE } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { fieldErrorMessages } from "~/utils/form-errors.server";
import { metaT, pageTitle } from "~/utils/meta";
import { OUTCOME_STATUSES } from "../../db/enums";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: consultationStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("outcomes.editTitle"));

const FIELD_ORDER = ["youSaid", "weDid", "status", "owner"] as const;

async function findItem(request: Request, params: { id?: string; outcomeId?: string }) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "" };
  const [consultation, outcome] = await Promise.all([
    getConsultation(scope),
    getOutcome({ ...scope, outcomeId: params.outcomeId ?? "" }),
  ]);
  if (!consultation || !outcome) throw new Response(null, { status: 404 });
  return { member, consultation, outcome };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { consultation, outcome } = await findItem(request, params);
  return {
    consultation: { id: consultation.id, title: consultation.title },
    outcome: {
      youSaid: outcome.youSaid,
      weDid: outcome.weDid,
      status: outcome.status,
      owner: outcome.owner,
      isPublished: outcome.publishedAt !== null,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member, consultation, outcome } = await findItem(request, params);
  const fields = formFields(await readVerifiedForm(request));
  const parsed = OutcomeDetailsSchema.safeParse(fields);
  if (!parsed.success) {
    const t = await getFixedT(request);
    return data({ errors: fieldErrorMessages(parsed.error, t), values: fields }, { status: 400 });
  }
  const scope = { organisationId: member.organisationId, consultationId: consultation.id, memberId: member.id };
  if (!(await updateOutcome({ ...scope, outcomeId: outcome.id, details: parsed.data }))) {
    throw new Response(null, { status: 404 });
  }
  return redirectWithFlash(`/consultations/${consultation.id}/outcomes`, "outcomeSaved");
}

export default function EditOutcome() {
  const { consultation, outcome } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors = actionData?.errors;
  const { isPublished: _isPublished, ...stored } = outcome;
  const values: Partial<Record<string, string>> = actionData?.values ?? stored;
  const back = `/consultations/${consultation.id}/outcomes`;
  const field = (name: (typeof FIELD_ORDER)[number]) => ({
    name,
    label: t(`outcomes.fields.${name}`),
    error: errors?.[name],
    defaultValue: values[name],
  });
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={fieldErrorList(errors, FIELD_ORDER)} />
      <p className="caption">
        <Link to={back}>
          <TypedText>{consultation.title}</TypedText>
        </Link>
      </p>
      <h1>{t("outcomes.editTitle")}</h1>
      {outcome.isPublished ? (
        <div className="inset">
          <p>{t("outcomes.editPublishedWarning")}</p>
        </div>
      ) : null}
      <Form method="post" noValidate>
        <CsrfInput />
        <TextAreaField {...field("youSaid")} hint={t("outcomes.fields.youSaidHint")} isRequired rows={3} />
        <TextAreaField {...field("weDid")} hint={t("outcomes.fields.weDidHint")} isRequired rows={3} />
        <RadioField
          {...field("status")}
          isRequired
          options={OUTCOME_STATUSES.map((status) => ({ value: status, label: t(`outcomeStatus.${status}`) }))}
        />
        <TextInputField {...field("owner")} hint={t("outcomes.fields.ownerHint")} />
        <div className="button-group">
          <Button type="submit" className="button">
            {t("outcomes.save")}
          </Button>
          <Link to={back}>{t("confirm.cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}

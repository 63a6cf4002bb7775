// Changing one context figure (officers and admins).
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { ContextFigureSchema } from "~/analysis/context-figures-input.server";
import { ContextFigureFields, FIGURE_FIELD_ORDER } from "~/analysis/context-figure-fields";
import { contextLinks } from "~/analysis/links";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, fieldErrorList } from "~/components/form";
import { TypedText } from "~/components/typed-text";
import { getFixedT } from "~/i18n/locale.server";
import { getConsultation } from "~/models/consultation.server";
import { getContextFigure, updateContextFigure } from "~/models/context-figure.server";
import { requireMember, STAFF_WHO_MANAGE } from "~/utils/auth.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { fieldErrorMessages } from "~/utils/form-errors.server";
import { metaT, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("context:editTitle"));
export const links = contextLinks;

async function findFigure(request: Request, params: { id?: string; figureId?: string }) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "" };
  const [consultation, figure] = await Promise.all([getConsultation(scope), getContextFigure({ ...scope, figureId: params.figureId ?? "" })]);
  if (!consultation || !figure) throw new Response(null, { status: 404 });
  return { member, consultation, figure };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { consultation, figure } = await findFigure(request, params);
  const { id: _id, value, ...fields } = figure;
  return { consultation: { id: consultation.id, title: consultation.title }, figure: { ...fields, value: String(value) } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { member, consultation, figure } = await findFigure(request, params);
  const fields = formFields(await readVerifiedForm(request));
  const parsed = ContextFigureSchema.safeParse(fields);
  if (!parsed.success) return data({ errors: fieldErrorMessages(parsed.error, await getFixedT(request)), values: fields }, { status: 400 });
  const scope = { organisationId: member.organisationId, consultationId: consultation.id, figureId: figure.id, memberId: member.id };
  if (!(await updateContextFigure({ ...scope, figure: parsed.data }))) throw new Response(null, { status: 404 });
  return redirectWithFlash(`/consultations/${consultation.id}/context`, "contextSaved");
}

export default function EditContextFigure() {
  const { consultation, figure } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("context");
  const back = `/consultations/${consultation.id}/context`;
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={fieldErrorList(actionData?.errors, FIGURE_FIELD_ORDER)} />
      <p className="caption">
        <Link to={back}>
          <TypedText>{consultation.title}</TypedText>
        </Link>
      </p>
      <h1>{t("editTitle")}</h1>
      <Form method="post" noValidate>
        <CsrfInput />
        <ContextFigureFields errors={actionData?.errors} values={actionData?.values ?? figure} />
        <div className="button-group">
          <Button type="submit" className="button">
            {t("save")}
          </Button>
          <Link to={back}>{t("cancel")}</Link>
        </div>
      </Form>
    </div>
  );
}

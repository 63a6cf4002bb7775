// Context figures of a consultation: aggregate statistics from the council's own records, shown on
// the results page beside who answered. Every member may read them (they are aggregates); officers
// and admins add them, one by one or from a CSV (all rows or none), change and delete them.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { ContextFigureSchema, MAX_IMPORT_BYTES, parseContextFigureCsv } from "~/analysis/context-figures-input.server";
import { ContextFigureFields, FIGURE_FIELD_ORDER } from "~/analysis/context-figure-fields";
import { contextLinks } from "~/analysis/links";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, fieldErrorList } from "~/components/form";
import { SuccessBanner } from "~/components/success-banner";
import { TypedText } from "~/components/typed-text";
import { getFixedT, getLocale } from "~/i18n/locale.server";
import { getConsultation } from "~/models/consultation.server";
import { addContextFigure, deleteContextFigure, importContextFigures, listContextFigures } from "~/models/context-figure.server";
import { requireMember, STAFF_WHO_MANAGE } from "~/utils/auth.server";
import { formatDate } from "~/utils/dates";
import { takeFlash } from "~/utils/flash.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { fieldErrorMessages } from "~/utils/form-errors.server";
import { metaT, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("context:title"));
export const links = contextLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "" };
  const consultation = await getConsultation(scope);
  if (!consultation) throw new Response(null, { status: 404 });
  const [locale, figures, { flash, headers }] = await Promise.all([getLocale(request), listContextFigures(scope), takeFlash(request)]);
  return data(
    {
      consultation: { id: consultation.id, title: consultation.title },
      figures: figures.map((figure) => ({ ...figure, asOf: formatDate(figure.asOf, locale) })),
      canManage: (STAFF_WHO_MANAGE as readonly string[]).includes(member.role),
      saved: flash === "contextSaved",
    },
    { headers },
  );
}

type ActionResult = { intent: string; errors: Partial<Record<string, string>> | null; values: Record<string, string> | null; problems: string[]; done: string | null };
const result = (intent: string, rest: Partial<ActionResult> = {}): ActionResult => ({ intent, errors: null, values: null, problems: [], done: null, ...rest });

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const formData = await readVerifiedForm(request);
  const fields = formFields(formData);
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "", memberId: member.id };
  const t = await getFixedT(request);

  if (fields.intent === "delete") {
    if (!(await deleteContextFigure({ ...scope, figureId: fields.figureId ?? "" }))) throw new Response(null, { status: 404 });
    return result("delete", { done: t("context:deleted") });
  }
  if (fields.intent === "import") {
    const file = formData.get("file");
    if (!(file instanceof Blob) || file.size === 0) return data(result("import", { errors: { file: t("context:import.chooseFile") } }), { status: 400 });
    if (file.size > MAX_IMPORT_BYTES) return data(result("import", { errors: { file: t("context:import.tooBig") } }), { status: 413 });
    const parsed = parseContextFigureCsv(await file.text());
    if (!parsed.ok) {
      const problems = parsed.problems.map((problem) =>
        t(problem.column ? "context:import.problemInColumn" : "context:import.problem", { line: problem.line, column: problem.column, message: t(problem.key, problem.values) }),
      );
      return data(result("import", { errors: { file: t("context:import.notImported") }, problems }), { status: 400 });
    }
    const added = await importContextFigures({ ...scope, figures: parsed.figures });
    if (added === undefined) throw new Response(null, { status: 404 });
    return result("import", { done: t("context:import.done", { count: added }) });
  }
  const parsed = ContextFigureSchema.safeParse(fields);
  if (!parsed.success) return data(result("add", { errors: fieldErrorMessages(parsed.error, t), values: fields }), { status: 400 });
  if (!(await addContextFigure({ ...scope, figure: parsed.data }))) throw new Response(null, { status: 404 });
  return result("add", { done: t("context:added") });
}

export default function ContextFigures() {
  const { consultation, figures, canManage, saved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("context");
  const errors = actionData?.errors ?? undefined;
  const addErrors = actionData?.intent === "add" ? errors : undefined;
  const importErrors = actionData?.intent === "import" ? errors : undefined;
  return (
    <div className="page">
      <ErrorSummary errors={fieldErrorList(errors, [...FIGURE_FIELD_ORDER, "file"])} />
      {saved ? <SuccessBanner>{t("saved")}</SuccessBanner> : null}
      {actionData?.done ? <SuccessBanner>{actionData.done}</SuccessBanner> : null}
      <p className="caption">
        <Link to={`/consultations/${consultation.id}/results`}>
          <TypedText>{consultation.title}</TypedText>
        </Link>
      </p>
      <h1>{t("title")}</h1>
      <p className="lead">{t("intro")}</p>
      <div className="inset">
        <p>{t("aggregatesOnly")}</p>
      </div>

      {figures.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="figures-caption" tabIndex={0}>
          <table className="table">
            <caption id="figures-caption" className="heading-s">
              {t("tableCaption")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("fields.label")}</th>
                <th scope="col">{t("fields.group")}</th>
                <th scope="col" className="num">
                  {t("fields.value")}
                </th>
                <th scope="col">{t("fields.source")}</th>
                <th scope="col">{t("fields.asOf")}</th>
                {canManage ? <th scope="col">{t("actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {figures.map((figure, index) => (
                <tr key={figure.id}>
                  <th scope="row">
                    <TypedText>{figure.label}</TypedText>
                  </th>
                  <td>{figure.group ? <TypedText>{figure.group}</TypedText> : t("allGroups")}</td>
                  <td className="num">{figure.value}</td>
                  <td>
                    <TypedText>{figure.source}</TypedText>
                  </td>
                  <td>{figure.asOf}</td>
                  {canManage ? (
                    <td>
                      <Link to={figure.id}>
                        {t("edit")}
                        <span className="visually-hidden"> {t("which", { position: index + 1 })}</span>
                      </Link>
                      <Form method="post">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="delete" />
                        <input type="hidden" name="figureId" value={figure.id} />
                        <Button type="submit" className="link-button">
                          {t("delete")}
                          <span className="visually-hidden"> {t("which", { position: index + 1 })}</span>
                        </Button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {canManage ? (
        <>
          <section aria-labelledby="add-heading" className="section">
            <h2 id="add-heading">{t("addHeading")}</h2>
            <Form method="post" noValidate key={`add-${figures.length}`}>
              <CsrfInput />
              <input type="hidden" name="intent" value="add" />
              <ContextFigureFields errors={addErrors} values={actionData?.intent === "add" ? (actionData.values ?? {}) : {}} />
              <Button type="submit" className="button button--secondary">
                {t("add")}
              </Button>
            </Form>
          </section>
          <section aria-labelledby="import-heading" className="section">
            <h2 id="import-heading">{t("import.heading")}</h2>
            <p>{t("import.help")}</p>
            <pre className="csv-example">{t("import.example")}</pre>
            <Form method="post" encType="multipart/form-data" className="stack">
              <CsrfInput />
              <input type="hidden" name="intent" value="import" />
              <div className={`field${importErrors?.file ? " field--error" : ""}`}>
                <label className="field__label" htmlFor="file">
                  {t("import.fileLabel")}
                </label>
                <p className="field__hint" id="file-hint">
                  {t("import.fileHint")}
                </p>
                {importErrors?.file ? (
                  <div className="field__error" id="file-error">
                    <p>{importErrors.file}</p>
                    {actionData && actionData.problems.length > 0 ? (
                      <ul>
                        {actionData.problems.map((problem) => (
                          <li key={problem}>{problem}</li>
                        ))}
                      </ul>
                    ) : null}
                  </div>
                ) : null}
                <input id="file" name="file" type="file" accept=".csv,text/csv" aria-describedby={importErrors?.file ? "file-hint file-error" : "file-hint"} />
              </div>
              <Button type="submit" className="button button--secondary">
                {t("import.submit")}
              </Button>
            </Form>
          </section>
        </>
      ) : null}
      <p>
        <Link to={`/consultations/${consultation.id}/results`}>{t("backToResults")}</Link>
      </p>
    </div>
  );
}

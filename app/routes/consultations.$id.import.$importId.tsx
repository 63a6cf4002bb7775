// Importing responses from a CSV file, step 2: match each column to a question, see the first rows
// as they will be stored and every row that will not be imported (with its reason), then confirm.
// After the import the same address says how many were imported and lists the rejected rows.
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary } from "~/components/form";
import { TypedText } from "~/components/typed-text";
import { pageLocale } from "~/i18n/i18n";
import { getFixedT, getLocale } from "~/i18n/locale.server";
import { BusyButton } from "~/imports/busy-button";
import { DATE_ANSWERED_COLUMN, SKIP_COLUMN } from "~/imports/column-targets";
import { ImportIntentSchema } from "~/imports/import-schema.server";
import importStyles from "~/imports/imports.css";
import { mappingFromForm, reviewImport } from "~/imports/review-import.server";
import { getConsultation } from "~/models/consultation.server";
import { getPendingImport, ImportAlreadyDoneError, importResponses, saveImportMapping } from "~/models/response-import.server";
import { ConsultationNotOpenError, getLatestSurveyVersion } from "~/models/response.server";
import { STAFF_WHO_IMPORT } from "~/responses/recording.server";
import { takesRecords } from "~/consultations/taking-answers";
import { requireMember } from "~/utils/auth.server";
import { formatDayOf } from "~/utils/dates";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { metaT, pageTitle } from "~/utils/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: importStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("imports:preview.title"));

/** How many good rows the page shows as they will be stored. */
const PREVIEW_ROWS = 3;

/** The member's pending import, the consultation and the survey version it is checked against. */
async function loadImport(request: Request, params: LoaderFunctionArgs["params"]) {
  const member = await requireMember(request, { roles: STAFF_WHO_IMPORT });
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "", memberId: member.id };
  const consultation = await getConsultation(scope);
  if (!consultation) throw new Response(null, { status: 404 });
  const pending = await getPendingImport({ ...scope, importId: params.importId ?? "" });
  if (!pending) throw new Response(null, { status: 404 });
  const version = takesRecords(consultation.status) ? await getLatestSurveyVersion(scope) : undefined;
  const locale = pageLocale(await getLocale(request), false);
  return { scope, consultation, pending, version, locale, t: await getFixedT(request) };
}

/** A stored answer as the preview shows it: lists one item after another. */
function shownAnswer(value: unknown): string {
  if (Array.isArray(value)) return value.map(shownAnswer).join("; ");
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { consultation, pending, version, locale, t } = await loadImport(request, params);
  const header = { consultation: { id: consultation.id, title: consultation.title }, importId: pending.id, fileName: pending.fileName };
  if (pending.importedAt && pending.result) return { ...header, state: "done" as const, result: pending.result };
  if (!version) return { ...header, state: "not-taking" as const };
  const review = await reviewImport({ csv: pending.csv, storedMapping: pending.mapping, definition: version.definition, surveyVersionId: version.id, locale, t });
  if (!review) throw new Response(null, { status: 404 });
  const { table, questions, mapping, problems, checked } = review;
  const mapped = questions.filter((q) => mapping.includes(q.name));
  const hasDateColumn = mapping.includes(DATE_ANSWERED_COLUMN);
  return {
    ...header,
    state: "review" as const,
    rowCount: table.rows.length,
    columns: table.headers.map((heading, index) => ({ heading, target: mapping[index] ?? SKIP_COLUMN })),
    options: questions.map((q) => ({ name: q.name, title: q.title })),
    problems,
    goodCount: checked.good.length,
    rejected: checked.rejected,
    preview: {
      questions: mapped.map((q) => q.title),
      rows: checked.good.slice(0, PREVIEW_ROWS).map((good) => ({
        row: good.row,
        answers: mapped.map((q) => (q.name in good.answers ? shownAnswer(good.answers[q.name]) : null)),
        answeredAt: hasDateColumn && good.answeredAt ? formatDayOf(good.answeredAt, locale) : null,
      })),
      hasDateColumn,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { scope, pending, version, locale, t } = await loadImport(request, params);
  const fields = formFields(await readVerifiedForm(request));
  const parsed = ImportIntentSchema.safeParse(fields);
  if (!parsed.success) throw new Response(null, { status: 400 });
  const here = `/consultations/${scope.consultationId}/import/${pending.id}`;
  if (pending.importedAt) return redirect(here);
  if (!version) return data({ error: t("imports:errorsSummary.notTaking") }, { status: 409 });

  if (parsed.data.intent === "map") {
    const mapping = mappingFromForm(pending.csv, fields, version.definition, locale);
    if (!mapping) throw new Response(null, { status: 400 });
    await saveImportMapping({ ...scope, importId: pending.id, mapping });
    return redirect(here);
  }

  const review = await reviewImport({ csv: pending.csv, storedMapping: pending.mapping, definition: version.definition, surveyVersionId: version.id, locale, t });
  if (!review || review.problems.length > 0 || review.checked.good.length === 0) {
    return data({ error: t("imports:preview.nothingToImport") }, { status: 400 });
  }
  try {
    await importResponses({ ...scope, importId: pending.id, surveyVersionId: version.id, locale, rows: review.checked.good, rejected: review.checked.rejected });
  } catch (error) {
    if (error instanceof ImportAlreadyDoneError) return redirect(here);
    if (error instanceof ConsultationNotOpenError) return data({ error: t("imports:errorsSummary.notTaking") }, { status: 409 });
    throw error;
  }
  return redirect(here);
}

export default function ImportResponses() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("imports");
  const back = `/consultations/${page.consultation.id}`;
  const actionError = actionData && "error" in actionData ? actionData.error : undefined;
  return (
    <div className="page">
      {page.state !== "review" ? <ErrorSummary errors={actionError ? [{ field: "main", message: actionError }] : []} /> : null}
      <p className="caption">
        <Link to={back}>
          <TypedText>{page.consultation.title}</TypedText>
        </Link>
      </p>
      {page.state === "done" ? (
        <Imported consultationId={page.consultation.id} importId={page.importId} result={page.result} />
      ) : page.state === "not-taking" ? (
        <>
          <h1>{t("preview.title")}</h1>
          <p>{t("upload.notTaking")}</p>
        </>
      ) : (
        <Review page={page} actionError={actionError} />
      )}
    </div>
  );
}

type ReviewPage = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { state: "review" }>;

function Review({ page, actionError }: { page: ReviewPage; actionError?: string }) {
  const { t } = useTranslation("imports");
  const n = (count: number) => count.toLocaleString("en-GB");
  const problems = page.problems.map((problem) => ({ field: `column-${problem.column}`, message: problem.message }));
  if (actionError) problems.push({ field: "confirm-heading", message: actionError });
  return (
    <>
      <ErrorSummary errors={problems} />
      <h1>{t("preview.title")}</h1>
      <dl className="summary-list">
        <div>
          <dt>{t("mapping.fileName")}</dt>
          <dd>
            <TypedText>{page.fileName}</TypedText>
          </dd>
        </div>
        <div>
          <dt>{t("mapping.rowCount")}</dt>
          <dd>{n(page.rowCount)}</dd>
        </div>
      </dl>

      <section className="section" aria-labelledby="mapping-heading">
        <h2 id="mapping-heading">{t("mapping.title")}</h2>
        <p>{t("mapping.intro")}</p>
        <Form method="post" noValidate>
          <CsrfInput />
          <div className="import-columns">
            {page.columns.map((column, index) => {
              const id = `column-${index}`;
              const problem = page.problems.find((p) => p.column === index);
              return (
                <div key={id} className={`field${problem ? " field--error" : ""}`}>
                  <label className="field__label" htmlFor={id}>
                    {column.heading ? t("mapping.column", { number: index + 1, header: column.heading }) : t("mapping.untitledColumn", { number: index + 1 })}
                  </label>
                  {problem ? (
                    <p className="field__error" id={`${id}-error`}>
                      {problem.message}
                    </p>
                  ) : null}
                  <select id={id} name={id} className="input" defaultValue={column.target} aria-describedby={problem ? `${id}-error` : undefined}>
                    <option value={SKIP_COLUMN}>{t("mapping.skip")}</option>
                    {page.options.map((option) => (
                      <option key={option.name} value={option.name}>
                        {option.title}
                      </option>
                    ))}
                    <option value={DATE_ANSWERED_COLUMN}>{t("mapping.dateAnswered")}</option>
                  </select>
                </div>
              );
            })}
          </div>
          <BusyButton intent="map" secondary label={t("mapping.check")} busyLabel={t("mapping.checkBusy", { n: n(page.rowCount) })} />
        </Form>
      </section>

      {page.problems.length === 0 ? (
        <>
          <section className="section" aria-labelledby="preview-heading">
            <h2 id="preview-heading">{t("preview.firstRows")}</h2>
            <p>{t("preview.summary", { good: n(page.goodCount), total: n(page.rowCount), rejected: n(page.rejected.length) })}</p>
            {page.preview.rows.length > 0 ? <PreviewTable preview={page.preview} /> : null}
          </section>
          <section className="section" aria-labelledby="rejected-heading">
            <h2 id="rejected-heading">{t("preview.rejectedTitle")}</h2>
            {page.rejected.length === 0 ? <p>{t("preview.rejectedNone")}</p> : <RejectedRows rows={page.rejected} />}
          </section>
          <section className="section" aria-labelledby="confirm-heading">
            <h2 id="confirm-heading">{t("preview.confirmTitle")}</h2>
            {page.goodCount > 0 ? (
              <>
                <p>{t("preview.confirmIntro")}</p>
                <Form method="post">
                  <CsrfInput />
                  <BusyButton
                    intent="import"
                    label={t("preview.confirm", { count: page.goodCount, n: n(page.goodCount) })}
                    busyLabel={t("preview.confirmBusy", { n: n(page.goodCount) })}
                  />
                </Form>
              </>
            ) : (
              <p>{t("preview.nothingToImport")}</p>
            )}
          </section>
        </>
      ) : null}
      <p>
        <Link to={`/consultations/${page.consultation.id}/import`}>{t("preview.startAgain")}</Link>
      </p>
    </>
  );
}

function PreviewTable({ preview }: { preview: ReviewPage["preview"] }) {
  const { t } = useTranslation("imports");
  return (
    <div className="table-wrap" role="region" aria-labelledby="preview-caption" tabIndex={0}>
      <table className="table">
        <caption id="preview-caption" className="visually-hidden">
          {t("preview.tableCaption")}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("preview.question")}</th>
            {preview.rows.map((row) => (
              <th key={row.row} scope="col">
                {t("preview.row", { row: row.row })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.questions.map((title, index) => (
            <tr key={title + String(index)}>
              <th scope="row">
                <TypedText>{title}</TypedText>
              </th>
              {preview.rows.map((row) => (
                <td key={row.row}>{row.answers[index] === null ? <span className="hint">{t("preview.notAnswered")}</span> : <TypedText>{row.answers[index]!}</TypedText>}</td>
              ))}
            </tr>
          ))}
          {preview.hasDateColumn ? (
            <tr>
              <th scope="row">{t("preview.dateAnswered")}</th>
              {preview.rows.map((row) => (
                <td key={row.row}>{row.answeredAt ?? t("preview.dateAnsweredNotGiven")}</td>
              ))}
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

function RejectedRows({ rows }: { rows: { row: number; reason: string }[] }) {
  const { t } = useTranslation("imports");
  return (
    <>
      <p>{t("preview.rejectedIntro")}</p>
      <ul className="import-rejected">
        {rows.map((rejected) => (
          <li key={rejected.row}>
            {t("preview.rowReason", { row: rejected.row, reason: rejected.reason })}
          </li>
        ))}
      </ul>
    </>
  );
}

function Imported({
  consultationId,
  importId,
  result,
}: {
  consultationId: string;
  importId: string;
  result: { imported: number; rejected: { row: number; reason: string }[] };
}) {
  const { t } = useTranslation("imports");
  return (
    <>
      <div className="panel-confirmation">
        <h1>{t("done.title", { count: result.imported, n: result.imported.toLocaleString("en-GB") })}</h1>
        <p>{t("done.body")}</p>
      </div>
      {result.rejected.length > 0 ? (
        <section className="section" aria-labelledby="rejected-heading">
          <h2 id="rejected-heading">{t("done.rejectedTitle")}</h2>
          <RejectedRows rows={result.rejected} />
          <p>
            {/* A file to download, not a page: a plain link. */}
            <a href={`/consultations/${consultationId}/import/${importId}/rejected.csv`} download>
              {t("done.download")}
            </a>
          </p>
        </section>
      ) : null}
      <ul className="link-list">
        <li>
          <Link to={`/consultations/${consultationId}/results?channel=import`}>{t("done.resultsLink")}</Link>
        </li>
        <li>
          <Link to={`/consultations/${consultationId}/import`}>{t("done.another")}</Link>
        </li>
        <li>
          <Link to={`/consultations/${consultationId}`}>{t("done.back")}</Link>
        </li>
      </ul>
    </>
  );
}

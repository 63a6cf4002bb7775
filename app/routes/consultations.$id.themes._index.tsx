import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ThemeSchema } from "~/analysis/coding-schema.server";
import { analysisLinks } from "~/analysis/links";
import { THEME_COLOUR_NAMES, THEME_COLOURS, type ThemeColour } from "~/analysis/theme-colours";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, fieldErrorList, TextAreaField, TextInputField } from "~/components/form";
import { TypedText } from "~/components/typed-text";
import { getFixedT } from "~/i18n/locale.server";
import { addTheme, getThemeCounts, ThemeParentNotFoundError } from "~/models/coding.server";
import { getConsultation } from "~/models/consultation.server";
import { requireMember, STAFF_WHO_ANALYSE } from "~/utils/auth.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { fieldErrorMessages } from "~/utils/form-errors.server";
import { metaT, pageTitle } from "~/utils/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("analysis:themes.title"));
export const links = analysisLinks;

const FIELD_ORDER = ["name", "description", "colour", "parentId"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_ANALYSE });
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "" };
  const consultation = await getConsultation(scope);
  if (!consultation) throw new Response(null, { status: 404 });
  const counts = await getThemeCounts(scope);
  return { consultation: { id: consultation.id, title: consultation.title }, ...counts };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_ANALYSE });
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "", memberId: member.id };
  if (!(await getConsultation(scope))) throw new Response(null, { status: 404 });
  const t = await getFixedT(request);
  const fields = formFields(await readVerifiedForm(request));
  const parsed = ThemeSchema.safeParse(fields);
  if (!parsed.success) return data({ errors: fieldErrorMessages(parsed.error, t), values: fields }, { status: 400 });
  try {
    await addTheme({ ...scope, theme: { ...parsed.data, colour: parsed.data.colour as ThemeColour } });
  } catch (error) {
    if (!(error instanceof ThemeParentNotFoundError)) throw error;
    return data({ errors: { parentId: t("analysis:errors.parentNotFound") }, values: fields }, { status: 400 });
  }
  return { errors: null, values: null };
}

export default function Themes() {
  const { consultation, themes, threshold, channels, byChannel } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("analysis");
  const errors: Partial<Record<string, string>> | undefined = actionData?.errors ?? undefined;
  const values: Partial<Record<string, string>> = actionData?.values ?? {};
  const parentName = new Map(themes.map((theme) => [theme.id, theme.name]));
  const countText = (cell: { count: number | null; suppressed: boolean }) => (cell.suppressed ? t("fewerThan", { threshold }) : String(cell.count));
  return (
    <div className="page">
      <ErrorSummary errors={fieldErrorList(errors, FIELD_ORDER)} />
      <p className="caption">
        <Link to={`/consultations/${consultation.id}`}>
          <TypedText>{consultation.title}</TypedText>
        </Link>
      </p>
      <h1>{t("themes.title")}</h1>
      <p className="lead">{t("themes.intro")}</p>
      <ul className="link-list">
        <li>
          <Link to="code">{t("themes.codeLink")}</Link>
        </li>
        <li>
          <Link to="agreement">{t("themes.agreementLink")}</Link>
        </li>
      </ul>
      <h2 className="heading-m">{t("themes.codebook")}</h2>
      {themes.length === 0 ? (
        <p>{t("themes.none")}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="codebook-caption" tabIndex={0}>
          <table className="table">
            <caption id="codebook-caption" className="visually-hidden">
              {t("themes.codebook")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("themes.name")}</th>
                <th scope="col">{t("themes.description")}</th>
                <th scope="col" className="num">
                  {t("themes.answers")}
                </th>
                {channels.map((channel) => (
                  <th scope="col" className="num" key={channel}>
                    {t(`facetValue.channel.${channel}`, { defaultValue: channel })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {themes.map((theme, index) => (
                <tr key={theme.id}>
                  <th scope="row">
                    <span className="theme-swatch" style={{ background: THEME_COLOURS[theme.colour as ThemeColour] }} aria-hidden="true" />
                    <TypedText>{theme.name}</TypedText>
                    {theme.parentId ? (
                      <span className="hint">
                        {" "}
                        {t("themes.under", { parent: parentName.get(theme.parentId) ?? "" })}
                      </span>
                    ) : null}
                  </th>
                  <td>
                    <TypedText>{theme.description}</TypedText>
                  </td>
                  <td className="num">{countText(theme.count)}</td>
                  {byChannel.map((group) => (
                    <td className="num" key={group.channel}>
                      {countText(group.cells[index]!)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 className="heading-m">{t("themes.addHeading")}</h2>
      <Form method="post" noValidate>
        <CsrfInput />
        <TextInputField name="name" label={t("themes.name")} error={errors?.name} defaultValue={values.name} isRequired />
        <TextAreaField name="description" label={t("themes.description")} error={errors?.description} defaultValue={values.description} rows={2} />
        <div className={errors?.colour ? "field field--error" : "field"}>
          <label className="field__label" htmlFor="colour">
            {t("themes.colour")}
          </label>
          {errors?.colour ? <p className="field__error">{errors.colour}</p> : null}
          <select id="colour" name="colour" className="select" defaultValue={values.colour ?? "teal"}>
            {THEME_COLOUR_NAMES.map((colour) => (
              <option key={colour} value={colour}>
                {t(`colours.${colour}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={errors?.parentId ? "field field--error" : "field"}>
          <label className="field__label" htmlFor="parentId">
            {t("themes.parent")}
          </label>
          {errors?.parentId ? <p className="field__error">{errors.parentId}</p> : null}
          <select id="parentId" name="parentId" className="select" defaultValue={values.parentId ?? ""}>
            <option value="">{t("themes.noParent")}</option>
            {themes.map((theme) => (
              <option key={theme.id} value={theme.id}>
                {theme.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("themes.add")}
        </button>
      </Form>
    </div>
  );
}

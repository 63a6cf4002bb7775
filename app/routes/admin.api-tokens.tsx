import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { analysisLinks } from "~/analysis/links";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, fieldErrorList, TextInputField } from "~/components/form";
import { TypedText } from "~/components/typed-text";
import { getFixedT, getLocale } from "~/i18n/locale.server";
import { createApiToken, listApiTokens, revokeApiToken } from "~/models/api-token.server";
import { requireMember, STAFF_WHO_MANAGE } from "~/utils/auth.server";
import { formatDay } from "~/utils/date-time.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { fieldErrorMessages } from "~/utils/form-errors.server";
import { CreateApiTokenSchema } from "~/analysis/api-token-schema.server";
import { metaT, pageTitle } from "~/utils/meta";
import { API_TOKEN_SCOPES } from "../../db/enums";

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("analysis:tokens.title"));
export const links = analysisLinks;

// Shown in the form; the schema (a .server module, kept out of the browser) checks the same list.
const DAYS = ["7", "30", "90", "365"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const locale = await getLocale(request);
  const now = Date.now();
  const tokens = await listApiTokens({ organisationId: member.organisationId });
  return data(
    {
      tokens: tokens.map((token) => ({
        id: token.id,
        name: token.name,
        scope: token.scope,
        expires: formatDay(token.expiresAt, locale),
        lastUsed: token.lastUsedAt ? formatDay(token.lastUsedAt, locale) : null,
        live: !token.revokedAt && token.expiresAt.getTime() > now,
        revoked: token.revokedAt !== null,
      })),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const fields = formFields(await readVerifiedForm(request));
  const scope = { organisationId: member.organisationId, memberId: member.id };
  if (fields.intent === "revoke") {
    if (!(await revokeApiToken({ ...scope, tokenId: fields.tokenId ?? "" }))) throw new Response(null, { status: 404 });
    return data({ errors: null, token: null }, { headers: { "Cache-Control": "no-store" } });
  }
  const parsed = CreateApiTokenSchema.safeParse(fields);
  if (!parsed.success) return data({ errors: fieldErrorMessages(parsed.error, await getFixedT(request)), token: null }, { status: 400 });
  const created = await createApiToken({ ...scope, name: parsed.data.name, scope: parsed.data.scope, days: Number(parsed.data.days) });
  // Shown once, in this answer only; never stored in clear.
  return data({ errors: null, token: created.token }, { headers: { "Cache-Control": "no-store" } });
}

export default function ApiTokens() {
  const { tokens } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("analysis");
  const errors: Partial<Record<string, string>> | undefined = actionData?.errors ?? undefined;
  return (
    <div className="page">
      <ErrorSummary errors={fieldErrorList(errors, ["name", "scope", "days"])} />
      <h1>{t("tokens.title")}</h1>
      <p className="lead">{t("tokens.intro")}</p>
      <p>
        <a href="/api/openapi.json">{t("tokens.openapi")}</a>
      </p>
      {actionData?.token ? (
        <div className="notice" role="status">
          <p>{t("tokens.showOnce")}</p>
          <p>
            <code className="token-value" aria-label={t("tokens.newToken")}>
              {actionData.token}
            </code>
          </p>
        </div>
      ) : null}
      <h2 className="heading-m">{t("tokens.listHeading")}</h2>
      {tokens.length === 0 ? (
        <p>{t("tokens.none")}</p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="tokens-caption" tabIndex={0}>
          <table className="table">
            <caption id="tokens-caption" className="visually-hidden">
              {t("tokens.listHeading")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("tokens.name")}</th>
                <th scope="col">{t("tokens.scope")}</th>
                <th scope="col">{t("tokens.expires")}</th>
                <th scope="col">{t("tokens.lastUsed")}</th>
                <th scope="col">{t("tokens.status")}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id}>
                  <th scope="row">
                    <TypedText>{token.name}</TypedText>
                  </th>
                  <td>{t(`tokens.scopes.${token.scope}`)}</td>
                  <td>{token.expires}</td>
                  <td>{token.lastUsed ?? t("tokens.never")}</td>
                  <td>
                    {token.live ? (
                      <Form method="post">
                        <CsrfInput />
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="tokenId" value={token.id} />
                        <button type="submit" className="button button--secondary">
                          {t("tokens.revoke", { name: token.name })}
                        </button>
                      </Form>
                    ) : token.revoked ? (
                      t("tokens.revoked")
                    ) : (
                      t("tokens.expired")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 className="heading-m">{t("tokens.createHeading")}</h2>
      <Form method="post" noValidate>
        <CsrfInput />
        <TextInputField name="name" label={t("tokens.name")} hint={t("tokens.nameHint")} error={errors?.name} isRequired />
        <div className={errors?.scope ? "field field--error" : "field"}>
          <label className="field__label" htmlFor="scope">
            {t("tokens.scope")}
          </label>
          {errors?.scope ? <p className="field__error">{errors.scope}</p> : null}
          <select id="scope" name="scope" className="select" defaultValue="aggregates">
            {API_TOKEN_SCOPES.map((scope) => (
              <option key={scope} value={scope}>
                {t(`tokens.scopes.${scope}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={errors?.days ? "field field--error" : "field"}>
          <label className="field__label" htmlFor="days">
            {t("tokens.days")}
          </label>
          {errors?.days ? <p className="field__error">{errors.days}</p> : null}
          <select id="days" name="days" className="select" defaultValue="30">
            {DAYS.map((days) => (
              <option key={days} value={days}>
                {t("tokens.daysValue", { count: Number(days) })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("tokens.create")}
        </button>
      </Form>
    </div>
  );
}

import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { SuccessBanner } from "~/components/success-banner";
import { TypedText } from "~/components/typed-text";
import consultationStyles from "~/consultations/consultation.css";
import { ErrorSummary, fieldErrorList, RadioField, TextAreaField, TextInputField } from "~/components/form";
import { fieldErrorMessages, type FieldErrors } from "~/utils/form-errors.server";
import { OutcomeDetailsSchema } from "~/consultations/outcome-schema.server";
import { OutcomeList } from "~/consultations/outcome-list";
import { ConsultationStateError, getConsultation } from "~/models/consultation.server";
import { getFixedT, getLocale } from "~/i18n/locale.server";
import { addOutcome, deleteDraftOutcome, listOutcomes, publishOutcomes } from "~/models/outcome.server";
import { requireMember, STAFF_WHO_MANAGE } from "~/utils/auth.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { formatDayOf } from "~/utils/dates";
import { takeFlash } from "~/utils/flash.server";
import { metaT, pageTitle } from "~/utils/meta";
import { publicAddress } from "~/utils/public-url.server";
import { OUTCOME_STATUSES } from "../../db/enums";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: consultationStyles }];

export const meta: MetaFunction = ({ matches }) => pageTitle(metaT(matches)("outcomes.staffTitle"));

const FIELD_ORDER = ["youSaid", "weDid", "status", "owner", "publish"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "" };
  const consultation = await getConsultation(scope);
  if (!consultation) throw new Response(null, { status: 404 });
  const [locale, outcomes, { flash, headers }] = await Promise.all([getLocale(request), listOutcomes(scope), takeFlash(request)]);
  return data(
    {
      consultation: { id: consultation.id, title: consultation.title, slug: consultation.slug, status: consultation.status },
      outcomes: outcomes.map(({ updatedAt, publishedAt, ...outcome }) => ({
        ...outcome,
        isPublished: publishedAt !== null,
        // Shown when a published item was corrected afterwards, as the public page shows it.
        updatedOn: updatedAt && publishedAt && updatedAt > publishedAt ? formatDayOf(updatedAt, locale) : null,
      })),
      canManage: (STAFF_WHO_MANAGE as readonly string[]).includes(member.role),
      publicOutcomesAddress: publicAddress(request, `/c/${consultation.slug}/outcomes`),
      flash,
    },
    { headers },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, { roles: STAFF_WHO_MANAGE });
  const t = await getFixedT(request);
  const fields = formFields(await readVerifiedForm(request));
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "", memberId: member.id };
  if (!(await getConsultation(scope))) throw new Response(null, { status: 404 });

  if (fields.intent === "publish") {
    try {
      await publishOutcomes(scope);
    } catch (error) {
      if (!(error instanceof ConsultationStateError)) throw error;
      const errors: FieldErrors = { publish: t("outcomes.closeFirst") };
      return data({ errors, values: null, published: false }, { status: 409 });
    }
    return { errors: null, values: null, published: true };
  }
  if (fields.intent === "delete") {
    if (!(await deleteDraftOutcome({ ...scope, outcomeId: fields.outcomeId ?? "" }))) {
      throw new Response("That item has been published or no longer exists.", { status: 409 });
    }
    return { errors: null, values: null, published: false };
  }
  const parsed = OutcomeDetailsSchema.safeParse(fields);
  if (!parsed.success) {
    const errors = fieldErrorMessages(parsed.error, t);
    return data({ errors, values: fields, published: false }, { status: 400 });
  }
  await addOutcome({ ...scope, details: parsed.data });
  return { errors: null, values: null, published: false };
}

export default function StaffOutcomes() {
  const { consultation, outcomes, canManage, publicOutcomesAddress, flash } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errors = actionData?.errors ?? undefined;
  const values: Partial<Record<string, string>> = actionData?.values ?? {};
  const drafts = outcomes.filter((outcome) => !outcome.isPublished);
  const canPublish = consultation.status === "closed" || consultation.status === "reported";
  const field = (name: (typeof FIELD_ORDER)[number]) => ({
    name,
    label: t(`outcomes.fields.${name}`),
    error: errors?.[name],
    defaultValue: values[name],
  });
  return (
    <div className="page">
      <ErrorSummary errors={fieldErrorList(errors, FIELD_ORDER)} />
      {flash === "outcomeSaved" ? <SuccessBanner>{t("flash.outcomeSaved")}</SuccessBanner> : null}
      <p className="caption">
        <Link to={`/consultations/${consultation.id}`}>
          <TypedText>{consultation.title}</TypedText>
        </Link>
      </p>
      <h1>{t("outcomes.staffTitle")}</h1>
      <p className="lead">{t("outcomes.staffIntro")}</p>
      {actionData?.published ? (
        <div className="notice" role="status">
          {t("outcomes.publishedNotice")} <a href={publicOutcomesAddress}>{publicOutcomesAddress}</a>
        </div>
      ) : null}

      {outcomes.length === 0 ? (
        <p>{t("outcomes.none")}</p>
      ) : (
        <OutcomeList
          outcomes={outcomes}
          renderActions={(outcome) => (
            <>
              {outcome.isPublished ? <p className="hint">{t("outcomes.isPublished")}</p> : null}
              {canManage ? (
                <p>
                  <Link to={outcome.id}>
                    {t("outcomes.edit")}
                    <span className="visually-hidden"> {t("outcomes.editWhich", { position: outcomes.indexOf(outcome) + 1 })}</span>
                  </Link>
                </p>
              ) : null}
              {canManage && !outcome.isPublished ? (
                <Form method="post">
                  <CsrfInput />
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="outcomeId" value={outcome.id} />
                  <Button type="submit" className="link-button">
                    {t("outcomes.delete")}
                  </Button>
                </Form>
              ) : null}
            </>
          )}
        />
      )}

      {canManage ? (
        <>
          <section aria-labelledby="add-heading" className="section">
            <h2 id="add-heading">{t("outcomes.addHeading")}</h2>
            <Form method="post" noValidate key={outcomes.length}>
              <CsrfInput />
              <input type="hidden" name="intent" value="add" />
              <TextAreaField {...field("youSaid")} hint={t("outcomes.fields.youSaidHint")} isRequired rows={3} />
              <TextAreaField {...field("weDid")} hint={t("outcomes.fields.weDidHint")} isRequired rows={3} />
              <RadioField
                {...field("status")}
                isRequired
                options={OUTCOME_STATUSES.map((status) => ({ value: status, label: t(`outcomeStatus.${status}`) }))}
              />
              <TextInputField {...field("owner")} hint={t("outcomes.fields.ownerHint")} />
              <Button type="submit" className="button button--secondary">
                {t("outcomes.add")}
              </Button>
            </Form>
          </section>
          <section aria-labelledby="publish-heading" className="section">
            <h2 id="publish-heading">{t("outcomes.publishHeading")}</h2>
            {drafts.length > 0 && !canPublish ? <p id="publish">{t("outcomes.closeFirst")}</p> : null}
            {drafts.length > 0 && canPublish ? (
              <Form method="post" id="publish">
                <CsrfInput />
                <input type="hidden" name="intent" value="publish" />
                <p>{t("outcomes.publishHelp", { count: drafts.length })}</p>
                <Button type="submit" className="button">
                  {t("outcomes.publish")}
                </Button>
              </Form>
            ) : null}
            {drafts.length === 0 && outcomes.length > 0 ? <p>{t("outcomes.nothingToPublish")}</p> : null}
            {consultation.status === "reported" ? (
              <p>
                {t("outcomes.publicPage")} <a href={publicOutcomesAddress}>{publicOutcomesAddress}</a>
              </p>
            ) : null}
          </section>
        </>
      ) : null}
    </div>
  );
}

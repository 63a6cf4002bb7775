// A child's own sticky note for an event, from the QR code on the table card: anonymous, rate
// limited, checked for safeguarding on arrival, and shown on the facilitators' capture board.
import { takesRecords } from "~/consultations/taking-answers";
import { publicPageHandle } from "~/i18n/public-page";
import { randomUUID } from "node:crypto";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { AGE_BANDS } from "../../db/enums";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, fieldErrorList, TextAreaField } from "~/components/form";
import { isolateText, TypedText } from "~/components/typed-text";
import consultationStyles from "~/consultations/consultation.css";
import { EventNoteSchema } from "~/events/event-schema.server";
import eventStyles from "~/events/events.css";
import { normaliseShortCode } from "~/events/short-code";
import { getFixedT } from "~/i18n/locale.server";
import { addEventNote, EventClosedError, getPublicEventByCode } from "~/models/event.server";
import { HelpPanel } from "~/safeguarding/help-panel";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { fieldErrorMessages } from "~/utils/form-errors.server";
import { pageTitle } from "~/utils/meta";
import { hitRateLimit } from "~/utils/rate-limit.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: consultationStyles },
  { rel: "stylesheet", href: eventStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => pageTitle(isolateText(data?.event.title ?? ""));

async function findEvent(params: { slug?: string; code?: string }) {
  const shortCode = normaliseShortCode(params.code);
  const event = shortCode ? await getPublicEventByCode({ shortCode }) : undefined;
  if (!event || event.slug !== params.slug) throw new Response(null, { status: 404 });
  return event;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const event = await findEvent(params);
  return {
    event: { title: event.title, shortCode: event.shortCode },
    slug: event.slug,
    organisation: event.organisationName,
    takingNotes: takesRecords(event.consultationStatus),
    // A fresh id per form shown: sending the same form twice (a double tap, a resend) stores one note.
    clientId: randomUUID(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const event = await findEvent(params);
  const t = await getFixedT(request);
  // A whole class may share one school address: generous, but it stops a flood of notes.
  const limited = await hitRateLimit(`event-note:${context.clientKey}`, { limit: 60, windowMs: 10 * 60_000 });
  if (!limited.ok) return data({ errors: { text: t("events:errors.tooMany") }, sent: false, help: false }, { status: 429 });
  const parsed = EventNoteSchema.safeParse(formFields(await readVerifiedForm(request)));
  if (!parsed.success) return data({ errors: fieldErrorMessages(parsed.error, t), sent: false, help: false }, { status: 400 });
  if (!takesRecords(event.consultationStatus)) return data({ errors: { text: t("events:errors.closed") }, sent: false, help: false }, { status: 409 });
  try {
    const stored = await addEventNote({
      organisationId: event.organisationId,
      consultationId: event.consultationId,
      eventId: event.id,
      memberId: null,
      source: "child",
      // A child's note has no theme: facilitators code it later.
      note: { ...parsed.data, theme: null },
    });
    if (!stored) throw new Response(null, { status: 404 });
    return data({ errors: undefined, sent: true, help: stored.flagged });
  } catch (error) {
    if (error instanceof EventClosedError) return data({ errors: { text: t("events:errors.closed") }, sent: false, help: false }, { status: 409 });
    throw error;
  }
}

export default function TellUs() {
  const { event, slug, organisation, takingNotes, clientId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("events");
  if (actionData?.sent) {
    return (
      <div className="page page--narrow">
        {actionData.help ? <HelpPanel emphasised contact="" /> : null}
        <h1>{t("public.sent")}</h1>
        <p>
          {/* A full reload: the next note gets its own id. */}
          <a href={`/c/${slug}/events/${event.shortCode}/tell-us`}>{t("public.another")}</a>
        </p>
        <p>
          <Link to={`/c/${slug}/events/${event.shortCode}`}>
            <TypedText>{event.title}</TypedText>
          </Link>
        </p>
        {actionData.help ? null : <HelpPanel emphasised={false} contact="" />}
      </div>
    );
  }
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={fieldErrorList(actionData?.errors, ["text", "ageBand", "clientId"])} />
      <TypedText as="p" className="caption">
        {organisation}
      </TypedText>
      <h1>{t("public.tellUsTitle", { title: event.title })}</h1>
      {takingNotes ? (
        <>
          <p className="lead">{t("public.tellUsIntro")}</p>
          <Form method="post" noValidate>
            <CsrfInput />
            <input type="hidden" name="clientId" value={clientId} />
            <TextAreaField name="text" label={t("public.noteLabel")} hint={t("public.noteHint")} error={actionData?.errors?.text} rows={5} isRequired />
            <div className="field">
              <label className="field__label" htmlFor="ageBand">
                {t("public.ageBandLabel")}
              </label>
              <select id="ageBand" name="ageBand" className="input input--medium" defaultValue="">
                <option value="">{t("public.ageBandAny")}</option>
                {AGE_BANDS.map((band) => (
                  <option key={band} value={band}>
                    {t(`ageBand.${band}`)}
                  </option>
                ))}
              </select>
            </div>
            <Button type="submit" className="button">
              {t("public.send")}
            </Button>
          </Form>
        </>
      ) : (
        <p className="notice">{t("public.notTaking")}</p>
      )}
    </div>
  );
}

export const handle = publicPageHandle;

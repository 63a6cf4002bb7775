// The capture board for an event, made for a tablet in the room: sticky notes (one per note),
// dot votes, attendance by age band and photos of flipcharts. Several facilitators can use it at
// once: each note is its own row, dots are added in SQL, and the board refreshes itself.
import { randomUUID } from "node:crypto";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { AGE_BANDS } from "../../db/enums";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary, TextInputField } from "~/components/form";
import { TypedText } from "~/components/typed-text";
import { themesUsed } from "~/events/board";
import { requireEventCapturer } from "~/events/event-access.server";
import { AttendanceSchema, EventNoteSchema, VoteChangeSchema, VoteOptionSchema } from "~/events/event-schema.server";
import eventStyles from "~/events/events.css";
import { NoteComposer } from "~/events/note-composer";
import { getFixedT, getLocale } from "~/i18n/locale.server";
import { readPhoto } from "~/events/photo-type";
import { addEventNote, addEventPhoto, addVoteOption, changeVotes, EventClosedError, getEvent, getEventBoard, setAttendance } from "~/models/event.server";
import { formatDateTime } from "~/utils/date-time.server";
import { formFields, readVerifiedForm } from "~/utils/form-data.server";
import { fieldErrorMessages } from "~/utils/form-errors.server";
import { metaT, pageTitle } from "~/utils/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: eventStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(metaT(matches)("events:capture.title", { title: data?.event.title ?? "", interpolation: { escapeValue: false } }));

function scopeOf(member: { organisationId: string }, params: { id?: string; eventId?: string }) {
  return { organisationId: member.organisationId, consultationId: params.id ?? "", eventId: params.eventId ?? "" };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireEventCapturer(request, params.eventId ?? "");
  const scope = scopeOf(member, params);
  const event = await getEvent(scope);
  if (!event) throw new Response(null, { status: 404 });
  const [board, locale] = await Promise.all([getEventBoard(scope), getLocale(request)]);
  return data(
    {
      event: { id: event.id, consultationId: event.consultationId, title: event.title },
      notes: board.notes.map((note) => ({ ...note, createdAt: formatDateTime(note.createdAt, locale) })),
      options: board.options,
      attendance: board.attendance,
      photos: board.photos.map((photo) => ({ id: photo.id, createdAt: formatDateTime(photo.createdAt, locale) })),
      themes: themesUsed(board.notes),
      clientId: randomUUID(),
      updatedAt: formatDateTime(new Date(), locale),
    },
    // What children said: never kept in a shared cache.
    { headers: { "Cache-Control": "no-store" } },
  );
}

type Failure = { intent: string; errors: Partial<Record<string, string>> };

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireEventCapturer(request, params.eventId ?? "");
  const scope = { ...scopeOf(member, params), memberId: member.id };
  const formData = await readVerifiedForm(request);
  const fields = formFields(formData);
  const t = await getFixedT(request);
  const fail = (intent: string, errors: Failure["errors"], status = 400) => data<Failure>({ intent, errors }, { status });
  const back = redirect(`/consultations/${scope.consultationId}/events/${scope.eventId}/capture`);
  try {
    switch (fields.intent) {
      case "note": {
        const parsed = EventNoteSchema.safeParse(fields);
        if (!parsed.success) return fail("note", fieldErrorMessages(parsed.error, t));
        if (!(await addEventNote({ ...scope, source: "facilitator", note: parsed.data }))) throw new Response(null, { status: 404 });
        return back;
      }
      case "option": {
        const parsed = VoteOptionSchema.safeParse(fields);
        if (!parsed.success) return fail("option", fieldErrorMessages(parsed.error, t));
        if (!(await addVoteOption({ ...scope, label: parsed.data.label }))) throw new Response(null, { status: 404 });
        return back;
      }
      case "votes": {
        const parsed = VoteChangeSchema.safeParse(fields);
        if (!parsed.success) return fail("votes", fieldErrorMessages(parsed.error, t));
        if ((await changeVotes({ ...scope, ...parsed.data })) === undefined) throw new Response(null, { status: 404 });
        return back;
      }
      case "attendance": {
        const parsed = AttendanceSchema.safeParse(fields);
        if (!parsed.success) return fail("attendance", fieldErrorMessages(parsed.error, t));
        if (!(await setAttendance({ ...scope, counts: parsed.data }))) throw new Response(null, { status: 404 });
        return back;
      }
      case "photo": {
        const photo = await readPhoto(formData.get("photo"));
        if (!photo.ok) return fail("photo", { photo: t(`events:errors.${photo.error}`) }, photo.status);
        if (!(await addEventPhoto({ ...scope, ...photo }))) throw new Response(null, { status: 404 });
        return back;
      }
      default:
        return fail("", { form: t("events:errors.malformed") });
    }
  } catch (error) {
    if (error instanceof EventClosedError) return fail(fields.intent ?? "", { form: t("events:errors.closed") }, 409);
    throw error;
  }
}

/** Refreshes the board every few seconds while it is on screen, so other facilitators' notes appear. */
function useBoardPolling(intervalMs: number) {
  const revalidator = useRevalidator();
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible" && revalidator.state === "idle") revalidator.revalidate();
    }, intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs, revalidator]);
}

export default function Capture() {
  const { event, notes, options, attendance, photos, themes, clientId, updatedAt } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("events");
  useBoardPolling(5_000);
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  return (
    <div className="page">
      <ErrorSummary errors={Object.entries(errors ?? {}).flatMap(([field, message]) => (message ? [{ field, message }] : []))} />
      <p className="caption">
        <Link to={`/consultations/${event.consultationId}/events/${event.id}`}>
          <TypedText>{event.title}</TypedText>
        </Link>
      </p>
      <h1>{t("capture.title", { title: event.title })}</h1>
      <p className="lead">{t("capture.intro")}</p>
      <div className="capture-grid">
        <section aria-labelledby="note-heading">
          <h2 id="note-heading">{t("capture.noteHeading")}</h2>
          <NoteComposer
            eventId={event.id}
            notesEndpoint={`/consultations/${event.consultationId}/events/${event.id}/notes`}
            fallbackClientId={clientId}
            themes={themes}
            errors={actionData?.intent === "note" ? errors : undefined}
          />
        </section>
        <section aria-labelledby="board-heading">
          <h2 id="board-heading">{t("capture.boardHeading")}</h2>
          <p className="hint" aria-live="off">
            {t("capture.noteCount", { count: notes.length })}. {t("capture.refreshed", { time: updatedAt })}
          </p>
          {notes.length === 0 ? (
            <p>{t("capture.noNotes")}</p>
          ) : (
            <ul className="sticky-notes">
              {notes.map((note) => (
                <li key={note.id} className="sticky-note">
                  <TypedText as="p">{note.text}</TypedText>
                  <p className="sticky-note__meta">
                    {[note.theme, note.ageBand ? t(`ageBand.${note.ageBand}`) : null, note.source === "child" ? t("source.child") : null]
                      .filter(Boolean)
                      .join(" · ") || t("capture.noTheme")}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="section" aria-labelledby="votes-heading">
        <h2 id="votes-heading">{t("capture.votesHeading")}</h2>
        <p>{t("capture.votesIntro")}</p>
        {options.length === 0 ? <p>{t("capture.noOptions")}</p> : null}
        <ul className="vote-options">
          {options.map((option) => (
            <VoteOption key={option.id} option={option} />
          ))}
        </ul>
        <Form method="post" noValidate className="stack">
          <CsrfInput />
          <input type="hidden" name="intent" value="option" />
          <TextInputField name="label" label={t("capture.optionLabel")} error={actionData?.intent === "option" ? errors?.label : undefined} width="medium" />
          <Button type="submit" className="button button--secondary">
            {t("capture.addOption")}
          </Button>
        </Form>
      </section>

      <section className="section" aria-labelledby="attendance-heading">
        <h2 id="attendance-heading">{t("capture.attendanceHeading")}</h2>
        <p>{t("capture.attendanceIntro")}</p>
        <Form method="post" noValidate>
          <CsrfInput />
          <input type="hidden" name="intent" value="attendance" />
          <div className="attendance-grid">
            {AGE_BANDS.map((band) => (
              <div className="field" key={band}>
                <label className="field__label" htmlFor={band}>
                  {t(`ageBand.${band}`)}
                </label>
                <input
                  id={band}
                  name={band}
                  className="input input--short"
                  inputMode="numeric"
                  autoComplete="off"
                  defaultValue={String(attendance.find((row) => row.ageBand === band)?.count ?? 0)}
                />
              </div>
            ))}
          </div>
          <Button type="submit" className="button button--secondary">
            {t("capture.saveAttendance")}
          </Button>
        </Form>
      </section>

      <section className="section" aria-labelledby="photos-heading">
        <h2 id="photos-heading">{t("capture.photosHeading")}</h2>
        <p className="notice">{t("capture.photosReminder")}</p>
        <Form method="post" encType="multipart/form-data" className="stack">
          <CsrfInput />
          <input type="hidden" name="intent" value="photo" />
          <div className="field">
            <label className="field__label" htmlFor="photo">
              {t("capture.photoLabel")}
            </label>
            <p className="field__hint" id="photo-hint">
              {t("capture.photoHint")}
            </p>
            {actionData?.intent === "photo" && errors?.photo ? (
              <p className="field__error" id="photo-error">
                {errors.photo}
              </p>
            ) : null}
            <input
              id="photo"
              name="photo"
              type="file"
              accept="image/png,image/jpeg,image/webp"
              aria-describedby={actionData?.intent === "photo" && errors?.photo ? "photo-hint photo-error" : "photo-hint"}
            />
          </div>
          <Button type="submit" className="button button--secondary">
            {t("capture.uploadPhoto")}
          </Button>
        </Form>
        {photos.length === 0 ? (
          <p>{t("capture.noPhotos")}</p>
        ) : (
          <ul className="event-photos">
            {photos.map((photo) => (
              <li key={photo.id}>
                <img src={`photos/${photo.id}`} alt={t("capture.photoAlt", { when: photo.createdAt })} loading="lazy" />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** One option's dots, with its own fetcher: counting dots does not move the page or clear the note being typed. */
function VoteOption({ option }: { option: { id: string; label: string; votes: number } }) {
  const { t } = useTranslation("events");
  const fetcher = useFetcher();
  return (
    <li className="vote-option">
      <TypedText className="vote-option__label">{option.label}</TypedText>
      <span>{t("capture.votes", { count: option.votes })}</span>
      {(["1", "-1"] as const).map((by) => (
        <fetcher.Form method="post" key={by}>
          <CsrfInput />
          <input type="hidden" name="intent" value="votes" />
          <input type="hidden" name="optionId" value={option.id} />
          <input type="hidden" name="by" value={by} />
          <Button type="submit" className="button button--secondary button--small">
            {by === "1" ? t("capture.addDotVisible") : t("capture.removeDotVisible")}
            <span className="visually-hidden"> {t("capture.dotFor", { option: option.label })}</span>
          </Button>
        </fetcher.Form>
      ))}
    </li>
  );
}

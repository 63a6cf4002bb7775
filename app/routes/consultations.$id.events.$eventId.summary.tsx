// An event's summary, for staff to print on A4: who came (by age band), the dot votes, and the notes
// grouped by theme. It holds people's own words, so only those who may read the notes open it.
import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TypedText } from "~/components/typed-text";
import { groupNotesByTheme } from "~/events/board";
import { requireEventCapturer } from "~/events/event-access.server";
import { eventForPage } from "~/events/event-display.server";
import eventStyles from "~/events/events.css";
import { PrintButton } from "~/events/print-button";
import { getLocale } from "~/i18n/locale.server";
import { getEvent, getEventBoard } from "~/models/event.server";
import { metaT, pageTitle } from "~/utils/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: eventStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(metaT(matches)("events:summary.title", { title: data?.event.title ?? "", interpolation: { escapeValue: false } }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireEventCapturer(request, params.eventId ?? "");
  const scope = { organisationId: member.organisationId, consultationId: params.id ?? "", eventId: params.eventId ?? "" };
  const event = await getEvent(scope);
  if (!event) throw new Response(null, { status: 404 });
  const board = await getEventBoard(scope);
  return data(
    {
      event: { ...eventForPage(event, await getLocale(request)), consultationId: event.consultationId },
      attendance: board.attendance,
      attendanceTotal: board.attendance.reduce((sum, row) => sum + row.count, 0),
      options: board.options.map(({ label, votes }) => ({ label, votes })),
      themes: groupNotesByTheme(board.notes.map(({ id, text, theme, ageBand, source }) => ({ id, text, theme, ageBand, source })).reverse()),
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}

export default function EventSummary() {
  const { event, attendance, attendanceTotal, options, themes } = useLoaderData<typeof loader>();
  const { t } = useTranslation("events");
  return (
    <div className="page">
      <p className="caption no-print">
        <Link to={`/consultations/${event.consultationId}/events/${event.id}`}>
          <TypedText>{event.title}</TypedText>
        </Link>
      </p>
      <h1>{t("summary.title", { title: event.title })}</h1>
      <p className="lead">{t("event.whenValue", event.times)}</p>
      {event.place ? <TypedText as="p">{event.place}</TypedText> : null}
      <p className="inset">{t("summary.restricted")}</p>
      <PrintButton label={t("summary.print")} />

      <section className="section" aria-labelledby="attendance-heading">
        <h2 id="attendance-heading">{t("summary.attendanceHeading")}</h2>
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t("summary.attendanceHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("summary.ageBand")}</th>
                <th scope="col" className="num">
                  {t("summary.people")}
                </th>
              </tr>
            </thead>
            <tbody>
              {attendance.map((row) => (
                <tr key={row.ageBand}>
                  <th scope="row">{t(`ageBand.${row.ageBand}`)}</th>
                  <td className="num">{row.count}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t("summary.total")}</th>
                <td className="num">{attendanceTotal}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>

      {options.length ? (
        <section className="section" aria-labelledby="votes-heading">
          <h2 id="votes-heading">{t("summary.votesHeading")}</h2>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{t("summary.votesHeading")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("summary.option")}</th>
                  <th scope="col" className="num">
                    {t("summary.dots")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {options.map((option) => (
                  <tr key={option.label}>
                    <th scope="row">
                      <TypedText>{option.label}</TypedText>
                    </th>
                    <td className="num">{option.votes}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <section className="section" aria-labelledby="notes-heading">
        <h2 id="notes-heading">{t("summary.notesHeading")}</h2>
        {themes.length === 0 ? <p>{t("summary.noNotes")}</p> : null}
        {themes.map((group) => (
          <section key={group.theme ?? ""} aria-label={group.theme ?? t("capture.noTheme")}>
            <h3 className="heading-s">
              {group.theme ? <TypedText>{group.theme}</TypedText> : t("capture.noTheme")} ({t("capture.noteCount", { count: group.notes.length })})
            </h3>
            <ul className="sticky-notes">
              {group.notes.map((note) => (
                <li key={note.id} className="sticky-note">
                  <TypedText as="p">{note.text}</TypedText>
                  {note.ageBand || note.source === "child" ? (
                    <p className="sticky-note__meta">
                      {[note.ageBand ? t(`ageBand.${note.ageBand}`) : null, note.source === "child" ? t("source.child") : null].filter(Boolean).join(" · ")}
                    </p>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
    </div>
  );
}

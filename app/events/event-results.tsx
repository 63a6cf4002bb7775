// The results page's "At events" section: notes (channel `event`) by theme and by who wrote them,
// dot votes, attendance by age band, and survey answers through events' QR codes. Aggregates only,
// with small numbers suppressed as everywhere else; a filter narrows it to one event.
import { useTranslation } from "react-i18next";
import { TableCellLabel } from "~/components/table-cell-label";
import { TypedText } from "~/components/typed-text";
import type { EventResultsSummary } from "~/models/event-results.server";

type Group = { cells: { key: string | null; count: number | null; suppressed: boolean }[]; total: number | null; totalSuppressed: boolean };

function CountTable({ caption, keyHeading, countHeading, group, label, threshold }: {
  caption: string;
  keyHeading: string;
  countHeading: string;
  group: Group;
  label: (key: string | null) => React.ReactNode;
  threshold: number;
}) {
  const { t } = useTranslation("events");
  const { t: tc } = useTranslation();
  const fewer = tc("results.fewerThan", { threshold });
  return (
    <div className="table-wrap">
      <table className="table table--stack">
        <caption className="heading-s">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyHeading}</th>
            <th scope="col" className="num">
              {countHeading}
            </th>
          </tr>
        </thead>
        <tbody>
          {group.cells.map((cell) => (
            <tr key={cell.key ?? ""}>
              <th scope="row">{label(cell.key)}</th>
              <td className="num">
                <TableCellLabel>{countHeading}</TableCellLabel>
                {cell.suppressed ? fewer : cell.count}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">{t("summary.total")}</th>
            <td className="num">
              <TableCellLabel>{countHeading}</TableCellLabel>
              {group.totalSuppressed ? fewer : group.total}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

export function EventResults({ summary }: { summary: EventResultsSummary }) {
  const { t } = useTranslation("events");
  const { t: tc } = useTranslation("context");
  const { threshold } = summary;
  if (summary.events.length === 0) return null;
  const chosen = summary.events.find((event) => event.id === summary.eventId);
  return (
    <section className="section" aria-labelledby="event-results-heading">
      <h2 id="event-results-heading">{t("results.heading")}</h2>
      <p>{t("results.intro")}</p>
      {/* One event is chosen with the results filters above, so the survey answers and this section narrow together. */}
      {chosen ? (
        <p>
          {tc("eventFilter.narrowed")}{" "}
          <strong>
            <TypedText>{chosen.title}</TypedText>
          </strong>
        </p>
      ) : (
        <p>{tc("eventFilter.howToNarrow")}</p>
      )}
      <CountTable
        caption={t("results.notesByTheme")}
        keyHeading={t("results.theme")}
        countHeading={t("results.notes")}
        group={summary.notes.byTheme}
        label={(theme) => (theme === null ? t("capture.noTheme") : <TypedText>{theme}</TypedText>)}
        threshold={threshold}
      />
      <CountTable
        caption={t("results.notesBySource")}
        keyHeading={t("results.source")}
        countHeading={t("results.notes")}
        group={summary.notes.bySource}
        label={(source) => t(`source.${source}`)}
        threshold={threshold}
      />
      {summary.votes.map((group) => (
        <CountTable
          key={group.eventId}
          caption={t("results.votesFor", { title: group.title })}
          keyHeading={t("summary.option")}
          countHeading={t("summary.dots")}
          group={group}
          label={(option) => <TypedText>{option}</TypedText>}
          threshold={threshold}
        />
      ))}
      <CountTable
        caption={t("results.attendance")}
        keyHeading={t("summary.ageBand")}
        countHeading={t("summary.people")}
        group={summary.attendance}
        label={(band) => t(`ageBand.${band}`)}
        threshold={threshold}
      />
      <CountTable
        caption={t("results.surveyViaEvents")}
        keyHeading={t("results.event")}
        countHeading={t("results.answers")}
        group={summary.surveyResponses}
        label={(title) => <TypedText>{title}</TypedText>}
        threshold={threshold}
      />
    </section>
  );
}

// How the answers were given (online, with a practitioner's help, on paper, …), on the results page,
// so assisted and paper responses are marked beside the online ones. Small counts are suppressed
// like every other count.
import { useTranslation } from "react-i18next";
import { suppressSmallCounts } from "~/analysis/suppress";
import { CHANNELS, type Channel } from "../../db/enums";

export type ChannelCount = { channel: Channel; count: number | null };

/** Every channel that has responses, its count suppressed at the threshold (null: "fewer than"). */
export function channelCounts(byChannel: Map<Channel, number>, threshold: number): ChannelCount[] {
  const present = CHANNELS.filter((channel) => (byChannel.get(channel) ?? 0) > 0);
  const counts = present.map((channel) => byChannel.get(channel)!);
  const total = counts.reduce((sum, n) => sum + n, 0);
  const suppressed = suppressSmallCounts(counts, threshold, { total });
  return present.map((channel, index) => ({ channel, count: suppressed.cells[index]!.count }));
}

export function ChannelTable({ channels, threshold }: { channels: ChannelCount[]; threshold: number }) {
  const { t } = useTranslation();
  const { t: ta } = useTranslation("answering");
  // Only worth a table when something came other than online.
  if (channels.every((row) => row.channel === "online")) return null;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="heading-s">{ta("channels.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{ta("channels.channel")}</th>
            <th scope="col" className="num">
              {t("results.count")}
            </th>
          </tr>
        </thead>
        <tbody>
          {channels.map((row) => (
            <tr key={row.channel}>
              <th scope="row">{t(`channel.${row.channel}`)}</th>
              <td className="num">{row.count === null ? t("results.fewerThan", { threshold }) : row.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

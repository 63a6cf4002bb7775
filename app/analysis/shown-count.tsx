import { useTranslation } from "react-i18next";
import type { StandaloneCount } from "./suppress";

/** A count that went through suppressStandaloneCount on the server: the number, or "fewer than N". */
export function ShownCount({ count }: { count: StandaloneCount }) {
  const { t } = useTranslation();
  return <>{count.fewerThan === null ? count.count : t("results.fewerThan", { threshold: count.fewerThan })}</>;
}

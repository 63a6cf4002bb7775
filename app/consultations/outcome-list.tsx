import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { TypedText } from "~/components/typed-text";
import type { OutcomeStatus } from "../../db/enums";

type OutcomeItem = {
  id: string;
  youSaid: string;
  weDid: string;
  status: OutcomeStatus;
  owner: string;
  /** When a published item was corrected, already formatted by the loader; null if never. */
  updatedOn: string | null;
};

/** "You said, we did" items as cards: the same markup for staff and for the public page. */
export function OutcomeList<T extends OutcomeItem>({
  outcomes,
  renderActions,
}: {
  outcomes: T[];
  renderActions?: (outcome: T) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <ul className="outcome-list">
      {outcomes.map((outcome) => (
        <li key={outcome.id} className="outcome">
          <div className="outcome__said">
            <h2 className="outcome__heading">{t("outcomes.youSaid")}</h2>
            <TypedText as="p">{outcome.youSaid}</TypedText>
          </div>
          <div className="outcome__did">
            <h2 className="outcome__heading">{t("outcomes.weDid")}</h2>
            <TypedText as="p">{outcome.weDid}</TypedText>
            <p>
              <span className={`tag tag--outcome-${outcome.status}`}>{t(`outcomeStatus.${outcome.status}`)}</span>
            </p>
            {outcome.owner ? (
              <p className="outcome__owner">
                {t("outcomes.ownerLabel")} <TypedText>{outcome.owner}</TypedText>
              </p>
            ) : null}
            {outcome.updatedOn ? <p className="hint">{t("outcomes.updatedOn", { date: outcome.updatedOn })}</p> : null}
          </div>
          {renderActions ? <div className="outcome__actions">{renderActions(outcome)}</div> : null}
        </li>
      ))}
    </ul>
  );
}

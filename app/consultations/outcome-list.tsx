import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { OutcomeStatus } from "../../db/enums";

type OutcomeItem = { id: string; youSaid: string; weDid: string; status: OutcomeStatus; owner: string };

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
            <p>{outcome.youSaid}</p>
          </div>
          <div className="outcome__did">
            <h2 className="outcome__heading">{t("outcomes.weDid")}</h2>
            <p>{outcome.weDid}</p>
            <p>
              <span className={`tag tag--outcome-${outcome.status}`}>{t(`outcomeStatus.${outcome.status}`)}</span>
              {outcome.owner ? <span className="outcome__owner"> {t("outcomes.owner", { owner: outcome.owner })}</span> : null}
            </p>
          </div>
          {renderActions ? <div className="outcome__actions">{renderActions(outcome)}</div> : null}
        </li>
      ))}
    </ul>
  );
}

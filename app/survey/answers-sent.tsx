// What a child sees once their answers are stored: the reference code and what it is for, when they
// will hear back, and where to get help (first, when an answer raised a safeguarding flag). Shared by
// the rich form and the low-data pages, so both say the same thing.
import { Link } from "@remix-run/react";
import type { RefObject } from "react";
import { useTranslation } from "react-i18next";
import { HelpPanel } from "~/safeguarding/help-panel";

export function AnswersSent({
  referenceCode,
  slug,
  feedbackBy,
  help,
  publicContact,
  headingRef,
}: {
  referenceCode: string;
  slug: string;
  /** Already formatted in the page's language. */
  feedbackBy: string;
  help: boolean;
  publicContact: string;
  headingRef?: RefObject<HTMLHeadingElement>;
}) {
  const { t } = useTranslation();
  const { t: ta } = useTranslation("answering");
  return (
    <div className="page page--narrow">
      <div className="panel-confirmation">
        <h1 ref={headingRef} tabIndex={-1}>
          {t("answer.thankYou")}
        </h1>
        <p>{t("answer.referenceLabel")}</p>
        <p className="reference-code">{referenceCode}</p>
      </div>
      {help ? <HelpPanel emphasised contact={publicContact} /> : null}
      <h2 className="heading-m">{ta("sent.codeHeading")}</h2>
      <p>{ta("sent.codeFor")}</p>
      <ul className="bullets">
        <li>{ta("sent.codeSee")}</li>
        <li>{ta("sent.codeRemove")}</li>
      </ul>
      <p>{ta("sent.codeKeep")}</p>
      <ul className="link-list">
        <li>
          <Link to="/see-my-answers">{t("answer.seeMyAnswers")}</Link>
        </li>
        <li>
          <Link to="/remove-my-answers">{t("answer.removeMyAnswers")}</Link>
        </li>
      </ul>
      <p>{t("answer.whatNext", { date: feedbackBy })}</p>
      {help ? null : <HelpPanel emphasised={false} contact={publicContact} />}
      <p>
        <Link to={`/c/${slug}`}>{t("answer.backToConsultation")}</Link>
      </p>
    </div>
  );
}

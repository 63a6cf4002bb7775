// The easy-read version on the review page: its questions to read, who signed it off, and the
// advisor's sign-off button. It is a different text from the standard survey, signed off on its own.
import { Form } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { TypedText } from "~/components/typed-text";

type SignOff = { id: string; memberName: string | null; on: string; ofCurrentText: boolean };

export function EasyReadSignOff({ titles, signOffs, canSignOff }: { titles: string[]; signOffs: SignOff[]; canSignOff: boolean }) {
  const { t } = useTranslation("codesign");
  const current = signOffs.filter((signOff) => signOff.ofCurrentText);
  return (
    <section aria-labelledby="easy-read-sign-off-heading">
      <h3 id="easy-read-sign-off-heading" className="heading-m">
        {t("easyRead.heading")}
      </h3>
      {current.length > 0 ? (
        <ul className="bullets">
          {current.map((signOff) => (
            <li key={signOff.id}>{t("easyRead.signedOffBy", { name: signOff.memberName ?? t("review.someone"), date: signOff.on })}</li>
          ))}
        </ul>
      ) : (
        <p>{t("easyRead.notSignedOff")}</p>
      )}
      {signOffs.length > current.length ? <p className="hint">{t("review.earlierSignOffs", { count: signOffs.length - current.length })}</p> : null}
      <details className="disclosure">
        <summary className="disclosure__summary">{t("easyRead.readQuestions")}</summary>
        <div className="disclosure__body">
          <ol>
            {titles.map((title, index) => (
              <TypedText as="li" key={`${index}-${title}`}>
                {title}
              </TypedText>
            ))}
          </ol>
        </div>
      </details>
      {canSignOff ? (
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="intent" value="sign-off" />
          <input type="hidden" name="variant" value="easy-read" />
          <p>{t("easyRead.signOffHelp")}</p>
          <Button type="submit" className="button">
            {t("easyRead.signOff")}
          </Button>
        </Form>
      ) : null}
    </section>
  );
}

import { useTranslation } from "react-i18next";
import { TypedText } from "~/components/typed-text";

/** An assisted response's observation note, on the staff response page: the practitioner's words. */
export function ObservationNote({ note }: { note: string }) {
  const { t } = useTranslation("answering");
  return (
    <section aria-labelledby="observation-note-heading" className="section">
      <h2 id="observation-note-heading" className="heading-m">
        {t("assisted.noteTitle")}
      </h2>
      <p className="hint">{t("assisted.noteShownHint")}</p>
      <TypedText as="p" className="observation-note">
        {note}
      </TypedText>
    </section>
  );
}

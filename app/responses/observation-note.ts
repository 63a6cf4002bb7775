// An assisted response's observation note, where it sits beside answers: in a safeguarding flag's
// matches and excerpt it is filed under this key (with a space, so not a name Heard's templates use).
import { DEFAULT_LOCALE, getI18n, isSupportedLocale } from "~/i18n/i18n";

export const OBSERVATION_NOTE = "observation note";

/** "Observation note", in the response's language (like the question titles beside it). */
export function observationNoteTitle(locale: string) {
  const lng = isSupportedLocale(locale) ? locale : DEFAULT_LOCALE;
  return getI18n(lng).getFixedT(lng, "answering")("assisted.noteTitle");
}

/** The note as one more entry of a described answer list (staff response page, flag review). */
export function describedNote(note: string, title: string, segments = [{ text: note, marked: false }], flagged = false) {
  return { name: OBSERVATION_NOTE, title, other: false, flagged, segments };
}
export const OBSERVATION_NOTE_MAX = 4000;

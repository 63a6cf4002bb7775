// What a column of an imported file can be set to besides a question. Its own module, with no
// imports, so the import page's browser code gets these two names and nothing else.

/** A column that is not imported. */
export const SKIP_COLUMN = "";
/** A column holding the date each response was answered (not a question). */
export const DATE_ANSWERED_COLUMN = "@date-answered";

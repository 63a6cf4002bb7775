// Form validation shared by every action: Zod issues become one message key per field, then the
// reader's words. Messages in schemas are i18n keys (locales/<lng>/validation.json).
import { z } from "zod";

export type FieldErrors = Partial<Record<string, string>>;

/** First message key per field, in form order, for the GOV.UK error summary. */
export function firstErrorPerField(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}

/** The reader's words for each field's message key. */
export function translateFieldErrors(errors: FieldErrors, t: (key: string) => string): FieldErrors {
  const translated: FieldErrors = {};
  for (const [field, key] of Object.entries(errors)) {
    if (key) translated[field] = t(key);
  }
  return translated;
}

/** What an action returns for a form that did not parse: the first message per field, translated. */
export function fieldErrorMessages(error: z.ZodError, t: (key: string) => string): FieldErrors {
  return translateFieldErrors(firstErrorPerField(error), t);
}

/** A required, trimmed text field: one message when it is missing or blank, another when too long. */
export function requiredText(requiredKey: string, max: number, tooLongKey: string) {
  return z.string({ error: requiredKey }).trim().min(1, requiredKey).max(max, tooLongKey);
}

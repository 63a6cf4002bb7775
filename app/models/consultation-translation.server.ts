import { and, eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { TRANSLATED_FIELDS, pickTexts, type ConsultationTexts, type ConsultationTranslation } from "~/consultations/translations";
import { ConsultationStateError } from "./consultation.server";
import { recordAuditEvent } from "./audit.server";

const { consultations, consultationTranslations } = schema;

type ConsultationScope = { organisationId: string; consultationId: string };

// Translations can be added and corrected until the consultation closes: a language added while it
// is open reaches the children who have not answered yet.
const TRANSLATABLE_STATUSES = new Set(["draft", "in_review", "open"]);

export async function getConsultationTranslations({ organisationId, consultationId }: ConsultationScope) {
  const rows = await db
    .select({ locale: consultationTranslations.locale, ...textColumns() })
    .from(consultationTranslations)
    .where(and(eq(consultationTranslations.organisationId, organisationId), eq(consultationTranslations.consultationId, consultationId)));
  return rows satisfies ConsultationTranslation[];
}

/** The translation a public page in `locale` may use, if one was written. */
export async function getPublicTranslation({ organisationId, consultationId, locale }: ConsultationScope & { locale: string }) {
  const [row] = await db
    .select(textColumns())
    .from(consultationTranslations)
    .where(
      and(
        eq(consultationTranslations.organisationId, organisationId),
        eq(consultationTranslations.consultationId, consultationId),
        eq(consultationTranslations.locale, locale),
      ),
    );
  return row;
}

/**
 * Saves the consultation's words in other languages: one row per language, replaced whole; an
 * empty language is removed. Returns the languages that changed, undefined if there is no such
 * consultation; refuses (ConsultationStateError) once it has closed.
 */
export async function saveConsultationTranslations({
  organisationId,
  consultationId,
  memberId,
  translations,
}: ConsultationScope & { memberId: string | null; translations: ConsultationTranslation[] }) {
  return db.transaction(async (tx) => {
    const [consultation] = await tx
      .select({ status: consultations.status })
      .from(consultations)
      .where(and(eq(consultations.id, consultationId), eq(consultations.organisationId, organisationId)));
    if (!consultation) return undefined;
    if (!TRANSLATABLE_STATUSES.has(consultation.status)) {
      throw new ConsultationStateError("The consultation is closed, so its words can no longer change.");
    }
    const existing = await tx
      .select({ locale: consultationTranslations.locale, ...textColumns() })
      .from(consultationTranslations)
      .where(and(eq(consultationTranslations.organisationId, organisationId), eq(consultationTranslations.consultationId, consultationId)));
    const changed: string[] = [];
    for (const translation of translations) {
      const before = existing.find((row) => row.locale === translation.locale);
      const texts = pickTexts(translation);
      const empty = TRANSLATED_FIELDS.every((field) => texts[field].trim() === "");
      if (before && TRANSLATED_FIELDS.every((field) => before[field] === texts[field])) continue;
      if (!before && empty) continue;
      const where = and(
        eq(consultationTranslations.organisationId, organisationId),
        eq(consultationTranslations.consultationId, consultationId),
        eq(consultationTranslations.locale, translation.locale),
      );
      if (empty) await tx.delete(consultationTranslations).where(where);
      else if (before) await tx.update(consultationTranslations).set({ ...texts, updatedAt: new Date() }).where(where);
      else {
        await tx
          .insert(consultationTranslations)
          .values({ organisationId, consultationId, locale: translation.locale, ...texts, updatedAt: new Date() });
      }
      changed.push(translation.locale);
    }
    if (changed.length > 0) {
      await recordAuditEvent(
        {
          organisationId,
          memberId,
          action: "consultation.translations_changed",
          subjectType: "consultation",
          subjectId: consultationId,
          detail: { locales: changed },
        },
        tx,
      );
    }
    return changed;
  });
}

function textColumns(): Record<keyof ConsultationTexts, (typeof consultationTranslations)[keyof ConsultationTexts]> {
  return {
    title: consultationTranslations.title,
    purpose: consultationTranslations.purpose,
    whoFor: consultationTranslations.whoFor,
    audience: consultationTranslations.audience,
    dataUseStatement: consultationTranslations.dataUseStatement,
  };
}

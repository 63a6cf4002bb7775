// What the app imports for types and vocabularies. The tables themselves come from
// `~/db.server` (`schema`), which picks the dialect the app runs on; both dialects have the same shape.
import type * as pg from "./schema.pg";

export * from "./enums";

export type Organisation = typeof pg.organisations.$inferSelect;
export type Member = typeof pg.members.$inferSelect;
export type Consultation = typeof pg.consultations.$inferSelect;
export type SurveyVersion = typeof pg.surveyVersions.$inferSelect;
export type Response = typeof pg.responses.$inferSelect;
export type Outcome = typeof pg.outcomes.$inferSelect;
export type SafeguardingFlag = typeof pg.safeguardingFlags.$inferSelect;
export type Notification = typeof pg.notifications.$inferSelect;
export type ConsultationEvent = typeof pg.events.$inferSelect;
export type EventNote = typeof pg.eventNotes.$inferSelect;

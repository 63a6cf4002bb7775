// The Heard schema. Side-effect free: imported by the app, drizzle-kit, the seed and tests.
// Every table that holds organisation data carries organisation_id, and every model query filters on it.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { CHANNELS, CONSULTATION_STATUSES, MEMBER_ROLES, OUTCOME_STATUSES, VARIANTS } from "./enums";

export * from "./enums";


const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());
const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const organisations = sqliteTable("organisations", {
  id: id(),
  name: text("name").notNull(),
  // Counts below this are shown as "fewer than N" in every aggregate view and export.
  suppressionThreshold: integer("suppression_threshold").notNull().default(5),
  createdAt: createdAt(),
});

export const members = sqliteTable(
  "members",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: MEMBER_ROLES }).notNull(),
    isSafeguardingLead: integer("is_safeguarding_lead", { mode: "boolean" }).notNull().default(false),
    passwordHash: text("password_hash").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("members_email_unique").on(t.email), index("members_org_idx").on(t.organisationId)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    // SHA-256 of the cookie token: a copy of the database does not hand out live sessions.
    id: text("id").primaryKey(),
    memberId: text("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sessions_member_idx").on(t.memberId)],
);

export const consultations = sqliteTable(
  "consultations",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    purpose: text("purpose").notNull(),
    whoFor: text("who_for").notNull(),
    // Lundy "Audience": the named decision-maker who will hear the results.
    audience: text("audience").notNull(),
    opensOn: text("opens_on").notNull(),
    closesOn: text("closes_on").notNull(),
    feedbackBy: text("feedback_by").notNull(),
    dataUseStatement: text("data_use_statement").notNull().default(""),
    retentionMonths: integer("retention_months").notNull().default(24),
    status: text("status", { enum: CONSULTATION_STATUSES }).notNull().default("draft"),
    templateId: text("template_id"),
    // The working survey definition (SurveyJS JSON) until it is frozen into a survey version.
    draftDefinition: text("draft_definition", { mode: "json" }).$type<Record<string, unknown>>(),
    outcomesPublishedAt: integer("outcomes_published_at", { mode: "timestamp_ms" }),
    createdBy: text("created_by").references(() => members.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("consultations_slug_unique").on(t.slug), index("consultations_org_idx").on(t.organisationId)],
);

export const surveyVersions = sqliteTable(
  "survey_versions",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    consultationId: text("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    variant: text("variant", { enum: VARIANTS }).notNull().default("standard"),
    // Immutable once published: responses point at the version they answered.
    definition: text("definition", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("survey_versions_unique").on(t.consultationId, t.version, t.variant)],
);

export const responses = sqliteTable(
  "responses",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    consultationId: text("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    surveyVersionId: text("survey_version_id")
      .notNull()
      .references(() => surveyVersions.id, { onDelete: "cascade" }),
    variant: text("variant", { enum: VARIANTS }).notNull(),
    locale: text("locale").notNull(),
    channel: text("channel", { enum: CHANNELS }).notNull(),
    answers: text("answers", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    referenceCode: text("reference_code").notNull(),
    flags: text("flags", { mode: "json" }).notNull().$type<string[]>().default(sql`'[]'`),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }).notNull(),
    withdrawnAt: integer("withdrawn_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("responses_reference_unique").on(t.referenceCode),
    index("responses_consultation_idx").on(t.organisationId, t.consultationId),
  ],
);

export const outcomes = sqliteTable(
  "outcomes",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    consultationId: text("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    youSaid: text("you_said").notNull(),
    weDid: text("we_did").notNull(),
    status: text("status", { enum: OUTCOME_STATUSES }).notNull(),
    owner: text("owner").notNull().default(""),
    position: integer("position").notNull().default(0),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("outcomes_consultation_idx").on(t.organisationId, t.consultationId)],
);

export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    memberId: text("member_id").references(() => members.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index("audit_events_org_idx").on(t.organisationId, t.createdAt)],
);

export type Organisation = typeof organisations.$inferSelect;
export type Member = typeof members.$inferSelect;
export type Consultation = typeof consultations.$inferSelect;
export type SurveyVersion = typeof surveyVersions.$inferSelect;
export type Response = typeof responses.$inferSelect;
export type Outcome = typeof outcomes.$inferSelect;

// The Heard schema for PostgreSQL (councils running several app servers). Side-effect free.
// The twin of schema.sqlite.ts: the same tables, columns, keys, defaults and foreign keys, kept so
// by tests/unit/schema-parity.test.ts. The app's types come from this file (see db/schema.ts).
import { bigint, boolean, index, integer, json, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import {
  CHANNELS,
  CONSULTATION_STATUSES,
  FLAG_SOURCES,
  FLAG_STATUSES,
  MEMBER_LINK_PURPOSES,
  MEMBER_ROLES,
  NOTIFICATION_STATUSES,
  OUTCOME_STATUSES,
  VARIANTS,
} from "./enums";

export * from "./enums";

const id = () =>
  text("id")
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID());
const timestampMs = (name: string) => timestamp(name, { withTimezone: true, mode: "date", precision: 3 });
const createdAt = () => timestampMs("created_at").notNull().defaultNow();
// Milliseconds since the epoch, as a plain number (rate limits and job locks compare them in SQL).
const epochMs = (name: string) => bigint(name, { mode: "number" });

export const organisations = pgTable("organisations", {
  id: id(),
  name: text("name").notNull(),
  suppressionThreshold: integer("suppression_threshold").notNull().default(5),
  publicContact: text("public_contact").notNull().default(""),
  createdAt: createdAt(),
});

export const members = pgTable(
  "members",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role", { enum: MEMBER_ROLES }).notNull(),
    isSafeguardingLead: boolean("is_safeguarding_lead").notNull().default(false),
    passwordHash: text("password_hash").notNull(),
    deactivatedAt: timestampMs("deactivated_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("members_email_unique").on(t.email), index("members_org_idx").on(t.organisationId)],
);

export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    memberId: text("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestampMs("last_seen_at").notNull(),
    expiresAt: timestampMs("expires_at").notNull(),
  },
  (t) => [index("sessions_member_idx").on(t.memberId)],
);

export const consultations = pgTable(
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
    audience: text("audience").notNull(),
    opensOn: text("opens_on").notNull(),
    closesOn: text("closes_on").notNull(),
    feedbackBy: text("feedback_by").notNull(),
    dataUseStatement: text("data_use_statement").notNull().default(""),
    // Who children and families can ask about this consultation; empty: the organisation's public contact.
    contact: text("contact").notNull().default(""),
    retentionMonths: integer("retention_months").notNull().default(24),
    status: text("status", { enum: CONSULTATION_STATUSES }).notNull().default("draft"),
    templateId: text("template_id"),
    // json, not jsonb: a survey definition keeps its key order and comes back exactly as written.
    draftDefinition: json("draft_definition").$type<Record<string, unknown>>(),
    outcomesPublishedAt: timestampMs("outcomes_published_at"),
    closedAt: timestampMs("closed_at"),
    withdrawnCount: integer("withdrawn_count").notNull().default(0),
    answersDeletedAt: timestampMs("answers_deleted_at"),
    createdBy: text("created_by").references(() => members.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestampMs("updated_at"),
  },
  (t) => [uniqueIndex("consultations_slug_unique").on(t.slug), index("consultations_org_idx").on(t.organisationId)],
);

export const surveyVersions = pgTable(
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
    definition: json("definition").notNull().$type<Record<string, unknown>>(),
    publishedAt: timestampMs("published_at").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("survey_versions_unique").on(t.consultationId, t.version, t.variant)],
);

export const responses = pgTable(
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
    answers: jsonb("answers").notNull().$type<Record<string, unknown>>(),
    referenceCode: text("reference_code").notNull(),
    flags: jsonb("flags").notNull().$type<string[]>().default([]),
    submittedAt: timestampMs("submitted_at").notNull(),
    withdrawnAt: timestampMs("withdrawn_at"),
    observationNote: text("observation_note"),
  },
  (t) => [
    uniqueIndex("responses_reference_unique").on(t.referenceCode),
    index("responses_consultation_idx").on(t.organisationId, t.consultationId),
  ],
);

export const answerDrafts = pgTable(
  "answer_drafts",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    consultationId: text("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    surveyVersionId: text("survey_version_id")
      .notNull()
      .references(() => surveyVersions.id, { onDelete: "cascade" }),
    answers: jsonb("answers").notNull().$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    expiresAt: timestampMs("expires_at").notNull(),
  },
  (t) => [index("answer_drafts_expires_idx").on(t.expiresAt)],
);

export const outcomes = pgTable(
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
    publishedAt: timestampMs("published_at"),
    // Last change; a change after publishing is shown publicly as "updated on <date>".
    updatedAt: timestampMs("updated_at"),
    createdAt: createdAt(),
  },
  (t) => [index("outcomes_consultation_idx").on(t.organisationId, t.consultationId)],
);

export const auditEvents = pgTable(
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
    detail: jsonb("detail").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index("audit_events_org_idx").on(t.organisationId, t.createdAt)],
);

export const memberLinks = pgTable(
  "member_links",
  {
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    memberId: text("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: MEMBER_LINK_PURPOSES }).notNull(),
    expiresAt: timestampMs("expires_at").notNull(),
    usedAt: timestampMs("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("member_links_member_idx").on(t.memberId)],
);

export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  resetAt: epochMs("reset_at").notNull(),
});

export const jobLocks = pgTable("job_locks", {
  name: text("name").primaryKey(),
  nextRunAt: epochMs("next_run_at").notNull(),
  lastStartedAt: epochMs("last_started_at"),
  lastFinishedAt: epochMs("last_finished_at"),
  lastResult: text("last_result"),
});

export const safeguardingPhraseLists = pgTable("safeguarding_phrase_lists", {
  organisationId: text("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  phrases: jsonb("phrases").notNull().$type<string[]>(),
  updatedBy: text("updated_by").references(() => members.id, { onDelete: "set null" }),
  updatedAt: timestampMs("updated_at").notNull(),
});

export const safeguardingFlags = pgTable(
  "safeguarding_flags",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    consultationId: text("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    responseId: text("response_id").references(() => responses.id, { onDelete: "set null" }),
    source: text("source", { enum: FLAG_SOURCES }).notNull(),
    status: text("status", { enum: FLAG_STATUSES }).notNull().default("new"),
    matches: jsonb("matches").notNull().$type<{ question: string; phrases: string[] }[]>(),
    excerpt: jsonb("excerpt").$type<{ question: string; title: string; text: string }[]>(),
    raisedBy: text("raised_by").references(() => members.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestampMs("updated_at").notNull(),
    contentDeletedAt: timestampMs("content_deleted_at"),
  },
  (t) => [index("safeguarding_flags_org_idx").on(t.organisationId, t.status), index("safeguarding_flags_response_idx").on(t.responseId)],
);

export const safeguardingFlagNotes = pgTable(
  "safeguarding_flag_notes",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    flagId: text("flag_id")
      .notNull()
      .references(() => safeguardingFlags.id, { onDelete: "cascade" }),
    memberId: text("member_id").references(() => members.id, { onDelete: "set null" }),
    status: text("status", { enum: FLAG_STATUSES }).notNull(),
    note: text("note").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("safeguarding_flag_notes_flag_idx").on(t.flagId)],
);

export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    memberId: text("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    subjectId: text("subject_id"),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    status: text("status", { enum: NOTIFICATION_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: timestampMs("sent_at"),
  },
  (t) => [index("notifications_status_idx").on(t.status), index("notifications_org_idx").on(t.organisationId, t.createdAt)],
);

// The Heard schema for SQLite (the embedded default). Side-effect free: imported by the app,
// drizzle-kit and tests. Its PostgreSQL twin is schema.pg.ts: the same tables, columns, keys,
// defaults and foreign keys, kept so by tests/unit/schema-parity.test.ts.
// Every table that holds organisation data carries organisation_id, and every model query filters on it.
import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
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
const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const organisations = sqliteTable("organisations", {
  id: id(),
  name: text("name").notNull(),
  // Counts below this are shown as "fewer than N" in every aggregate view and export.
  suppressionThreshold: integer("suppression_threshold").notNull().default(5),
  // Shown on public pages: who children and families can contact at the council.
  publicContact: text("public_contact").notNull().default(""),
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
    // Empty until an invited member sets a password through their one-time link.
    passwordHash: text("password_hash").notNull(),
    // A deactivated member cannot sign in, and their sessions end at once.
    deactivatedAt: integer("deactivated_at", { mode: "timestamp_ms" }),
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
    // Who children and families can ask about this consultation; empty: the organisation's public contact.
    contact: text("contact").notNull().default(""),
    retentionMonths: integer("retention_months").notNull().default(24),
    status: text("status", { enum: CONSULTATION_STATUSES }).notNull().default("draft"),
    templateId: text("template_id"),
    // The working survey definition (SurveyJS JSON) until it is frozen into a survey version.
    draftDefinition: text("draft_definition", { mode: "json" }).$type<Record<string, unknown>>(),
    outcomesPublishedAt: integer("outcomes_published_at", { mode: "timestamp_ms" }),
    // When it stopped taking answers: the retention period runs from here.
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    // Withdrawn responses are deleted; only how many remains.
    withdrawnCount: integer("withdrawn_count").notNull().default(0),
    // When the retention job deleted the raw answers (aggregates already published remain).
    answersDeletedAt: integer("answers_deleted_at", { mode: "timestamp_ms" }),
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
    // Assisted responses: what the practitioner noticed ("how did they seem", "how they communicated").
    observationNote: text("observation_note"),
  },
  (t) => [
    uniqueIndex("responses_reference_unique").on(t.referenceCode),
    index("responses_consultation_idx").on(t.organisationId, t.consultationId),
  ],
);

// Answers in progress on the no-JavaScript pages, between one page and the next. Not a response:
// never counted, never acknowledged; deleted when sent and an hour after the last page (ADR 0007).
export const answerDrafts = sqliteTable(
  "answer_drafts",
  {
    // SHA-256 of the random token in the child's cookie.
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
    answers: text("answers", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("answer_drafts_expires_idx").on(t.expiresAt)],
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
    // Last change; a change after publishing is shown publicly as "updated on <date>".
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
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

export const memberLinks = sqliteTable(
  "member_links",
  {
    // SHA-256 of the one-time token in the link: a copy of the database hands out no live links.
    id: text("id").primaryKey(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    memberId: text("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: MEMBER_LINK_PURPOSES }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("member_links_member_idx").on(t.memberId)],
);

// Shared by every app process: a limit counted here holds across a load balancer.
export const rateLimits = sqliteTable("rate_limits", {
  // A hash of what is limited (never an address or an email in clear).
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  resetAt: integer("reset_at").notNull(),
});

// One row per scheduled job: a process claims a run by moving next_run_at forward in one UPDATE.
export const jobLocks = sqliteTable("job_locks", {
  name: text("name").primaryKey(),
  nextRunAt: integer("next_run_at").notNull(),
  lastStartedAt: integer("last_started_at"),
  lastFinishedAt: integer("last_finished_at"),
  lastResult: text("last_result"),
});

// An organisation's own list of concerning words and phrases; without a row, the default list applies.
export const safeguardingPhraseLists = sqliteTable("safeguarding_phrase_lists", {
  organisationId: text("organisation_id")
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  phrases: text("phrases", { mode: "json" }).notNull().$type<string[]>(),
  updatedBy: text("updated_by").references(() => members.id, { onDelete: "set null" }),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
});

// A response that may show a child is not safe, for the safeguarding lead's queue.
export const safeguardingFlags = sqliteTable(
  "safeguarding_flags",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    consultationId: text("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    // Null once the response is withdrawn, erased or past retention: the flag and its history stay.
    responseId: text("response_id").references(() => responses.id, { onDelete: "set null" }),
    source: text("source", { enum: FLAG_SOURCES }).notNull(),
    status: text("status", { enum: FLAG_STATUSES }).notNull().default("new"),
    // Which entries of the list matched, per question (never the child's own words).
    matches: text("matches", { mode: "json" }).notNull().$type<{ question: string; phrases: string[] }[]>(),
    // A copy of the flagged answers, so a withdrawal cannot erase a disclosure; deleted by retention.
    excerpt: text("excerpt", { mode: "json" }).$type<{ question: string; title: string; text: string }[]>(),
    raisedBy: text("raised_by").references(() => members.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    contentDeletedAt: integer("content_deleted_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("safeguarding_flags_org_idx").on(t.organisationId, t.status), index("safeguarding_flags_response_idx").on(t.responseId)],
);

// Each status change of a flag, with the note that must come with it.
export const safeguardingFlagNotes = sqliteTable(
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

// The outbox: one row per notification, sent by email when SMTP is set up, otherwise read in the app.
// A notification carries a link, never what a child wrote.
export const notifications = sqliteTable(
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
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("notifications_status_idx").on(t.status), index("notifications_org_idx").on(t.organisationId, t.createdAt)],
);

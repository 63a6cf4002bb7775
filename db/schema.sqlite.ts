// The Heard schema for SQLite (the embedded default). Side-effect free: imported by the app,
// drizzle-kit and tests. Its PostgreSQL twin is schema.pg.ts: the same tables, columns, keys,
// defaults and foreign keys, kept so by tests/unit/schema-parity.test.ts.
// Every table that holds organisation data carries organisation_id, and every model query filters on it.
import { sql } from "drizzle-orm";
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import {
  API_TOKEN_SCOPES,
  ACCESS_ARRANGEMENTS,
  AGE_BANDS,
  CHANNELS,
  CONSULTATION_STATUSES,
  EVENT_FORMATS,
  EVENT_NOTE_SOURCES,
  EVENT_PHOTO_TYPES,
  FLAG_SOURCES,
  FLAG_STATUSES,
  MEMBER_LINK_PURPOSES,
  MEMBER_ROLES,
  NOTIFICATION_STATUSES,
  OUTCOME_STATUSES,
  SUGGESTION_STATUSES,
  SURVEY_PICTURE_TYPES,
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
    // The easy-read survey published beside each version of the draft (from a template); its
    // questions share names with the standard survey's so their answers pool.
    draftEasyReadDefinition: text("draft_easy_read_definition", { mode: "json" }).$type<Record<string, unknown>>(),
    // Goes up by one with every change to the draft: a save based on an older revision is refused.
    draftRevision: integer("draft_revision").notNull().default(0),
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

// The consultation's own words (title, purpose, who it is for, audience, data use) in another UI
// language, so a Welsh or Polish public page reads in one language throughout. A row is used only
// when its required texts are all there (app/consultations/translations.ts).
export const consultationTranslations = sqliteTable(
  "consultation_translations",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    consultationId: text("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    locale: text("locale").notNull(),
    title: text("title").notNull().default(""),
    purpose: text("purpose").notNull().default(""),
    whoFor: text("who_for").notNull().default(""),
    audience: text("audience").notNull().default(""),
    dataUseStatement: text("data_use_statement").notNull().default(""),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("consultation_translations_unique").on(t.consultationId, t.locale)],
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
    // The consultation event whose QR code or short link the answer came through, if any.
    eventId: text("event_id").references(() => events.id, { onDelete: "set null" }),
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
    // Set instead of response_id when the flagged words are an event note (docs/decisions/0008-events.md).
    eventNoteId: text("event_note_id").references(() => eventNotes.id, { onDelete: "set null" }),
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

// A code an officer gives young advisors so they can make their own account: no email needed.
// Only a hash of the code is kept; the code itself is shown once, to the officer who made it.
export const advisorInvitations = sqliteTable(
  "advisor_invitations",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    createdBy: text("created_by").references(() => members.id, { onDelete: "set null" }),
    maxUses: integer("max_uses").notNull(),
    uses: integer("uses").notNull().default(0),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("advisor_invitations_code_unique").on(t.codeHash), index("advisor_invitations_org_idx").on(t.organisationId)],
);

// Co-design feedback on a draft survey: on one question (by name) or, with no question, on the whole survey.
// A reply points at the comment it answers; resolving a comment resolves its thread.
export const surveyComments = sqliteTable(
  "survey_comments",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    consultationId: text("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    questionName: text("question_name"),
    parentId: text("parent_id"),
    authorId: text("author_id").references(() => members.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
    resolvedBy: text("resolved_by").references(() => members.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("survey_comments_consultation_idx").on(t.organisationId, t.consultationId)],
);

// A suggested rewording of a question's title, accepted into the draft or declined with one action.
export const wordingSuggestions = sqliteTable(
  "wording_suggestions",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    consultationId: text("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    questionName: text("question_name").notNull(),
    // The title when the suggestion was made, so the officer sees what it would replace.
    currentText: text("current_text").notNull(),
    suggestedText: text("suggested_text").notNull(),
    status: text("status", { enum: SUGGESTION_STATUSES }).notNull().default("open"),
    suggestedBy: text("suggested_by").references(() => members.id, { onDelete: "set null" }),
    decidedBy: text("decided_by").references(() => members.id, { onDelete: "set null" }),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("wording_suggestions_consultation_idx").on(t.organisationId, t.consultationId)],
);

// "Young advisors reviewed this survey on <date>": which definition they reviewed, by its hash, so the
// public page only says so when the survey children answer is the one that was reviewed.
export const surveySignOffs = sqliteTable(
  "survey_sign_offs",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    consultationId: text("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    memberId: text("member_id").references(() => members.id, { onDelete: "set null" }),
    definitionHash: text("definition_hash").notNull(),
    // Standard and easy read are different texts, each signed off on its own.
    variant: text("variant", { enum: VARIANTS }).notNull().default("standard"),
    createdAt: createdAt(),
  },
  (t) => [index("survey_sign_offs_consultation_idx").on(t.organisationId, t.consultationId)],
);

// The survey builder's history: every saved state of a consultation's draft survey, who saved it and when.
export const surveyDraftSaves = sqliteTable(
  "survey_draft_saves",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    consultationId: text("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    definition: text("definition", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    savedBy: text("saved_by").references(() => members.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("survey_draft_saves_revision_unique").on(t.consultationId, t.revision)],
);

// ---------------------------------------------------------------------------------------------
// Consultation events (docs/decisions/0008-events.md)
// ---------------------------------------------------------------------------------------------

export const events = sqliteTable(
  "events",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    consultationId: text("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    // Six characters without look-alikes, for the short link and the QR code (/e/<code>).
    shortCode: text("short_code").notNull(),
    title: text("title").notNull(),
    startsAt: integer("starts_at", { mode: "timestamp_ms" }).notNull(),
    endsAt: integer("ends_at", { mode: "timestamp_ms" }).notNull(),
    place: text("place").notNull().default(""),
    onlineLink: text("online_link").notNull().default(""),
    format: text("format", { enum: EVENT_FORMATS }).notNull(),
    whoFor: text("who_for").notNull().default(""),
    accessArrangements: text("access_arrangements", { mode: "json" })
      .notNull()
      .$type<(typeof ACCESS_ARRANGEMENTS)[number][]>()
      .default(sql`'[]'`),
    accessNotes: text("access_notes").notNull().default(""),
    expectedNumbers: integer("expected_numbers"),
    createdBy: text("created_by").references(() => members.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("events_short_code_unique").on(t.shortCode), index("events_consultation_idx").on(t.organisationId, t.consultationId)],
);

export const eventFacilitators = sqliteTable(
  "event_facilitators",
  {
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    memberId: text("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.memberId] })],
);

export const eventNotes = sqliteTable(
  "event_notes",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    consultationId: text("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    // Made by the device that wrote the note, so a resend after a dropped connection is not a second note.
    clientId: text("client_id").notNull(),
    text: text("text").notNull(),
    ageBand: text("age_band", { enum: AGE_BANDS }),
    theme: text("theme"),
    source: text("source", { enum: EVENT_NOTE_SOURCES }).notNull(),
    createdBy: text("created_by").references(() => members.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("event_notes_client_unique").on(t.eventId, t.clientId), index("event_notes_event_idx").on(t.organisationId, t.eventId)],
);

export const eventVoteOptions = sqliteTable(
  "event_vote_options",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    // Changed only by adding in SQL (votes = votes + n), so two facilitators never overwrite each other.
    votes: integer("votes").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("event_vote_options_label_unique").on(t.eventId, t.label)],
);

/** How many came, per age band: numbers only, never names. */
export const eventAttendance = sqliteTable(
  "event_attendance",
  {
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    ageBand: text("age_band", { enum: AGE_BANDS }).notNull(),
    count: integer("count").notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.ageBand] })],
);

/** Photos of flipcharts, kept in the database (never under public/), served only to staff. */
export const eventPhotos = sqliteTable(
  "event_photos",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    contentType: text("content_type", { enum: EVENT_PHOTO_TYPES }).notNull(),
    bytes: blob("bytes", { mode: "buffer" }).notNull(),
    byteSize: integer("byte_size").notNull(),
    createdBy: text("created_by").references(() => members.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("event_photos_event_idx").on(t.organisationId, t.eventId)],
);

// A consultation's codebook: themes applied to free-text answers and event notes (coding).
export const themes = sqliteTable(
  "themes",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    consultationId: text("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    // One of the codebook's named colours (app/analysis/theme-colours.ts), never free CSS.
    colour: text("colour").notNull(),
    // A sub-theme names its parent; the parent is always in the same codebook.
    parentId: text("parent_id"),
    createdAt: createdAt(),
  },
  (t) => [index("themes_consultation_idx").on(t.organisationId, t.consultationId)],
);

// One analyst's coding of one free-text answer: the themes they applied (possibly none, which
// still says "coded"). Two analysts coding the same answer give two rows: double coding.
export const answerCodings = sqliteTable(
  "answer_codings",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    consultationId: text("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    responseId: text("response_id")
      .notNull()
      .references(() => responses.id, { onDelete: "cascade" }),
    questionName: text("question_name").notNull(),
    memberId: text("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    themeIds: text("theme_ids", { mode: "json" }).notNull().$type<string[]>(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("answer_codings_unique").on(t.responseId, t.questionName, t.memberId),
    index("answer_codings_consultation_idx").on(t.organisationId, t.consultationId),
  ],
);

// One analyst's coding of one event note, with the same codebook as answers. Its own table rather
// than a column on answer_codings (whose response and question are required, and SQLite cannot
// relax that without a table rebuild). Deleting the note (retention) deletes its codings.
export const eventNoteCodings = sqliteTable(
  "event_note_codings",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    consultationId: text("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    eventNoteId: text("event_note_id")
      .notNull()
      .references(() => eventNotes.id, { onDelete: "cascade" }),
    memberId: text("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    themeIds: text("theme_ids", { mode: "json" }).notNull().$type<string[]>(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [
    uniqueIndex("event_note_codings_unique").on(t.eventNoteId, t.memberId),
    index("event_note_codings_consultation_idx").on(t.organisationId, t.consultationId),
  ],
);

// An answer marked as a quote worth featuring (for "you said, we did").
export const featuredQuotes = sqliteTable(
  "featured_quotes",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    consultationId: text("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    responseId: text("response_id")
      .notNull()
      .references(() => responses.id, { onDelete: "cascade" }),
    questionName: text("question_name").notNull(),
    memberId: text("member_id").references(() => members.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("featured_quotes_unique").on(t.responseId, t.questionName)],
);

// Tokens for the council's analysts' API. Only a SHA-256 of the token is kept: it is shown once.
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    scope: text("scope", { enum: API_TOKEN_SCOPES }).notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    createdBy: text("created_by").references(() => members.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("api_tokens_hash_unique").on(t.tokenHash), index("api_tokens_org_idx").on(t.organisationId)],
);

// An organisation's own survey templates: a copy of a consultation's survey (standard, and its
// easy-read variant when it has one), never its responses. Deleting archives: a template that
// consultations started from stays in the record.
export const surveyTemplates = sqliteTable(
  "survey_templates",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    // Optional "before you start" note that officers adapt for each consultation.
    beforeYouStart: text("before_you_start").notNull().default(""),
    definition: text("definition", { mode: "json" }).notNull().$type<Record<string, unknown>>(),
    easyReadDefinition: text("easy_read_definition", { mode: "json" }).$type<Record<string, unknown>>(),
    sourceConsultationId: text("source_consultation_id").references(() => consultations.id, { onDelete: "set null" }),
    createdBy: text("created_by").references(() => members.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
    archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("survey_templates_org_idx").on(t.organisationId)],
);

// Pictures an organisation uploaded for picture-choice answers and information text. Served
// publicly at /pictures/<id> (children load them without signing in), so they hold no personal data.
export const surveyPictures = sqliteTable(
  "survey_pictures",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    altText: text("alt_text").notNull(),
    contentType: text("content_type", { enum: SURVEY_PICTURE_TYPES }).notNull(),
    bytes: blob("bytes", { mode: "buffer" }).notNull(),
    byteSize: integer("byte_size").notNull(),
    createdBy: text("created_by").references(() => members.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("survey_pictures_org_idx").on(t.organisationId)],
);

// A CSV file of responses an officer uploaded to import, kept between checking it and confirming
// (so the file is sent once, and the column matches survive a page reload). Only the member who
// uploaded it sees it; deleted a day after upload, whether imported or not (ADR 0014).
export const responseImports = sqliteTable(
  "response_imports",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    consultationId: text("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    memberId: text("member_id")
      .notNull()
      .references(() => members.id, { onDelete: "cascade" }),
    fileName: text("file_name").notNull(),
    csv: text("csv").notNull(),
    // One target per column (a question name, "" for not imported): see app/imports/column-mapping.ts.
    mapping: text("mapping", { mode: "json" }).$type<string[]>(),
    // Once imported: how many responses were stored, and the rows that were not, with their reason.
    importedAt: integer("imported_at", { mode: "timestamp_ms" }),
    result: text("result", { mode: "json" }).$type<{ imported: number; rejected: { row: number; reason: string }[] }>(),
    createdAt: createdAt(),
  },
  (t) => [index("response_imports_created_idx").on(t.createdAt)],
);

// Context from the council's own records: one aggregate figure (never a child-level record), e.g.
// "children in care aged 8–12: 140, CLA return, 2026-03-31", shown beside a consultation's answers.
export const contextFigures = sqliteTable(
  "context_figures",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    consultationId: text("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    value: integer("value").notNull(),
    // A breakdown key such as an age band ("8–12"), matched to a choice question's answers.
    groupName: text("group_name").notNull().default(""),
    source: text("source").notNull(),
    // The day the figure describes (YYYY-MM-DD).
    asOf: text("as_of").notNull(),
    createdBy: text("created_by").references(() => members.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("context_figures_consultation_idx").on(t.organisationId, t.consultationId)],
);

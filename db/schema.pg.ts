// The Heard schema for PostgreSQL (councils running several app servers). Side-effect free.
// The twin of schema.sqlite.ts: the same tables, columns, keys, defaults and foreign keys, kept so
// by tests/unit/schema-parity.test.ts. The app's types come from this file (see db/schema.ts).
import { bigint, boolean, customType, index, integer, json, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
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
const timestampMs = (name: string) => timestamp(name, { withTimezone: true, mode: "date", precision: 3 });
const createdAt = () => timestampMs("created_at").notNull().defaultNow();
// Milliseconds since the epoch, as a plain number (rate limits and job locks compare them in SQL).
const epochMs = (name: string) => bigint(name, { mode: "number" });
// Raw bytes (photos of flipcharts): PostgreSQL's bytea, which the pg driver reads back as a Buffer.
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

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
    // The easy-read survey published beside each version of the draft (from a template); its
    // questions share names with the standard survey's so their answers pool.
    draftEasyReadDefinition: json("draft_easy_read_definition").$type<Record<string, unknown>>(),
    // Goes up by one with every change to the draft: a save based on an older revision is refused.
    draftRevision: integer("draft_revision").notNull().default(0),
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

// The consultation's own words (title, purpose, who it is for, audience, data use) in another UI
// language, so a Welsh or Polish public page reads in one language throughout. A row is used only
// when its required texts are all there (app/consultations/translations.ts).
export const consultationTranslations = pgTable(
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
    updatedAt: timestampMs("updated_at").notNull(),
  },
  (t) => [uniqueIndex("consultation_translations_unique").on(t.consultationId, t.locale)],
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
    eventId: text("event_id").references(() => events.id, { onDelete: "set null" }),
    // Assisted responses: what the practitioner noticed ("how did they seem", "how they communicated").
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
    eventNoteId: text("event_note_id").references(() => eventNotes.id, { onDelete: "set null" }),
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
// A code an officer gives young advisors so they can make their own account: no email needed.
// Only a hash of the code is kept; the code itself is shown once, to the officer who made it.
export const advisorInvitations = pgTable(
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
    expiresAt: timestampMs("expires_at").notNull(),
    revokedAt: timestampMs("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("advisor_invitations_code_unique").on(t.codeHash), index("advisor_invitations_org_idx").on(t.organisationId)],
);

// Co-design feedback on a draft survey: on one question (by name) or, with no question, on the whole survey.
// A reply points at the comment it answers; resolving a comment resolves its thread.
export const surveyComments = pgTable(
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
    resolvedAt: timestampMs("resolved_at"),
    resolvedBy: text("resolved_by").references(() => members.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("survey_comments_consultation_idx").on(t.organisationId, t.consultationId)],
);

// A suggested rewording of a question's title, accepted into the draft or declined with one action.
export const wordingSuggestions = pgTable(
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
    decidedAt: timestampMs("decided_at"),
    createdAt: createdAt(),
  },
  (t) => [index("wording_suggestions_consultation_idx").on(t.organisationId, t.consultationId)],
);

// "Young advisors reviewed this survey on <date>": which definition they reviewed, by its hash, so the
// public page only says so when the survey children answer is the one that was reviewed.
export const surveySignOffs = pgTable(
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
export const surveyDraftSaves = pgTable(
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
    definition: json("definition").notNull().$type<Record<string, unknown>>(),
    savedBy: text("saved_by").references(() => members.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("survey_draft_saves_revision_unique").on(t.consultationId, t.revision)],
);

// Consultation events (docs/decisions/0008-events.md); comments on the SQLite twin.

export const events = pgTable(
  "events",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    consultationId: text("consultation_id")
      .notNull()
      .references(() => consultations.id, { onDelete: "cascade" }),
    shortCode: text("short_code").notNull(),
    title: text("title").notNull(),
    startsAt: timestampMs("starts_at").notNull(),
    endsAt: timestampMs("ends_at").notNull(),
    place: text("place").notNull().default(""),
    onlineLink: text("online_link").notNull().default(""),
    format: text("format", { enum: EVENT_FORMATS }).notNull(),
    whoFor: text("who_for").notNull().default(""),
    accessArrangements: jsonb("access_arrangements").notNull().$type<(typeof ACCESS_ARRANGEMENTS)[number][]>().default([]),
    accessNotes: text("access_notes").notNull().default(""),
    expectedNumbers: integer("expected_numbers"),
    createdBy: text("created_by").references(() => members.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestampMs("updated_at"),
  },
  (t) => [uniqueIndex("events_short_code_unique").on(t.shortCode), index("events_consultation_idx").on(t.organisationId, t.consultationId)],
);

export const eventFacilitators = pgTable(
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

export const eventNotes = pgTable(
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

export const eventVoteOptions = pgTable(
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
    votes: integer("votes").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("event_vote_options_label_unique").on(t.eventId, t.label)],
);

export const eventAttendance = pgTable(
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
    updatedAt: timestampMs("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.ageBand] })],
);

export const eventPhotos = pgTable(
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
    bytes: bytea("bytes").notNull(),
    byteSize: integer("byte_size").notNull(),
    createdBy: text("created_by").references(() => members.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("event_photos_event_idx").on(t.organisationId, t.eventId)],
);

// A consultation's codebook: themes applied to free-text answers and event notes (coding).
export const themes = pgTable(
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
export const answerCodings = pgTable(
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
    themeIds: jsonb("theme_ids").notNull().$type<string[]>(),
    updatedAt: timestampMs("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("answer_codings_unique").on(t.responseId, t.questionName, t.memberId),
    index("answer_codings_consultation_idx").on(t.organisationId, t.consultationId),
  ],
);

// One analyst's coding of one event note, with the same codebook as answers. Its own table rather
// than a column on answer_codings (whose response and question are required, and SQLite cannot
// relax that without a table rebuild). Deleting the note (retention) deletes its codings.
export const eventNoteCodings = pgTable(
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
    themeIds: jsonb("theme_ids").notNull().$type<string[]>(),
    updatedAt: timestampMs("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("event_note_codings_unique").on(t.eventNoteId, t.memberId),
    index("event_note_codings_consultation_idx").on(t.organisationId, t.consultationId),
  ],
);

// An answer marked as a quote worth featuring (for "you said, we did").
export const featuredQuotes = pgTable(
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
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    scope: text("scope", { enum: API_TOKEN_SCOPES }).notNull(),
    expiresAt: timestampMs("expires_at").notNull(),
    revokedAt: timestampMs("revoked_at"),
    lastUsedAt: timestampMs("last_used_at"),
    createdBy: text("created_by").references(() => members.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("api_tokens_hash_unique").on(t.tokenHash), index("api_tokens_org_idx").on(t.organisationId)],
);

// An organisation's own survey templates: a copy of a consultation's survey, never its responses.
export const surveyTemplates = pgTable(
  "survey_templates",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    beforeYouStart: text("before_you_start").notNull().default(""),
    // json, not jsonb: a survey definition keeps its key order.
    definition: json("definition").notNull().$type<Record<string, unknown>>(),
    easyReadDefinition: json("easy_read_definition").$type<Record<string, unknown>>(),
    sourceConsultationId: text("source_consultation_id").references(() => consultations.id, { onDelete: "set null" }),
    createdBy: text("created_by").references(() => members.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: timestampMs("updated_at"),
    archivedAt: timestampMs("archived_at"),
  },
  (t) => [index("survey_templates_org_idx").on(t.organisationId)],
);

// Pictures an organisation uploaded for picture-choice answers, served publicly at /pictures/<id>.
export const surveyPictures = pgTable(
  "survey_pictures",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    altText: text("alt_text").notNull(),
    contentType: text("content_type", { enum: SURVEY_PICTURE_TYPES }).notNull(),
    bytes: bytea("bytes").notNull(),
    byteSize: integer("byte_size").notNull(),
    createdBy: text("created_by").references(() => members.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("survey_pictures_org_idx").on(t.organisationId)],
);

// A CSV file of responses an officer uploaded to import, kept between checking it and confirming (ADR 0014).
export const responseImports = pgTable(
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
    mapping: jsonb("mapping").$type<string[]>(),
    importedAt: timestampMs("imported_at"),
    result: jsonb("result").$type<{ imported: number; rejected: { row: number; reason: string }[] }>(),
    createdAt: createdAt(),
  },
  (t) => [index("response_imports_created_idx").on(t.createdAt)],
);

// Context from the council's own records: one aggregate figure (never a child-level record), e.g.
// "children in care aged 8–12: 140, CLA return, 2026-03-31", shown beside a consultation's answers.
export const contextFigures = pgTable(
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
    updatedAt: timestampMs("updated_at"),
  },
  (t) => [index("context_figures_consultation_idx").on(t.organisationId, t.consultationId)],
);

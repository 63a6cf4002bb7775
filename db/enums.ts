// Domain vocabularies shared by the schema, the app and the browser bundle (no imports, no side effects).
export const MEMBER_ROLES = ["admin", "officer", "analyst", "advisor"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const CONSULTATION_STATUSES = ["draft", "in_review", "open", "closed", "reported", "archived"] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

export const VARIANTS = ["standard", "easy-read"] as const;
export type Variant = (typeof VARIANTS)[number];

export const CHANNELS = ["online", "assisted", "event", "paper", "import"] as const;
export type Channel = (typeof CHANNELS)[number];

export const OUTCOME_STATUSES = ["done", "in_progress", "planned", "not_doing"] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

export const MEMBER_LINK_PURPOSES = ["invitation", "password_reset"] as const;
export type MemberLinkPurpose = (typeof MEMBER_LINK_PURPOSES)[number];

export const FLAG_STATUSES = ["new", "reviewed", "referred", "no_action"] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

/** automatic: the response's free text matched the organisation's list; manual: a lead raised it. */
export const FLAG_SOURCES = ["automatic", "manual"] as const;
export type FlagSource = (typeof FLAG_SOURCES)[number];

export const NOTIFICATION_STATUSES = ["pending", "sent", "failed"] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** A young advisor's rewording of a question: waiting, taken into the draft, or not taken. */
export const SUGGESTION_STATUSES = ["open", "accepted", "declined"] as const;
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number];
// Consultation events (issue 10): how an event runs, what access it offers, who wrote a note.
export const EVENT_FORMATS = ["workshop", "drop_in", "school_session", "forum", "family_day", "online"] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

/** Access arrangements an event can offer; anything else goes in the event's free-text access notes. */
export const ACCESS_ARRANGEMENTS = ["step_free", "bsl", "quiet_room", "interpreters", "easy_read"] as const;
export type AccessArrangement = (typeof ACCESS_ARRANGEMENTS)[number];

/** Age bands for event notes and attendance: broad enough that a band never names a child. */
export const AGE_BANDS = ["under_5", "5_to_10", "11_to_15", "16_to_18", "19_to_25", "adult"] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** facilitator: typed on the capture page by staff; child: sent by a child from the event's QR code. */
export const EVENT_NOTE_SOURCES = ["facilitator", "child"] as const;
export type EventNoteSource = (typeof EVENT_NOTE_SOURCES)[number];

/** Photos of flipcharts: only these image types are kept (checked by their first bytes, not their name). */
export const EVENT_PHOTO_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export type EventPhotoType = (typeof EVENT_PHOTO_TYPES)[number];
/** Pictures uploaded for picture-choice answers: the same safe image types (never SVG, which can carry script). */
export const SURVEY_PICTURE_TYPES = EVENT_PHOTO_TYPES;
export type SurveyPictureType = EventPhotoType;
/** What an analysts' API token may read: suppressed aggregates only, or raw responses too. */
export const API_TOKEN_SCOPES = ["aggregates", "responses"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

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

/** What an analysts' API token may read: suppressed aggregates only, or raw responses too. */
export const API_TOKEN_SCOPES = ["aggregates", "responses"] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

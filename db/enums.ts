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

// Form fields in page order: the order errors are listed in the error summary.
export const INVITE_FIELDS = ["name", "email", "role", "isSafeguardingLead"] as const;
export const PASSWORD_FIELDS = ["password", "confirmPassword"] as const;
export const SETTINGS_FIELDS = ["name", "publicContact", "suppressionThreshold"] as const;

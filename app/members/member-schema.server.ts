// What the member forms accept: inviting, changing a role, and choosing a password through a
// one-time link. Server-only, so Zod stays out of the browser bundle. Messages are i18n keys
// (locales/<lng>/validation.json); the action translates them for the reader.
import { z } from "zod";
import { MEMBER_ROLES } from "../../db/enums";
import { requiredText } from "~/utils/form-errors.server";

const role = z.enum(MEMBER_ROLES, { error: "validation:member.roleRequired" });
// A checkbox sends its value only when ticked.
const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "yes");

export const InviteMemberSchema = z.object({
  name: requiredText("validation:member.nameRequired", 200, "validation:member.nameTooLong"),
  email: z
    .string({ error: "validation:member.emailRequired" })
    .trim()
    .min(1, "validation:member.emailRequired")
    .max(320, "validation:member.emailTooLong")
    .pipe(z.email("validation:member.emailInvalid")),
  role,
  isSafeguardingLead: checkbox,
});

/** The buttons on a member's page (deactivating has its own confirmation page). */
export const MemberIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("change-role"), role, isSafeguardingLead: checkbox }),
  z.object({ intent: z.literal("reset-password") }),
  z.object({ intent: z.literal("reactivate") }),
]);

// Passwords are taken exactly as typed: never trimmed. Length is the rule that matters (NCSC, NIST 800-63B).
export const SetPasswordSchema = z
  .object({
    password: z
      .string({ error: "validation:password.required" })
      .min(1, "validation:password.required")
      .min(12, "validation:password.tooShort")
      .max(1000, "validation:password.tooLong"),
    confirmPassword: z.string({ error: "validation:password.confirmRequired" }).min(1, "validation:password.confirmRequired"),
  })
  .superRefine((value, ctx) => {
    if (value.confirmPassword && value.password !== value.confirmPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "validation:password.mismatch" });
    }
  });

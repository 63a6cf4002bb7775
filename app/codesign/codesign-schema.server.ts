// What the co-design forms accept. Messages are i18n keys in locales/<lng>/codesign.json.
import { z } from "zod";
import { VARIANTS } from "../../db/enums";
import { SetPasswordSchema } from "~/members/member-schema.server";
import { requiredText } from "~/utils/form-errors.server";

export const JOIN_FIELDS = ["code", "name", "signInName", "password", "confirmPassword"] as const;

// Letters, digits, dots, dashes and underscores: easy to type on a phone, and never an email.
const SIGN_IN_NAME = /^[\p{L}\p{N}._-]{3,40}$/u;

export const JoinSchema = z
  .object({
    code: requiredText("codesign:errors.codeRequired", 40, "codesign:errors.codeInvalid"),
    name: requiredText("codesign:errors.nameRequired", 80, "codesign:errors.nameTooLong"),
    signInName: z
      .string({ error: "codesign:errors.signInNameRequired" })
      .trim()
      .min(1, "codesign:errors.signInNameRequired")
      .regex(SIGN_IN_NAME, "codesign:errors.signInNameInvalid"),
  })
  .and(SetPasswordSchema);

const body = requiredText("codesign:errors.commentRequired", 2000, "codesign:errors.commentTooLong");
const optionalId = z
  .string()
  .trim()
  .max(100)
  .optional()
  .transform((value) => (value ? value : null));

/** The buttons and forms of the review page. */
export const ReviewIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("comment"), questionName: optionalId, parentId: optionalId, body }),
  z.object({ intent: z.literal("resolve"), commentId: z.string().min(1).max(100) }),
  z.object({
    intent: z.literal("suggest"),
    questionName: z.string().min(1).max(200),
    suggestedText: requiredText("codesign:errors.suggestionRequired", 500, "codesign:errors.suggestionTooLong"),
  }),
  z.object({ intent: z.enum(["accept", "decline"]), suggestionId: z.string().min(1).max(100) }),
  // Standard unless the advisor signs off the easy-read version (a different text, signed off on its own).
  z.object({ intent: z.literal("sign-off"), variant: z.enum(VARIANTS).default("standard") }),
]);
export type ReviewIntent = z.infer<typeof ReviewIntentSchema>;

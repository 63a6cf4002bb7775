// Form and query schemas for the safeguarding pages. Messages are i18n keys (locales/<lng>/common.json).
import { z } from "zod";
import { FLAG_STATUSES } from "../../db/enums";
import { requiredText } from "~/utils/form-errors.server";

/** The queue's ?status= filter; anything else shows every flag. */
export const QueueQuerySchema = z.object({ status: z.enum(FLAG_STATUSES).optional().catch(undefined) });

export const StatusChangeSchema = z.object({
  status: z.enum(FLAG_STATUSES, { error: "safeguarding.errors.status" }),
  note: requiredText("safeguarding.errors.note", 5000, "safeguarding.errors.noteTooLong"),
});

export const RetryNotificationSchema = z.object({ notificationId: z.string().min(1).max(100) });

/** What staff may do on a single response: erase it with a reason, or (leads) raise a flag with a note. */
export const ResponseIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("erase"), reason: requiredText("responses.errors.reason", 500, "responses.errors.reasonTooLong") }),
  z.object({ intent: z.literal("flag"), note: requiredText("responses.errors.note", 5000, "responses.errors.noteTooLong") }),
]);

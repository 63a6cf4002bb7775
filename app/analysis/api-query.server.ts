// Query parameters of the analysts' API, checked; a bad one is a 400 with the reason.
import { z } from "zod";
import { CHANNELS } from "../../db/enums";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-01");

export const ResponsesQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  from: day.optional(),
  to: day.optional(),
  channel: z.enum(CHANNELS).optional(),
});

export function parseApiQuery<T extends z.ZodTypeAny>(schema: T, request: Request): z.infer<T> {
  const parsed = schema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw Response.json({ status: 400, title: "Bad query", detail }, { status: 400, headers: { "Cache-Control": "no-store" } });
  }
  return parsed.data as z.infer<T>;
}

// The audit log's filters, read from the address (the page) or from the export form's hidden fields.
// A filter that does not parse is ignored rather than refused: it is a search, not a change.
import { z } from "zod";
import { AUDIT_ACTIONS, type AuditFilter } from "~/models/audit.server";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(new Date(`${value}T00:00:00Z`).getTime()));

const FilterSchema = z.object({
  memberId: z.string().min(1).max(100).optional().catch(undefined),
  action: z.enum(AUDIT_ACTIONS).optional().catch(undefined),
  consultationId: z.string().min(1).max(100).optional().catch(undefined),
  from: day.optional().catch(undefined),
  to: day.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export function parseAuditFilter(source: Record<string, string>): { page: number; filter: AuditFilter } {
  const { page, ...filter } = FilterSchema.parse(source);
  return { page: page ?? 1, filter };
}

/** The filter (and page) as a query string, for "newer" and "older" links. */
export function auditFilterQuery(filter: AuditFilter, page?: number) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, String(value));
  if (page && page > 1) params.set("page", String(page));
  return params.toString();
}

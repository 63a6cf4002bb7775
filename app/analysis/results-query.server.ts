// The results page's filters and cross-tab, read from its address (a GET form, so a filtered view
// can be bookmarked and shared). Anything unknown is dropped rather than refused: a stale bookmark
// still shows results.
import { z } from "zod";
import { CHANNELS, VARIANTS } from "../../db/enums";
import { RESPONSE_FACETS, type Breakdown } from "./breakdown";
import type { ResultsFilter } from "~/models/results.server";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const optional = <T extends z.ZodTypeAny>(schema: T) => schema.optional().catch(undefined);

const QuerySchema = z.object({
  variant: optional(z.enum(VARIANTS)),
  locale: optional(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/)),
  channel: optional(z.enum(CHANNELS)),
  // A consultation event's id: its survey answers, notes, dot votes and attendance only.
  event: optional(z.string().regex(/^[0-9a-f-]{36}$/)),
  from: optional(day),
  to: optional(day),
  // "question:value": only responses that gave this answer.
  answer: optional(z.string().max(300).regex(/^[^:]+:.+$/)),
  // "channel", "variant", "locale", or "question:<name>".
  by: optional(z.string().max(200)),
  of: optional(z.string().max(200)),
  // Which drawing question's gallery is paged, and to which page (the others show their first page).
  gallery: optional(z.string().max(200)),
  galleryPage: optional(z.string().regex(/^\d{1,6}$/)),
});

export type ResultsQuery = {
  filter: ResultsFilter;
  crossTab?: { by: Breakdown; column: string };
  gallery?: { question: string; page: string };
  raw: Record<string, string>;
};

export function parseResultsQuery(url: URL): ResultsQuery {
  const raw = Object.fromEntries([...url.searchParams].filter(([, value]) => value !== ""));
  const query = QuerySchema.parse(raw);
  const filter: ResultsFilter = { variant: query.variant, locale: query.locale, channel: query.channel, from: query.from, to: query.to, eventId: query.event };
  if (query.answer) {
    const split = query.answer.indexOf(":");
    filter.question = query.answer.slice(0, split);
    filter.answer = query.answer.slice(split + 1);
  }
  const by = parseBreakdown(query.by);
  const crossTab = by && query.of ? { by, column: query.of } : undefined;
  const kept = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined)) as Record<string, string>;
  const gallery = query.gallery ? { question: query.gallery, page: query.galleryPage ?? "1" } : undefined;
  return { filter, crossTab, gallery, raw: kept };
}

function parseBreakdown(value: string | undefined): Breakdown | undefined {
  if (!value) return undefined;
  if ((RESPONSE_FACETS as readonly string[]).includes(value)) return { facet: value as (typeof RESPONSE_FACETS)[number] };
  if (value.startsWith("question:") && value.length > "question:".length) return { question: value.slice("question:".length) };
  return undefined;
}

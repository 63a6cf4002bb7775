import { createCookie } from "@remix-run/node";
import { z } from "zod";
import { getEnv } from "~/utils/env.server";
import { DEFAULT_READING, READING_VARIANTS, TEXT_SIZES, type ReadingPreferences } from "./preferences";

// Not a tracking cookie: it holds only the choices below, and only after the child makes one.
const readingCookie = createCookie("heard_reading", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: getEnv().SECURE_COOKIES,
  maxAge: 60 * 60 * 24 * 365,
});

const PreferencesSchema = z.object({
  variant: z.enum(READING_VARIANTS).catch(DEFAULT_READING.variant),
  textSize: z.enum(TEXT_SIZES).catch(DEFAULT_READING.textSize),
  highContrast: z.boolean().catch(false),
  readableFont: z.boolean().catch(false),
  reducedMotion: z.boolean().catch(false),
});

export async function getReadingPreferences(request: Request): Promise<ReadingPreferences> {
  const saved: unknown = await readingCookie.parse(request.headers.get("Cookie"));
  const parsed = PreferencesSchema.safeParse(saved ?? {});
  return parsed.success ? parsed.data : DEFAULT_READING;
}

/**
 * The variant a child reads now: a link can ask for easy read (an easy-read poster's QR code does),
 * otherwise their own choice.
 */
export function variantForRequest(request: Request, preferences: ReadingPreferences): ReadingPreferences["variant"] {
  return new URL(request.url).searchParams.get("variant") === "easy-read" ? "easy-read" : preferences.variant;
}

// What the display settings form sends: a checkbox is there when ticked; `part` says which form
// it was, so saving the display settings keeps the variant and the other way round.
const DisplayFormSchema = z.object({
  textSize: z.enum(TEXT_SIZES),
  highContrast: z.literal("on").optional(),
  readableFont: z.literal("on").optional(),
  reducedMotion: z.literal("on").optional(),
});
const VariantFormSchema = z.object({ variant: z.enum(READING_VARIANTS) });

/** The new preferences from a posted form, or undefined when the form does not make sense. */
export function applyReadingForm(
  current: ReadingPreferences,
  fields: Record<string, string>,
): ReadingPreferences | undefined {
  if (fields.part === "variant") {
    const parsed = VariantFormSchema.safeParse(fields);
    return parsed.success ? { ...current, variant: parsed.data.variant } : undefined;
  }
  if (fields.part === "display") {
    const parsed = DisplayFormSchema.safeParse(fields);
    if (!parsed.success) return undefined;
    return {
      ...current,
      textSize: parsed.data.textSize,
      highContrast: parsed.data.highContrast === "on",
      readableFont: parsed.data.readableFont === "on",
      reducedMotion: parsed.data.reducedMotion === "on",
    };
  }
  return undefined;
}

export function saveReadingPreferences(preferences: ReadingPreferences) {
  return readingCookie.serialize(preferences);
}

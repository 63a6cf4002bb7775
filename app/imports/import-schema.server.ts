// What the import page's forms may send: match the columns again, or import.
import { z } from "zod";

export const ImportIntentSchema = z.object({ intent: z.enum(["map", "import"]) });

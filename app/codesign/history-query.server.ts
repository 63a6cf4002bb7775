// Which two saves the survey history compares (?from=&to=); anything else means "the default".
import { z } from "zod";

const revision = z.coerce.number().int().min(0).max(1_000_000).optional().catch(undefined);
export const CompareSchema = z.object({ from: revision, to: revision });

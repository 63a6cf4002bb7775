import { count, eq } from "drizzle-orm";
import { db } from "~/db.server";
import { organisations } from "../../db/schema";

export function createOrganisation({ name, suppressionThreshold = 5 }: { name: string; suppressionThreshold?: number }) {
  return db.insert(organisations).values({ name, suppressionThreshold }).returning().get();
}

export function getOrganisation({ organisationId }: { organisationId: string }) {
  return db
    .select({ id: organisations.id, name: organisations.name, suppressionThreshold: organisations.suppressionThreshold })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .get();
}

export function countOrganisations(): number {
  return db.select({ n: count() }).from(organisations).get()?.n ?? 0;
}

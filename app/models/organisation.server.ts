import { count, eq, inArray } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { recordAuditEvent } from "./audit.server";
import { inviteMember } from "./member.server";

const { organisations } = schema;

export async function createOrganisation({
  name,
  suppressionThreshold = 5,
  publicContact = "",
}: {
  name: string;
  suppressionThreshold?: number;
  publicContact?: string;
}) {
  const [created] = await db.insert(organisations).values({ name, suppressionThreshold, publicContact }).returning();
  return created!;
}

export async function getOrganisation({ organisationId }: { organisationId: string }) {
  const [found] = await db
    .select({
      id: organisations.id,
      name: organisations.name,
      suppressionThreshold: organisations.suppressionThreshold,
      publicContact: organisations.publicContact,
    })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return found;
}

/** Counts below this are shown as "fewer than N" everywhere (5 if the organisation is gone). */
export async function getSuppressionThreshold({ organisationId }: { organisationId: string }) {
  return (await getOrganisation({ organisationId }))?.suppressionThreshold ?? 5;
}

export async function countOrganisations(): Promise<number> {
  const [row] = await db.select({ n: count() }).from(organisations);
  return row?.n ?? 0;
}

export type OrganisationSettings = { name: string; publicContact: string; suppressionThreshold: number };

/** An admin changes the organisation's name, public contact or suppression threshold (audited). */
export async function updateOrganisationSettings({
  organisationId,
  memberId,
  settings,
}: {
  organisationId: string;
  memberId: string;
  settings: OrganisationSettings;
}) {
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(organisations)
      .set(settings)
      .where(eq(organisations.id, organisationId))
      .returning({ id: organisations.id });
    if (!updated) return false;
    await recordAuditEvent(
      { organisationId, memberId, action: "organisation.settings_changed", detail: { suppressionThreshold: settings.suppressionThreshold } },
      tx,
    );
    return true;
  });
}

/**
 * Deletes every organisation that has a member with one of these emails, with all its data
 * (members, consultations, responses: the foreign keys cascade). Used to remove the demo.
 */
export async function deleteOrganisationsWithMemberEmails(emails: readonly string[]) {
  const { members } = schema;
  return db.transaction(async (tx) => {
    const found = await tx
      .selectDistinct({ organisationId: members.organisationId })
      .from(members)
      .where(inArray(members.email, [...emails]));
    const ids = found.map((row) => row.organisationId);
    if (ids.length > 0) await tx.delete(organisations).where(inArray(organisations.id, ids));
    return ids.length;
  });
}

/**
 * A real organisation and its first admin, who has no password yet: returns the token of their
 * one-time link. Both or neither: an email already in use leaves no organisation behind.
 */
export async function createOrganisationWithAdmin({ name, email, adminName }: { name: string; email: string; adminName: string }) {
  return db.transaction(async (tx) => {
    const [organisation] = await tx.insert(organisations).values({ name }).returning();
    const { member, token } = await inviteMember({
      organisationId: organisation!.id,
      actorId: null,
      email,
      name: adminName,
      role: "admin",
    });
    await recordAuditEvent(
      { organisationId: organisation!.id, memberId: null, action: "organisation.created", subjectType: "member", subjectId: member.id },
      tx,
    );
    return { organisation: organisation!, token };
  });
}

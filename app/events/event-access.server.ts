// Who may do what with events. Officers and advisors plan; advisors capture and read notes only
// at events they facilitate (they see aggregates elsewhere); staff who read responses read every event's notes.
import type { MemberRole } from "../../db/enums";
import { isEventFacilitator } from "~/models/event.server";
import { requireMember, STAFF_WHO_READ_RESPONSES } from "~/utils/auth.server";

export const STAFF_WHO_PLAN_EVENTS = ["admin", "officer", "advisor"] as const satisfies readonly MemberRole[];

/** A member who may plan events (list, create, change); otherwise 403. */
export async function requireEventPlanner(request: Request) {
  return requireMember(request, { roles: STAFF_WHO_PLAN_EVENTS });
}

/** A member who may capture at, and read the notes of, this event; otherwise 403. */
export async function requireEventCapturer(request: Request, eventId: string) {
  const member = await requireMember(request);
  const readsResponses = (STAFF_WHO_READ_RESPONSES as readonly string[]).includes(member.role) || member.isSafeguardingLead;
  if (readsResponses) return member;
  if (await isEventFacilitator({ organisationId: member.organisationId, eventId, memberId: member.id })) return member;
  throw new Response("Only the event's facilitators and staff who read responses can open this.", { status: 403 });
}

export function canPlanEvents(role: MemberRole) {
  return (STAFF_WHO_PLAN_EVENTS as readonly string[]).includes(role);
}

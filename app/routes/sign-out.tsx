import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { recordAuditEvent } from "~/models/audit.server";
import { getSignedInMember, signOutAndRedirect } from "~/utils/auth.server";
import { readVerifiedForm } from "~/utils/form-data.server";

export async function action({ request }: ActionFunctionArgs) {
  await readVerifiedForm(request);
  const member = await getSignedInMember(request);
  if (member) await recordAuditEvent({ organisationId: member.organisationId, memberId: member.id, action: "member.signed_out" });
  return signOutAndRedirect(request, "/");
}

export function loader() {
  return redirect("/");
}

// Deactivating a member is a step of its own: the page says what will happen before anything does.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/csrf-input";
import { ErrorSummary } from "~/components/form";
import { getFixedT } from "~/i18n/locale.server";
import { membersLinks } from "~/members/links";
import { deactivateMember, getMemberInOrganisation, LastAdminError } from "~/models/member.server";
import { requireMember } from "~/utils/auth.server";
import { readVerifiedForm } from "~/utils/form-data.server";
import { metaT, pageTitle } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(metaT(matches)("deactivate.title", { name: data?.member.name ?? "" }));
export const links = membersLinks;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireMember(request, { roles: ["admin"] });
  const member = await getMemberInOrganisation({ organisationId: admin.organisationId, memberId: params.memberId ?? "" });
  if (!member) throw new Response(null, { status: 404 });
  if (member.status === "deactivated") throw redirect(`/admin/members/${member.id}`);
  return { member: { id: member.id, name: member.name } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireMember(request, { roles: ["admin"] });
  await readVerifiedForm(request);
  const memberId = params.memberId ?? "";
  try {
    const done = await deactivateMember({ organisationId: admin.organisationId, actorId: admin.id, memberId });
    if (!done) throw new Response(null, { status: 404 });
  } catch (error) {
    if (!(error instanceof LastAdminError)) throw error;
    const t = await getFixedT(request);
    return data({ error: t("validation:member.lastAdmin") }, { status: 409 });
  }
  return redirect(`/admin/members/${encodeURIComponent(memberId)}?done=deactivated`);
}

export default function DeactivateMember() {
  const { member } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const submitting = useNavigation().state === "submitting";
  return (
    <div className="page page--narrow">
      <ErrorSummary errors={actionData?.error ? [{ field: "confirm", message: actionData.error }] : []} />
      <h1>{t("deactivate.title", { name: member.name })}</h1>
      <ul className="bullets">
        <li>{t("deactivate.signedOut")}</li>
        <li>{t("deactivate.noSignIn")}</li>
        <li>{t("deactivate.keep")}</li>
      </ul>
      <Form method="post" noValidate className="button-group">
        <CsrfInput />
        <Button type="submit" id="confirm" className="button warning-button" isDisabled={submitting}>
          {t("deactivate.confirm")}
        </Button>
        <Link to={`/admin/members/${member.id}`}>{t("deactivate.cancel")}</Link>
      </Form>
    </div>
  );
}

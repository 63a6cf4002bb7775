// One "Draw it" answer as an image, for staff who may read responses (never advisors). Served by
// itself so the results page never carries data URLs; never cached, never public.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDrawing } from "~/models/drawing.server";
import { requireResponseReader } from "~/utils/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireResponseReader(request);
  const drawing = await getDrawing({
    organisationId: member.organisationId,
    consultationId: params.id ?? "",
    responseId: params.responseId ?? "",
    questionName: params.question ?? "",
  });
  if (!drawing) throw new Response(null, { status: 404 });
  return new Response(new Uint8Array(drawing.bytes), {
    headers: {
      "Content-Type": drawing.contentType,
      "Content-Length": String(drawing.bytes.length),
      "Cache-Control": "private, no-store",
      "Content-Disposition": "inline",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

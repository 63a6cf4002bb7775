// An uploaded picture, public: children answering a survey load it without signing in. A picture
// never changes once uploaded (a new one gets a new id), so browsers may keep it for a year.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getPublicSurveyPicture } from "~/models/survey-picture.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const picture = await getPublicSurveyPicture({ pictureId: params.id ?? "" });
  if (!picture) throw new Response(null, { status: 404 });
  return new Response(new Uint8Array(picture.bytes), {
    headers: {
      "Content-Type": picture.contentType,
      "Content-Length": String(picture.bytes.length),
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
      // Opened on its own, the picture is only a picture: nothing in it may run or load anything.
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Content-Disposition": "inline",
    },
  });
}

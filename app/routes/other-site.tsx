// Where a write from another site ends up (see app/utils/origin-check.server.ts): the root loader
// refuses it with Heard's 403 page. Reached directly, it is a 403 too.
export function loader() {
  throw new Response(null, { status: 403 });
}

export default function OtherSite() {
  return null;
}

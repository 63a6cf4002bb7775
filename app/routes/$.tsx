// Unknown addresses: a 404 rendered by the root error boundary, inside the app shell.
import { publicPageHandle } from "~/i18n/public-page";

export const handle = publicPageHandle;

export function loader() {
  throw new Response(null, { status: 404 });
}

export default function NotFound() {
  return null;
}

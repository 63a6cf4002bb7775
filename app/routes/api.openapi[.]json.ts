import { OPENAPI_DOCUMENT } from "~/analysis/openapi";

// The description itself holds no data: anyone may read it.
export function loader() {
  return Response.json(OPENAPI_DOCUMENT);
}

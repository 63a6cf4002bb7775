import { databaseAnswers } from "~/models/health.server";

export function loader() {
  const ok = databaseAnswers();
  return Response.json({ status: ok ? "ok" : "unavailable", database: ok }, { status: ok ? 200 : 503 });
}

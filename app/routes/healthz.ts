import { databaseAnswers } from "~/models/health.server";

export async function loader() {
  const ok = await databaseAnswers();
  return Response.json({ status: ok ? "ok" : "unavailable", database: ok }, { status: ok ? 200 : 503 });
}

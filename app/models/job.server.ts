// Scheduled jobs run once across every app process: a process claims a run with one UPDATE that
// moves next_run_at forward only if it is due, so when several race, exactly one row changes.
import { and, eq, lte } from "drizzle-orm";
import { db, schema } from "~/db.server";

const { jobLocks } = schema;

/**
 * Claims the job's next run if it is due. True for exactly one caller per due run, whichever process
 * it is in; the claim also pushes the next run `intervalMs` ahead.
 */
export async function claimJobRun({ name, intervalMs, now = Date.now() }: { name: string; intervalMs: number; now?: number }) {
  await db.insert(jobLocks).values({ name, nextRunAt: now }).onConflictDoNothing({ target: jobLocks.name });
  const claimed = await db
    .update(jobLocks)
    .set({ nextRunAt: now + intervalMs, lastStartedAt: now })
    .where(and(eq(jobLocks.name, name), lte(jobLocks.nextRunAt, now)))
    .returning({ name: jobLocks.name });
  return claimed.length === 1;
}

/** Records how the run went (a short summary such as "3 deleted"), for admins and for tests. */
export async function recordJobResult({ name, result, now = Date.now() }: { name: string; result: string; now?: number }) {
  await db.update(jobLocks).set({ lastFinishedAt: now, lastResult: result }).where(eq(jobLocks.name, name));
}

export async function getJobState({ name }: { name: string }) {
  const [row] = await db.select().from(jobLocks).where(eq(jobLocks.name, name));
  return row;
}

// Scheduled jobs. Every process checks every minute; the database decides which one runs a due job
// (claimJobRun), so with several app servers each job still runs once per interval.
import { deleteExpiredAnswerDrafts } from "~/models/answer-draft.server";
import { claimJobRun, recordJobResult } from "~/models/job.server";
import { deleteExpiredMemberLinks } from "~/models/member.server";
import { deleteDeliveredNotifications } from "~/models/notification.server";
import { deleteExpiredImports } from "~/models/response-import.server";
import { deleteExpiredRateLimits } from "~/models/rate-limit.server";
import { applyRetention, RETENTION_JOB } from "~/models/retention.server";
import { deleteExpiredSessions } from "~/models/session.server";
import { sendPendingNotifications } from "./notifications.server";
import { logError } from "~/utils/log.server";

export type ScheduledJob = { name: string; intervalMs: number; run: () => Promise<string> };

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** What a retention run did, in a line for the job's record (details are in the audit log). */
export async function runRetention(now = new Date()) {
  const done = await applyRetention({ now });
  const responses = done.reduce((sum, item) => sum + item.responseIds.length, 0);
  const flags = done.reduce((sum, item) => sum + item.flagIds.length, 0);
  return `${responses} responses deleted and ${flags} flags cleared in ${done.length} consultations`;
}

export const SCHEDULED_JOBS: ScheduledJob[] = [
  { name: "clear-expired-sessions", intervalMs: HOUR, run: async () => `${await deleteExpiredSessions()} deleted` },
  { name: "clear-expired-answer-drafts", intervalMs: HOUR, run: async () => `${await deleteExpiredAnswerDrafts()} deleted` },
  { name: "clear-expired-imports", intervalMs: HOUR, run: async () => `${await deleteExpiredImports()} deleted` },
  { name: "clear-expired-rate-limits", intervalMs: HOUR, run: async () => `${await deleteExpiredRateLimits()} deleted` },
  { name: "clear-expired-member-links", intervalMs: DAY, run: async () => `${await deleteExpiredMemberLinks()} deleted` },
  { name: "clear-delivered-notifications", intervalMs: DAY, run: async () => `${await deleteDeliveredNotifications()} deleted` },
  { name: "send-notifications", intervalMs: MINUTE, run: () => sendPendingNotifications() },
  { name: RETENTION_JOB, intervalMs: DAY, run: () => runRetention() },
];

/** Runs each job whose turn it is, if this process wins the claim. Returns the names it ran. */
export async function runDueJobs(jobs: ScheduledJob[] = SCHEDULED_JOBS, now = Date.now()) {
  const ran: string[] = [];
  for (const job of jobs) {
    try {
      if (!(await claimJobRun({ name: job.name, intervalMs: job.intervalMs, now }))) continue;
      const result = await job.run();
      await recordJobResult({ name: job.name, result });
      console.log(`[heard] scheduled job ${job.name} ran: ${result}`);
      ran.push(job.name);
    } catch (error) {
      logError(error, { where: `scheduled job ${job.name}` });
    }
  }
  return ran;
}

export function startScheduler({ tickMs = 60_000 }: { tickMs?: number } = {}) {
  void runDueJobs();
  const timer = setInterval(() => void runDueJobs(), tickMs);
  timer.unref();
  return () => clearInterval(timer);
}

// When a consultation's raw answers are deleted: its retention period in months, counted from the
// moment it closed (DESIGN.md: "retention periods that actually delete"). Pure.

/** The moment the answers are due for deletion: closing time plus whole calendar months (UTC). */
export function answersDueForDeletionAt(closedAt: Date, retentionMonths: number): Date {
  const due = new Date(closedAt.getTime());
  const day = due.getUTCDate();
  due.setUTCDate(1);
  due.setUTCMonth(due.getUTCMonth() + retentionMonths);
  // 31 January + 1 month is the last day of February, not 3 March.
  const lastDay = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 0)).getUTCDate();
  due.setUTCDate(Math.min(day, lastDay));
  return due;
}

export function isDueForDeletion(closedAt: Date, retentionMonths: number, now: Date): boolean {
  return answersDueForDeletionAt(closedAt, retentionMonths).getTime() <= now.getTime();
}

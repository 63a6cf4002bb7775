// Email for notifications, through nodemailer, when SMTP_URL is set (e.g. smtps://user:pass@host:465).
// Without it Heard sends nothing: notifications wait in the outbox, readable in the app.
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "./env.server";

export type Mailer = Pick<Transporter, "sendMail">;

let cached: Mailer | null | undefined;

/** The configured mailer, or null when email is not set up. */
export function getMailer(): Mailer | null {
  if (cached !== undefined) return cached;
  const url = getEnv().SMTP_URL;
  cached = url ? nodemailer.createTransport(url) : null;
  return cached;
}

export function mailFrom() {
  return getEnv().SMTP_FROM ?? "Heard <no-reply@heard.invalid>";
}

/** Whether notifications go out by email (else they wait in the app's outbox). */
export function isEmailSetUp() {
  return getMailer() !== null;
}

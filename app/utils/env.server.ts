import path from "node:path";
import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false"])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === "true"));

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // postgres://… runs Heard on PostgreSQL; without it, the embedded SQLite file at DATABASE_PATH.
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://")
    .optional(),
  DATABASE_PATH: z.string().min(1).default(path.join("data", "heard.sqlite")),
  // The address people reach Heard at. When it is https, cookies are Secure with the __Host- prefix
  // and HSTS is sent; an https PUBLIC_URL also means production (no demo).
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  // Set false on a real deployment: the demo is never seeded and demo accounts stop the start.
  HEARD_DEMO: booleanFlag,
  // Older name for "served over HTTPS"; PUBLIC_URL=https://… does the same and more.
  SECURE_COOKIES: booleanFlag,
  // How many reverse proxies sit in front (a number), or which addresses to trust (comma-separated,
  // CIDR allowed), so rate limits key on the real client address. Unset: trust none.
  TRUST_PROXY: z.string().trim().min(1).optional(),
  // A long random secret shared by every app process (keys rate-limit counters). Recommended in production.
  HEARD_SECRET: z.string().min(16).optional(),
  // SMTP for notifications later; unset means notifications wait in the app's outbox.
  SMTP_URL: z.string().optional(),
  // The From address of notification emails.
  SMTP_FROM: z.string().optional(),
});

type ParsedEnv = z.infer<typeof EnvSchema>;
export type Env = Omit<ParsedEnv, "HEARD_DEMO" | "SECURE_COOKIES"> & {
  /** Cookies get Secure (and the __Host- prefix) and HSTS is sent. */
  SECURE_COOKIES: boolean;
  /** The demo may be seeded and its accounts may exist. */
  HEARD_DEMO: boolean;
};

let cached: Env | undefined;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  }
  const https = parsed.data.PUBLIC_URL?.startsWith("https://") ?? false;
  return {
    ...parsed.data,
    SECURE_COOKIES: https || parsed.data.SECURE_COOKIES === true,
    // A deployment that names an https address is a real one: never a demo.
    HEARD_DEMO: !https && parsed.data.HEARD_DEMO !== false,
  };
}

/** Reads and checks process.env once; a bad value stops the server with a clear message. */
export function getEnv(): Env {
  return (cached ??= parseEnv(process.env));
}

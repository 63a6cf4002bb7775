// `npm run create-admin -- --organisation "Example Council" --email admin@example.gov.uk [--name "Ada Admin"]`
// Creates a real organisation and its first admin, and prints a one-time link (valid for 7 days)
// with which the admin chooses their own password. There is no default password.
import { parseArgs } from "node:util";
import { z } from "zod";
import { closeDatabase, migrateDatabase } from "../app/db.server";
import { MemberExistsError } from "../app/models/member.server";
import { createOrganisationWithAdmin } from "../app/models/organisation.server";
import { getEnv } from "../app/utils/env.server";

const ArgsSchema = z.object({
  organisation: z.string().trim().min(2, "Give the organisation's name with --organisation").max(200),
  email: z.email("Give the admin's email address with --email"),
  name: z.string().trim().min(1).max(200).optional(),
});

const { values } = parseArgs({
  options: { organisation: { type: "string" }, email: { type: "string" }, name: { type: "string" } },
  strict: true,
});
const parsed = ArgsSchema.safeParse(values);
if (!parsed.success) {
  console.error(z.prettifyError(parsed.error));
  console.error('Usage: npm run create-admin -- --organisation "Example Council" --email admin@example.gov.uk [--name "Ada Admin"]');
  process.exit(2);
}
const { organisation: organisationName, email, name } = parsed.data;

await migrateDatabase();
try {
  const { organisation, token } = await createOrganisationWithAdmin({
    name: organisationName,
    email,
    adminName: name ?? email.split("@")[0]!,
  });
  const env = getEnv();
  const base = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
  console.log(`Created ${organisation.name} and its first admin.`);
  console.log(`Send this one-time link to the admin; it works once, for 7 days:\n\n  ${new URL(`/set-password/${token}`, base).href}\n`);
} catch (error) {
  if (error instanceof MemberExistsError) {
    console.error("Someone already has an account with that email. Nothing was created.");
    process.exitCode = 1;
  } else {
    throw error;
  }
} finally {
  await closeDatabase();
}

// `npm start`: build if the build is missing or older than the source, migrate, seed an empty
// database with the demo (unless this is production: HEARD_DEMO=false or an https PUBLIC_URL), then serve.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

function newestModification(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestModification(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function buildIfNeeded() {
  const built = path.resolve("build/index.js");
  if (!fs.existsSync(path.resolve("public/survey/theme.css"))) fs.rmSync(built, { force: true });
  const sources = ["app", "locales", "db"].map((dir) => newestModification(path.resolve(dir)));
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs >= Math.max(...sources)) return;
  console.log("Building the app…");
  const result = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

process.env.NODE_ENV ??= "production";
// Tests start several servers from one build made beforehand: none of them may rebuild under the others.
if (process.env.HEARD_NO_BUILD !== "1") buildIfNeeded();
const { migrateDatabase } = await import("../app/db.server");
await migrateDatabase();
// Check the template library now, so a broken template stops the start with a message naming the file.
const { listTemplates } = await import("../app/survey/templates.server");
listTemplates();
const { getEnv } = await import("../app/utils/env.server");
if (getEnv().HEARD_DEMO) {
  const { seedDemoIfEmpty } = await import("../db/seed");
  await seedDemoIfEmpty();
} else {
  // A real deployment: never seed, and refuse to serve while the demo's published password works.
  const { demoAccountsPresent } = await import("../db/seed");
  if (await demoAccountsPresent()) {
    console.error(
      "Heard will not start in production while the demo accounts exist (their password is published).\n" +
        "Remove them with `npm run remove-demo`, or start again on an empty database.",
    );
    process.exit(1);
  }
}
const { startServer } = await import("../server");
await startServer();

// `npm test` needs two things from the operating system: Debian's Chromium for the end-to-end
// tests (a test tool's own browser download does not work here) and PostgreSQL's server binaries
// (initdb, pg_ctl) for the throwaway cluster the PostgreSQL tests start. Install them when we can
// (root on Debian); otherwise say exactly what to run.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

function chromiumFound() {
  return [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean).some((file) => fs.existsSync(file));
}

function postgresFound() {
  if (process.env.PG_BIN && fs.existsSync(path.join(process.env.PG_BIN, "initdb"))) return true;
  if (spawnSync("sh", ["-c", "command -v initdb"]).status === 0) return true;
  const root = "/usr/lib/postgresql";
  return fs.existsSync(root) && fs.readdirSync(root).some((version) => fs.existsSync(path.join(root, version, "bin", "initdb")));
}

const missing = [];
if (!chromiumFound()) missing.push({ what: "Chromium", pkg: "chromium" });
if (!postgresFound()) missing.push({ what: "PostgreSQL", pkg: "postgresql" });
if (missing.length === 0) process.exit(0);

const packages = missing.map((item) => item.pkg);
const isRoot = process.getuid?.() === 0;
const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
if (isRoot && hasApt) {
  console.log(`Installing Debian's ${packages.join(" and ")} for the tests…`);
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
    execFileSync("apt-get", ["install", "-y", "-qq", ...packages], { stdio: "inherit", env });
    if (chromiumFound() && postgresFound()) process.exit(0);
  } catch {
    // fall through to the instructions
  }
}
console.error(
  [
    `The tests need ${missing.map((item) => item.what).join(" and ")}, which ${missing.length > 1 ? "are" : "is"} not installed.`,
    `On Debian or Ubuntu run:  sudo apt-get update && sudo apt-get install -y ${packages.join(" ")}`,
    "Or point CHROMIUM_PATH at a Chromium or Chrome binary, and PG_BIN at a folder holding initdb and pg_ctl.",
  ].join("\n"),
);
process.exit(1);

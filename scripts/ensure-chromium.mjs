// The end-to-end tests drive Debian's Chromium (a test tool's own browser download does not work
// here). Install it when we can; otherwise say exactly what to run.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";

const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
const found = candidates.find((file) => fs.existsSync(file));
if (found) process.exit(0);

const isRoot = process.getuid?.() === 0;
const hasApt = spawnSync("sh", ["-c", "command -v apt-get"]).status === 0;
if (isRoot && hasApt) {
  console.log("Chromium is missing: installing Debian's chromium package for the end-to-end tests…");
  try {
    execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
    execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
    if (fs.existsSync("/usr/bin/chromium")) process.exit(0);
  } catch {
    // fall through to the instructions
  }
}
console.error(
  [
    "The end-to-end tests need Chromium and it is not installed.",
    "On Debian or Ubuntu run:  sudo apt-get update && sudo apt-get install -y chromium",
    "Or point CHROMIUM_PATH at an existing Chromium or Chrome binary.",
  ].join("\n"),
);
process.exit(1);

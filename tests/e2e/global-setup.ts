// Starts the built app once for the end-to-end run, migrated and seeded with the demo by the same
// start script a newcomer uses, on a free port: on its own SQLite file, or (project e2e-pg) on a
// database in a throwaway PostgreSQL cluster.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { freePort, startThrowawayPostgres, type ThrowawayPostgres } from "../support/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited early:\n${log()}`);
    // Wait for our own server's line too: another run could briefly answer on a recycled port.
    if (!log().includes("Heard is listening")) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app did not answer /healthz within 90 s:\n${log()}`);
}

export default async function setup(project: TestProject) {
  const dir = path.resolve("tests/.tmp");
  fs.mkdirSync(dir, { recursive: true });
  const databasePath = path.join(dir, `${project.name}-${process.pid}.sqlite`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(databasePath + suffix, { force: true });
  const port = await freePort();
  let postgres: ThrowawayPostgres | undefined;
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DATABASE_PATH: databasePath, NODE_ENV: "production", HEARD_NO_BUILD: "1" };
  delete env.DATABASE_URL;
  if (project.name === "e2e-pg") {
    postgres = await startThrowawayPostgres();
    env.DATABASE_URL = await postgres.createDatabase("heard_e2e");
  }
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const baseURL = `http://127.0.0.1:${port}`;
  await waitForHealth(baseURL, child, () => output);
  project.provide("baseURL", baseURL);

  return async () => {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(databasePath + suffix, { force: true });
    await postgres?.stop();
    if (process.env.E2E_SERVER_LOG) console.log(output);
  };
}

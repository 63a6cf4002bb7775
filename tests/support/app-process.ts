// The built app as a council runs it: `scripts/start.ts` in a child process on a free port, with
// none of this machine's own Heard settings leaking in. For tests that start several app processes.
import { spawn, type ChildProcess } from "node:child_process";
import { freePort } from "./postgres";

export type AppProcess = { baseURL: string; port: number; child: ChildProcess; output: () => string };
export type Settings = Record<string, string | undefined>;

/** The process environment for `settings`: NODE_ENV production, never a rebuild under other tests. */
export function appEnvironment(settings: Settings): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", HEARD_NO_BUILD: "1" };
  for (const name of ["DATABASE_URL", "PUBLIC_URL", "HEARD_DEMO", "SECURE_COOKIES", "TRUST_PROXY", "HEARD_SECRET"]) delete env[name];
  for (const [name, value] of Object.entries(settings)) if (value !== undefined) env[name] = value;
  return env;
}

export async function startAppProcess(settings: Settings): Promise<AppProcess> {
  const port = await freePort();
  let output = "";
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: appEnvironment({ ...settings, PORT: String(port) }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  return { baseURL: `http://127.0.0.1:${port}`, port, child, output: () => output };
}

// A process ended by a signal has a signalCode and no exitCode.
export const hasEnded = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

export async function waitUntilListening(app: AppProcess, timeoutMs = 150_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasEnded(app.child)) throw new Error(`The app exited early (code ${app.child.exitCode}):\n${app.output()}`);
    if (app.output().includes("Heard is listening")) {
      const response = await fetch(`${app.baseURL}/healthz`).catch(() => undefined);
      if (response?.ok) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The app did not start:\n${app.output()}`);
}

export async function waitForExit(app: AppProcess): Promise<number | null> {
  if (hasEnded(app.child)) return app.child.exitCode;
  return new Promise((resolve) => app.child.once("exit", (code) => resolve(code)));
}

export async function stopAppProcess(app: AppProcess | undefined) {
  if (!app || hasEnded(app.child)) return;
  app.child.kill("SIGTERM");
  await waitForExit(app);
}

import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

const alias = { "~": path.resolve(__dirname, "app") };

const integration = (engine: "sqlite" | "postgres"): TestProjectInlineConfiguration => ({
  resolve: { alias },
  test: {
    name: `integration-${engine === "sqlite" ? "sqlite" : "pg"}`,
    globals: true,
    environment: "node",
    include: ["tests/integration/**/*.test.ts"],
    setupFiles: ["tests/integration/setup-db.ts"],
    env: { HEARD_TEST_ENGINE: engine },
    globalSetup: engine === "postgres" ? ["tests/support/postgres-global-setup.ts"] : [],
  },
});

// The built app driven from outside (Chromium, or several processes): each project runs its files one
// at a time against its own server. Vitest runs the "forks" pool's single-fork projects only after the
// unit and integration files, one project after another, but runs different pools side by side; so
// half of the browser files run in the "threads" pool, from the start, beside everything else, which
// keeps both cores busy on a two-core machine.
const outside = (
  name: string,
  include: string[],
  globalSetup: string[],
  { pool = "forks", exclude = [] }: { pool?: "forks" | "threads"; exclude?: string[] } = {},
): TestProjectInlineConfiguration => ({
  resolve: { alias },
  test: {
    name,
    globals: true,
    environment: "node",
    include,
    exclude,
    globalSetup,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool,
    poolOptions: pool === "forks" ? { forks: { singleFork: true } } : { threads: { singleThread: true } },
  },
});

// The browser files in two projects, each with its own server. "e2e" runs in the threads pool from
// the start; "e2e-forks" waits for the unit and integration files, then runs before e2e-pg and
// multi-process, so it holds the shorter files. A new file joins "e2e" unless that runs far longer.
const e2eAfterUnitAndIntegration = [
  "tests/e2e/safeguarding.test.ts",
  "tests/e2e/admin.test.ts",
  "tests/e2e/codesign.test.ts",
  "tests/e2e/hostile-requests.test.ts",
  "tests/e2e/demo-banner.test.ts",
  "tests/e2e/request-limits.test.ts",
  "tests/e2e/client-bundle.test.ts",
];

export default defineConfig({
  resolve: { alias },
  test: {
    globals: true,
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          globals: true,
          environment: "node",
          include: ["tests/unit/**/*.test.{ts,tsx}", "app/**/*.test.{ts,tsx}"],
        },
      },
      integration("sqlite"),
      integration("postgres"),
      outside("e2e", ["tests/e2e/**/*.test.ts"], ["tests/e2e/global-setup.ts"], {
        pool: "threads",
        exclude: e2eAfterUnitAndIntegration,
      }),
      outside("e2e-forks", e2eAfterUnitAndIntegration, ["tests/e2e/global-setup.ts"]),
      // The thin path once more with the app on PostgreSQL.
      outside("e2e-pg", ["tests/e2e/thin-path.test.ts"], ["tests/e2e/global-setup.ts"]),
      // Two app processes on one PostgreSQL behave as one site.
      outside("multi-process", ["tests/multi-process/**/*.test.ts"], ["tests/support/postgres-global-setup.ts"]),
    ],
  },
});

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

// The built app driven from outside (Chromium, or several processes): one file at a time per project.
const outside = (name: string, include: string[], globalSetup: string[]): TestProjectInlineConfiguration => ({
  resolve: { alias },
  test: {
    name,
    globals: true,
    environment: "node",
    include,
    globalSetup,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: "forks",
    poolOptions: { forks: { singleFork: true } },
  },
});

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
      outside("e2e", ["tests/e2e/**/*.test.ts"], ["tests/e2e/global-setup.ts"]),
      // The thin path once more with the app on PostgreSQL.
      outside("e2e-pg", ["tests/e2e/thin-path.test.ts"], ["tests/e2e/global-setup.ts"]),
      // Two app processes on one PostgreSQL behave as one site.
      outside("multi-process", ["tests/multi-process/**/*.test.ts"], ["tests/support/postgres-global-setup.ts"]),
    ],
  },
});

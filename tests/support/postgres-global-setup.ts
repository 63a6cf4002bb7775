// Vitest global set-up for the PostgreSQL projects: one throwaway cluster for the run, with a
// template database migrated once; each test file copies it (CREATE DATABASE … TEMPLATE), the
// PostgreSQL counterpart of copying a migrated SQLite file.
import type { TestProject } from "vitest/node";
import { migratePostgres, startThrowawayPostgres } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    postgresTemplateUrl: string;
  }
}

export const TEMPLATE_DATABASE = "heard_template";

export default async function setup(project: TestProject) {
  const cluster = await startThrowawayPostgres();
  const templateUrl = await cluster.createDatabase(TEMPLATE_DATABASE);
  await migratePostgres(templateUrl);
  project.provide("postgresTemplateUrl", templateUrl);
  return () => cluster.stop();
}

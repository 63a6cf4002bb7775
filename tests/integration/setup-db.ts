// Each integration test file gets its own migrated database, so files can run in parallel:
// - SQLite (project integration-sqlite): a fresh file, migrated;
// - PostgreSQL (project integration-pg): a copy of the run's migrated template database.
// The same test files run on both engines.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, inject } from "vitest";

const engine = process.env.HEARD_TEST_ENGINE === "postgres" ? "postgres" : "sqlite";
let cleanUp: () => Promise<void>;

if (engine === "postgres") {
  const templateUrl = new URL(inject("postgresTemplateUrl"));
  const name = `heard_${randomUUID().replaceAll("-", "")}`;
  const adminUrl = new URL(templateUrl);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.href });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateUrl.pathname.slice(1)}`);
  await admin.end();
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.href;
  cleanUp = async () => {
    const client = new pg.Client({ connectionString: adminUrl.href });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  };
} else {
  const dir = path.resolve("tests/.tmp");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `integration-${randomUUID()}.sqlite`);
  delete process.env.DATABASE_URL;
  process.env.DATABASE_PATH = file;
  cleanUp = async () => {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  };
}

await globalThis.__heardConnection?.close();
globalThis.__heardConnection = undefined;
const { migrateDatabase, closeDatabase } = await import("~/db.server");
if (engine === "sqlite") await migrateDatabase();

afterAll(async () => {
  await closeDatabase();
  await cleanUp();
});

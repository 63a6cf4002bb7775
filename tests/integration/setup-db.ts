// Each integration test file gets its own migrated SQLite file, so files can run in parallel.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";

const dir = path.resolve("tests/.tmp");
fs.mkdirSync(dir, { recursive: true });
const file = path.join(dir, `integration-${randomUUID()}.sqlite`);
process.env.DATABASE_PATH = file;

globalThis.__heardDb?.$client.close();
globalThis.__heardDb = undefined;
const { migrateDatabase, db } = await import("~/db.server");
migrateDatabase();

afterAll(() => {
  db.$client.close();
  globalThis.__heardDb = undefined;
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});

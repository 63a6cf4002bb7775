// The one module that opens SQLite. Models import `db` from here; nothing else touches Drizzle.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "../db/schema";
import { getEnv } from "~/utils/env.server";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

function openDatabase(file: string): DB {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  return drizzle(sqlite, { schema }) as DB;
}

declare global {
  // Survives module reloads in development so we keep one connection.
  var __heardDb: DB | undefined;
}

export const db: DB = (globalThis.__heardDb ??= openDatabase(getEnv().DATABASE_PATH));

/** Applies committed migrations from db/migrations. Called by the start script and test set-up, never on import. */
export function migrateDatabase(migrationsFolder = path.resolve("db", "migrations")) {
  migrate(db, { migrationsFolder });
}

/** True once the database answers a trivial query. */
export function databaseAnswers(): boolean {
  try {
    return db.$client.prepare("select 1 as ok").get() !== undefined;
  } catch {
    return false;
  }
}

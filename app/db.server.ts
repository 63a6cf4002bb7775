// The one module that opens the database. Models import `db` and `schema` from here; nothing else
// touches Drizzle. Two engines sit behind one async API (see docs/decisions/0002-two-engines-transactions-and-job-locks.md):
// - SQLite (the default): better-sqlite3 behind drizzle's async "sqlite-proxy" driver, so model code
//   awaits every query exactly as it does on PostgreSQL;
// - PostgreSQL when DATABASE_URL is a postgres:// address, through `pg`.
// Models are typed against the PostgreSQL schema; at run time `schema` holds the tables of the
// engine in use. Both schemas have the same shape (tests/unit/schema-parity.test.ts).
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle as drizzleBetterSqlite } from "drizzle-orm/better-sqlite3";
import { migrate as migrateBetterSqlite } from "drizzle-orm/better-sqlite3/migrator";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzleSqliteProxy } from "drizzle-orm/sqlite-proxy";
import pg from "pg";
import * as pgSchema from "../db/schema.pg";
import * as sqliteSchema from "../db/schema.sqlite";
import { getEnv } from "~/utils/env.server";

export type Schema = typeof pgSchema;
export type DB = NodePgDatabase<Schema>;
/** A transaction handle: what `db.transaction(async (tx) => …)` passes in. */
export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Executor = DB | Tx;
export type Engine = "sqlite" | "postgres";

type Connection = {
  engine: Engine;
  db: DB;
  schema: Schema;
  migrate: () => Promise<void>;
  ping: () => Promise<void>;
  close: () => Promise<void>;
};

const MIGRATIONS = path.resolve("db", "migrations");

export function engineFor(databaseUrl: string | undefined): Engine {
  return databaseUrl && /^postgres(ql)?:\/\//.test(databaseUrl) ? "postgres" : "sqlite";
}

function openPostgres(url: string): Connection {
  const pool = new pg.Pool({ connectionString: url, max: 10, idleTimeoutMillis: 30_000 });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on("error", (error) => console.error(`PostgreSQL pool error: ${error.name}`));
  const db = drizzlePg(pool, { schema: pgSchema });
  // A model function called inside another's transaction joins it, as on SQLite, rather than
  // opening a second transaction on another connection (which would neither be atomic with the
  // first nor see its writes).
  const current = new AsyncLocalStorage<Tx>();
  const nativeTransaction = db.transaction.bind(db);
  db.transaction = ((run: (tx: Tx) => Promise<unknown>, config?: Parameters<typeof nativeTransaction>[1]) => {
    const outer = current.getStore();
    if (outer) return run(outer);
    return nativeTransaction((tx) => current.run(tx, () => run(tx)), config);
  }) as typeof db.transaction;
  return {
    engine: "postgres",
    db,
    schema: pgSchema,
    migrate: async () => {
      // Several app servers may start at once: one migrates while the others wait for the lock,
      // then find nothing left to do.
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock(hashtext('heard:migrations'))");
        await migratePg(drizzlePg(client), { migrationsFolder: path.join(MIGRATIONS, "pg") });
      } finally {
        await client.query("select pg_advisory_unlock(hashtext('heard:migrations'))").catch(() => undefined);
        client.release();
      }
    },
    ping: async () => {
      await pool.query("select 1");
    },
    close: () => pool.end(),
  };
}

function openSqlite(file: string): Connection {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const client = new Database(file);
  client.pragma("journal_mode = WAL");
  client.pragma("foreign_keys = ON");
  client.pragma("busy_timeout = 5000");
  // FULL: in WAL mode each commit is synced to disk, so an acknowledged response survives a power cut.
  client.pragma("synchronous = FULL");

  // better-sqlite3 is synchronous and this process has one connection. A transaction spans several
  // awaited queries, so other requests' queries could run inside it between two awaits (and be rolled
  // back with it). While a transaction is open, queries from outside it wait until it ends; queries
  // from inside it are recognised by their async context.
  const transactionContext = new AsyncLocalStorage<symbol>();
  let open: { id: symbol; ended: Promise<void> } | null = null;

  const statements = new Map<string, Database.Statement>();
  function prepare(text: string) {
    let statement = statements.get(text);
    if (!statement) {
      statement = client.prepare(text);
      if (statements.size > 500) statements.clear();
      statements.set(text, statement);
    }
    return statement;
  }

  const proxy = drizzleSqliteProxy(
    async (text, params, method) => {
      // Checked right before the statement runs, with no await in between: a transaction that
      // opened meanwhile is waited for too.
      while (open && transactionContext.getStore() !== open.id) await open.ended;
      const statement = prepare(text);
      if (!statement.reader) {
        const result = statement.run(...params);
        return { rows: [], changes: result.changes } as { rows: unknown[] };
      }
      if (method === "get") return { rows: statement.raw(true).get(...params) as unknown[] };
      return { rows: statement.raw(true).all(...params) as unknown[] };
    },
    { schema: sqliteSchema },
  );

  const nativeTransaction = proxy.transaction.bind(proxy);
  let queue: Promise<unknown> = Promise.resolve();
  proxy.transaction = ((run: (tx: unknown) => Promise<unknown>, config?: Parameters<typeof nativeTransaction>[1]) => {
    // A model function called from inside another's transaction joins it (as PostgreSQL's would
    // with a savepoint): it must not wait for the transaction it is part of.
    if (open && transactionContext.getStore() === open.id) return run(proxy);
    const turn = queue.then(async () => {
      const id = Symbol("transaction");
      let end!: () => void;
      open = { id, ended: new Promise<void>((resolve) => (end = resolve)) };
      try {
        // IMMEDIATE takes the write lock up front, so another process's writer waits (busy_timeout)
        // instead of failing part-way through.
        return await transactionContext.run(id, () => nativeTransaction(run as never, { behavior: "immediate", ...config }));
      } finally {
        open = null;
        end();
      }
    });
    queue = turn.catch(() => undefined);
    return turn;
  }) as typeof proxy.transaction;

  return {
    engine: "sqlite",
    db: proxy as unknown as DB,
    schema: sqliteSchema as unknown as Schema,
    migrate: async () => {
      migrateBetterSqlite(drizzleBetterSqlite(client), { migrationsFolder: path.join(MIGRATIONS, "sqlite") });
    },
    ping: async () => {
      client.prepare("select 1").get();
    },
    close: async () => {
      client.close();
    },
  };
}

function connect(): Connection {
  const env = getEnv();
  return env.DATABASE_URL && engineFor(env.DATABASE_URL) === "postgres"
    ? openPostgres(env.DATABASE_URL)
    : openSqlite(env.DATABASE_PATH);
}

declare global {
  // Survives module reloads in development and lets tests swap databases between files.
  var __heardConnection: Connection | undefined;
}

const connection: Connection = (globalThis.__heardConnection ??= connect());

export const db: DB = connection.db;
export const schema: Schema = connection.schema;
export const engine: Engine = connection.engine;

/** Applies the committed migrations for the engine in use. Called by start-up and test set-up, never on import. */
export function migrateDatabase() {
  return connection.migrate();
}

/** True once the database answers a trivial query. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await connection.ping();
    return true;
  } catch {
    return false;
  }
}

export async function closeDatabase() {
  await connection.close();
  if (globalThis.__heardConnection === connection) globalThis.__heardConnection = undefined;
}

// `npm run db:migrate`: applies the committed migrations for the engine in use
// (DATABASE_URL=postgres://… → db/migrations/pg, otherwise SQLite at DATABASE_PATH → db/migrations/sqlite).
import { closeDatabase, engine, migrateDatabase } from "../app/db.server";

await migrateDatabase();
console.log(`Migrations applied (${engine}).`);
await closeDatabase();

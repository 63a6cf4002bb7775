// drizzle-kit for the PostgreSQL schema: its own migrations folder, generated beside SQLite's.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema.pg.ts",
  out: "./db/migrations/pg",
});

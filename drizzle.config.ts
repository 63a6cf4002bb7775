// drizzle-kit for the SQLite schema; `npm run db:generate` also runs drizzle.pg.config.ts.
import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema.sqlite.ts",
  out: "./db/migrations/sqlite",
});

// The committed migrations must match the schemas: a column added to db/schema.*.ts without
// `npm run db:generate` would leave real databases behind. drizzle-kit compares the schema with the
// last snapshot; here it runs against a copy of each migrations folder and must find nothing to do.
import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const DIALECTS = [
  { dialect: "sqlite", schema: "./db/schema.sqlite.ts", folder: "db/migrations/sqlite" },
  { dialect: "postgresql", schema: "./db/schema.pg.ts", folder: "db/migrations/pg" },
];

test.each(DIALECTS)("the $dialect migrations are up to date with $schema", ({ dialect, schema, folder }) => {
  const copy = path.join("tests", ".tmp", `migrations-${randomUUID()}`);
  fs.cpSync(folder, copy, { recursive: true });
  try {
    const before = fs.readdirSync(copy).sort();
    const output = execFileSync(
      process.execPath,
      [path.resolve("node_modules/drizzle-kit/bin.cjs"), "generate", "--dialect", dialect, "--schema", schema, "--out", `./${copy}`],
      { encoding: "utf8", stdio: "pipe" },
    );
    expect(fs.readdirSync(copy).sort(), output).toEqual(before);
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}, 60_000);

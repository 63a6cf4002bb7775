// An existing SQLite database (created by the first migration, with data in it) upgrades in place:
// the later migrations apply on top, and nothing already stored is lost or changed.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";

const FOLDER = path.resolve("db/migrations/sqlite");

function firstMigrationOnly(target: string) {
  fs.mkdirSync(path.join(target, "meta"), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(FOLDER, "meta/_journal.json"), "utf8"));
  const first = journal.entries[0];
  fs.copyFileSync(path.join(FOLDER, `${first.tag}.sql`), path.join(target, `${first.tag}.sql`));
  fs.writeFileSync(path.join(target, "meta/_journal.json"), JSON.stringify({ ...journal, entries: [first] }));
}

test("a database made by the first migration upgrades in place, keeping its data", () => {
  const dir = path.join("tests", ".tmp", `upgrade-${randomUUID()}`);
  const oldMigrations = path.join(dir, "old");
  firstMigrationOnly(oldMigrations);
  const client = new Database(path.join(dir, "heard.sqlite"));
  client.pragma("foreign_keys = ON");
  try {
    migrate(drizzle(client), { migrationsFolder: oldMigrations });
    client.exec(`
      insert into organisations (id, name) values ('org', 'Old Council');
      insert into members (id, organisation_id, email, name, role, password_hash) values ('m', 'org', 'a@old.test', 'A', 'officer', 'scrypt$x');
      insert into consultations (id, organisation_id, slug, title, purpose, who_for, audience, opens_on, closes_on, feedback_by, created_by)
        values ('c', 'org', 'old-slug', 'Old title', 'p', 'w', 'a', '2026-01-01', '2026-02-01', '2026-03-01', 'm');
      insert into sessions (id, member_id, organisation_id, last_seen_at, expires_at) values ('s', 'm', 'org', 1, 2);
      insert into audit_events (id, organisation_id, member_id, action) values ('e', 'org', 'm', 'consultation.created');
    `);

    migrate(drizzle(client), { migrationsFolder: FOLDER });

    expect(client.prepare("select name, public_contact from organisations").all()).toEqual([{ name: "Old Council", public_contact: "" }]);
    expect(client.prepare("select email, password_hash, deactivated_at from members").all()).toEqual([
      { email: "a@old.test", password_hash: "scrypt$x", deactivated_at: null },
    ]);
    // Rebuilding a table can silently cascade deletes or null out references: neither happened.
    expect(client.prepare("select created_by, closed_at from consultations").all()).toEqual([{ created_by: "m", closed_at: null }]);
    expect(client.prepare("select count(*) as n from sessions").get()).toEqual({ n: 1 });
    expect(client.prepare("select member_id from audit_events").all()).toEqual([{ member_id: "m" }]);
    expect(client.prepare("select count(*) as n from rate_limits").get()).toEqual({ n: 0 });
  } finally {
    client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

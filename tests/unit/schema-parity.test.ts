// The SQLite and PostgreSQL schemas must describe the same database: same tables, columns, keys,
// defaults, foreign keys and indexes. drizzle has no dialect-neutral schema, so this test is what
// stops the two drifting apart.
import { getTableColumns, is } from "drizzle-orm";
import { getTableConfig as getPgTableConfig, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as getSqliteTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import * as pgSchema from "../../db/schema.pg";
import * as sqliteSchema from "../../db/schema.sqlite";

// How each dialect spells the same kind of value.
const KIND: Record<string, string> = {
  SQLiteText: "text",
  PgText: "text",
  SQLiteInteger: "integer",
  PgInteger: "integer",
  PgBigInt53: "integer",
  SQLiteBoolean: "boolean",
  PgBoolean: "boolean",
  SQLiteTimestamp: "timestamp",
  PgTimestamp: "timestamp",
  SQLiteTextJson: "json",
  PgJson: "json",
  PgJsonb: "json",
  // Raw bytes: SQLite's blob, PostgreSQL's bytea (declared as a custom column: drizzle has no bytea).
  SQLiteBlobBuffer: "bytes",
  PgCustomColumn: "bytes",
};

type Shape = {
  columns: Record<string, { kind: string; notNull: boolean; primary: boolean; hasDefault: boolean; enumValues?: readonly string[] }>;
  foreignKeys: string[];
  indexes: string[];
};

function shapeOf(table: PgTable | SQLiteTable): Shape {
  const config = is(table, PgTable) ? getPgTableConfig(table) : getSqliteTableConfig(table as SQLiteTable);
  const columns: Shape["columns"] = {};
  for (const column of Object.values(getTableColumns(table))) {
    const kind = KIND[column.columnType];
    if (!kind) throw new Error(`No kind for ${config.name}.${column.name}: ${column.columnType}`);
    columns[column.name] = {
      kind,
      notNull: column.notNull,
      primary: column.primary,
      hasDefault: column.hasDefault || column.defaultFn !== undefined,
      ...(column.enumValues?.length ? { enumValues: column.enumValues } : {}),
    };
  }
  const foreignKeys = config.foreignKeys
    .map((fk) => {
      const ref = fk.reference();
      const target = is(ref.foreignTable, PgTable) ? getPgTableConfig(ref.foreignTable).name : getSqliteTableConfig(ref.foreignTable as SQLiteTable).name;
      return `${ref.columns.map((c) => c.name).join(",")} -> ${target}(${ref.foreignColumns.map((c) => c.name).join(",")}) on delete ${fk.onDelete ?? "no action"}`;
    })
    .sort();
  const indexes = config.indexes
    .map((index) => {
      const columnsOf = index.config.columns.map((c) => ("name" in c ? c.name : "?")).join(",");
      return `${index.config.unique ? "unique " : ""}${index.config.name}(${columnsOf})`;
    })
    .sort();
  return { columns, foreignKeys, indexes };
}

function tablesOf(schema: Record<string, unknown>) {
  const tables: Record<string, Shape> = {};
  for (const value of Object.values(schema)) {
    if (is(value, PgTable) || is(value, SQLiteTable)) {
      const name = is(value, PgTable) ? getPgTableConfig(value).name : getSqliteTableConfig(value as SQLiteTable).name;
      tables[name] = shapeOf(value as PgTable | SQLiteTable);
    }
  }
  return tables;
}

const sqliteTables = tablesOf(sqliteSchema);
const pgTables = tablesOf(pgSchema);

test("both dialects have the same tables", () => {
  expect(Object.keys(pgTables).sort()).toEqual(Object.keys(sqliteTables).sort());
  expect(Object.keys(sqliteTables).length).toBeGreaterThanOrEqual(11);
});

test.each(Object.keys(sqliteTables))("table %s has the same columns, keys, defaults, foreign keys and indexes", (name) => {
  expect(pgTables[name]).toEqual(sqliteTables[name]);
});

test("the schemas export their tables under the same names (models reach them as schema.<name>)", () => {
  const exported = (schema: Record<string, unknown>) =>
    Object.entries(schema)
      .filter(([, value]) => is(value, PgTable) || is(value, SQLiteTable))
      .map(([key]) => key)
      .sort();
  expect(exported(pgSchema)).toEqual(exported(sqliteSchema));
});

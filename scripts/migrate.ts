import { migrateDatabase } from "../app/db.server";

migrateDatabase();
console.log("Migrations applied.");

// `npm run remove-demo`: deletes the demo organisation (its accounts share a published password)
// and everything in it, so the database can serve real answers.
import { closeDatabase, migrateDatabase } from "../app/db.server";
import { removeDemo } from "../db/seed";

await migrateDatabase();
const removed = await removeDemo();
console.log(removed > 0 ? "Removed the demo organisation and its accounts." : "There was no demo organisation.");
await closeDatabase();

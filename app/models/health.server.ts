export { databaseAnswers } from "~/db.server";

// `npm run postgres:throwaway`: starts a throwaway PostgreSQL cluster (Debian's server binaries, a
// temporary folder, a free port) with an empty `heard` database, prints its DATABASE_URL, and
// deletes it all on Ctrl-C. For trying Heard on PostgreSQL without setting up a server.
import { startThrowawayPostgres } from "../tests/support/postgres";

const cluster = await startThrowawayPostgres();
const url = await cluster.createDatabase("heard");
console.log(`PostgreSQL is running. In another terminal:\n\n  DATABASE_URL=${url} npm start\n\nCtrl-C stops it and deletes its data.`);
const stop = () => {
  void cluster.stop().then(() => process.exit(0));
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
setInterval(() => undefined, 1 << 30);

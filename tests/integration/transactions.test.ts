// Transactions behave the same on both engines: a rolled-back transaction takes only its own
// writes with it, never those of a request that ran at the same time, and a model function called
// inside another's transaction joins it.
import { eq } from "drizzle-orm";
import { db, schema } from "~/db.server";

const { organisations } = schema;
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

async function organisationNamed(name: string) {
  const [found] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.name, name));
  return found;
}

test("a write from outside an open transaction is not rolled back with it", async () => {
  const inside = `inside-${Math.random()}`;
  const outside = `outside-${Math.random()}`;
  const failing = db.transaction(async (tx) => {
    await tx.insert(organisations).values({ name: inside });
    // While this transaction is open, another request writes.
    await tick();
    await tick();
    throw new Error("refused part-way");
  });
  const concurrent = (async () => {
    await tick();
    await db.insert(organisations).values({ name: outside });
  })();
  await expect(failing).rejects.toThrow("refused part-way");
  await concurrent;
  expect(await organisationNamed(inside)).toBeUndefined();
  expect(await organisationNamed(outside)).toBeDefined();
});

test("a read from outside an open transaction never sees its uncommitted writes", async () => {
  const name = `uncommitted-${Math.random()}`;
  // Another request (set up outside the transaction, as a request handler would be) reads as soon
  // as the row exists only inside the transaction…
  let rowWritten!: () => void;
  const reader = new Promise<void>((resolve) => (rowWritten = resolve)).then(() => organisationNamed(name));
  await expect(
    db.transaction(async (tx) => {
      await tx.insert(organisations).values({ name });
      rowWritten();
      await tick();
      // …which is then rolled back: the row never existed for anyone else.
      throw new Error("rolled back");
    }),
  ).rejects.toThrow("rolled back");
  expect(await reader).toBeUndefined();
});

test("a transaction opened inside another joins it: both commit or neither does", async () => {
  const outer = `outer-${Math.random()}`;
  const inner = `inner-${Math.random()}`;
  await expect(
    db.transaction(async (tx) => {
      await tx.insert(organisations).values({ name: outer });
      await db.transaction(async (nested) => {
        await nested.insert(organisations).values({ name: inner });
      });
      throw new Error("outer refused");
    }),
  ).rejects.toThrow("outer refused");
  expect(await organisationNamed(outer)).toBeUndefined();
  expect(await organisationNamed(inner)).toBeUndefined();
});

test("many transactions at once all commit, one after another", async () => {
  const names = Array.from({ length: 20 }, (_, i) => `many-${i}-${Math.random()}`);
  await Promise.all(
    names.map((name) =>
      db.transaction(async (tx) => {
        await tx.insert(organisations).values({ name });
        await tick();
      }),
    ),
  );
  for (const name of names) expect(await organisationNamed(name)).toBeDefined();
});

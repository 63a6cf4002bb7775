import { countOrganisations } from "~/models/organisation.server";
import { makeOrganisationWithMember } from "./fixtures";

test("a migrated database takes an organisation", async () => {
  const before = await countOrganisations();
  await makeOrganisationWithMember();
  expect(await countOrganisations()).toBe(before + 1);
});

import { countOrganisations } from "~/models/organisation.server";
import { makeOrganisationWithMember } from "./fixtures";

test("a migrated database takes an organisation", async () => {
  const before = countOrganisations();
  await makeOrganisationWithMember();
  expect(countOrganisations()).toBe(before + 1);
});

// Bad input to the consultation form gets a clear message on the field, never a silently changed value:
// "2026-02-30" used to be stored (and shown as "2 March 2026") and a retention of "1e1" stored as 10.
import { describe, expect, it } from "vitest";
import { ConsultationDetailsSchema, openConsultationChangesSchema } from "~/consultations/consultation-schema.server";
import { firstErrorPerField } from "~/utils/form-errors.server";

const good = {
  title: "Your say on youth clubs",
  purpose: "Find out what young people want",
  whoFor: "Young people aged 11 to 18",
  audience: "Youth service",
  opensOn: "2030-01-01",
  closesOn: "2030-02-01",
  feedbackBy: "2030-03-01",
  dataUseStatement: "",
  contact: "",
  retentionMonths: "24",
};

function errorsFor(input: Record<string, string>) {
  const parsed = ConsultationDetailsSchema.safeParse(input);
  return parsed.success ? {} : firstErrorPerField(parsed.error);
}

describe("consultation dates", () => {
  it.each(["2026-02-30", "2026-02-29", "2026-04-31", "2026-13-01", "2026-00-01", "2026-2-3", "30/01/2026"])(
    "refuses %s as a date that does not exist",
    (day) => {
      expect(errorsFor({ ...good, opensOn: day })).toEqual({ opensOn: "validation:consultation.realDate" });
      expect(errorsFor({ ...good, feedbackBy: day })).toEqual({ feedbackBy: "validation:consultation.realDate" });
    },
  );

  it("accepts 29 February in a leap year", () => {
    expect(errorsFor({ ...good, opensOn: "2028-02-29", closesOn: "2028-03-01", feedbackBy: "2028-03-01" })).toEqual({});
  });

  it("refuses a closing date before the opening date, and a feedback date before the closing date", () => {
    expect(errorsFor({ ...good, closesOn: "2029-12-31" })).toEqual({ closesOn: "validation:consultation.closesBeforeOpens" });
    expect(errorsFor({ ...good, feedbackBy: "2030-01-31" })).toEqual({ feedbackBy: "validation:consultation.feedbackBeforeCloses" });
  });

  it("lists a date-order mistake together with the other fields' mistakes", () => {
    expect(errorsFor({ ...good, title: "", closesOn: "2029-12-31" })).toEqual({
      title: "validation:consultation.titleRequired",
      closesOn: "validation:consultation.closesBeforeOpens",
    });
  });
});

describe("retention period", () => {
  it.each([
    ["1e1", "validation:consultation.retentionWhole"],
    ["1.5", "validation:consultation.retentionWhole"],
    ["0x10", "validation:consultation.retentionWhole"],
    ["12.0", "validation:consultation.retentionWhole"],
    ["", "validation:consultation.retentionNumber"],
    ["twelve", "validation:consultation.retentionNumber"],
    ["0", "validation:consultation.retentionMin"],
    ["-3", "validation:consultation.retentionMin"],
    ["121", "validation:consultation.retentionMax"],
  ])("refuses %j", (months, key) => {
    expect(errorsFor({ ...good, retentionMonths: months })).toEqual({ retentionMonths: key });
  });

  it("takes whole months written as digits", () => {
    const parsed = ConsultationDetailsSchema.parse({ ...good, retentionMonths: " 10 " });
    expect(parsed.retentionMonths).toBe(10);
  });
});

describe("changes while open", () => {
  const schema = openConsultationChangesSchema({ opensOn: "2030-01-01" });
  const errors = (input: Record<string, string>) => {
    const parsed = schema.safeParse(input);
    return parsed.success ? {} : firstErrorPerField(parsed.error);
  };

  it("keeps closing on or after the opening date that was set, and feedback on or after closing", () => {
    expect(errors({ closesOn: "2030-02-10", feedbackBy: "2030-03-01", contact: "" })).toEqual({});
    expect(errors({ closesOn: "2029-12-31", feedbackBy: "2030-03-01" })).toEqual({ closesOn: "validation:consultation.closesBeforeOpens" });
    expect(errors({ closesOn: "2030-02-10", feedbackBy: "2030-02-09" })).toEqual({
      feedbackBy: "validation:consultation.feedbackBeforeCloses",
    });
    expect(errors({ closesOn: "2030-02-30", feedbackBy: "2030-03-01" })).toEqual({ closesOn: "validation:consultation.realDate" });
  });

  it("takes no other field", () => {
    const parsed = schema.parse({ closesOn: "2030-02-10", feedbackBy: "2030-03-01", title: "sneaky", opensOn: "2020-01-01" });
    expect(Object.keys(parsed).sort()).toEqual(["closesOn", "contact", "feedbackBy"]);
  });
});

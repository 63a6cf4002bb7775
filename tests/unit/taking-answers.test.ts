import { describe, expect, it } from "vitest";
import { answeringState, displayedStatus, isTakingAnswers, takesRecords } from "~/consultations/taking-answers";
import { CONSULTATION_STATUSES } from "../../db/enums";
import { formatDate, formatDayOf, isRealIsoDay, londonToday } from "~/utils/dates";

const dates = { opensOn: "2026-11-01", closesOn: "2027-01-31" };

describe("whether a consultation takes answers", () => {
  it("takes answers only while open and between its dates, both days included", () => {
    const open = { status: "open" as const, ...dates };
    expect(isTakingAnswers(open, "2026-10-31")).toBe(false);
    expect(isTakingAnswers(open, "2026-11-01")).toBe(true);
    expect(isTakingAnswers(open, "2027-01-31")).toBe(true);
    expect(isTakingAnswers(open, "2027-02-01")).toBe(false);
    expect(answeringState(open, "2026-10-31")).toBe("before-opening");
    expect(answeringState(open, "2027-02-01")).toBe("after-closing");
    for (const status of ["draft", "in_review", "closed", "reported", "archived"] as const) {
      expect(isTakingAnswers({ status, ...dates }, "2026-12-01")).toBe(false);
    }
  });

  it("shows an open consultation past its closing date as closed, and one not yet started as not open yet", () => {
    expect(displayedStatus({ status: "open", ...dates }, "2027-02-01")).toBe("closed");
    expect(displayedStatus({ status: "open", ...dates }, "2026-10-01")).toBe("scheduled");
    expect(displayedStatus({ status: "open", ...dates }, "2026-12-01")).toBe("open");
    expect(displayedStatus({ status: "draft", ...dates }, "2027-02-01")).toBe("draft");
    expect(displayedStatus({ status: "reported", ...dates }, "2027-02-01")).toBe("reported");
  });
});

describe("whether staff and event records are still taken", () => {
  it("takes them while open and after closing (paper arrives late), never before opening or once reported", () => {
    expect(CONSULTATION_STATUSES.filter(takesRecords)).toEqual(["open", "closed"]);
  });
});

describe("dates", () => {
  it("knows a real calendar day from an impossible one", () => {
    expect(isRealIsoDay("2026-02-28")).toBe(true);
    expect(isRealIsoDay("2028-02-29")).toBe(true);
    for (const bad of ["2026-02-29", "2026-02-30", "2026-04-31", "2026-13-01", "2026-00-10", "2026-1-5", "26-01-05", "", "2026-01-05x"]) {
      expect(isRealIsoDay(bad), bad).toBe(false);
    }
  });

  it("uses the UK day: just after midnight in British Summer Time is already tomorrow", () => {
    expect(londonToday(new Date("2026-07-01T23:30:00Z"))).toBe("2026-07-02");
    expect(londonToday(new Date("2026-12-01T23:30:00Z"))).toBe("2026-12-01");
  });

  it("formats a day in English or Welsh, on the server", () => {
    expect(formatDate("2027-02-28", "en")).toBe("28 February 2027");
    expect(formatDate("2027-02-28", "cy")).toBe("28 Chwefror 2027");
    expect(formatDate("2027-02-28", "pl")).toBe("28 lutego 2027");
    expect(formatDate("2027-02-28", "ar")).toContain("فبراير");
    expect(formatDate("2027-02-28", "ur")).toContain("فروری");
    expect(formatDayOf(new Date("2026-07-01T23:30:00Z"), "en")).toBe("2 July 2026");
  });
});

// Pure helpers of consultation events: short codes, UK local time, photo types by magic bytes,
// and the plan-an-event form's validation.
import { londonDayAndTime, londonLocalToUtc } from "~/events/london-time";
import { MAX_PHOTO_BYTES, photoTypeOf } from "~/events/photo-type";
import { makeShortCode, normaliseShortCode, SHORT_CODE_ALPHABET } from "~/events/short-code";
import { EventDetailsSchema, EventNoteSchema, VoteChangeSchema, AttendanceSchema } from "~/events/event-schema.server";

describe("short codes", () => {
  test("are six characters from an alphabet without look-alikes", () => {
    for (const ambiguous of ["0", "O", "1", "I", "L"]) expect(SHORT_CODE_ALPHABET).not.toContain(ambiguous);
    let i = 0;
    expect(makeShortCode(() => i++ % SHORT_CODE_ALPHABET.length)).toBe("ABCDEF");
  });

  test("typed codes are read generously and refused when they cannot be a code", () => {
    expect(normaliseShortCode("k7m-pq2")).toBe("K7MPQ2");
    expect(normaliseShortCode(" K7M PQ2 ")).toBe("K7MPQ2");
    expect(normaliseShortCode("K7MPQ")).toBeUndefined();
    expect(normaliseShortCode("K7MPQ22")).toBeUndefined();
    // An O typed for a zero is still not a code: 0 was never issued.
    expect(normaliseShortCode("K7MPQO")).toBeUndefined();
    expect(normaliseShortCode("<scrip")).toBeUndefined();
    expect(normaliseShortCode(null)).toBeUndefined();
  });
});

describe("UK local time", () => {
  test("winter is UTC, summer is UTC+1", () => {
    expect(londonLocalToUtc("2026-01-15", "16:00").toISOString()).toBe("2026-01-15T16:00:00.000Z");
    expect(londonLocalToUtc("2026-07-15", "16:00").toISOString()).toBe("2026-07-15T15:00:00.000Z");
  });

  test("the hour the clocks go back is read as its first occurrence; the missing hour an hour later", () => {
    expect(londonLocalToUtc("2026-10-25", "01:30").toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(londonLocalToUtc("2026-03-29", "01:30").toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  test("an instant reads back as the day and time it was planned for", () => {
    expect(londonDayAndTime(londonLocalToUtc("2026-07-15", "09:05"))).toEqual({ day: "2026-07-15", time: "09:05" });
    expect(londonDayAndTime(new Date("2026-12-31T23:30:00Z"))).toEqual({ day: "2026-12-31", time: "23:30" });
  });
});

describe("photo types", () => {
  const bytes = (...values: number[]) => Uint8Array.from(values);
  test("PNG, JPEG and WebP are recognised by their first bytes", () => {
    expect(photoTypeOf(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe("image/png");
    expect(photoTypeOf(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("image/jpeg");
    expect(photoTypeOf(bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50))).toBe("image/webp");
  });
  test("anything else is refused, whatever it is called", () => {
    expect(photoTypeOf(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeUndefined();
    expect(photoTypeOf(bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61))).toBeUndefined(); // GIF
    expect(photoTypeOf(bytes(0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x41, 0x56, 0x45))).toBeUndefined(); // WAV
    expect(photoTypeOf(bytes())).toBeUndefined();
    expect(MAX_PHOTO_BYTES).toBe(4 * 1024 * 1024);
  });
});

describe("the plan-an-event form", () => {
  const valid = {
    title: "Youth forum",
    day: "2026-07-15",
    startTime: "16:00",
    endTime: "17:30",
    format: "workshop",
    place: "Town Hall",
    accessArrangements: ["bsl", "bsl", "step_free"],
    facilitators: [],
    expectedNumbers: "25",
  };

  test("a valid plan becomes instants in UK time, with arrangements as a set", () => {
    const parsed = EventDetailsSchema.parse(valid);
    expect(parsed.startsAt.toISOString()).toBe("2026-07-15T15:00:00.000Z");
    expect(parsed.endsAt.toISOString()).toBe("2026-07-15T16:30:00.000Z");
    expect(parsed.accessArrangements).toEqual(["bsl", "step_free"]);
    expect(parsed.expectedNumbers).toBe(25);
  });

  const firstErrors = (input: Record<string, unknown>) => {
    const result = EventDetailsSchema.safeParse(input);
    return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
  };

  test("bad input gets one message per field", () => {
    expect(firstErrors({ ...valid, title: " " })).toMatchObject({ title: "events:errors.titleRequired" });
    expect(firstErrors({ ...valid, day: "2026-02-30" })).toMatchObject({ day: "events:errors.day" });
    expect(firstErrors({ ...valid, endTime: "15:00" })).toMatchObject({ endTime: "events:errors.endBeforeStart" });
    expect(firstErrors({ ...valid, place: "" })).toMatchObject({ place: "events:errors.placeOrLink" });
    expect(firstErrors({ ...valid, format: "online", place: "", onlineLink: "" })).toMatchObject({ place: "events:errors.placeOrLink" });
    expect(firstErrors({ ...valid, onlineLink: "javascript:alert(1)" })).toMatchObject({ onlineLink: "events:errors.onlineLink" });
    expect(firstErrors({ ...valid, accessArrangements: ["teleport"] })).toMatchObject({ accessArrangements: "events:errors.accessArrangements" });
    expect(firstErrors({ ...valid, expectedNumbers: "lots" })).toMatchObject({ expectedNumbers: "events:errors.expectedNumbers" });
    expect(firstErrors({ ...valid, format: "rave" })).toMatchObject({ format: "events:errors.format" });
  });

  test("notes, votes and attendance", () => {
    expect(EventNoteSchema.safeParse({ clientId: "abc", text: "hi" }).success).toBe(false);
    expect(EventNoteSchema.parse({ clientId: "3f1c2a9e-1111-4444-8888-123456789abc", text: " hi ", ageBand: "", theme: "" })).toEqual({
      clientId: "3f1c2a9e-1111-4444-8888-123456789abc",
      text: "hi",
      ageBand: null,
      theme: null,
    });
    expect(EventNoteSchema.safeParse({ clientId: "3f1c2a9e-1111", text: "hi", ageBand: "toddler" }).success).toBe(false);
    expect(VoteChangeSchema.parse({ optionId: "x", by: "+1" }).by).toBe(1);
    expect(VoteChangeSchema.safeParse({ optionId: "x", by: "0" }).success).toBe(false);
    expect(VoteChangeSchema.safeParse({ optionId: "x", by: "1e3" }).success).toBe(false);
    expect(AttendanceSchema.parse({ "11_to_15": "12", "16_to_18": "" })).toMatchObject({ "11_to_15": 12, "16_to_18": 0, adult: 0 });
    expect(AttendanceSchema.safeParse({ "11_to_15": "Jamie" }).success).toBe(false);
  });
});

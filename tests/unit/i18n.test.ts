import { getI18n, isSupportedLocale, localeDirection, pageLocale } from "~/i18n/i18n";

test("Arabic and Urdu read right to left (survey-core forgets Urdu), English and Welsh left to right", () => {
  expect(localeDirection("ar")).toBe("rtl");
  expect(localeDirection("ur")).toBe("rtl");
  expect(localeDirection("en")).toBe("ltr");
  expect(localeDirection("cy")).toBe("ltr");
});

test("the UI languages are English, Welsh, Polish, Arabic and Urdu", () => {
  for (const lng of ["en", "cy", "pl", "ar", "ur"]) expect(isSupportedLocale(lng)).toBe(true);
  expect(isSupportedLocale("fr")).toBe(false);
  expect(isSupportedLocale(undefined)).toBe(false);
});

test("staff pages are in English or Welsh; public pages in the reader's language", () => {
  expect(pageLocale("ur", true)).toBe("ur");
  expect(pageLocale("ur", false)).toBe("en");
  expect(pageLocale("pl", false)).toBe("en");
  expect(pageLocale("cy", false)).toBe("cy");
});

test("children's words come in Polish, Arabic and Urdu; staff words fall back to English there", () => {
  expect(getI18n("pl").getFixedT("pl")("public.start")).toBe("Zacznij");
  expect(getI18n("ar").getFixedT("ar")("errors.summaryTitle")).toBe("هناك مشكلة");
  expect(getI18n("ur").getFixedT("ur")("public.keptFor", { count: 24 })).toContain("24 مہینے");
  expect(getI18n("ar").getFixedT("ar")("public.keptFor", { count: 2 })).toContain("شهرين");
  expect(getI18n("ur").getFixedT("ur")("consultations.title")).toBe("Consultations");
  expect(getI18n("pl").getFixedT("pl", "validation")("answer.yes")).toBe("Tak");
});

test("the Welsh UI is ready synchronously, with Welsh plurals", () => {
  const t = getI18n("cy").getFixedT("cy");
  expect(t("shell.skipLink")).toBe("Neidio i'r prif gynnwys");
  expect(t("consultation.questionCount", { count: 2 })).toBe("2 gwestiwn:");
  expect(t("consultation.questionCount", { count: 3 })).toBe("3 chwestiwn:");
});

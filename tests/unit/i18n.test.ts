import { getI18n, isSupportedLocale, localeDirection } from "~/i18n/i18n";

test("Arabic and Urdu read right to left (survey-core forgets Urdu), English and Welsh left to right", () => {
  expect(localeDirection("ar")).toBe("rtl");
  expect(localeDirection("ur")).toBe("rtl");
  expect(localeDirection("en")).toBe("ltr");
  expect(localeDirection("cy")).toBe("ltr");
});

test("only English and Welsh are UI languages for now", () => {
  expect(isSupportedLocale("cy")).toBe(true);
  expect(isSupportedLocale("pl")).toBe(false);
  expect(isSupportedLocale(undefined)).toBe(false);
});

test("the Welsh UI is ready synchronously, with Welsh plurals", () => {
  const t = getI18n("cy").getFixedT("cy");
  expect(t("shell.skipLink")).toBe("Neidio i'r prif gynnwys");
  expect(t("consultation.questionCount", { count: 2 })).toBe("2 gwestiwn:");
  expect(t("consultation.questionCount", { count: 3 })).toBe("3 chwestiwn:");
});

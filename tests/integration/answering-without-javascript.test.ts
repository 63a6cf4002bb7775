// The low-data (no-JavaScript) survey through its route modules, beside the rich form's JSON
// endpoint: the same answers are stored identically; nothing is a response until the final send;
// drafts expire.
import { eq } from "drizzle-orm";
import { db, schema } from "~/db.server";
import { DRAFT_IDLE_MS, deleteExpiredAnswerDrafts, getAnswerDraft, saveAnswerDraft, startAnswerDraft } from "~/models/answer-draft.server";
import { countResponses } from "~/models/response.server";
import { readDraftToken } from "~/utils/answer-draft-cookie.server";
import { localeCookie } from "~/i18n/locale.server";
import { publishEasyReadVersion } from "~/models/answering.server";
import { DEFAULT_READING } from "~/reading/preferences";
import { saveReadingPreferences } from "~/reading/preferences.server";
import { createOpenConsultation } from "./consultation-helpers";
import { makeOrganisationWithMember } from "./fixtures";
import * as jsonEndpoint from "../../app/routes/c.$slug.responses";
import * as start from "../../app/routes/c.$slug.low-data._index";
import * as screen from "../../app/routes/c.$slug.low-data.page.$number";
import * as check from "../../app/routes/c.$slug.low-data.check";
import * as done from "../../app/routes/c.$slug.low-data.done";

vi.setConfig({ testTimeout: 60_000 });

type Handler = (args: { request: Request; params: Record<string, string>; context: Record<string, string> }) => unknown;

/** A browser's cookie jar, enough for these routes: name=value pairs from Set-Cookie. */
class Browser {
  cookies = new Map<string, string>([["heard_csrf", "token"]]);
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
  remember(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair] = line.split(";");
      const [name, ...value] = pair!.split("=");
      if (/Max-Age=0/i.test(line) || value.join("=") === "") this.cookies.delete(name!);
      else this.cookies.set(name!, value.join("="));
    }
  }
  async call(handler: Handler, params: Record<string, string>, path: string, body?: [string, string][]) {
    const headers = new Headers({ Cookie: this.header(), Origin: "http://localhost" });
    const init: RequestInit = { method: body ? "POST" : "GET", headers };
    if (body) {
      headers.set("Content-Type", "application/x-www-form-urlencoded");
      init.body = new URLSearchParams([["csrf", "token"], ...body]);
    }
    let result: unknown;
    try {
      result = await handler({ request: new Request(`http://localhost${path}`, init), params, context: { csrfToken: "token", clientKey: `client-${Math.random()}` } });
    } catch (thrown) {
      result = thrown;
    }
    if (result instanceof Response) this.remember(result.headers);
    // Remix's data(value, { headers }) helper.
    const withInit = (result as { init?: { headers?: HeadersInit } } | null)?.init;
    if (withInit?.headers) this.remember(new Headers(withInit.headers));
    return result;
  }
}

/** The value part of a Set-Cookie line. */
const cookieValue = (setCookie: string) => setCookie.split(";")[0]!.split("=").slice(1).join("=");

const location = (result: unknown) => (result instanceof Response ? result.headers.get("Location") : null);

const ANSWERS = {
  feelSafe: 2,
  likeHome: 5,
  trustedAdult: true,
  talkTo: ["school", "other"],
  "talkTo-Comment": "my coach",
  familyTime: "less",
  school: 3,
  haveSay: "mostly",
  makeBetter: "More say about contact\nand trips",
};

/** The forms a child without JavaScript posts, screen by screen, for ANSWERS. */
const SCREENS: [number, [string, string][]][] = [
  [1, [["a1", "2"], ["a2", "5"]]],
  [2, [["a1", "true"], ["a2", "school"], ["a2", "other"], ["a2-other", "my coach"], ["a3", "less"]]],
  [3, [["a1", "3"], ["a2", "mostly"]]],
  [4, [["a1", "More say about contact\nand trips"]]],
];

let open: Awaited<ReturnType<typeof createOpenConsultation>>;

beforeAll(async () => {
  const { organisation, member } = await makeOrganisationWithMember("officer");
  open = await createOpenConsultation({ organisationId: organisation.id, memberId: member.id }, "children-in-care-wellbeing");
});

async function storedResponse(referenceCode: string) {
  const [row] = await db.select().from(schema.responses).where(eq(schema.responses.referenceCode, referenceCode));
  return row!;
}

test("the same answers sent through the rich form's endpoint and through the low-data pages are stored identically", async () => {
  const params = { slug: open.slug };
  const rich = new Browser();
  const sent = (await rich.call(jsonEndpoint.action as Handler, params, `/c/${open.slug}/responses`, [
    ["surveyVersionId", open.surveyVersionId],
    ["answers", JSON.stringify(ANSWERS)],
  ])) as Response;
  expect(sent.status).toBe(201);
  const richCode = ((await sent.json()) as { referenceCode: string }).referenceCode;

  const child = new Browser();
  const before = await countResponses(open);
  const started = await child.call(start.action as Handler, params, `/c/${open.slug}/low-data`, [["intent", "start"]]);
  expect(location(started)).toBe(`/c/${open.slug}/low-data/page/1`);
  expect(child.cookies.has("heard_draft")).toBe(true);
  for (const [number, fields] of SCREENS) {
    const moved = await child.call(screen.action as Handler, { ...params, number: String(number) }, `/c/${open.slug}/low-data/page/${number}`, fields);
    expect(location(moved)).toBe(number < 4 ? `/c/${open.slug}/low-data/page/${number + 1}` : `/c/${open.slug}/low-data/check`);
  }
  // Every page saved, nothing sent: not a response yet.
  expect(await countResponses(open)).toBe(before);

  const sentWithoutJs = await child.call(check.action as Handler, params, `/c/${open.slug}/low-data/check`, []);
  expect(location(sentWithoutJs)).toBe(`/c/${open.slug}/low-data/done`);
  expect(child.cookies.has("heard_draft")).toBe(false);
  expect(await countResponses(open)).toBe(before + 1);
  const page = (await child.call(done.loader as Handler, params, `/c/${open.slug}/low-data/done`)) as { data: { answered: { referenceCode: string } } };
  const lowDataCode = page.data.answered.referenceCode;

  const [a, b] = [await storedResponse(richCode), await storedResponse(lowDataCode)];
  const comparable = (row: typeof a) => ({ answers: row.answers, variant: row.variant, locale: row.locale, channel: row.channel, surveyVersionId: row.surveyVersionId, flags: row.flags });
  expect(comparable(b)).toEqual(comparable(a));
  expect(a.answers).toEqual(ANSWERS);
  // Shown once: the code's cookie is cleared by the page that shows it.
  expect(child.cookies.has("heard_answered")).toBe(false);
});

test("a screen with a wrong answer comes back with its error, and what was typed is kept", async () => {
  const params = { slug: open.slug };
  const child = new Browser();
  await child.call(start.action as Handler, params, `/c/${open.slug}/low-data`, [["intent", "start"]]);
  await child.call(screen.action as Handler, { ...params, number: "1" }, "/", [["a1", "4"]]);
  const refused = await child.call(screen.action as Handler, { ...params, number: "3" }, "/", [["a1", "9"], ["a2", "mostly"]]);
  expect(location(refused)).toBe(`/c/${open.slug}/low-data/page/3?errors=1`);
  const shown = (await child.call(screen.loader as Handler, { ...params, number: "3" }, `/c/${open.slug}/low-data/page/3?errors=1`)) as {
    type: string;
    init: { status: number };
    data: { errors: { question: string; message: string }[]; screen: { questions: { name: string; value: unknown }[] } };
  };
  expect(shown.init.status).toBe(400);
  expect(shown.data.errors).toEqual([{ question: "school", message: expect.stringContaining("1 to 5") }]);
  // The refused value is shown back as sent (no smiley is "9"), the other answer kept.
  expect(shown.data.screen.questions.map((q) => q.value)).toEqual(["9", "mostly"]);
  // The earlier page's answer is still there.
  const token = (await readDraftToken(new Request("http://localhost/", { headers: { Cookie: child.header() } })))!;
  expect((await getAnswerDraft({ token, consultationId: open.consultationId }))?.answers).toMatchObject({ feelSafe: 4, school: "9", haveSay: "mostly" });
  // Sending now is refused by the same validation, with links to the screen to fix.
  const send = await child.call(check.action as Handler, params, "/", []);
  expect(location(send)).toBe(`/c/${open.slug}/low-data/check?errors=1`);
  const checkPage = (await child.call(check.loader as Handler, params, `/c/${open.slug}/low-data/check?errors=1`)) as { data: { errors: { href: string }[] } };
  expect(checkPage.data.errors).toEqual([expect.objectContaining({ href: `/c/${open.slug}/low-data/page/3#a1` })]);
});

test("without a draft the pages go back to the start; a draft nobody comes back to expires", async () => {
  const params = { slug: open.slug, number: "2" };
  const stranger = new Browser();
  expect(location(await stranger.call(screen.loader as Handler, params, "/"))).toBe(`/c/${open.slug}/low-data`);
  expect(location(await stranger.call(check.action as Handler, { slug: open.slug }, "/", []))).toBe(`/c/${open.slug}/low-data`);

  const now = Date.now();
  const token = await startAnswerDraft({ ...open, now });
  expect(await saveAnswerDraft({ token, consultationId: open.consultationId, answers: { feelSafe: 1 }, now })).toBe(true);
  const later = now + DRAFT_IDLE_MS + 1;
  expect(await getAnswerDraft({ token, consultationId: open.consultationId, now: later })).toBeUndefined();
  expect(await saveAnswerDraft({ token, consultationId: open.consultationId, answers: {}, now: later })).toBe(false);
  expect(await deleteExpiredAnswerDrafts(later)).toBeGreaterThanOrEqual(1);
  expect(await getAnswerDraft({ token, consultationId: open.consultationId, now })).toBeUndefined();
});

test("a child who chose easy read answers the easy-read survey without JavaScript too, and keeps it if they switch midway", async () => {
  const { organisation, member } = await makeOrganisationWithMember("officer");
  const scope = { organisationId: organisation.id, memberId: member.id };
  const withEasyRead = await createOpenConsultation(scope, "children-in-care-wellbeing");
  const easy = await publishEasyReadVersion({
    ...scope,
    consultationId: withEasyRead.consultationId,
    definition: { pages: [{ name: "p1", elements: [{ type: "rating", name: "feelSafe", title: "Do you feel safe?" }] }] },
  });
  const params = { slug: withEasyRead.slug };
  const child = new Browser();
  child.cookies.set("heard_reading", cookieValue(await saveReadingPreferences({ ...DEFAULT_READING, variant: "easy-read" })));
  const started = await child.call(start.action as Handler, params, `/c/${withEasyRead.slug}/low-data`, [["intent", "start"]]);
  expect(location(started)).toBe(`/c/${withEasyRead.slug}/low-data/page/1`);
  const token = (await readDraftToken(new Request("http://localhost/", { headers: { Cookie: child.header() } })))!;
  expect((await getAnswerDraft({ token, consultationId: withEasyRead.consultationId }))?.surveyVersionId).toBe(easy!.id);

  // Switching back to the standard wording midway keeps the survey the answers were started on.
  child.cookies.set("heard_reading", cookieValue(await saveReadingPreferences(DEFAULT_READING)));
  const page = (await child.call(screen.loader as Handler, { ...params, number: "1" }, `/c/${withEasyRead.slug}/low-data/page/1`)) as {
    screen: { questions: { name: string; title: string }[] };
  };
  expect(page.screen.questions.map((question) => question.title)).toEqual(["Do you feel safe?"]);
});

test("in a language the survey is not written in, the start page offers the languages it has and the screens send the child there", async () => {
  const { organisation, member } = await makeOrganisationWithMember("officer");
  const scope = { organisationId: organisation.id, memberId: member.id };
  const withEasyRead = await createOpenConsultation(scope, "children-in-care-wellbeing");
  // The standard survey is written in every language; this easy-read one only in English.
  await publishEasyReadVersion({
    ...scope,
    consultationId: withEasyRead.consultationId,
    definition: { pages: [{ name: "p1", elements: [{ type: "rating", name: "feelSafe", title: "Do you feel safe?" }] }] },
  });
  const params = { slug: withEasyRead.slug };
  const child = new Browser();
  child.cookies.set("heard_reading", cookieValue(await saveReadingPreferences({ ...DEFAULT_READING, variant: "easy-read" })));
  await child.call(start.action as Handler, params, `/c/${withEasyRead.slug}/low-data`, [["intent", "start"]]);
  child.cookies.set("heard_lang", cookieValue(await localeCookie.serialize("pl")));
  const startPage = (await child.call(start.loader as Handler, params, `/c/${withEasyRead.slug}/low-data`)) as { languages: string[] | null };
  expect(startPage.languages).toEqual(["en"]);
  expect(location(await child.call(screen.loader as Handler, { ...params, number: "1" }, "/"))).toBe(`/c/${withEasyRead.slug}/low-data`);
  // In English, the same child goes on.
  child.cookies.set("heard_lang", cookieValue(await localeCookie.serialize("en")));
  expect(((await child.call(start.loader as Handler, params, `/c/${withEasyRead.slug}/low-data`)) as { languages: unknown }).languages).toBeNull();
});

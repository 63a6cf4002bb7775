// Demo data for a fresh database: "Demo Council", one member per role, an open consultation with
// a few dozen varied responses, and a closed one with a published "you said, we did".
// Built through the app's own model functions, so the seed exercises the same rules as the app.
import { Model } from "survey-core";
import { countOrganisations, createOrganisation, deleteOrganisationsWithMemberEmails } from "../app/models/organisation.server";
import { countDemoMembers, createMember } from "../app/models/member.server";
import { claimJobRun } from "../app/models/job.server";
import {
  chooseSurveyTemplate,
  closeConsultation,
  createConsultation,
  openConsultation,
} from "../app/models/consultation.server";
import { submitResponse } from "../app/models/response.server";
import { publishEasyReadVersion } from "../app/models/answering.server";
import { saveConsultationTranslations } from "../app/models/consultation-translation.server";
import { DEMO_EASY_READ_SURVEY, DEMO_OPEN_TRANSLATIONS } from "./demo-easy-read";
import { addOutcome, publishOutcomes } from "../app/models/outcome.server";
import { getTemplate } from "../app/survey/templates.server";
import { validateAnswers } from "../app/survey/validate-answers";
import type { OutcomeDetails } from "../app/consultations/outcome-schema.server";
import type { Channel } from "./enums";

export const DEMO_PASSWORD = "heard-demo-2026";

export const DEMO_MEMBERS = [
  { email: "admin@demo.heard.test", name: "Aisha Admin", role: "admin" },
  { email: "officer@demo.heard.test", name: "Owen Officer", role: "officer" },
  { email: "analyst@demo.heard.test", name: "Ana Analyst", role: "analyst" },
  { email: "advisor@demo.heard.test", name: "Ffion Advisor", role: "advisor" },
  { email: "safeguarding@demo.heard.test", name: "Sam Safeguarding", role: "officer", isSafeguardingLead: true },
] as const;

const DEMO_OUTCOMES: OutcomeDetails[] = [
  {
    youSaid: "Sessions finished too early, and you wanted them to run into the evening.",
    weDid: "From next summer, Thursday and Friday sessions run until 8pm.",
    status: "planned",
    owner: "Youth Service",
  },
  {
    youSaid: "You wanted more say in which trips happen.",
    weDid: "A young people's trips panel now chooses two trips each term.",
    status: "done",
    owner: "Participation team",
  },
  {
    youSaid: "You asked for free food at every session.",
    weDid: "We could not fund food at every session this year. We now give free fruit and toast at morning sessions.",
    status: "not_doing",
    owner: "Youth Service",
  },
];

const FREE_TEXT = [
  "More time with my social worker",
  "I like my foster carers",
  "Wifi at my placement please",
  "Seeing my brother more often",
  "Help with homework",
  "Nothing, it is fine",
  "Trips in the holidays",
  "The youth club was really fun",
];

/** A small deterministic random generator, so the demo looks the same on every machine. */
function seededRandom(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

/** Plausible answers for each question a child would see, skipping some optional ones. */
export function makeDemoAnswers(definition: Record<string, unknown>, random: () => number) {
  const model = new Model(definition);
  const answers: Record<string, unknown> = {};
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  for (const question of model.getAllQuestions(false)) {
    if (!question.isRequired && random() < 0.2) continue;
    const type = question.getType();
    const choices = (question.visibleChoices ?? []).map((c: { value: unknown }) => c.value).filter((v: unknown) => v !== "other" && v !== "none");
    // Lean towards the happier end so the demo is believable, but use the whole scale.
    const skewed = <T,>(items: readonly T[]) => items[Math.min(items.length - 1, Math.floor(Math.sqrt(random()) * items.length))]!;
    if (type === "rating") answers[question.getValueName()] = skewed(question.visibleRateValues.map((v: { value: unknown }) => v.value));
    else if (type === "radiogroup" || type === "dropdown" || type === "imagepicker") answers[question.getValueName()] = pick(choices);
    else if (type === "checkbox") answers[question.getValueName()] = choices.filter(() => random() < 0.4).slice(0, 3);
    else if (type === "boolean") answers[question.getValueName()] = random() < 0.7;
    else if (type === "comment" || type === "text") answers[question.getValueName()] = pick(FREE_TEXT);
    model.setValue(question.getValueName(), answers[question.getValueName()]);
  }
  return answers;
}

async function seedResponses(
  scope: { organisationId: string; consultationId: string; surveyVersionId: string },
  definition: Record<string, unknown>,
  count: number,
  random: () => number,
  // Online answers can only be given today, within the dates; answers from the past came in on paper.
  history: { startDaysAgo: number; mainChannel: Channel } = { startDaysAgo: 20, mainChannel: "online" },
) {
  const start = Date.now() - history.startDaysAgo * 24 * 60 * 60 * 1000;
  for (let i = 0; i < count; i++) {
    const locale = random() < 0.25 ? "cy" : "en";
    const result = validateAnswers(definition, makeDemoAnswers(definition, random), { locale });
    if (!result.ok) throw new Error(`Demo answers failed validation: ${JSON.stringify(result.errors)}`);
    const channel: Channel = random() < 0.15 ? "assisted" : history.mainChannel;
    await submitResponse({
      ...scope,
      variant: "standard",
      locale,
      channel,
      answers: result.answers,
      submittedAt: new Date(start + i * 9 * 60 * 60 * 1000),
    });
  }
}

function requireTemplate(id: string) {
  const template = getTemplate(id);
  if (!template) throw new Error(`The demo needs the template surveys/${id}.json`);
  return template;
}

function isoDay(offsetDays: number) {
  return new Date(Date.now() + offsetDays * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

export async function seedDemo() {
  const random = seededRandom(2026);
  const organisation = await createOrganisation({
    name: "Demo Council",
    publicContact: "Participation team: 01234 567890, participation@demo.heard.test",
  });
  const members = [];
  for (const member of DEMO_MEMBERS) {
    members.push(await createMember({ organisationId: organisation.id, password: DEMO_PASSWORD, ...member }));
  }
  const officer = members[1]!;

  // An open consultation, answered by a few dozen children.
  const wellbeing = requireTemplate("children-in-care-wellbeing");
  const open = await createConsultation({
    organisationId: organisation.id,
    memberId: officer.id,
    details: {
      title: "Your life in care 2026",
      purpose: "We want to know how life is for you: feeling safe, school, family time and having a say. Your answers help us make care better.",
      whoFor: "Children and young people in the council's care, aged 8 to 18",
      audience: "the Corporate Parenting Panel",
      opensOn: isoDay(-21),
      closesOn: isoDay(30),
      feedbackBy: isoDay(75),
      dataUseStatement: "Only the participation team can see individual answers. Reports only ever show totals.",
      retentionMonths: 24,
    },
  });
  const openScope = { organisationId: organisation.id, consultationId: open.id, memberId: officer.id };
  await chooseSurveyTemplate({ ...openScope, templateId: wellbeing.id, definition: wellbeing.survey });
  const openVersion = (await openConsultation(openScope))!;
  // Its own words in all five languages, and an easy-read version beside the standard one.
  await saveConsultationTranslations({ ...openScope, translations: DEMO_OPEN_TRANSLATIONS });
  await publishEasyReadVersion({ ...openScope, definition: DEMO_EASY_READ_SURVEY });
  await seedResponses({ ...openScope, surveyVersionId: openVersion.id }, wellbeing.survey, 36, random);

  // A closed consultation with published "you said, we did".
  const feedback = requireTemplate("event-feedback");
  const closed = await createConsultation({
    organisationId: organisation.id,
    memberId: officer.id,
    details: {
      title: "Summer youth club feedback",
      purpose: "Tell us what you thought of the summer youth club sessions, so next year's are better.",
      whoFor: "Young people who came to a summer youth club session",
      audience: "the Youth Service management team",
      opensOn: isoDay(-120),
      closesOn: isoDay(-90),
      feedbackBy: isoDay(-30),
      dataUseStatement: "",
      retentionMonths: 12,
    },
  });
  const closedScope = { organisationId: organisation.id, consultationId: closed.id, memberId: officer.id };
  await chooseSurveyTemplate({ ...closedScope, templateId: feedback.id, definition: feedback.survey });
  const closedVersion = (await openConsultation(closedScope))!;
  // Its dates are long past, so its answers were collected on paper at the sessions and typed in.
  await seedResponses({ ...closedScope, surveyVersionId: closedVersion.id }, feedback.survey, 14, random, {
    startDaysAgo: 115,
    mainChannel: "paper",
  });
  await closeConsultation(closedScope);
  for (const details of DEMO_OUTCOMES) await addOutcome({ ...closedScope, details });
  await publishOutcomes(closedScope);
  return { organisationId: organisation.id, openConsultationId: open.id, closedConsultationId: closed.id };
}

/** Seeds the demo only into an empty database, so restarting never duplicates or overwrites data. */
export async function seedDemoIfEmpty() {
  if ((await countOrganisations()) > 0) return false;
  // Two app processes starting together on one empty PostgreSQL database: only one seeds.
  if (!(await claimJobRun({ name: "seed-demo", intervalMs: 10 * 60 * 1000 }))) return false;
  await seedDemo();
  console.log(`Seeded the demo organisation. Sign in as officer@demo.heard.test with password ${DEMO_PASSWORD}.`);
  return true;
}

const DEMO_EMAILS = DEMO_MEMBERS.map((member) => member.email);

/** True while any demo account (published password) exists: production refuses to start then. */
export async function demoAccountsPresent() {
  return (await countDemoMembers(DEMO_EMAILS)) > 0;
}

/** Deletes the demo organisation and everything in it. */
export async function removeDemo() {
  return deleteOrganisationsWithMemberEmails(DEMO_EMAILS);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { migrateDatabase, closeDatabase } = await import("../app/db.server");
  await migrateDatabase();
  const seeded = await seedDemoIfEmpty();
  if (!seeded) console.log("The database already has data; nothing seeded.");
  await closeDatabase();
}

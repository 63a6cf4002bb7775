// Importing responses from CSV: reading files (malformed ones included), matching columns to
// questions, turning cells into answers, and the survey's validator on top.
import { getI18n } from "~/i18n/i18n";
import { checkRows } from "~/imports/check-rows.server";
import { DATE_ANSWERED_COLUMN, mappingProblems, proposeMapping, readDateAnswered, rowAnswers, SKIP_COLUMN } from "~/imports/column-mapping";
import { importableQuestions } from "~/imports/importable-questions";
import { decodeCsvBytes, MAX_IMPORT_ROWS, readCsv, type CsvTable } from "~/imports/read-csv";

const SURVEY = {
  pages: [
    {
      name: "only",
      elements: [
        {
          type: "radiogroup",
          name: "favourite",
          title: { default: "Favourite colour", cy: "Hoff liw" },
          choices: [
            { value: "red", text: { default: "Red", cy: "Coch" } },
            { value: "blue", text: { default: "Blue", cy: "Glas" } },
          ],
        },
        {
          type: "checkbox",
          name: "liked",
          title: "What did you like?",
          choices: [
            { value: "food", text: "The food" },
            { value: "place", text: "The place" },
            { value: "bit", text: "Yes, a bit" },
          ],
          showOtherItem: true,
        },
        { type: "boolean", name: "comeAgain", title: { default: "Come again?", cy: "Dod eto?" } },
        { type: "text", name: "age", inputType: "number", title: "Age", min: 5, max: 25 },
        { type: "text", name: "when", inputType: "date", title: "When did it happen?" },
        { type: "comment", name: "anythingElse", title: "Anything else?" },
        { type: "rating", name: "rating", title: "How was it?", rateMin: 1, rateMax: 5 },
        { type: "matrix", name: "grid", title: "A grid", columns: ["a", "b"], rows: ["x"] },
      ],
    },
  ],
};

const questions = importableQuestions(SURVEY, "en");
const NOW = new Date("2026-11-29T12:00:00Z");
const t = getI18n("en").getFixedT("en");

function table(text: string): CsvTable {
  const read = readCsv(text);
  if (!read.ok) throw new Error(`Expected a readable file, got ${read.problem}`);
  return read.table;
}

/** The answers of a one-row file whose header names the questions. */
function answersOf(header: string, row: string) {
  const { headers, rows } = table(`${header}\n${row}\n`);
  return rowAnswers(rows[0]!, headers, proposeMapping(headers, questions), questions, NOW);
}

describe("reading the file", () => {
  test("an empty file, or one of blank lines, is refused", () => {
    expect(readCsv("")).toMatchObject({ ok: false, problem: "empty" });
    expect(readCsv("\n\n\r\n")).toMatchObject({ ok: false, problem: "empty" });
  });

  test("a header with no rows is refused", () => {
    expect(readCsv("favourite,age\n")).toMatchObject({ ok: false, problem: "headerOnly" });
    expect(readCsv("favourite,age\n,\n")).toMatchObject({ ok: false, problem: "headerOnly" });
  });

  test("an unterminated quote is refused with its line", () => {
    expect(readCsv('favourite,anythingElse\nred,"fine\nblue,ok\n')).toMatchObject({ ok: false, problem: "quotes", line: 3 });
    expect(readCsv('favourite,anythingElse\nred,fi"ne"x\n')).toMatchObject({ ok: false, problem: "quotes", line: 2 });
  });

  test("a byte order mark is dropped from the first heading", () => {
    expect(table("\uFEFFfavourite,age\nred,12\n").headers).toEqual(["favourite", "age"]);
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode("favourite\nred\n")]);
    expect(table(decodeCsvBytes(bytes)!).headers).toEqual(["favourite"]);
  });

  test("bytes that are not UTF-8 text are refused", () => {
    expect(decodeCsvBytes(new Uint8Array([0x66, 0xff, 0xfe, 0x0a]))).toBeUndefined();
    // An .xlsx file is a zip: valid UTF-8 here and there, but with NUL bytes.
    expect(decodeCsvBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toBeUndefined();
    expect(decodeCsvBytes(new TextEncoder().encode("hoff liw,ŵ\n"))).toBe("hoff liw,ŵ\n");
  });

  test("semicolon-separated files, mixed line endings and blank lines are read", () => {
    const read = table("favourite;liked\r\nred;food, place\n\nblue;\r\n");
    expect(read.headers).toEqual(["favourite", "liked"]);
    expect(read.rows).toEqual([
      { row: 2, cells: ["red", "food, place"] },
      // Row numbers are what a spreadsheet shows: the blank line is row 3.
      { row: 4, cells: ["blue", ""] },
    ]);
  });

  test("a quoted cell may hold commas, quotes and line breaks", () => {
    expect(table('anythingElse,age\n"He said ""hi"", then\nleft",12\n').rows[0]!.cells).toEqual(['He said "hi", then\nleft', "12"]);
  });

  test("too many rows are refused", () => {
    const text = `age\n${"12\n".repeat(MAX_IMPORT_ROWS + 1)}`;
    expect(readCsv(text)).toMatchObject({ ok: false, problem: "tooManyRows", max: MAX_IMPORT_ROWS });
  });
});

describe("matching columns to questions", () => {
  test("only questions a cell can fill are offered (not grids)", () => {
    expect(questions.map((q) => q.name)).toEqual(["favourite", "liked", "comeAgain", "age", "when", "anythingElse", "rating"]);
  });

  test("by name or title in any language, ignoring case and spaces; unknown columns are not imported", () => {
    const headers = ["FAVOURITE", "  what did  you like? ", "Dod eto?", "Shoe size", "", "date answered"];
    expect(proposeMapping(headers, questions)).toEqual(["favourite", "liked", "comeAgain", SKIP_COLUMN, SKIP_COLUMN, DATE_ANSWERED_COLUMN]);
  });

  test("a duplicate heading fills its question once; the second column is not imported", () => {
    expect(proposeMapping(["age", "Age", "favourite"], questions)).toEqual(["age", SKIP_COLUMN, "favourite"]);
  });

  test("two columns filling one question, or none at all, are problems", () => {
    expect(mappingProblems(["age", "age"], ["Age", "How old"], questions)).toEqual([
      { key: "mapping.sameQuestion", values: { first: "Age", second: "How old", question: "Age" }, column: 1 },
    ]);
    expect(mappingProblems([SKIP_COLUMN, DATE_ANSWERED_COLUMN], ["a", "b"], questions)).toEqual([{ key: "mapping.nothing" }]);
    expect(mappingProblems(["age"], ["a", "b"], questions)).toEqual([{ key: "mapping.changed" }]);
    expect(mappingProblems(["grid", "age"], ["a", "b"], questions)).toEqual([{ key: "mapping.changed" }]);
    expect(mappingProblems(["age", SKIP_COLUMN], ["a", "b"], questions)).toEqual([]);
  });
});

describe("turning cells into answers", () => {
  test("a choice by its value or its wording in any language", () => {
    expect(answersOf("favourite", "RED")).toMatchObject({ ok: true, answers: { favourite: "red" } });
    expect(answersOf("favourite", " blue ")).toMatchObject({ ok: true, answers: { favourite: "blue" } });
    expect(answersOf("favourite", "Coch")).toMatchObject({ ok: true, answers: { favourite: "red" } });
  });

  test("a wrong choice says which choices there are", () => {
    expect(answersOf("favourite", "Purple")).toEqual({
      ok: false,
      reasons: [{ key: "reasons.notAChoice", values: { question: "'Favourite colour'", value: "Purple", options: "'Red', 'Blue'" } }],
    });
  });

  test("several choices separated by semicolons or commas; a choice with a comma in its wording stays whole", () => {
    expect(answersOf("liked", '"food; The place"')).toMatchObject({ ok: true, answers: { liked: ["food", "place"] } });
    expect(answersOf("liked", '"The food, place"')).toMatchObject({ ok: true, answers: { liked: ["food", "place"] } });
    expect(answersOf("liked", '"Yes, a bit"')).toMatchObject({ ok: true, answers: { liked: ["bit"] } });
  });

  test("text that names no choice becomes the 'Other' answer when the question has one", () => {
    expect(answersOf("liked", '"food; the music"')).toMatchObject({ ok: true, answers: { liked: ["food", "other"], "liked-Comment": "the music" } });
  });

  test("yes and no in the words people write, Welsh included", () => {
    for (const yes of ["yes", "TRUE", "1", "ie", "Y"]) expect(answersOf("comeAgain", yes), yes).toMatchObject({ ok: true, answers: { comeAgain: true } });
    for (const no of ["no", "false", "0", "na", "N"]) expect(answersOf("comeAgain", no), no).toMatchObject({ ok: true, answers: { comeAgain: false } });
    expect(answersOf("comeAgain", "maybe")).toMatchObject({ ok: false, reasons: [{ key: "reasons.notYesNo" }] });
  });

  test("numbers and dates are converted; what is not one is refused", () => {
    expect(answersOf("age,when", "12,31/12/2025")).toMatchObject({ ok: true, answers: { age: 12, when: "2025-12-31" } });
    expect(answersOf("age,when", "12,2025-02-03")).toMatchObject({ ok: true, answers: { when: "2025-02-03" } });
    expect(answersOf("age", "twelve")).toMatchObject({ ok: false, reasons: [{ key: "reasons.notANumber" }] });
    expect(answersOf("when", "31/02/2025")).toMatchObject({ ok: false, reasons: [{ key: "reasons.notADate" }] });
  });

  test("formula-like cells are kept as text, exactly as typed", () => {
    expect(answersOf("anythingElse", '"=HYPERLINK(""http://x"",""y"")"')).toMatchObject({
      ok: true,
      answers: { anythingElse: '=HYPERLINK("http://x","y")' },
    });
    expect(answersOf("anythingElse", "+44 1234")).toMatchObject({ ok: true, answers: { anythingElse: "+44 1234" } });
  });

  test("a ragged row is refused as a whole", () => {
    const { headers, rows } = table("favourite,age\nred,12,extra\nblue\n");
    for (const row of rows) {
      expect(rowAnswers(row, headers, ["favourite", "age"], questions, NOW)).toMatchObject({ ok: false, reasons: [{ key: "reasons.ragged" }] });
    }
  });

  test("the date answered, UK style, never in the future", () => {
    expect(readDateAnswered("03/07/2026", NOW)?.toISOString()).toBe("2026-07-03T11:00:00.000Z");
    expect(readDateAnswered("2026-01-05 09:30", NOW)?.toISOString()).toBe("2026-01-05T09:30:00.000Z");
    expect(readDateAnswered("30/11/2026", NOW)).toBeUndefined();
    expect(readDateAnswered("yesterday", NOW)).toBeUndefined();
  });
});

describe("checking rows with the survey's validator", () => {
  test("good rows come out as stored; bad ones with their row number and a plain reason", async () => {
    const csv = ["Favourite colour,Age,Anything else?", "Red,12,Great", "Purple,12,", "Blue,30,", ",,", "Blue,,", "Glas,7,=1+1"].join("\n");
    const checked = await checkRows({
      table: table(csv),
      mapping: ["favourite", "age", "anythingElse"],
      questions,
      definition: SURVEY,
      surveyVersionId: "unit-test",
      locale: "en",
      t,
      now: NOW,
    });
    expect(checked.good).toEqual([
      { row: 2, answers: { favourite: "red", age: 12, anythingElse: "Great" }, answeredAt: undefined },
      { row: 6, answers: { favourite: "blue" }, answeredAt: undefined },
      { row: 7, answers: { favourite: "blue", age: 7, anythingElse: "=1+1" }, answeredAt: undefined },
    ]);
    expect(checked.rejected).toEqual([
      { row: 3, reason: "'Favourite colour' must be one of 'Red', 'Blue', not 'Purple'." },
      // The survey's own rule (max 25), in the validator's words.
      { row: 4, reason: expect.stringMatching(/25/) },
    ]);
  });

  test("a row with nothing to import is rejected, not stored empty", async () => {
    const checked = await checkRows({
      table: table("Favourite colour,Shoe size\n,9\n"),
      mapping: ["favourite", SKIP_COLUMN],
      questions,
      definition: SURVEY,
      surveyVersionId: "unit-test",
      locale: "en",
      t,
      now: NOW,
    });
    expect(checked.rejected).toEqual([{ row: 2, reason: "It has no answers to import." }]);
  });
});

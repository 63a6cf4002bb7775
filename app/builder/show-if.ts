/**
 * Show-if logic built from menus: "show this question only if <question> is <answer>", joined
 * with "and" or "or". Turned into a SurveyJS `visibleIf` expression, and parsed back for editing.
 *
 * Only expressions of exactly the shape the menus make are parsed; anything else (functions,
 * arithmetic, brackets, a mix of "and" and "or") returns undefined, and the builder shows it as
 * advanced logic, kept as written.
 */
export const SHOW_IF_OPERATORS = ["is", "isNot", "includes", "excludes", "answered"] as const;
export type ShowIfOperator = (typeof SHOW_IF_OPERATORS)[number];
export type ShowIfValue = string | number | boolean;
export type ShowIfRule = { question: string; operator: ShowIfOperator; value?: ShowIfValue };
export type ShowIf = { join: "and" | "or"; rules: ShowIfRule[] };

const OPERATOR_SYMBOL: Record<Exclude<ShowIfOperator, "answered">, string> = {
  is: "=",
  isNot: "<>",
  includes: "contains",
  excludes: "notcontains",
};

/** The `visibleIf` expression for the menus' choices; undefined when there is no rule. */
export function buildShowIf(showIf: ShowIf): string | undefined {
  if (showIf.rules.length === 0) return undefined;
  return showIf.rules.map(buildRule).join(` ${showIf.join} `);
}

function buildRule(rule: ShowIfRule): string {
  if (!/^[^{}]+$/.test(rule.question)) throw new Error(`A question name cannot hold braces: ${rule.question}`);
  const subject = `{${rule.question}}`;
  if (rule.operator === "answered") return `${subject} notempty`;
  if (rule.value === undefined) throw new Error("A show-if rule needs an answer to compare with");
  return `${subject} ${OPERATOR_SYMBOL[rule.operator]} ${literal(rule.value)}`;
}

function literal(value: ShowIfValue): string {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value}"`;
  throw new Error("An answer used in show-if logic cannot contain both kinds of quote");
}

type Token =
  | { kind: "question"; name: string }
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "word"; value: string }
  | { kind: "symbol"; value: string };

function tokenize(expression: string): Token[] | undefined {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expression.length) {
    const rest = expression.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    const question = /^\{([^{}]+)\}/.exec(rest);
    const quoted = /^'([^']*)'|^"([^"]*)"/.exec(rest);
    const number = /^-?\d+(\.\d+)?(?![\w.])/.exec(rest);
    const word = /^[A-Za-z]+/.exec(rest);
    const symbol = /^(<>|!=|==|=)/.exec(rest);
    if (question) tokens.push({ kind: "question", name: question[1]!.trim() });
    else if (quoted) tokens.push({ kind: "string", value: quoted[1] ?? quoted[2] ?? "" });
    else if (number) tokens.push({ kind: "number", value: Number(number[0]) });
    else if (word) tokens.push({ kind: "word", value: word[0] });
    else if (symbol) tokens.push({ kind: "symbol", value: symbol[0] });
    else return undefined;
    i += (question ?? quoted ?? number ?? word ?? symbol)![0].length;
  }
  return tokens;
}

function operatorOf(token: Token | undefined): ShowIfOperator | undefined {
  if (!token) return undefined;
  if (token.kind === "symbol") return token.value === "<>" || token.value === "!=" ? "isNot" : "is";
  if (token.kind !== "word") return undefined;
  switch (token.value.toLowerCase()) {
    case "equal":
      return "is";
    case "notequal":
      return "isNot";
    case "contains":
    case "contain":
      return "includes";
    case "notcontains":
    case "notcontain":
      return "excludes";
    case "notempty":
      return "answered";
    default:
      return undefined;
  }
}

function valueOf(token: Token | undefined): ShowIfValue | undefined {
  if (!token) return undefined;
  if (token.kind === "string" || token.kind === "number") return token.value;
  if (token.kind === "word" && /^(true|false)$/i.test(token.value)) return token.value.toLowerCase() === "true";
  return undefined;
}

/** The menus' choices for a `visibleIf` expression, or undefined if the menus cannot show it. */
export function parseShowIf(expression: unknown): ShowIf | undefined {
  if (typeof expression !== "string") return undefined;
  const tokens = tokenize(expression);
  if (!tokens || tokens.length === 0) return undefined;
  const rules: ShowIfRule[] = [];
  let join: "and" | "or" | undefined;
  let i = 0;
  for (;;) {
    const subject = tokens[i];
    if (subject?.kind !== "question") return undefined;
    const operator = operatorOf(tokens[i + 1]);
    if (!operator) return undefined;
    if (operator === "answered") {
      rules.push({ question: subject.name, operator });
      i += 2;
    } else {
      const value = valueOf(tokens[i + 2]);
      if (value === undefined) return undefined;
      rules.push({ question: subject.name, operator, value });
      i += 3;
    }
    if (i === tokens.length) break;
    const connective = tokens[i];
    if (connective?.kind !== "word") return undefined;
    const word = connective.value.toLowerCase();
    if (word !== "and" && word !== "or") return undefined;
    if (join && join !== word) return undefined; // a mix needs brackets to be read right: advanced
    join = word;
    i += 1;
  }
  return { join: join ?? "and", rules };
}

/** The question names a show-if refers to (for checks), from any expression, parsed or not. */
export function referencedQuestions(expression: unknown): string[] {
  if (typeof expression !== "string") return [];
  return [...expression.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1]!.trim());
}

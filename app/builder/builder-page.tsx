// The survey builder page: the question list (pages, add, edit, duplicate, delete, move with
// buttons or Alt+arrow keys), the editor panel, problems to fix before publishing, the live
// preview, import and export. Drag is never needed (WCAG 2.5.7).
import { useEffect, useMemo, useRef, useState } from "react";
import { Button, Label, Radio, RadioGroup } from "react-aria-components";
import { useTranslation } from "react-i18next";
import {
  addPage,
  addQuestion,
  deletePage,
  deleteQuestion,
  duplicateQuestion,
  editableTitle,
  moveQuestion,
  movePage,
  pagesOf,
  setPageTitle,
  type Definition,
  type Location,
} from "./definition";
import { QuestionComments, QuestionFeedbackBadge } from "~/codesign/question-comments";
import { CommitTextField, MenuSelect } from "./fields";
import { exportDefinition, importDefinition, MAX_IMPORT_LENGTH, type ImportProblem } from "./import-export";
import { readText, shownText, type BuilderLocale } from "./localized";
import { checkForPublishing, type Problem } from "./publish-checks";
import { QuestionEditor } from "./question-editor";
import { kindOfElement, QUESTION_KINDS, type NewElementTexts, type QuestionKind } from "./question-kinds";
import { SurveyPreview } from "./survey-preview";
import { useBuilder, type SaveState } from "./use-builder";

export type BuilderPageProps = {
  consultationId: string;
  initialDefinition: Definition;
  revision: number;
  csrfToken: string;
  startingTexts: NewElementTexts;
  specialTexts: { refuse: Record<string, string>; dontKnow: Record<string, string> };
  uiLocale: string;
  locked: boolean;
};

const sameLocation = (a: Location | null, b: Location) => !!a && a.page === b.page && a.index === b.index;

export function BuilderPage(props: BuilderPageProps) {
  const { t } = useTranslation("builder");
  const builder = useBuilder({
    initial: props.initialDefinition,
    revision: props.revision,
    saveUrl: `/consultations/${props.consultationId}/survey/save`,
    csrfToken: props.csrfToken,
  });
  const { definition, change } = builder;
  const [locale, setLocale] = useState<BuilderLocale>(props.uiLocale === "cy" ? "cy" : "en");
  const [selected, setSelected] = useState<Location | null>(() => (pagesOf(props.initialDefinition)[0]?.elements.length ? { page: 0, index: 0 } : null));
  const [announcement, setAnnouncement] = useState("");
  // After a move, the same button of the moved question gets focus again, wherever it went.
  const [focusAfter, setFocusAfter] = useState<{ at: Location; action: string } | null>(null);
  const pages = pagesOf(definition);
  const problems = useMemo(() => checkForPublishing(definition), [definition]);

  useEffect(() => {
    if (!focusAfter) return;
    const target = document.querySelector<HTMLElement>(`[data-question="${focusAfter.at.page}-${focusAfter.at.index}"] [data-action="${focusAfter.action}"]`);
    const fallback = document.querySelector<HTMLElement>(`[data-question="${focusAfter.at.page}-${focusAfter.at.index}"] [data-action="edit"]`);
    ((target && !target.hasAttribute("disabled") ? target : null) ?? fallback)?.focus();
    setFocusAfter(null);
  }, [focusAfter]);

  // A selection that no longer points at a question (after delete or undo) is dropped.
  const current = selected && pages[selected.page]?.elements[selected.index] ? selected : null;
  const titleOf = (at: Location) => {
    const element = pages[at.page]!.elements[at.index]!;
    const kind = kindOfElement(element);
    const text = kind === "information" ? "" : editableTitle(element, locale) || shownText(element.title, locale);
    return text || (typeof element.name === "string" ? element.name : t("questions.untitled"));
  };

  const move = (at: Location, direction: "up" | "down", action: string) => {
    const title = titleOf(at);
    const moved = moveQuestion(definition, at, direction);
    if (moved.definition === definition) return;
    change(moved.definition);
    if (sameLocation(current, at)) setSelected(moved.at);
    setFocusAfter({ at: moved.at, action });
    setAnnouncement(t("questions.moved", { title, page: moved.at.page + 1, position: moved.at.index + 1 }));
  };

  return (
    <div className="builder">
      <div className="builder-toolbar" role="region" aria-label={t("title")}>
        <SaveStatus state={builder.saveState} locked={props.locked} onRetry={builder.retry} />
        <div className="button-row">
          <Button className="button button--secondary" isDisabled={!builder.canUndo} onPress={builder.undo}>
            {t("undo")}
          </Button>
          <Button className="button button--secondary" isDisabled={!builder.canRedo} onPress={builder.redo}>
            {t("redo")}
          </Button>
        </div>
        <RadioGroup value={locale} onChange={(value) => setLocale(value === "cy" ? "cy" : "en")} orientation="horizontal" className="field">
          <Label className="field__label">{t("editingLanguage")}</Label>
          <div className="radios radios--inline">
            <Radio value="en" className="radio">
              <span className="radio__label">{t("languages.en")}</span>
            </Radio>
            <Radio value="cy" className="radio">
              <span className="radio__label">{t("languages.cy")}</span>
            </Radio>
          </div>
        </RadioGroup>
      </div>
      {builder.saveState.kind === "conflict" ? (
        <div className="builder-conflict" role="alert">
          <h2 className="heading-m">{t("conflict.title")}</h2>
          <p>{t("conflict.body")}</p>
          <div className="button-row">
            <Button className="button" onPress={builder.keepMine}>
              {t("conflict.keepMine")}
            </Button>
            <a className="button button--secondary" href={`/consultations/${props.consultationId}/survey`}>
              {t("conflict.loadTheirs")}
            </a>
            <a className="button button--secondary" href={downloadHref(definition)} download="my-survey.json">
              {t("conflict.downloadMine")}
            </a>
          </div>
        </div>
      ) : null}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>

      <div className="builder-columns">
        <section aria-labelledby="questions-heading" className="builder-section builder-list">
          <h2 id="questions-heading" className="heading-m">
            {t("questions.heading")}
          </h2>
          <p className="hint">{t("questions.keyboardHint")}</p>
          {pages.map((page, pageIndex) => (
            <section key={`${String(page.name)}-${pageIndex}`} aria-labelledby={`page-heading-${pageIndex}`} className="builder-page">
              <h3 id={`page-heading-${pageIndex}`} className="heading-s">
                {t("questions.page", { number: pageIndex + 1 })}
                {shownText(page.title, locale) ? `: ${shownText(page.title, locale)}` : ""}
              </h3>
              <CommitTextField
                key={`${builder.epoch}-${locale}-${pageIndex}`}
                id={`page-title-${pageIndex}`}
                label={t("questions.pageTitle", { number: pageIndex + 1 })}
                hint={t("questions.pageTitleHint")}
                value={readText(page.title, locale)}
                onCommit={(text) => change(setPageTitle(definition, pageIndex, locale, text))}
              />
              {pages.length > 1 ? (
                <div className="button-row">
                  <Button className="button button--secondary button--small" isDisabled={pageIndex === 0} onPress={() => change(movePage(definition, pageIndex, "up"))}>
                    {t("questions.movePageUp", { number: pageIndex + 1 })}
                  </Button>
                  <Button
                    className="button button--secondary button--small"
                    isDisabled={pageIndex === pages.length - 1}
                    onPress={() => change(movePage(definition, pageIndex, "down"))}
                  >
                    {t("questions.movePageDown", { number: pageIndex + 1 })}
                  </Button>
                  <Button
                    className="button button--warning button--small"
                    onPress={() => {
                      change(deletePage(definition, pageIndex));
                      setSelected(null);
                    }}
                  >
                    {t("questions.deletePage", { number: pageIndex + 1 })}
                  </Button>
                </div>
              ) : null}
              {page.elements.length === 0 ? <p>{t("questions.empty")}</p> : null}
              <ol className="builder-questions">
                {page.elements.map((element, index) => {
                  const at = { page: pageIndex, index };
                  const title = titleOf(at);
                  const kind = kindOfElement(element);
                  const isCurrent = sameLocation(current, at);
                  return (
                    <li key={`${String(element.name)}-${pageIndex}-${index}`} data-question={`${pageIndex}-${index}`} className={`builder-question${isCurrent ? " builder-question--current" : ""}`}>
                      <Button
                        data-action="edit"
                        className="builder-question__edit"
                        aria-current={isCurrent ? "true" : undefined}
                        aria-label={t("questions.edit", { title })}
                        onPress={() => setSelected(at)}
                        onKeyDown={(event) => {
                          if (!event.altKey || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) {
                            event.continuePropagation();
                            return;
                          }
                          move(at, event.key === "ArrowUp" ? "up" : "down", "edit");
                        }}
                      >
                        <span className="builder-question__title">{title}</span>
                        <span className="builder-question__kind">{t(`kinds.${kind}`)}</span>
                      </Button>
                      <QuestionFeedbackBadge questionName={questionNameOf(element)} />
                      <div className="button-row">
                        <Button data-action="up" className="button button--secondary button--small" aria-label={t("questions.moveUp", { title })} onPress={() => move(at, "up", "up")}>
                          ↑ {t("questions.moveUp", { title: "" }).replace(/:\s*$/, "")}
                        </Button>
                        <Button data-action="down" className="button button--secondary button--small" aria-label={t("questions.moveDown", { title })} onPress={() => move(at, "down", "down")}>
                          ↓ {t("questions.moveDown", { title: "" }).replace(/:\s*$/, "")}
                        </Button>
                        <Button
                          className="button button--secondary button--small"
                          aria-label={t("questions.duplicate", { title })}
                          onPress={() => {
                            const copy = duplicateQuestion(definition, at);
                            change(copy.definition);
                            setSelected(copy.at);
                          }}
                        >
                          {t("questions.duplicate", { title: "" }).replace(/:\s*$/, "")}
                        </Button>
                        <Button
                          className="button button--warning button--small"
                          aria-label={t("questions.delete", { title })}
                          onPress={() => {
                            change(deleteQuestion(definition, at));
                            setSelected(null);
                            setAnnouncement(t("questions.deleted", { title }));
                          }}
                        >
                          {t("questions.delete", { title: "" }).replace(/:\s*$/, "")}
                        </Button>
                      </div>
                    </li>
                  );
                })}
              </ol>
            </section>
          ))}
          <AddQuestion
            pageCount={pages.length}
            onAdd={(kind, page) => {
              const added = addQuestion(definition, { page, kind, texts: props.startingTexts });
              change(added.definition);
              setSelected(added.at);
              setAnnouncement(t("questions.added", { kind: t(`kinds.${kind}`) }));
            }}
          />
          <Button className="button button--secondary" onPress={() => change(addPage(definition))}>
            {t("questions.addPage")}
          </Button>
        </section>

        <section aria-labelledby="editor-heading" className="builder-section builder-editor" id="question-editor">
          <h2 id="editor-heading" className="heading-m" tabIndex={-1}>
            {t("editor.heading")}
            {current ? `: ${titleOf(current)}` : ""}
          </h2>
          {current ? <QuestionComments questionName={questionNameOf(pages[current.page]!.elements[current.index]!)} /> : null}
          {current ? (
            <QuestionEditor
              key={`${builder.epoch}-${locale}-${current.page}-${current.index}`}
              definition={definition}
              at={current}
              locale={locale}
              onChange={change}
              specialTexts={props.specialTexts}
            />
          ) : (
            <p>{t("editor.none")}</p>
          )}
        </section>
      </div>

      <ProblemList
        problems={problems}
        onSelect={(at) => {
          setSelected(at);
          setFocusAfter({ at, action: "edit" });
        }}
      />
      <SurveyPreview definition={definition} locale={locale} />
      <ImportExport exportUrl={`/consultations/${props.consultationId}/survey.json`} onImport={(next) => {
        builder.replace(next);
        setSelected(pagesOf(next)[0]?.elements.length ? { page: 0, index: 0 } : null);
      }} />
    </div>
  );
}

/** Co-design comments are kept by question name (docs/decisions/0009-co-design-with-young-advisors.md). */
const questionNameOf = (element: { name?: unknown }) => (typeof element.name === "string" ? element.name : "");

function downloadHref(definition: Definition) {
  return `data:application/json;charset=utf-8,${encodeURIComponent(exportDefinition(definition))}`;
}

function SaveStatus({ state, locked, onRetry }: { state: SaveState; locked: boolean; onRetry: () => void }) {
  const { t } = useTranslation("builder");
  const message = locked || state.kind === "locked"
    ? t("status.locked")
    : state.kind === "saving"
      ? t("status.saving")
      : state.kind === "error"
        ? t("status.error")
        : state.kind === "conflict"
          ? t("conflict.title")
          : t("status.saved");
  return (
    <div className="builder-status">
      <p role="status" className={`builder-status__text builder-status__text--${state.kind}`}>
        {message}
      </p>
      {state.kind === "error" ? (
        <Button className="button button--secondary button--small" onPress={onRetry}>
          {t("status.retry")}
        </Button>
      ) : null}
    </div>
  );
}

function AddQuestion({ pageCount, onAdd }: { pageCount: number; onAdd: (kind: QuestionKind, page: number) => void }) {
  const { t } = useTranslation("builder");
  const [kind, setKind] = useState<QuestionKind>("shortText");
  const [page, setPage] = useState(0);
  const target = Math.min(page, pageCount - 1);
  return (
    <section aria-labelledby="add-heading" className="builder-subsection">
      <h3 id="add-heading" className="heading-s">
        {t("add.heading")}
      </h3>
      <div className="builder-row">
        <MenuSelect
          label={t("add.kind")}
          options={QUESTION_KINDS.map((value) => ({ value, label: t(`kinds.${value}`) }))}
          value={kind}
          onChange={(value) => setKind(value as QuestionKind)}
        />
        {pageCount > 1 ? (
          <MenuSelect
            label={t("add.page")}
            options={Array.from({ length: pageCount }, (_, i) => ({ value: String(i), label: t("questions.page", { number: i + 1 }) }))}
            value={String(target)}
            onChange={(value) => setPage(Number(value))}
          />
        ) : null}
      </div>
      <Button className="button" onPress={() => onAdd(kind, target)}>
        {t("add.button")}
      </Button>
    </section>
  );
}

function ProblemList({ problems, onSelect }: { problems: Problem[]; onSelect: (at: Location) => void }) {
  const { t } = useTranslation("builder");
  return (
    <section aria-labelledby="problems-heading" className="builder-section">
      <h2 id="problems-heading" className="heading-m">
        {t("problems.heading")}
      </h2>
      {problems.length === 0 ? (
        <p>{t("problems.none")}</p>
      ) : (
        <ul className="builder-problems">
          {problems.map((problem, index) => (
            <li key={`${problem.code}-${index}`}>
              {t(`problems.${problem.code}`, { question: problem.question ?? t("problems.survey"), detail: problem.detail ?? "" })}
              {problem.at ? (
                <>
                  {" "}
                  <a
                    href="#question-editor"
                    onClick={(event) => {
                      event.preventDefault();
                      onSelect(problem.at!);
                    }}
                  >
                    {t("problems.goTo")}
                    <span className="visually-hidden">: {problem.question ?? ""}</span>
                  </a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function importMessage(t: (key: string, options?: Record<string, unknown>) => string, problem: ImportProblem) {
  if (problem.code === "malformed") return t("importExport.errors.malformed", { line: problem.line, column: problem.column });
  if (problem.code === "badElement") {
    return problem.question
      ? t("importExport.errors.badElement", { question: problem.question, property: problem.property })
      : t("importExport.errors.badElementNoName", { property: problem.property });
  }
  return t(`importExport.errors.${problem.code}`);
}

function ImportExport({ exportUrl, onImport }: { exportUrl: string; onImport: (definition: Definition) => void }) {
  const { t } = useTranslation("builder");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);

  const runImport = (source: string) => {
    setNotice(null);
    if (source.length > MAX_IMPORT_LENGTH) {
      setError(t("importExport.errors.tooLong"));
      return;
    }
    const result = importDefinition(source);
    if (!result.ok) {
      setError(importMessage(t, result.problem));
      setTimeout(() => errorRef.current?.focus(), 0);
      return;
    }
    setError(null);
    onImport(result.definition);
    setText("");
    setNotice(
      [t("importExport.imported"), result.unknownProperties.length ? t("importExport.unknownProperties", { list: result.unknownProperties.join(", ") }) : ""]
        .filter(Boolean)
        .join(" "),
    );
  };

  return (
    <section aria-labelledby="import-heading" className="builder-section">
      <h2 id="import-heading" className="heading-m">
        {t("importExport.heading")}
      </h2>
      <p>
        {/* The saved draft, exactly as stored (saving as you go keeps it the same as this page). */}
        <a href={exportUrl} download="survey.json">
          {t("importExport.export")}
        </a>
      </p>
      <form
        className="stack"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          runImport(text);
        }}
      >
        <div className={`field${error ? " field--error" : ""}`}>
          <label htmlFor="import-json" className="field__label">
            {t("importExport.importLabel")}
          </label>
          <p id="import-hint" className="field__hint">
            {t("importExport.importHint")}
          </p>
          {error ? (
            <p id="import-error" className="field__error" tabIndex={-1} ref={errorRef} role="alert">
              {error}
            </p>
          ) : null}
          <textarea
            id="import-json"
            className="input input--textarea"
            rows={6}
            value={text}
            aria-describedby={error ? "import-hint import-error" : "import-hint"}
            aria-invalid={error ? true : undefined}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="import-file" className="field__label">
            {t("importExport.file")}
          </label>
          <input
            id="import-file"
            type="file"
            accept="application/json,.json"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void file.text().then(runImport);
            }}
          />
        </div>
        <Button type="submit" className="button button--secondary">
          {t("importExport.import")}
        </Button>
      </form>
      {notice ? <p role="status">{notice}</p> : <p role="status" />}
    </section>
  );
}

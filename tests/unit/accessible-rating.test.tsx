import { renderToString } from "react-dom/server";
import { Model } from "survey-core";
import { Survey, SvgIcon } from "survey-react-ui";
import "~/survey/accessible-rating";
import { renderForwardActionsAsSubmit } from "~/survey/submit-action";

function renderSurvey(json: Record<string, unknown>, prepare: (model: Model) => void = () => {}) {
  const model = new Model(json);
  model.generateStylesheet = false;
  prepare(model);
  return renderToString(<Survey model={model} />);
}

function render(element: Record<string, unknown>) {
  return renderSurvey({ elements: [element] });
}

/** Each rating label's text, as a screen reader and a checker read it. */
function labelTexts(html: string) {
  return [...html.matchAll(/<label[^>]*class="sd-rating__item[^"]*"[^>]*>([\s\S]*?)<\/label>/g)].map((match) =>
    match[1]!.replace(/<[^>]*>/g, "").trim(),
  );
}

const smileys = {
  type: "rating",
  name: "feelSafe",
  title: "How safe do you feel?",
  rateType: "smileys",
  rateMin: 1,
  rateMax: 5,
  minRateDescription: "Not safe at all",
  maxRateDescription: "Very safe",
};

test("each smiley's label holds its name, with the end labels on the first and last", () => {
  const html = render(smileys);
  expect(labelTexts(html)).toEqual(["1, Not safe at all", "2", "3", "4", "5, Very safe"]);
  // The label names the radio the ordinary way: no second, competing name on the input.
  expect(html).not.toMatch(/type="radio"[^>]*aria-label=/);
});

test("stars are named by their labels too", () => {
  expect(labelTexts(render({ type: "rating", name: "stars", rateType: "stars", rateMax: 3 }))).toEqual(["1", "2", "3"]);
});

test("the faces and stars are hidden from screen readers whole, not marked presentation", () => {
  for (const html of [render(smileys), render({ type: "rating", name: "stars", rateType: "stars", rateMax: 3 })]) {
    const svgs = [...html.matchAll(/<svg[^>]*>/g)].map((match) => match[0]).filter((svg) => svg.includes("sv-svg-icon"));
    expect(svgs.length).toBeGreaterThan(0);
    for (const svg of svgs) {
      expect(svg).toContain('aria-hidden="true"');
      expect(svg).not.toContain('role="presentation"');
    }
  }
});

test("any survey icon with a title becomes an image named by it; one without is hidden", () => {
  const titled = renderToString(<SvgIcon iconName="icon-clear" size={24} title="Clear the answer" />);
  expect(titled).toMatch(/<svg[^>]*role="img"[^>]*aria-label="Clear the answer"/);
  const untitled = renderToString(<SvgIcon iconName="icon-grip" size={24} />);
  expect(untitled).toMatch(/<svg[^>]*aria-hidden="true"/);
  expect(untitled).not.toContain("role=");
});

test("the page's forward action is the form's one submit button: Next, then Complete on the last page", () => {
  const pages = { pages: [{ elements: [{ type: "text", name: "first" }] }, { elements: [{ type: "comment", name: "last" }] }] };
  const submitButtons = (html: string) =>
    [...html.matchAll(/<button[^>]*type="submit"[^>]*>([\s\S]*?)<\/button>/g)].map((match) => match[1]!.replace(/<[^>]*>/g, "").trim());

  expect(submitButtons(renderSurvey(pages))).toEqual([]); // survey-react-ui's own buttons are type="button"
  expect(submitButtons(renderSurvey(pages, renderForwardActionsAsSubmit))).toEqual(["Next"]);
  const lastPage = renderSurvey(pages, (model) => {
    renderForwardActionsAsSubmit(model);
    model.currentPageNo = 1;
  });
  expect(submitButtons(lastPage)).toEqual(["Complete"]);
  expect(lastPage).toMatch(/<form[^>]*>[\s\S]*<button[^>]*type="submit"/);
});

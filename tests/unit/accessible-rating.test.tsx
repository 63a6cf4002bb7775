import { renderToString } from "react-dom/server";
import { Model } from "survey-core";
import { Survey } from "survey-react-ui";
import "~/survey/accessible-rating";

function render(element: Record<string, unknown>) {
  const model = new Model({ elements: [element] });
  model.generateStylesheet = false;
  return renderToString(<Survey model={model} />);
}

test("each smiley has a name, with the end labels on the first and last", () => {
  const html = render({
    type: "rating",
    name: "feelSafe",
    title: "How safe do you feel?",
    rateType: "smileys",
    rateMin: 1,
    rateMax: 5,
    minRateDescription: "Not safe at all",
    maxRateDescription: "Very safe",
  });
  const names = [...html.matchAll(/type="radio"[^>]*aria-label="([^"]*)"/g)].map((match) => match[1]);
  expect(names).toEqual(["1, Not safe at all", "2", "3", "4", "5, Very safe"]);
});

test("stars are named too", () => {
  const html = render({ type: "rating", name: "stars", rateType: "stars", rateMax: 3 });
  const names = [...html.matchAll(/type="radio"[^>]*aria-label="([^"]*)"/g)].map((match) => match[1]);
  expect(names).toEqual(["1", "2", "3"]);
});

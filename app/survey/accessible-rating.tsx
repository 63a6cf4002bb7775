// survey-react-ui 3.0.0 renders smiley and star ratings as radios with no accessible name (the
// number sits in a `title` on the label, which screen readers ignore) inside a label with no text.
// We register replacements whose label holds the name as (visually hidden) text, so the radio is
// named by its label the ordinary way: "1, Not safe at all", "2", … "5, Very safe".
import { createElement, type ReactElement } from "react";
import type { ItemValue, QuestionRatingModel } from "survey-core";
import { RatingItemSmiley, RatingItemStar, ReactElementFactory, SvgIcon } from "survey-react-ui";
import "./decorative-icons";
import { ratingItemName } from "./rating-names";

export { ratingItemName };

type Props = { question: QuestionRatingModel; item: ItemValue & { className: string; style?: object }; index: number; handleOnClick: () => void };

function renderNamedItem(self: { props: Props; handleOnMouseDown: (e: unknown) => void }, icons: ReactElement[]) {
  const { question, item, index, handleOnClick } = self.props;
  const name = ratingItemName(question, item, index);
  return createElement(
    "label",
    {
      style: item.style,
      className: item.className,
      onMouseDown: self.handleOnMouseDown,
      onMouseOver: () => question.onItemMouseIn(item as never),
      onMouseOut: () => question.onItemMouseOut(item as never),
      title: name,
    },
    createElement("input", {
      type: "radio",
      className: "sv-visuallyhidden",
      name: question.questionName,
      id: question.getInputId(index),
      value: item.value,
      disabled: question.isDisabledAttr,
      readOnly: question.isReadOnlyAttr,
      checked: question.value == item.value,
      onClick: handleOnClick,
      onChange: () => {},
    }),
    createElement("span", { className: "visually-hidden" }, name),
    ...icons,
  );
}

class NamedRatingItemSmiley extends RatingItemSmiley {
  render() {
    const { question, item } = this.props as unknown as Props;
    return renderNamedItem(this as never, [
      createElement(SvgIcon, { key: "face", size: "auto", iconName: question.getItemSmileyIconName(item as never) }),
    ]);
  }
}

class NamedRatingItemStar extends RatingItemStar {
  render() {
    const { question } = this.props as unknown as Props;
    return renderNamedItem(this as never, [
      createElement(SvgIcon, { key: "star", className: "sv-star", size: "auto", iconName: question.itemStarIcon }),
      createElement(SvgIcon, { key: "star-2", className: "sv-star-2", size: "auto", iconName: question.itemStarIconAlt }),
    ]);
  }
}

ReactElementFactory.Instance.registerElement("sv-rating-item-smiley", (props) => createElement(NamedRatingItemSmiley, props));
ReactElementFactory.Instance.registerElement("sv-rating-item-star", (props) => createElement(NamedRatingItemStar, props));

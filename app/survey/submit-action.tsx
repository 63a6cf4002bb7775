// survey-react-ui renders Next and Complete as `type="button"` inside a `<form>` that has no submit
// control, so the form offers nothing to submit it (Enter in a text box does nothing either). Heard
// renders the page's forward action as a real submit button; the form's own submit handler only
// prevents the page load, and the click runs the action exactly as before.
import { createRef } from "react";
import type { Action, SurveyModel } from "survey-core";
import { ReactElementFactory, SurveyElementBase, SurveyLocStringViewer } from "survey-react-ui";

const SUBMIT_ACTION = "heard-submit-action";
const FORWARD_ACTIONS = ["sv-nav-next", "sv-nav-complete"];

class SubmitAction extends SurveyElementBase<{ item: Action }, unknown> {
  private button = createRef<HTMLButtonElement>();

  protected getStateElement() {
    return this.props.item;
  }

  protected renderElement() {
    const { item } = this.props;
    return (
      <button
        ref={this.button}
        type="submit"
        className={item.getActionBarItemCss()}
        disabled={item.disabled}
        title={item.getTooltip()}
        onMouseDown={(event) => item.doMouseDown(event)}
        onFocus={(event) => item.doFocus(event)}
        onClick={(event) => item.doAction(event)}
      >
        <SurveyLocStringViewer model={item.locTitle} textClass={item.getActionBarItemTitleCss()} />
      </button>
    );
  }

  componentDidMount() {
    super.componentDidMount();
    this.props.item.setInputElement(this.button.current!);
  }

  componentWillUnmount() {
    super.componentWillUnmount();
    this.props.item.setInputElement(undefined as never);
  }
}

ReactElementFactory.Instance.registerElement(SUBMIT_ACTION, (props) => <SubmitAction {...(props as { item: Action })} />);

/** Renders the survey's Next and Complete buttons as the form's submit button. */
export function renderForwardActionsAsSubmit(model: SurveyModel) {
  for (const id of FORWARD_ACTIONS) {
    const action = model.navigationBar.getActionById(id);
    if (action) action.component = SUBMIT_ACTION;
  }
}

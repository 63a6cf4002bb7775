// survey-react-ui draws every icon as <svg role="presentation"><use/></svg>, plus a <title> when the
// icon names its control. role="presentation" removes only the svg's own role, not its children's,
// so checkers find content with meaning inside something marked as decoration. Heard hides an
// untitled icon whole (aria-hidden), and makes a titled one an image with that name.
import { cloneElement, isValidElement } from "react";
import { SvgIcon } from "survey-react-ui";

const PATCHED = Symbol.for("heard.svgIcon.accessible");
const prototype = SvgIcon.prototype as SvgIcon & { [PATCHED]?: true };

if (!prototype[PATCHED]) {
  const render = prototype.render;
  prototype.render = function (this: SvgIcon) {
    const svg = render.call(this);
    if (!isValidElement(svg)) return svg;
    const title = (this.props as { title?: string }).title;
    return cloneElement(svg, title ? { role: "img", "aria-label": title } : { role: undefined, "aria-hidden": "true", focusable: "false" } as object);
  };
  prototype[PATCHED] = true;
}

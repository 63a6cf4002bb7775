// A submit button that says what is happening while a long request runs ("Checking 2,340 rows…"),
// so checking or importing a big file never looks frozen. The text is in a live region that is on
// the page from the start (screen readers only announce changes to a region they already know).
import { useNavigation } from "@remix-run/react";

export function BusyButton({ intent, label, busyLabel, secondary = false }: { intent: string; label: string; busyLabel: string; secondary?: boolean }) {
  const navigation = useNavigation();
  // Stays busy through the page load that follows the form's redirect.
  const busy = navigation.state !== "idle" && navigation.formData?.get("intent") === intent;
  return (
    <div className="busy-button">
      <button
        type="submit"
        name="intent"
        value={intent}
        className={secondary ? "button button--secondary" : "button"}
        aria-disabled={busy || undefined}
        onClick={(event) => {
          // Not `disabled`: that would drop keyboard focus. A second click must not send it twice.
          if (busy) event.preventDefault();
        }}
      >
        {label}
      </button>
      <p className="busy-button__status" role="status" aria-live="polite">
        {busy ? busyLabel : ""}
      </p>
    </div>
  );
}

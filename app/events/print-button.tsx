// "Print" for posters, table cards and summaries. It needs JavaScript (window.print), so it appears
// only after hydration; without it the browser's own Print does the same. Never printed itself.
import { useEffect, useState } from "react";
import { Button } from "react-aria-components";

export function PrintButton({ label, hint }: { label: string; hint?: string }) {
  const [canPrint, setCanPrint] = useState(false);
  useEffect(() => setCanPrint(typeof window.print === "function"), []);
  if (!canPrint) return hint ? <p className="hint no-print">{hint}</p> : null;
  return (
    <div className="no-print stack">
      <Button className="button button--secondary" onPress={() => window.print()}>
        {label}
      </Button>
      {hint ? <p className="hint">{hint}</p> : null}
    </div>
  );
}

import { useRootData } from "~/root";

/** The hidden CSRF field every state-changing form carries. */
export function CsrfInput() {
  const data = useRootData();
  return <input type="hidden" name="csrf" value={data?.csrfToken ?? ""} />;
}

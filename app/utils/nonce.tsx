import { createContext, useContext } from "react";

const NonceContext = createContext<string>("");

export const NonceProvider = NonceContext.Provider;

/** The CSP nonce on the server; empty in the browser, which hides nonces from scripts anyway. */
export function useNonce() {
  return useContext(NonceContext);
}

import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of this response (made by server.js). Inline scripts that
 * Remix and React render carry it. In the browser it is "": browsers hide the nonce from the
 * page once it has been checked, and scripts added after hydration are not inline anyway.
 */
const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}

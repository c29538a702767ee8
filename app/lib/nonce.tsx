// The CSP nonce of the response being rendered (server/guard.ts sets the policy; server/index.ts
// makes the nonce and hands it to Remix as load context). Remix's inline scripts carry it. In the
// browser the value is hidden from the page, so the context is empty there — only the server's
// HTML needs it.
import { createContext, useContext } from "react";

const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}

import { createContext, useContext } from "react";

const NonceContext = createContext<string | undefined>(undefined);

/** Gives server-rendered scripts the response's CSP nonce. */
export const NonceProvider = NonceContext.Provider;

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}

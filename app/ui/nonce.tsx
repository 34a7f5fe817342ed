import { createContext, useContext } from "react";

// The CSP nonce exists only on the server render; the browser hides it after parsing.
const NonceContext = createContext<string | undefined>(undefined);
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);

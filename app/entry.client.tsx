import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";
import { isLocale } from "./i18n/i18n";
import { ensureMessages } from "./i18n/messages-store";

// The page's catalogue must be in place before React hydrates the server's HTML.
const lang = document.documentElement.lang;
ensureMessages(isLocale(lang) ? lang : "en").then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <HydratedRouter />
      </StrictMode>,
    );
  });
});

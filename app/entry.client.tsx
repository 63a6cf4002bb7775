import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { DocumentLocaleProvider, localeOfDocument } from "~/i18n/document-locale";

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <DocumentLocaleProvider value={localeOfDocument(document)}>
        <RemixBrowser />
      </DocumentLocaleProvider>
    </StrictMode>,
  );
});

import { Button, Group } from "@mantine/core";
import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LANGUAGE_AUTONYMS, SUPPORTED_LANGUAGES } from "~/i18n/config";

/**
 * A plain form, so switching language works without JavaScript as well. It reloads the document:
 * the browser holds only the current language's texts (entry.client).
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/language" aria-label={t("shell.language")} reloadDocument>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <Group gap={4} wrap="nowrap">
        {SUPPORTED_LANGUAGES.map((lng) => (
          <Button
            key={lng}
            type="submit"
            name="lng"
            value={lng}
            size="compact-sm"
            variant={i18n.language === lng ? "filled" : "subtle"}
            aria-current={i18n.language === lng ? "true" : undefined}
            lang={lng}
            aria-label={LANGUAGE_AUTONYMS[lng]}
          >
            {lng.toUpperCase()}
          </Button>
        ))}
      </Group>
    </Form>
  );
}

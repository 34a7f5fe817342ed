import { Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/page-title";
import type { MetaFunction } from "@remix-run/node";

/** Accessibility statement required by Act 306/2019. */
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "accessibility.title");

export default function AccessibilityStatement() {
  const { t } = useTranslation();
  return (
    <Stack maw={760} gap="md">
      <Title order={1}>{t("accessibility.title")}</Title>
      <Text>{t("accessibility.intro")}</Text>
      <Title order={2} size="h4">
        {t("accessibility.statusTitle")}
      </Title>
      <Text>{t("accessibility.status")}</Text>
      <Title order={2} size="h4">
        {t("accessibility.feedbackTitle")}
      </Title>
      <Text>{t("accessibility.feedback")}</Text>
      <Title order={2} size="h4">
        {t("accessibility.enforcementTitle")}
      </Title>
      <Text>{t("accessibility.enforcement")}</Text>
    </Stack>
  );
}

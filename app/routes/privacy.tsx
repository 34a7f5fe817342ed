import { Stack, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";

const SECTIONS = ["controller", "purpose", "legalBasis", "content", "sources", "disclosures", "retention", "security", "rights"] as const;

/** The platform is itself a personal data register (GDPR art. 13–14): its privacy notice. */
export default function PrivacyNotice() {
  const { t } = useTranslation();
  return (
    <Stack maw={760} gap="md">
      <Title order={1}>{t("privacy.title")}</Title>
      <Text>{t("privacy.intro")}</Text>
      {SECTIONS.map((s) => (
        <section key={s} aria-labelledby={`privacy-${s}`}>
          <Title order={2} size="h4" id={`privacy-${s}`}>
            {t(`privacy.${s}.title`)}
          </Title>
          <Text>{t(`privacy.${s}.body`)}</Text>
        </section>
      ))}
    </Stack>
  );
}

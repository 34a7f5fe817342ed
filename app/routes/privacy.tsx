import { Stack, Text, Title } from "@mantine/core";
import { json, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { registerByActivity } from "../../db/schema/register";
import { RegisterActivities } from "~/ui/RegisterActivities";
import { pageTitle } from "~/i18n/page-title";
import { Panel } from "~/ui/Panel";

const SECTIONS = ["controller", "purpose", "legalBasis", "content", "sources", "disclosures", "retention", "security", "rights"] as const;

/** The processing activities come from the schema's register annotations (db/schema/register.ts). */
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "privacy.title");

export function loader() {
  return json({
    activities: registerByActivity()
      .filter((a) => a.tables.length > 0)
      .map(({ activity, retentions }) => ({ activity, retentions, tables: [] })),
  });
}

/** The platform is itself a personal data register (GDPR art. 13–14): its privacy notice. */
export default function PrivacyNotice() {
  const { t } = useTranslation();
  const { activities } = useLoaderData<typeof loader>();
  return (
    <Stack maw={860} gap="md">
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
      <Panel titleId="privacy-activities" title={t("processingRegister.activitiesTitle")} size="h4" mb="xs" plain>
        <Text mb="sm">{t("processingRegister.noticeIntro")}</Text>
        <RegisterActivities
          activities={activities as unknown as ReturnType<typeof registerByActivity>}
          withTables={false}
          headingOrder={3}
        />
      </Panel>
    </Stack>
  );
}

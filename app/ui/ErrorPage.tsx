import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { errorTextKey } from "~/i18n/page-title";

/** The page people see instead of a stack trace: what happened and where to go next. */
export function ErrorPage({ status }: { status: number }) {
  const { t } = useTranslation();
  const key = errorTextKey(status);
  return (
    <Stack gap="md" maw={640} py="xl">
      <Text c="dimmed" fw={600}>
        {t("errors.statusLabel", { status })}
      </Text>
      <Title order={1}>{t(`${key}.title`)}</Title>
      <Text>{t(`${key}.body`)}</Text>
      <Anchor component={Link} to="/">
        {t("errors.backHome")}
      </Anchor>
    </Stack>
  );
}

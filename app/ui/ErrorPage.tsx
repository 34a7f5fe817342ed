import { Anchor, Stack, Text, Title } from "@mantine/core";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

const KNOWN = [400, 403, 404, 405, 411, 413, 429] as const;

/** The page people see instead of a stack trace: what happened and where to go next. */
export function ErrorPage({ status }: { status: number }) {
  const { t } = useTranslation();
  const key = (KNOWN as readonly number[]).includes(status) ? String(status) : "500";
  return (
    <Stack gap="md" maw={640} py="xl">
      <Text c="dimmed" fw={600}>
        {t("errors.statusLabel", { status })}
      </Text>
      <Title order={1}>{t(`errors.${key}.title`)}</Title>
      <Text>{t(`errors.${key}.body`)}</Text>
      <Anchor component={Link} to="/">
        {t("errors.backHome")}
      </Anchor>
    </Stack>
  );
}

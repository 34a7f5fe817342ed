import { Alert, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localName } from "~/i18n/names";
import { authorize } from "~/server/guard.server";
import { homeAreasOf } from "~/server/workspaces.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "myArea.view" });
  return json({ homes: homeAreasOf(viewer) });
}

/** "Oma alue": the resident's own neighbourhood. */
export default function MyAreaPage() {
  const { t, i18n } = useTranslation();
  const { homes } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <Stack gap="lg">
      <Title order={1}>{t("myArea.title")}</Title>
      {params.get("welcome") ? (
        <Alert color="green" role="status">
          {t("myArea.welcome")}
        </Alert>
      ) : null}
      <Text maw={760}>{t("myArea.intro")}</Text>
      {homes.map(({ area, parent, networks }) => (
        <Paper key={area.id} withBorder p="lg" component="section" aria-labelledby={`area-${area.id}`}>
          <Title order={2} size="h3" id={`area-${area.id}`}>
            {localName(area, i18n.language)}
          </Title>
          <Text size="sm" c="dimmed">
            {t(`areaLevels.${area.level}`)} {area.code}
            {parent ? ` · ${localName(parent, i18n.language)}` : ""}
          </Text>
          <Title order={3} size="h4" mt="md">
            {t("myArea.networks")}
          </Title>
          {networks.length ? (
            <Group gap="xs" mt="xs">
              {networks.map((n) => (
                <Badge key={n.id} variant="light">
                  {localName(n, i18n.language)}
                </Badge>
              ))}
            </Group>
          ) : (
            <Text>{t("myArea.noNetwork")}</Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}

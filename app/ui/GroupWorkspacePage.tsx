import { Anchor, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { localName } from "~/i18n/names";
import { GroupMembers } from "./GroupMembers";
import { PageHeading } from "~/ui/PageHeading";

type GroupWithMembers = {
  id: number;
  nameFi: string;
  nameSv: string | null;
  nameEn: string | null;
  descriptionFi: string | null;
  members: Parameters<typeof GroupMembers>[0]["members"];
  areas: { id: number; code: string; nameFi: string; nameSv: string | null }[];
};

/** A role's landing page: its purpose, then each of the viewer's groups with members and areas. */
export function GroupWorkspacePage({
  title,
  intro,
  groups,
  children,
  groupExtra,
  after,
}: {
  title: string;
  intro: string;
  groups: GroupWithMembers[];
  children?: ReactNode;
  /** A feature's own content for one group, shown above its members. */
  groupExtra?: (groupId: number) => ReactNode;
  /** Content after the groups. */
  after?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="lg">
      <PageHeading title={title} intro={intro} />
      {children}
      {groups.map((g) => (
        <Paper key={g.id} withBorder p="lg" component="section" aria-labelledby={`group-${g.id}`}>
          <Title order={2} size="h3" id={`group-${g.id}`}>
            {localName(g, i18n.language)}
          </Title>
          {g.descriptionFi ? <Text mt="xs">{g.descriptionFi}</Text> : null}
          <Anchor component={Link} to={`/workspaces/${g.id}`} size="sm">
            {t("workspaces.openNamed", { name: localName(g, i18n.language) })}
          </Anchor>
          {g.areas.length ? (
            <Group gap="xs" mt="sm">
              <Text size="sm">{t("workspace.coversAreas")}</Text>
              {g.areas.map((a) => (
                <Badge key={a.id} variant="light">
                  {localName(a, i18n.language)}
                </Badge>
              ))}
            </Group>
          ) : null}
          {groupExtra ? groupExtra(g.id) : null}
          <Title order={3} size="h4" mt="md" mb="xs">
            {t("workspace.members", { count: g.members.length })}
          </Title>
          <GroupMembers members={g.members} caption={t("workspace.members", { count: g.members.length })} />
        </Paper>
      ))}
      {after}
    </Stack>
  );
}

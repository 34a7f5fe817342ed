import { Badge, Group, Stack, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localName, namesFrom } from "~/i18n/names";
import { requireWorkspace } from "~/server/workspaces/workspace-guards.server";
import { WorkspaceNav } from "~/ui/workspaces/WorkspaceNav";
import { languageOf, pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "titles.workspace", { name: data ? localName(data.group, languageOf(matches)) : null });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { group } = await requireWorkspace(request, context, params.groupId);
  return json({ group: { id: group.id, kind: group.kind, ...namesFrom(group) } });
}

/** A group's workspace: its name and sections; each section route checks access again itself. */
export default function WorkspaceLayout() {
  const { t, i18n } = useTranslation();
  const { group } = useLoaderData<typeof loader>();
  return (
    <Stack gap="md">
      <Group gap="sm" align="center">
        <Title order={1}>{localName(group, i18n.language)}</Title>
        <Badge variant="light">{t(`groupKinds.${group.kind}`)}</Badge>
      </Group>
      <WorkspaceNav groupId={group.id} />
      <Outlet />
    </Stack>
  );
}

import { Anchor, List, Stack, Text, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localName } from "~/i18n/names";
import { listAllAreas, type ListedArea } from "~/server/city/areas.server";
import { getViewer } from "~/server/people/guard.server";
import { networkPlans } from "~/server/neighbourhood/neighbourhood.server";
import { can } from "~/server/people/permissions.server";
import { groupsForViewer } from "~/server/workspaces/workspaces.server";
import { FormerAreaBadge } from "~/ui/FormerAreaBadge";
import { GroupWorkspacePage } from "~/ui/GroupWorkspacePage";
import { PlanList } from "~/ui/neighbourhood/parts";
import { pageTitle } from "~/i18n/page-title";
import { Panel } from "~/ui/Panel";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "areas.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  // The area hierarchy is public (the front page links here); the networks' own part is for staff.
  const groups = viewer && can(viewer, { kind: "areas.view" }) ? groupsForViewer(viewer, "network") : [];
  return json({
    groups,
    // Each network's plans waiting for its feedback, right on the landing page.
    waiting: Object.fromEntries(groups.map((g) => [g.id, networkPlans(g.id).waiting])),
    areas: listAllAreas(),
    canImport: can(viewer, { kind: "areas.import" }),
  });
}

export default function AreasPage() {
  const { t } = useTranslation();
  const { groups, waiting, areas, canImport } = useLoaderData<typeof loader>();
  return (
    <GroupWorkspacePage
      title={t("areas.title")}
      intro={t("areas.intro")}
      groups={groups}
      groupExtra={(groupId) => (
        <Stack gap="xs" mt="md">
          <Title order={3} size="h4">
            {t("neighbourhood.network.waitingCount", { count: waiting[groupId]?.length ?? 0 })}
          </Title>
          <PlanList plans={waiting[groupId] ?? []} empty={t("neighbourhood.network.noneWaiting")} />
          <Anchor component={Link} to={`/networks/${groupId}`} underline="always">
            {t("neighbourhood.network.openWorkspace")}
          </Anchor>
        </Stack>
      )}
      after={<AreaBrowser areas={areas} canImport={canImport} />}
    />
  );
}

/** The whole hierarchy, one major district per foldable block, every area linked to its page. */
function AreaBrowser({ areas, canImport }: { areas: ListedArea[]; canImport: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const childrenOf = (id: number) => areas.filter((a) => a.parentId === id);
  const tops = areas.filter((a) => a.parentId === null);
  const branch = (a: ListedArea) => {
    const kids = childrenOf(a.id);
    return (
      <List.Item key={a.id}>
        <Anchor component={Link} to={`/areas/${a.id}`} underline="always">
          {localName(a, lang)}
        </Anchor>{" "}
        <Text span size="sm" c="dimmed">
          ({t(`areaLevels.${a.level}`)} {a.code})
        </Text>
        <FormerAreaBadge former={a.former} />
        {kids.length ? (
          <List withPadding size="sm" mt={2}>
            {kids.map(branch)}
          </List>
        ) : null}
      </List.Item>
    );
  };
  return (
    <Panel
      titleId="area-browser"
      title={t("neighbourhood.browser.title")}
      padding="lg"
      mb={0}
      actions={
        canImport ? (
          <Anchor component={Link} to="/admin/areas/import" underline="always">
            {t("neighbourhood.browser.import")}
          </Anchor>
        ) : null
      }
    >
      <Text size="sm" c="dimmed" mb="sm">
        {t("neighbourhood.browser.intro", { count: areas.length })}
      </Text>
      <Stack gap={4}>
        {tops.map((top) => (
          <details key={top.id}>
            <summary>
              <Text span fw={600}>
                {localName(top, lang)}
              </Text>{" "}
              <Text span size="sm" c="dimmed">
                ({t(`areaLevels.${top.level}`)} {top.code})
              </Text>
            </summary>
            <List size="sm" withPadding mt={4} mb="sm">
              <List.Item>
                <Anchor component={Link} to={`/areas/${top.id}`} underline="always">
                  {t("neighbourhood.browser.openArea", { name: localName(top, lang) })}
                </Anchor>
              </List.Item>
              {childrenOf(top.id).map(branch)}
            </List>
          </details>
        ))}
      </Stack>
    </Panel>
  );
}

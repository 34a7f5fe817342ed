// The public list of residents' safety plans: every published (and archived) plan, newest first,
// found by words and by area. Anonymous visitors reach it from the menu; it shows nobody's drafts.
import { Anchor, Button, Group, NativeSelect, Stack, Text, TextInput, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PublishedPlansQuerySchema } from "~/forms/neighbourhood";
import { localName } from "~/i18n/names";
import { pageTitle } from "~/i18n/page-title";
import { listAllAreas } from "~/server/city/areas.server";
import { getViewer } from "~/server/people/guard.server";
import { listPublishedPlans } from "~/server/neighbourhood/neighbourhood.server";
import { PlanList } from "~/ui/neighbourhood/parts";
import { Pager } from "~/ui/Pager";
import { Panel } from "~/ui/Panel";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "publicSite.plans.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const query = PublishedPlansQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  // Former areas stay choosable only when a link asks for one (their plans remain public).
  const areas = listAllAreas()
    .filter((a) => !a.former || a.id === query.area)
    .map((a) => ({ id: a.id, level: a.level, code: a.code, nameFi: a.nameFi, nameSv: a.nameSv }));
  return json({
    query,
    areas,
    result: listPublishedPlans({ q: query.q, areaId: query.area, page: query.page }),
    showRegister: !viewer,
  });
}

export default function PublishedPlansPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { query, areas, result, showRegister } = useLoaderData<typeof loader>();
  const filtered = Boolean(query.q || query.area);
  return (
    <Stack gap="lg" maw={900}>
      {/* "turvallisuussuunnitelmat" alone is wider than a phone: the word may break. */}
      <Title order={1} style={{ overflowWrap: "anywhere", hyphens: "auto" }}>
        {t("publicSite.plans.title")}
      </Title>
      <Text>{t("publicSite.plans.intro")}</Text>
      {/* A plain GET form: the search works without JavaScript and its result has an address. */}
      <Panel titleId="plan-search" title={t("publicSite.plans.filters")} size="h4">
        <Form method="get">
          <Stack gap="sm">
            <TextInput
              name="q"
              type="search"
              label={t("publicSite.plans.search")}
              description={t("publicSite.plans.searchHelp")}
              defaultValue={query.q ?? ""}
              maxLength={200}
            />
            <NativeSelect
              name="area"
              label={t("publicSite.plans.area")}
              description={t("publicSite.plans.areaHelp")}
              defaultValue={query.area ? String(query.area) : ""}
              data={[
                { value: "", label: t("publicSite.plans.allAreas") },
                ...areas.map((a) => ({
                  value: String(a.id),
                  label: `${localName(a, lang)} (${t(`areaLevels.${a.level}`)} ${a.code})`,
                })),
              ]}
            />
            <Group>
              <Button type="submit">{t("publicSite.plans.submit")}</Button>
              {filtered ? (
                <Anchor component={Link} to="/neighbourhood-plans" underline="always">
                  {t("publicSite.plans.clear")}
                </Anchor>
              ) : null}
            </Group>
          </Stack>
        </Form>
      </Panel>
      <Panel titleId="plan-results" title={t("publicSite.plans.results")} plain>
        <PlanList plans={result.rows} empty={t("publicSite.plans.none")} />
        <Pager page={result.page} pageCount={result.pageCount} total={result.total} />
      </Panel>
      {showRegister ? (
        <Text>
          <Anchor component={Link} to="/register" underline="always">
            {t("publicSite.plans.startOwn")}
          </Anchor>
        </Text>
      ) : null}
    </Stack>
  );
}

// A district network's workspace: residents' plans waiting for its feedback, the other plans of
// its areas, the city measures aimed at its areas with the network's local follow-up notes, and
// its members. For the network's members and coordinators.
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Anchor, Badge, Group, List, Paper, Stack, Text, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NetworkNoteSchema } from "~/forms/neighbourhood";
import { detectLanguage } from "~/i18n/i18n.server";
import { localField, localName } from "~/i18n/names";
import { listGroupAreas, listGroupMembers } from "~/server/people/directory.server";
import { badRequest, forbidden, idParam, notFound, requireViewer } from "~/server/people/guard.server";
import { pageParam } from "~/server/platform/paging";
import { addNetworkNote, getNetwork, listNetworkNotes, networkPlans } from "~/server/neighbourhood/neighbourhood.server";
import { listMeasures, measureMatchesFilter } from "~/server/city/measures.server";
import { can } from "~/server/people/permissions.server";
import { currentPlan } from "~/server/city/plans.server";
import { Pager } from "~/ui/Pager";
import { LangText } from "~/ui/LocalText";
import type { Viewer } from "~/server/people/viewer.server";
import { FieldTextarea, useZodForm, IntentForm, SubmitRow } from "~/ui/forms";
import { useFormat } from "~/ui/format";
import { GroupMembers } from "~/ui/GroupMembers";
import { StatusBadge } from "~/ui/measures/badges";
import { PlanList } from "~/ui/neighbourhood/parts";
import { languageOf, pageTitle } from "~/i18n/page-title";
import { Panel } from "~/ui/Panel";
import { Notice } from "~/ui/Notice";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "titles.network", { name: data ? localName(data.group, languageOf(matches)) : null });

async function requireNetwork(request: Request, context: Parameters<typeof requireViewer>[1], param: string | undefined) {
  const viewer = await requireViewer(request, context);
  const group = getNetwork(idParam(param));
  if (!group) notFound();
  if (!can(viewer, { kind: "network.view", groupId: group.id })) forbidden();
  return { viewer, group };
}

/** The network's view of the city plan: its measures aimed at any of the network's areas (or above or below them). */
function networkMeasureFilter(viewer: Viewer, areaIds: number[]) {
  const publicOnly = !can(viewer, { kind: "measure.viewAll" });
  const cityPlan = currentPlan({ publicOnly });
  return { filter: cityPlan ? { planId: cityPlan.id, areaIds } : null, publicOnly };
}

/** Measures of the network's areas shown a page at a time: a district has hundreds at city scale. */
const NETWORK_MEASURE_PAGE_SIZE = 20;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { viewer, group } = await requireNetwork(request, context, params.groupId);
  const areas = listGroupAreas(group.id);
  const lang = await detectLanguage(request);
  const notes = listNetworkNotes(group.id);
  const { filter, publicOnly } = networkMeasureFilter(
    viewer,
    areas.map((a) => a.id),
  );
  const measurePage = filter
    ? listMeasures({ ...filter, page: pageParam(request.url, "measuresPage"), pageSize: NETWORK_MEASURE_PAGE_SIZE }, { publicOnly })
    : null;
  return json({
    group,
    areas,
    members: listGroupMembers(group.id),
    plans: networkPlans(group.id, { page: pageParam(request.url, "plansPage") }),
    measures: (measurePage?.rows ?? []).map((m) => ({
      id: m.id,
      code: m.code,
      title: localField(m, "title", lang),
      status: m.status,
      notes: notes.filter((n) => n.measureId === m.id),
    })),
    measurePaging: measurePage ? { page: measurePage.page, pageCount: measurePage.pageCount, total: measurePage.total } : null,
    canNote: can(viewer, { kind: "network.note", groupId: group.id }),
  });
}

type Reply = { formKey: string; result: SubmissionResult<string[]> };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { viewer, group } = await requireNetwork(request, context, params.groupId);
  if (!can(viewer, { kind: "network.note", groupId: group.id })) forbidden();
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: NetworkNoteSchema });
  if (submission.status !== "success")
    return json<Reply>({ formKey: `note-${String(formData.get("measureId") ?? "")}`, result: submission.reply() }, { status: 400 });
  const { measureId, body } = submission.value;
  // Notes are for the measures aimed at the network's own areas.
  const { filter, publicOnly } = networkMeasureFilter(
    viewer,
    listGroupAreas(group.id).map((a) => a.id),
  );
  const allowed = !!filter && measureMatchesFilter(measureId, filter, { publicOnly });
  if (!allowed || !addNetworkNote(viewer, group.id, measureId, body)) badRequest();
  // Back to the page of the list the note was written on (Remix posts to the current URL).
  const back = new URLSearchParams({ done: "note" });
  const measuresPage = new URL(request.url).searchParams.get("measuresPage");
  if (measuresPage && /^\d+$/.test(measuresPage)) back.set("measuresPage", measuresPage);
  return redirect(`/networks/${group.id}?${back.toString()}#measure-${measureId}`);
}

export default function NetworkPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fmt = useFormat();
  const { group, areas, members, plans, measures, measurePaging, canNote } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to="/areas" size="sm">
          ← {t("areas.title")}
        </Anchor>
        <Title order={1}>{localName(group, lang)}</Title>
        {group.descriptionFi ? <Text maw={760}>{group.descriptionFi}</Text> : null}
        <Group gap="xs">
          <Text size="sm">{t("workspace.coversAreas")}</Text>
          {areas.map((a) => (
            <Anchor key={a.id} component={Link} to={`/areas/${a.id}`} size="sm" underline="always">
              {localName(a, lang)}
            </Anchor>
          ))}
        </Group>
      </Stack>
      <Notice message={params.get("done") === "note" ? t("neighbourhood.network.noteSaved") : null} />

      <Panel titleId="network-waiting" title={t("neighbourhood.network.waitingTitle")} padding="lg">
        <PlanList plans={plans.waiting} empty={t("neighbourhood.network.noneWaiting")} />
      </Panel>

      <Panel titleId="network-plans" title={t("neighbourhood.network.otherPlans")} padding="lg">
        <PlanList plans={plans.others.rows} empty={t("neighbourhood.network.noOtherPlans")} />
        {plans.others.total ? (
          <Pager page={plans.others.page} pageCount={plans.others.pageCount} total={plans.others.total} param="plansPage" />
        ) : null}
      </Panel>

      <Panel titleId="network-measures" title={t("neighbourhood.network.measuresTitle")} mb={0} plain>
        <Text size="sm" c="dimmed" mb="sm">
          {t("neighbourhood.network.measuresIntro")}
        </Text>
        {measures.length === 0 ? <Text>{t("neighbourhood.network.noMeasures")}</Text> : null}
        <Stack gap="sm">
          {measures.map((m) => (
            <Paper key={m.id} withBorder p="md" component="article" id={`measure-${m.id}`} aria-labelledby={`measure-${m.id}-title`}>
              <Group gap="xs" mb={4}>
                <Title order={3} size="h5" id={`measure-${m.id}-title`}>
                  <Anchor component={Link} to={`/measures/${m.id}`} underline="always">
                    {m.code} <LangText value={m.title} />
                  </Anchor>
                </Title>
                <StatusBadge status={m.status} />
                {m.notes.length ? (
                  <Badge variant="outline" color="dark">
                    {t("neighbourhood.network.noteCount", { count: m.notes.length })}
                  </Badge>
                ) : null}
              </Group>
              {m.notes.length ? (
                <List size="sm" spacing={4}>
                  {m.notes.map((n) => (
                    <List.Item key={n.id}>
                      <Text size="sm" style={{ whiteSpace: "pre-line" }}>
                        {n.body}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {n.authorName ?? "–"}, {fmt.date(n.createdAt)}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              ) : (
                <Text size="sm" c="dimmed">
                  {t("neighbourhood.network.noNotes")}
                </Text>
              )}
              {canNote ? <NoteForm measureId={m.id} code={m.code} /> : null}
            </Paper>
          ))}
        </Stack>
        {measurePaging && measurePaging.total ? (
          <Pager page={measurePaging.page} pageCount={measurePaging.pageCount} total={measurePaging.total} param="measuresPage" />
        ) : null}
      </Panel>

      <Panel titleId="network-members" title={t("workspace.members", { count: members.length })} padding="lg">
        <GroupMembers members={members} caption={t("workspace.members", { count: members.length })} />
      </Panel>
    </Stack>
  );
}

function NoteForm({ measureId, code }: { measureId: number; code: string }) {
  const { t } = useTranslation();
  const actionData = useActionData<Reply>();
  const key = `note-${measureId}`;
  const [form, fields] = useZodForm(NetworkNoteSchema, {
    id: key,
    lastResult: actionData?.formKey === key ? actionData.result : undefined,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
  });
  return (
    <details open={actionData?.formKey === key ? true : undefined} style={{ marginTop: 8 }}>
      <summary>
        <Text span size="sm">
          {t("neighbourhood.network.addNote")}
        </Text>
      </summary>
      <IntentForm intent="note" values={{ measureId: measureId }} {...getFormProps(form)}>
        <Stack gap="xs" mt="xs" maw={640}>
          <FieldTextarea field={fields.body} label={t("neighbourhood.network.noteLabel", { code })} minRows={2} />
          <SubmitRow label={t("neighbourhood.network.saveNote")} size="xs" variant="light" />
        </Stack>
      </IntentForm>
    </details>
  );
}

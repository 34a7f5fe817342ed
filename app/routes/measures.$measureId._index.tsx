import { Anchor, Badge, Button, Group, List, Progress, SimpleGrid, Stack, Table, Text, Timeline, Title } from "@mantine/core";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DecisionSchema } from "~/forms/measures";
import { localName } from "~/i18n/names";
import { authorize, badRequest, getViewer, idParam, notFound } from "~/server/people/guard.server";
import { pageParam } from "~/server/platform/paging";
import { decideMeasure, getMeasure, getMeasureAccessInfo, listFollowUpRevisions, measureForPage } from "~/server/city/measures.server";
import { actionsForMeasure } from "~/server/neighbourhood/neighbourhood.server";
import { can } from "~/server/people/permissions.server";
import { historyPage } from "~/server/city/measure-views.server";
import { linkedRecords } from "~/server/workspaces/workspaces.server";
import { useFormat } from "~/ui/format";
import { MeasureFlags, StatusBadge } from "~/ui/measures/badges";
import { Pager } from "~/ui/Pager";
import { LocalText } from "~/ui/LocalText";
import { LinkedRecords } from "~/ui/workspaces/LinkedRecords";
import { situationOfMeasure } from "~/server/situations/situations.server";
import { NeighbourhoodActions } from "~/ui/neighbourhood/MeasureActions";
import { linkedObservations, observationsForMeasure } from "~/server/observations/observations.server";
import { LinkedObservations } from "~/ui/observations/parts";
import { pageTitle } from "~/i18n/page-title";
import { clock } from "~/server/platform/clock";
import { Panel } from "~/ui/Panel";
import { Notice } from "~/ui/Notice";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, "titles.measure", { name: data ? `${data.measure.measure.code} ${data.measure.measure.title}` : null });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const id = idParam(params.measureId);
  const publicOnly = !can(viewer, { kind: "measure.viewAll" });
  const measure = getMeasure(id, { publicOnly });
  // A measure the viewer may not see is as missing as one that does not exist.
  if (!measure) notFound();
  const ownership = { ownerOrganisationId: measure.measure.ownerOrganisationId, responsibleUserId: measure.measure.responsibleUserId };
  const history = historyPage(
    measure.followUps,
    can(viewer, { kind: "measure.viewHistory" }) ? listFollowUpRevisions(id) : [],
    pageParam(request.url, "historyPage"),
  );
  return json({
    // The cached measure is shared: a copy carries this page of its history.
    // Only what the page shows: no e-mail address or person id (measureForPage).
    // The public does not see "not updated", nor why.
    measure: measureForPage({ ...measure, followUps: history.entries, staleReason: publicOnly ? null : measure.staleReason }),
    history: { page: history.page, pageCount: history.pageCount, total: history.total },
    // When the flags were computed: a printed page says so.
    asOf: clock.now().getTime(),
    publicOnly,
    canEdit: can(viewer, { kind: "measure.edit", measure: ownership }),
    canFollowUp: measure.measure.status !== "proposed" && can(viewer, { kind: "measure.followUp", measure: ownership }),
    canDecide: measure.measure.status === "proposed" && can(viewer, { kind: "measure.decide" }),
    revisions: history.revisions,
    // The other half of the two-way link: residents' plan actions that carry this measure locally.
    planActions: actionsForMeasure(id, viewer),
    // Decisions and documents of the workspaces about this measure (documents only if readable).
    workspaceRecords: linkedRecords(viewer, "measure", id),
    // A proposal a situation's after-action summary made: the link back, for those who may read it.
    fromSituation: situationOfMeasure(viewer, id),
    // Residents' published map observations that the handlers linked to this measure.
    ...linkedObservations(observationsForMeasure(id)),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "measure.decide" });
  const id = idParam(params.measureId);
  if (!getMeasureAccessInfo(id)) notFound();
  const parsed = DecisionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) badRequest();
  const result = decideMeasure(viewer, id, parsed.data.version, parsed.data.intent === "approve" ? "approved" : "discontinued");
  if (!result.ok) return json({ error: `measures.decision.${result.reason}` }, { status: result.reason === "notFound" ? 404 : 409 });
  return json({ error: null });
}

export default function MeasurePage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const lang = i18n.language;
  const {
    measure: data,
    history,
    publicOnly,
    canEdit,
    canFollowUp,
    canDecide,
    revisions,
    planActions,
    workspaceRecords,
    asOf,
    fromSituation,
    observations,
    observationCategories,
  } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const m = data.measure;
  const saved = params.get("saved");

  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Anchor component={Link} to={`/measures?plan=${data.plan.id}`} size="sm">
          ← {t("measures.backToList")} ({localName(data.plan, lang)})
        </Anchor>
        <Title order={1}>
          {m.code} <LocalText record={m} field="title" />
        </Title>
        <Text className="print-only" size="sm">
          {t("measures.asOf", { time: fmt.dateTime(asOf) })}
        </Text>
        <Group gap="xs">
          <StatusBadge status={m.status} />
          <MeasureFlags flags={data} publicOnly={publicOnly} />
          {!m.published && !publicOnly ? (
            <Badge variant="outline" color="dark">
              {t("measures.notPublished")}
            </Badge>
          ) : null}
        </Group>
      </Stack>
      <Notice message={saved ? t(`measures.saved.${saved === "followUp" ? "followUp" : saved === "entry" ? "entry" : "measure"}`) : null} />
      <Notice tone="error" message={actionData?.error ? t(actionData.error) : null} />
      <Group gap="sm">
        {canFollowUp ? (
          <Button component={Link} to={`/measures/${m.id}/follow-up`}>
            {t("measures.reportProgress")}
          </Button>
        ) : null}
        {canEdit ? (
          <Button component={Link} to={`/measures/${m.id}/edit`} variant="light">
            {t("common.edit")}
          </Button>
        ) : null}
        {canDecide ? (
          <Form method="post">
            <input type="hidden" name="version" value={m.version} />
            <Group gap="xs">
              <Button type="submit" name="intent" value="approve" color="green">
                {t("measures.approve")}
              </Button>
              <Button type="submit" name="intent" value="discontinue" color="red" variant="outline">
                {t("measures.reject")}
              </Button>
            </Group>
          </Form>
        ) : null}
      </Group>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Panel titleId="measure-basics" title={t("measures.basics")} size="h4">
          <Table variant="vertical" withRowBorders={false}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={180}>{t("measures.priorityArea")}</Table.Th>
                <Table.Td>{data.priorityArea ? `${data.priorityArea.code} ${localName(data.priorityArea, lang)}` : "–"}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t("measures.owner")}</Table.Th>
                <Table.Td>{localName(data.owner, lang)}</Table.Td>
              </Table.Tr>
              {!publicOnly ? (
                <Table.Tr>
                  <Table.Th>{t("measures.responsible")}</Table.Th>
                  <Table.Td>
                    {data.responsible ? `${data.responsible.name}${data.responsible.title ? `, ${data.responsible.title}` : ""}` : "–"}
                  </Table.Td>
                </Table.Tr>
              ) : null}
              <Table.Tr>
                <Table.Th>{t("measures.partners")}</Table.Th>
                <Table.Td>{data.partners.length ? data.partners.map((p) => localName(p, lang)).join(", ") : "–"}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t("measures.schedule")}</Table.Th>
                <Table.Td>
                  {fmt.date(m.startDate)} – {m.continuous ? t("measures.continuous") : fmt.date(m.endDate)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t("measures.targetAreas")}</Table.Th>
                <Table.Td>{m.cityWide ? t("measures.cityWide") : data.targetAreas.map((a) => localName(a, lang)).join(", ")}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t("measures.goals")}</Table.Th>
                <Table.Td>{data.goals.length ? data.goals.map((g) => `${g.code} ${localName(g, lang)}`).join("; ") : "–"}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t("measures.budget")}</Table.Th>
                <Table.Td>
                  {m.budgetEur != null ? fmt.number(m.budgetEur, { style: "currency", currency: "EUR", maximumFractionDigits: 0 }) : "–"}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t("measures.progress")}</Table.Th>
                <Table.Td>
                  <Progress value={m.progress} aria-hidden size="sm" mb={4} />
                  {fmt.number(m.progress)} %
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Panel>
        <Stack gap="lg">
          <Panel titleId="measure-description" title={t("measures.description")} size="h4">
            <Text style={{ whiteSpace: "pre-line" }}>{m.description ? <LocalText record={m} field="description" /> : "–"}</Text>
          </Panel>
          {data.costShares.length ? (
            <Panel titleId="measure-costs" title={t("measures.costShares")} size="h4">
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("admin.organisation")}</Table.Th>
                    <Table.Th ta="right">{t("measures.share")}</Table.Th>
                    {m.budgetEur != null ? <Table.Th ta="right">{t("measures.amount")}</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.costShares.map((s) => (
                    <Table.Tr key={s.organisationId}>
                      <Table.Td>{localName(s, lang)}</Table.Td>
                      <Table.Td ta="right">{fmt.number(s.percent)} %</Table.Td>
                      {m.budgetEur != null ? (
                        <Table.Td ta="right">
                          {fmt.number((m.budgetEur * s.percent) / 100, { style: "currency", currency: "EUR", maximumFractionDigits: 0 })}
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Panel>
          ) : null}
          {data.tasks.length ? (
            <Panel titleId="measure-tasks" title={t("measures.tasks")} size="h4">
              <List spacing={4}>
                {data.tasks.map((task) => (
                  <List.Item key={task.id}>
                    <Text span td={task.state === "cancelled" ? "line-through" : undefined}>
                      <LocalText record={task} field="title" />
                    </Text>{" "}
                    <Text span size="sm" c="dimmed">
                      ({t(`measures.taskState.${task.state}`)}
                      {task.dueDate ? `, ${t("measures.due")} ${fmt.date(task.dueDate)}` : ""})
                    </Text>
                  </List.Item>
                ))}
              </List>
            </Panel>
          ) : null}
        </Stack>
      </SimpleGrid>

      {fromSituation ? (
        <Text>
          <Anchor component={Link} to={`/situations/${fromSituation.id}`}>
            {t("situations.close.fromSituation", { title: fromSituation.title })}
          </Anchor>
        </Text>
      ) : null}
      <LinkedRecords records={workspaceRecords} />

      <Panel titleId="measure-history" title={t("measures.history")} mb="md" plain>
        {data.followUps.length === 0 ? <Text>{t("measures.noFollowUps")}</Text> : null}
        <Timeline bulletSize={14} lineWidth={2} active={0}>
          {data.followUps.map((f) => {
            const earlier = revisions.filter((r) => r.followUpId === f.id);
            return (
              <Timeline.Item
                key={f.id}
                title={
                  <Text fw={600} component="h3" size="md">
                    {fmt.date(f.reportedAt)} · {t(`measures.status.${f.status}`)} · {fmt.number(f.progress)} %
                  </Text>
                }
              >
                {f.reporterName ? (
                  <Text size="sm" c="dimmed">
                    {t("measures.reportedBy", { name: f.reporterName })}
                    {f.editedAt ? ` · ${t("measures.editedAt", { date: fmt.dateTime(f.editedAt) })}` : ""}
                  </Text>
                ) : null}
                {publicOnly ? (
                  <Text mt={4}>
                    <LocalText record={f} field="publicText" />
                  </Text>
                ) : (
                  <Stack gap={2} mt={4}>
                    <Text size="sm">
                      <strong>{t("measures.fields.done")}:</strong> {f.done}
                    </Text>
                    {f.next ? (
                      <Text size="sm">
                        <strong>{t("measures.fields.next")}:</strong> {f.next}
                      </Text>
                    ) : null}
                    {f.obstacles ? (
                      <Text size="sm">
                        <strong>{t("measures.fields.obstacles")}:</strong> {f.obstacles}
                      </Text>
                    ) : null}
                    {f.publicText ? (
                      <Text size="sm">
                        <strong>{t("measures.fields.publicText")}:</strong> <LocalText record={f} field="publicText" />
                      </Text>
                    ) : null}
                    {canFollowUp ? (
                      <Anchor component={Link} to={`/measures/${m.id}/entries/${f.id}`} size="sm">
                        {t("measures.correctEntry")}
                      </Anchor>
                    ) : null}
                    {earlier.length ? (
                      <details>
                        <summary>{t("measures.earlierVersions", { count: earlier.length })}</summary>
                        {earlier.map((r) => (
                          <Text key={r.id} size="sm" mt={4}>
                            {t("measures.versionReplaced", {
                              revision: r.revision,
                              date: fmt.dateTime(r.replacedAt),
                              name: r.editorName ?? "–",
                            })}
                            : {r.done}
                            {r.next ? ` / ${r.next}` : ""}
                            {r.obstacles ? ` / ${r.obstacles}` : ""}
                          </Text>
                        ))}
                      </details>
                    ) : null}
                  </Stack>
                )}
              </Timeline.Item>
            );
          })}
        </Timeline>
        {history.total ? <Pager page={history.page} pageCount={history.pageCount} total={history.total} param="historyPage" /> : null}
      </Panel>

      <NeighbourhoodActions actions={planActions} />
      <LinkedObservations items={observations} categories={observationCategories} title={t("observations.measure.title")} />
    </Stack>
  );
}

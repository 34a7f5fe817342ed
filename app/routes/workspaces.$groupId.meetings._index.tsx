import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Anchor, Badge, Group, Stack, Table, Text, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MeetingSchema } from "~/forms/workspaces";
import { helsinkiParts, helsinkiToDate } from "~/server/platform/helsinki-time";
import { createMeeting, listMeetings } from "~/server/workspaces/meetings.server";
import { requireWorkspace } from "~/server/workspaces/workspace-guards.server";
import { FormErrors, useZodForm, SubmitRow } from "~/ui/forms";
import { MeetingFields } from "~/ui/workspaces/MeetingFields";
import { useFormat } from "~/ui/format";
import { clock } from "~/server/platform/clock";
import { workspacePageTitle } from "~/i18n/page-title";
import { DataTable } from "~/ui/TableParts";
import { Panel } from "~/ui/Panel";

export const meta: MetaFunction = ({ matches }) => workspacePageTitle(matches, "titles.meetings");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { viewer, groupId, canManage } = await requireWorkspace(request, context, params.groupId);
  const now = clock.now();
  return json({
    groupId,
    canManage,
    upcoming: listMeetings(viewer, groupId, { when: "upcoming", now }),
    past: listMeetings(viewer, groupId, { when: "past", now }),
    // A week from today at 13:00 is a sensible default for a new meeting.
    defaultDate: helsinkiParts(new Date(now.getTime() + 7 * 86400000)).date,
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { viewer, groupId } = await requireWorkspace(request, context, params.groupId, "manage");
  const submission = parseWithZod(await request.formData(), { schema: MeetingSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const v = submission.value;
  const result = createMeeting(viewer, groupId, {
    title: v.title,
    startsAt: helsinkiToDate(v.date, v.start),
    endsAt: helsinkiToDate(v.date, v.end),
    place: v.place,
    onlineUrl: v.onlineUrl ?? null,
  });
  return redirect(`/workspaces/${groupId}/meetings/${result.id}?done=created`);
}

type Row = ReturnType<typeof listMeetings>[number];

function MeetingTable({
  rows,
  groupId,
  caption,
}: {
  rows: (Omit<Row, "startsAt" | "endsAt"> & { startsAt: string; endsAt: string })[];
  groupId: number;
  caption: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (!rows.length) return <Text size="sm">{t("workspaces.meetings.none")}</Text>;
  return (
    <DataTable
      caption={caption}
      minWidth={640}
      columns={[
        t("workspaces.meetings.fields.title"),
        t("workspaces.meetings.when"),
        t("workspaces.meetings.where"),
        t("workspaces.meetings.fields.status"),
      ]}
    >
      {rows.map((m) => (
        <Table.Tr key={m.id}>
          <Table.Td>
            <Anchor component={Link} to={`/workspaces/${groupId}/meetings/${m.id}`}>
              {m.title}
            </Anchor>
          </Table.Td>
          <Table.Td>{fmt.dateTime(m.startsAt)}</Table.Td>
          <Table.Td>{m.place || (m.onlineUrl ? t("workspaces.meetings.online") : "–")}</Table.Td>
          <Table.Td>
            <Group gap={4}>
              <Badge variant="light" color={m.status === "cancelled" ? "red" : m.status === "held" ? "green" : "city"}>
                {t(`workspaces.meetings.status.${m.status}`)}
              </Badge>
              {m.status !== "planned" || m.minutesStatus === "approved" ? (
                <Badge variant="outline" color={m.minutesStatus === "approved" ? "green" : "dark"}>
                  {t(`workspaces.meetings.minutesStatus.${m.minutesStatus}`)}
                </Badge>
              ) : null}
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
    </DataTable>
  );
}

export default function MeetingsPage() {
  const { t } = useTranslation();
  const { groupId, canManage, upcoming, past, defaultDate } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(MeetingSchema, {
    id: "new-meeting",
    lastResult: actionData?.result,
    defaultValue: { date: defaultDate, start: "13:00", end: "15:00" },
  });
  return (
    <Stack gap="lg">
      <Title order={2} size="h3">
        {t("workspaces.meetings.title")}
      </Title>
      <Panel titleId="meetings-upcoming" title={t("workspaces.meetings.upcoming")} order={3} mb="xs" plain>
        <MeetingTable rows={upcoming} groupId={groupId} caption={t("workspaces.meetings.upcoming")} />
      </Panel>
      {canManage ? (
        <Panel titleId="meeting-new" title={t("workspaces.meetings.new")} order={3}>
          <Form method="post" {...getFormProps(form)}>
            <Stack maw={720}>
              <FormErrors errors={form.errors} />
              <MeetingFields fields={fields} />
              <SubmitRow label={t("workspaces.meetings.new")} busy={navigation.state === "submitting"} />
            </Stack>
          </Form>
        </Panel>
      ) : null}
      <Panel titleId="meetings-past" title={t("workspaces.meetings.past")} order={3} mb="xs" plain>
        <MeetingTable rows={past} groupId={groupId} caption={t("workspaces.meetings.past")} />
      </Panel>
    </Stack>
  );
}

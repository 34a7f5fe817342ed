import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Anchor, Stack, Table, Text, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ThreadSchema } from "~/forms/workspaces";
import { createThread, listThreads } from "~/server/workspaces/threads.server";
import { requireWorkspace } from "~/server/workspaces/workspace-guards.server";
import { listCurrentMembers } from "~/server/workspaces/workspace-members.server";
import { FieldTextInput, FormErrors, useZodForm, SubmitRow } from "~/ui/forms";
import { useFormat } from "~/ui/format";
import { MessageBodyFields } from "~/ui/workspaces/MessageBodyFields";
import { workspacePageTitle } from "~/i18n/page-title";
import { DataTable } from "~/ui/TableParts";
import { Panel } from "~/ui/Panel";

export const meta: MetaFunction = ({ matches }) => workspacePageTitle(matches, "titles.threads");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { viewer, groupId } = await requireWorkspace(request, context, params.groupId);
  return json({ groupId, threads: listThreads(groupId), members: listCurrentMembers(groupId).filter((m) => m.id !== viewer.id) });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { viewer, groupId } = await requireWorkspace(request, context, params.groupId);
  const submission = parseWithZod(await request.formData(), { schema: ThreadSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const created = createThread(viewer, groupId, submission.value);
  return redirect(`/workspaces/${groupId}/threads/${created.id}?mentioned=${created.mentioned.filter((id) => id !== viewer.id).length}`);
}

export default function ThreadsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { groupId, threads, members } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(ThreadSchema, {
    id: "new-thread",
    lastResult: actionData?.result,
  });
  return (
    <Stack gap="lg">
      <Title order={2} size="h3">
        {t("workspaces.threads.title")}
      </Title>
      {threads.length === 0 ? (
        <Text>{t("workspaces.threads.none")}</Text>
      ) : (
        <DataTable
          caption={t("workspaces.threads.title")}
          minWidth={640}
          columns={[t("workspaces.threads.threadTitle"), t("workspaces.threads.startedBy"), t("workspaces.threads.lastPost")]}
        >
          {threads.map((th) => (
            <Table.Tr key={th.id}>
              <Table.Td>
                <Anchor component={Link} to={`/workspaces/${groupId}/threads/${th.id}`}>
                  {th.title}
                </Anchor>{" "}
                <Text span size="xs" c="dimmed">
                  ({t("workspaces.threads.postCount", { count: th.postCount })})
                </Text>
              </Table.Td>
              <Table.Td>{th.authorName ?? "–"}</Table.Td>
              <Table.Td>{fmt.dateTime(th.lastPostAt)}</Table.Td>
            </Table.Tr>
          ))}
        </DataTable>
      )}
      <Panel titleId="thread-new" title={t("workspaces.threads.new")} order={3}>
        <Form method="post" {...getFormProps(form)}>
          <Stack maw={720}>
            <FormErrors errors={form.errors} />
            <FieldTextInput field={fields.title} label={t("workspaces.threads.threadTitle")} required />
            <MessageBodyFields field={fields.body} members={members} minRows={4} />
            <SubmitRow label={t("workspaces.threads.start")} busy={navigation.state === "submitting"} />
          </Stack>
        </Form>
      </Panel>
    </Stack>
  );
}

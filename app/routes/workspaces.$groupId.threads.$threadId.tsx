import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Anchor, Paper, Stack, Text, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PostSchema } from "~/forms/workspaces";
import { idParam, notFound } from "~/server/people/guard.server";
import { markReadAbout } from "~/server/mail/notifications.server";
import { addPost, getThread } from "~/server/workspaces/threads.server";
import { requireWorkspace } from "~/server/workspaces/workspace-guards.server";
import { listCurrentMembers } from "~/server/workspaces/workspace-members.server";
import { FormErrors, useZodForm, SubmitRow } from "~/ui/forms";
import { useFormat } from "~/ui/format";
import { MessageBodyFields } from "~/ui/workspaces/MessageBodyFields";
import { pageTitle } from "~/i18n/page-title";
import { Panel } from "~/ui/Panel";
import { Notice } from "~/ui/Notice";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => pageTitle(matches, "titles.thread", { name: data?.thread.title });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { viewer, groupId } = await requireWorkspace(request, context, params.groupId);
  const threadId = idParam(params.threadId);
  const data = getThread(groupId, threadId);
  if (!data) notFound();
  // Reading the thread settles the mentions in it.
  markReadAbout(viewer.id, ["mention"], "threadId", threadId);
  return json({ groupId, ...data, members: listCurrentMembers(groupId).filter((m) => m.id !== viewer.id) });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { viewer, groupId } = await requireWorkspace(request, context, params.groupId);
  const threadId = idParam(params.threadId);
  const submission = parseWithZod(await request.formData(), { schema: PostSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const posted = addPost(viewer, groupId, threadId, submission.value);
  if (!posted) notFound();
  return redirect(
    `/workspaces/${groupId}/threads/${threadId}?mentioned=${posted.mentioned.filter((id) => id !== viewer.id).length}#post-${posted.postId}`,
  );
}

/** A discussion: its messages in order, and a reply box with @mentions. */
export default function ThreadPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { groupId, thread, posts, members } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const mentioned = params.get("mentioned");
  const [form, fields] = useZodForm(PostSchema, {
    id: `reply-${posts.length}`,
    lastResult: actionData?.result,
  });
  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/workspaces/${groupId}/threads`} size="sm">
        ← {t("workspaces.threads.title")}
      </Anchor>
      <Title order={2} size="h3">
        {thread.title}
      </Title>
      <Notice
        message={
          mentioned != null
            ? Number(mentioned) > 0
              ? t("workspaces.threads.mentioned", { count: Number(mentioned) })
              : t("workspaces.threads.posted")
            : null
        }
      />
      <Stack gap="sm" component="ol" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {posts.map((p) => (
          <Paper key={p.id} withBorder p="md" component="li" id={`post-${p.id}`}>
            <Text size="sm" c="dimmed">
              <strong>{p.authorName ?? "–"}</strong> · {fmt.dateTime(p.createdAt)}
            </Text>
            <Text mt={4} style={{ whiteSpace: "pre-line" }}>
              {p.body}
            </Text>
          </Paper>
        ))}
      </Stack>
      <Panel titleId="thread-reply" title={t("workspaces.threads.reply")} order={3}>
        <Form method="post" {...getFormProps(form)}>
          <Stack maw={720}>
            <FormErrors errors={form.errors} />
            <MessageBodyFields field={fields.body} members={members} minRows={3} />
            <SubmitRow label={t("workspaces.threads.send")} busy={navigation.state === "submitting"} />
          </Stack>
        </Form>
      </Panel>
    </Stack>
  );
}

import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { authorize } from "~/server/guard.server";
import { groupsForViewer } from "~/server/workspaces.server";
import { GroupWorkspacePage } from "~/ui/GroupWorkspacePage";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "expert.view" });
  return json({ groups: groupsForViewer(viewer, "expert") });
}

export default function ExpertPage() {
  const { t } = useTranslation();
  const { groups } = useLoaderData<typeof loader>();
  return <GroupWorkspacePage title={t("expert.title")} intro={t("expert.intro")} groups={groups} />;
}

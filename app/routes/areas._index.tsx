import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { authorize } from "~/server/guard.server";
import { groupsForViewer } from "~/server/workspaces.server";
import { GroupWorkspacePage } from "~/ui/GroupWorkspacePage";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "areas.view" });
  return json({ groups: groupsForViewer(viewer, "network") });
}

export default function AreasPage() {
  const { t } = useTranslation();
  const { groups } = useLoaderData<typeof loader>();
  return <GroupWorkspacePage title={t("areas.title")} intro={t("areas.intro")} groups={groups} />;
}

import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { authorize } from "~/server/people/guard.server";
import { listMyMeasures } from "~/server/city/measures.server";
import { expertOrganisationIds } from "~/server/people/viewer.server";
import { groupsForViewer } from "~/server/workspaces/workspaces.server";
import { GroupWorkspacePage } from "~/ui/GroupWorkspacePage";
import { MyMeasures } from "~/ui/measures/MyMeasures";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "expert.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "expert.view" });
  return json({ groups: groupsForViewer(viewer, "expert"), myMeasures: listMyMeasures(viewer.id, expertOrganisationIds(viewer)) });
}

/** The expert's workspace: their measures (most urgent first), then the group. */
export default function ExpertPage() {
  const { t } = useTranslation();
  const { groups, myMeasures } = useLoaderData<typeof loader>();
  return (
    <GroupWorkspacePage title={t("expert.title")} intro={t("expert.intro")} groups={groups}>
      <MyMeasures rows={myMeasures} />
    </GroupWorkspacePage>
  );
}

import { Anchor, Stack, Text, Title } from "@mantine/core";
import { json, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getViewer } from "~/server/people/guard.server";
import { can } from "~/server/people/permissions.server";
import { currentPlan } from "~/server/city/plans.server";
import { pageTitle } from "~/i18n/page-title";

/** "/plan" is the address people share for "the city's safety plan": the one in force. */
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "plans.noCurrentTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const plan = currentPlan({ publicOnly: !can(viewer, { kind: "measure.viewAll" }) });
  if (plan) throw redirect(`/plans/${plan.id}`);
  return json({});
}

export default function CurrentPlan() {
  const { t } = useTranslation();
  return (
    <Stack maw={760}>
      <Title order={1}>{t("plans.noCurrentTitle")}</Title>
      <Text>{t("plans.noCurrent")}</Text>
      <Anchor component={Link} to="/plans">
        {t("plans.allPlans")}
      </Anchor>
    </Stack>
  );
}

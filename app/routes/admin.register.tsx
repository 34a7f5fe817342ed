// `/admin/register`: the record of processing activities (GDPR art. 30), generated from the schema's
// annotations, with the latest runs of the retention job.
import { Stack, Table, Text, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { registerByActivity } from "../../db/schema/register";
import { authorize } from "~/server/people/guard.server";
import { latestRetentionRuns } from "~/server/jobs/retention.server";
import { RegisterActivities } from "~/ui/RegisterActivities";
import { useFormat } from "~/ui/format";
import { TableHead } from "~/ui/TableParts";
import { pageTitle } from "~/i18n/page-title";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, ["processingRegister.adminTitle", "admin.title"]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "admin.security" });
  return json({ activities: registerByActivity(), runs: latestRetentionRuns(10) });
}

export default function AdminRegister() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { activities, runs } = useLoaderData<typeof loader>();
  return (
    <Stack>
      <Title order={2}>{t("processingRegister.adminTitle")}</Title>
      <Text maw={860}>{t("processingRegister.adminIntro")}</Text>
      <RegisterActivities activities={activities} withTables headingOrder={3} />
      <Title order={3}>{t("processingRegister.runsTitle")}</Title>
      {runs.length === 0 ? (
        <Text>{t("processingRegister.noRuns")}</Text>
      ) : (
        <Table>
          <caption className="visually-hidden">{t("processingRegister.runsTitle")}</caption>
          <TableHead columns={[t("processingRegister.ranAt"), t("processingRegister.removed")]} />
          <Table.Tbody>
            {runs.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{fmt.dateTime(r.ranAt)}</Table.Td>
                <Table.Td>
                  {Object.entries(r.counts)
                    .filter(([, n]) => n > 0)
                    .map(([k, n]) => `${t(`processingRegister.runKinds.${k}`)} ${n}`)
                    .join(", ") || "0"}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

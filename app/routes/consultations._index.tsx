// Residents' e-consultations: the open and closed ones for everyone, with their state and answering
// time; coordinators also see upcoming ones and start a new one.
import { Anchor, Badge, Button, Group, Stack, Table, Text } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageTitle } from "~/i18n/page-title";
import { listConsultations } from "~/server/consultations/consultations.server";
import { getViewer } from "~/server/people/guard.server";
import { can } from "~/server/people/permissions.server";
import { LocalText } from "~/ui/LocalText";
import { useFormat } from "~/ui/format";
import { ScrollTable } from "~/ui/ScrollTable";
import { PageHeading } from "~/ui/PageHeading";
import { TableHead } from "~/ui/TableParts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "consultations.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const manage = can(viewer, { kind: "consultation.manage" });
  return json({
    consultations: listConsultations({ all: manage }).map(({ resultsPublic: _r, ...c }) => c),
    canCreate: manage,
  });
}

export default function ConsultationsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { consultations, canCreate } = useLoaderData<typeof loader>();
  return (
    <Stack gap="lg">
      <PageHeading title={t("consultations.title")} intro={t("consultations.intro")} />
      {canCreate ? (
        <Group>
          <Button component={Link} to="/consultations/new">
            {t("consultations.newLink")}
          </Button>
        </Group>
      ) : null}
      {consultations.length ? (
        <ScrollTable label={t("consultations.listCaption")} minWidth={560}>
          <Table striped>
            <Table.Caption>{t("consultations.listCaption")}</Table.Caption>
            <TableHead scoped columns={[t("consultations.columnTitle"), t("consultations.columnPeriod"), t("consultations.columnState")]} />
            <Table.Tbody>
              {consultations.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/consultations/${c.id}`}>
                      <LocalText record={{ title: c.titleFi, titleSv: c.titleSv, titleEn: c.titleEn }} field="title" />
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{t("consultations.period", { opens: fmt.dateTime(c.opensAt), closes: fmt.dateTime(c.closesAt) })}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={c.state === "open" ? "city" : "dark"}>
                      {t(`consultations.state.${c.state}`)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : (
        <Text>{t("consultations.none")}</Text>
      )}
    </Stack>
  );
}

// On a city measure's page: the residents' plan actions that support it (the two-way link).
import { Anchor, Table, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localName } from "~/i18n/names";
import { ActionStatusBadge } from "./parts";
import { ScrollTable } from "~/ui/ScrollTable";
import { TableHead } from "~/ui/TableParts";
import { Panel } from "~/ui/Panel";

type Row = {
  id: number;
  text: string;
  carriedBy: string;
  status: string;
  timeline: string;
  plan: { id: number; title: string };
  area: { nameFi: string; nameSv: string | null };
};

export function NeighbourhoodActions({ actions }: { actions: Row[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Panel titleId="measure-plan-actions" title={t("neighbourhood.measureActions.title")} size="h4" mb={0}>
      <Text size="sm" c="dimmed" mb="sm">
        {t("neighbourhood.measureActions.intro")}
      </Text>
      {actions.length ? (
        <ScrollTable minWidth={560} labelledBy="measure-plan-actions">
          <Table striped>
            <Table.Caption>{t("neighbourhood.measureActions.caption")}</Table.Caption>
            <TableHead
              columns={[
                t("neighbourhood.actionTable.action"),
                t("neighbourhood.measureActions.plan"),
                t("neighbourhood.actionTable.carriedBy"),
                t("neighbourhood.actionTable.status"),
              ]}
              scoped
            />
            <Table.Tbody>
              {actions.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    {a.text}
                    {a.timeline ? (
                      <Text size="xs" c="dimmed">
                        {a.timeline}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/neighbourhood-plans/${a.plan.id}`} underline="always">
                      {a.plan.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {localName(a.area, i18n.language)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`neighbourhood.carriedBy.${a.carriedBy}`)}</Table.Td>
                  <Table.Td>
                    <ActionStatusBadge status={a.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : (
        <Text size="sm">{t("neighbourhood.measureActions.none")}</Text>
      )}
    </Panel>
  );
}

import { Anchor, Button, Group, Table, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { MeasureStatus } from "../../../db/schema";
import { localName } from "~/i18n/names";
import { useFormat } from "~/ui/format";
import { MeasureFlags, StatusBadge } from "./badges";
import { TableHead } from "~/ui/TableParts";
import { LocalText } from "~/ui/LocalText";
import type { LateReason, StaleReason } from "~/server/city/measure-rules";
import { ScrollTable } from "~/ui/ScrollTable";
import { Panel } from "~/ui/Panel";

type Row = {
  id: number;
  code: string;
  title: string;
  status: MeasureStatus;
  progress: number;
  nextDeadline: string | null;
  lastFollowUpAt: string | null;
  ownerNameFi: string;
  ownerNameSv: string | null;
  ownerNameEn: string | null;
  isResponsible: boolean;
  late: boolean;
  stale: boolean;
  dueSoon: boolean;
  lateReason?: LateReason | null;
  staleReason?: StaleReason | null;
};

/** "Omat toimenpiteet": urgent first, one click to report. */
export function MyMeasures({ rows }: { rows: Row[] }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const counts = {
    late: rows.filter((r) => r.late).length,
    stale: rows.filter((r) => r.stale).length,
    dueSoon: rows.filter((r) => r.dueSoon && !r.late).length,
  };
  return (
    <Panel titleId="my-measures" title={t("measures.my.title")} mb={0} padding="lg">
      <Text mt={4} data-testid="my-measures-summary">
        {t("measures.my.summary", { total: rows.length, late: counts.late, stale: counts.stale, dueSoon: counts.dueSoon })}
      </Text>
      {rows.length === 0 ? (
        <Text mt="sm">{t("measures.my.none")}</Text>
      ) : (
        <ScrollTable minWidth={760} mt="sm" label={t("measures.my.title")}>
          <Table striped>
            <TableHead
              columns={[t("measures.title"), t("measures.statusLabel"), t("measures.my.nextDeadline"), t("measures.lastFollowUp")]}
              actions
            />
            <Table.Tbody>
              {rows.map((m) => (
                <Table.Tr key={m.id} data-testid={`my-measure-${m.code}`}>
                  <Table.Td>
                    <Anchor component={Link} to={`/measures/${m.id}`}>
                      {m.code} <LocalText record={m} field="title" />
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {localName({ nameFi: m.ownerNameFi, nameSv: m.ownerNameSv, nameEn: m.ownerNameEn }, i18n.language)}
                      {m.isResponsible ? ` · ${t("measures.my.youAreResponsible")}` : ""}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <StatusBadge status={m.status} />
                      <MeasureFlags flags={m} />
                    </Group>
                  </Table.Td>
                  <Table.Td>{fmt.date(m.nextDeadline)}</Table.Td>
                  <Table.Td>{fmt.date(m.lastFollowUpAt)}</Table.Td>
                  <Table.Td>
                    {m.status !== "proposed" ? (
                      <Button
                        component={Link}
                        to={`/measures/${m.id}/follow-up`}
                        size="xs"
                        aria-label={t("measures.my.reportOn", { code: m.code })}
                      >
                        {t("measures.my.report")}
                      </Button>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Panel>
  );
}

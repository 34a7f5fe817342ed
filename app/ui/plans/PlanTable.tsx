// The list of safety plans as a table: the public list and the coordinators' list show the same
// rows (name, period, status, measure count); the coordinators' rows add a link to the public page.
import { Anchor, Group, Table } from "@mantine/core";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localName } from "~/i18n/names";
import { useFormat } from "~/ui/format";
import { PlanStatusBadge, UnpublishedBadge } from "~/ui/plans/PlanStatusBadge";
import { TableHead } from "~/ui/TableParts";
import type { PlanStatus } from "../../../db/schema";

type PlanRow = {
  id: number;
  nameFi: string;
  nameSv: string | null;
  nameEn: string | null;
  periodStart: string;
  periodEnd: string;
  status: PlanStatus;
  published: boolean;
  measureCount: number;
};

export function PlanTable({
  plans,
  minWidth,
  hrefOf,
  markUnpublished,
  withPublicLink = false,
}: {
  plans: PlanRow[];
  minWidth: number;
  /** Where a plan's name leads: its public page or its admin page. */
  hrefOf: (planId: number) => string;
  /** Only staff see which plans the public cannot see yet. */
  markUnpublished: boolean;
  /** The coordinators' list: a last column linking to each plan's public page. */
  withPublicLink?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped>
        <caption className="visually-hidden">{t("plans.listCaption")}</caption>
        <TableHead
          columns={[t("plans.name"), t("plans.period"), t("plans.statusLabel"), { label: t("plans.measureCount"), alignRight: true }]}
          scoped
          actions={withPublicLink}
        />
        <Table.Tbody>
          {plans.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Th scope="row" fw="normal">
                <Anchor component={Link} to={hrefOf(p.id)}>
                  {localName(p, i18n.language)}
                </Anchor>
              </Table.Th>
              <Table.Td>{t("plans.periodRange", { start: fmt.date(p.periodStart), end: fmt.date(p.periodEnd) })}</Table.Td>
              <Table.Td>
                <Group gap={6}>
                  <PlanStatusBadge status={p.status} />
                  {markUnpublished && !p.published ? <UnpublishedBadge /> : null}
                </Group>
              </Table.Td>
              <Table.Td ta="right">{p.measureCount}</Table.Td>
              {withPublicLink ? (
                <Table.Td>
                  <Anchor component={Link} to={`/plans/${p.id}`} aria-label={t("plans.viewNamed", { name: localName(p, i18n.language) })}>
                    {t("plans.view")}
                  </Anchor>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

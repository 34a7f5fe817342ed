// A membership in a table row, the same way on the account page, a user's and a group's admin
// pages and the role pages' member lists: position, organisation ("–" without one), and when the
// person joined and left where the page shows it.
import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { localName } from "~/i18n/names";
import { useFormat } from "~/ui/format";

type Membership = {
  position: string;
  organisationNameFi: string | null;
  organisationNameSv: string | null;
  organisationNameEn: string | null;
  joinedAt?: string;
  leftAt?: string | null;
};

export function MembershipCells({
  membership,
  dates = "none",
}: {
  membership: Membership;
  /** Which dates follow the organisation: none, the joining date, or both joining and leaving. */
  dates?: "none" | "joined" | "joinedAndLeft";
}) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const m = membership;
  return (
    <>
      <Table.Td>{t(`positions.${m.position}`)}</Table.Td>
      <Table.Td>
        {m.organisationNameFi
          ? localName({ nameFi: m.organisationNameFi, nameSv: m.organisationNameSv, nameEn: m.organisationNameEn }, i18n.language)
          : "–"}
      </Table.Td>
      {dates !== "none" ? <Table.Td>{fmt.date(m.joinedAt)}</Table.Td> : null}
      {dates === "joinedAndLeft" ? <Table.Td>{m.leftAt ? fmt.date(m.leftAt) : "–"}</Table.Td> : null}
    </>
  );
}

import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { TableHead } from "~/ui/TableParts";
import { MembershipCells } from "~/ui/MembershipCells";

type Member = {
  membershipId: number;
  name: string;
  title: string | null;
  position: string;
  organisationNameFi: string | null;
  organisationNameSv: string | null;
  organisationNameEn: string | null;
};

export function GroupMembers({ members, caption }: { members: Member[]; caption: string }) {
  const { t } = useTranslation();
  return (
    // On a phone the table scrolls sideways; it has no links, so its viewport takes keyboard focus itself.
    <Table.ScrollContainer minWidth={480} scrollAreaProps={{ viewportProps: { tabIndex: 0, role: "region", "aria-label": caption } }}>
      <Table striped>
        <caption className="visually-hidden">{caption}</caption>
        <TableHead columns={[t("admin.name"), t("admin.position"), t("admin.organisation")]} />
        <Table.Tbody>
          {members.map((m) => (
            <Table.Tr key={m.membershipId}>
              <Table.Td>
                {m.name}
                {m.title ? `, ${m.title}` : ""}
              </Table.Td>
              <MembershipCells membership={m} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

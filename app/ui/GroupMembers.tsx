import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { TableHead } from "~/ui/TableParts";
import { MembershipCells } from "~/ui/MembershipCells";

type Member = Parameters<typeof MembershipCells>[0]["membership"] & { membershipId: number; name: string; title: string | null };

/** A group's members with their positions and organisations, and when they joined (and left) where `dates` asks. */
export function GroupMembers({
  members,
  caption,
  dates = "none",
}: {
  members: Member[];
  caption: string;
  dates?: Parameters<typeof MembershipCells>[0]["dates"];
}) {
  const { t } = useTranslation();
  const dateColumns = {
    none: [],
    joined: [t("workspaces.members.joined")],
    joinedAndLeft: [t("workspaces.members.joined"), t("workspaces.members.left")],
  }[dates];
  return (
    // On a phone the table scrolls sideways; it has no links, so its viewport takes keyboard focus itself.
    <Table.ScrollContainer
      minWidth={dates === "none" ? 480 : 640}
      scrollAreaProps={{ viewportProps: { tabIndex: 0, role: "region", "aria-label": caption } }}
    >
      <Table striped>
        <caption className="visually-hidden">{caption}</caption>
        <TableHead columns={[t("admin.name"), t("admin.position"), t("admin.organisation"), ...dateColumns]} />
        <Table.Tbody>
          {members.map((m) => (
            <Table.Tr key={m.membershipId}>
              <Table.Td>
                {m.name}
                {m.title ? `, ${m.title}` : ""}
              </Table.Td>
              <MembershipCells membership={m} dates={dates} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import { Table } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { localName } from "~/i18n/names";

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
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("admin.name")}</Table.Th>
            <Table.Th>{t("admin.position")}</Table.Th>
            <Table.Th>{t("admin.organisation")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((m) => (
            <Table.Tr key={m.membershipId}>
              <Table.Td>
                {m.name}
                {m.title ? `, ${m.title}` : ""}
              </Table.Td>
              <Table.Td>{t(`positions.${m.position}`)}</Table.Td>
              <Table.Td>
                {m.organisationNameFi
                  ? localName({ nameFi: m.organisationNameFi, nameSv: m.organisationNameSv, nameEn: m.organisationNameEn }, i18n.language)
                  : "–"}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import { Anchor, List, SimpleGrid, Text } from "@mantine/core";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { PublicityClass } from "../../../db/schema";
import { localName } from "~/i18n/names";
import { useFormat } from "~/ui/format";
import { PublicityBadge } from "./Publicity";
import { LocalText } from "~/ui/LocalText";
import { Panel } from "~/ui/Panel";

type Records = {
  decisions: {
    id: number;
    number: string;
    decidedOn: string;
    text: string;
    textSv: string | null;
    textEn: string | null;
    groupId: number;
    canOpen: boolean;
    groupNameFi: string;
    groupNameSv: string | null;
    groupNameEn: string | null;
  }[];
  documents: { id: number; groupId: number | null; title: string; publicity: PublicityClass }[];
};

/** On a measure's page: the groups' decisions about it and the documents that concern it. */
export function LinkedRecords({ records }: { records: Records }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  if (!records.decisions.length && !records.documents.length) return null;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      {records.decisions.length ? (
        <Panel titleId="linked-decisions" title={t("workspaces.decisions.onMeasure")} size="h4" data-testid="linked-decisions">
          <List spacing={4}>
            {records.decisions.map((d) => {
              const label = t("workspaces.decisions.byGroup", {
                group: localName({ nameFi: d.groupNameFi, nameSv: d.groupNameSv, nameEn: d.groupNameEn }, i18n.language),
                number: d.number,
              });
              return (
                <List.Item key={d.id}>
                  {d.canOpen ? (
                    <Anchor component={Link} to={`/workspaces/${d.groupId}/decisions#decision-${d.id}`}>
                      {label}
                    </Anchor>
                  ) : (
                    <Text span fw={600}>
                      {label}
                    </Text>
                  )}{" "}
                  <Text span size="sm">
                    ({fmt.date(d.decidedOn)}) <LocalText record={d} field="text" />
                  </Text>
                </List.Item>
              );
            })}
          </List>
        </Panel>
      ) : null}
      {records.documents.length ? (
        <Panel titleId="linked-documents" title={t("workspaces.decisions.documentsOnMeasure")} size="h4" data-testid="linked-documents">
          <List spacing={4}>
            {records.documents.map((d) => (
              <List.Item key={d.id}>
                <Anchor component={Link} to={`/workspaces/${d.groupId}/documents/${d.id}`}>
                  {d.title}
                </Anchor>{" "}
                <PublicityBadge publicity={d.publicity} />
              </List.Item>
            ))}
          </List>
        </Panel>
      ) : null}
    </SimpleGrid>
  );
}

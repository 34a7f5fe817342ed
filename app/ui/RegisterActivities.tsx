// The processing register's activities (db/schema/register.ts), as the public notice and the
// coordinators' view show them. `withTables` adds the tables and personal columns.
import { Code, List, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { RETENTION, type registerByActivity } from "../../db/schema/register";

export function RegisterActivities({
  activities,
  withTables,
  headingOrder,
}: {
  activities: ReturnType<typeof registerByActivity>;
  withTables: boolean;
  headingOrder: 2 | 3;
}) {
  const { t } = useTranslation();
  const rows = ["purpose", "legalBasis", "dataCategories", "people", "recipients"] as const;
  return (
    <Stack gap="lg">
      {activities.map((a) => (
        <section key={a.activity} aria-labelledby={`activity-${a.activity}`}>
          <Title order={headingOrder} size="h4" id={`activity-${a.activity}`} mb="xs">
            {t(`processingRegister.activities.${a.activity}.title`)}
          </Title>
          <Table variant="vertical" withTableBorder>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r}>
                  <Table.Th w={220}>{t(`processingRegister.${r}`)}</Table.Th>
                  <Table.Td>{t(`processingRegister.activities.${a.activity}.${r}`)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Th>{t("processingRegister.retention")}</Table.Th>
                <Table.Td>
                  {a.retentions.map((r) => (
                    <Text key={r} size="sm">
                      {t(`processingRegister.retentions.${r}`, RETENTION)}
                    </Text>
                  ))}
                </Table.Td>
              </Table.Tr>
              {withTables ? (
                <Table.Tr>
                  <Table.Th>{t("processingRegister.tables")}</Table.Th>
                  <Table.Td>
                    <List size="sm">
                      {a.tables.map((tb) => (
                        <List.Item key={tb.table}>
                          <Code>{tb.table}</Code>: {tb.personal.join(", ")}
                        </List.Item>
                      ))}
                    </List>
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Table.Tbody>
          </Table>
        </section>
      ))}
    </Stack>
  );
}

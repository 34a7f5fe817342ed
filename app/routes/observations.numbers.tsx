// /observations/numbers: the automatic indicator of map observations for the steering group and
// staff: approved observations of the last twelve months per district and category, and per month
// and category, counted from the observations themselves (nothing is typed in).
import { Stack, Table, Text } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localName } from "~/i18n/names";
import { pageTitle } from "~/i18n/page-title";
import { observationIndicator } from "~/server/observations/observations.server";
import { authorize } from "~/server/people/guard.server";
import { useFormat } from "~/ui/format";
import { ScrollTable } from "~/ui/ScrollTable";
import { PageHeading } from "~/ui/PageHeading";
import { TableHead } from "~/ui/TableParts";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "observations.numbers.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "indicator.view" });
  return json(observationIndicator(12));
}

export default function ObservationNumbers() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fmt = useFormat();
  const { counts, areas, categories } = useLoaderData<typeof loader>();
  const used = categories.filter((c) => counts.some((n) => n.categoryId === c.id));
  const sum = (pick: (n: (typeof counts)[number]) => boolean) => counts.filter(pick).reduce((s, n) => s + n.count, 0);
  const months = [...new Set(counts.map((c) => c.month))].sort().reverse();
  const table = (
    rows: { key: string; label: string; match: (n: (typeof counts)[number]) => boolean }[],
    caption: string,
    first: string,
  ) => (
    <ScrollTable label={caption} minWidth={640}>
      <Table striped withTableBorder>
        <caption>{caption}</caption>
        <TableHead scoped columns={[first, ...used.map((c) => localName(c, lang)), t("observations.numbers.total")]} />
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Th scope="row">{r.label}</Table.Th>
              {used.map((c) => (
                <Table.Td key={c.id}>{fmt.number(sum((n) => r.match(n) && n.categoryId === c.id))}</Table.Td>
              ))}
              <Table.Td>{fmt.number(sum(r.match))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
  return (
    <Stack gap="lg">
      <PageHeading title={t("observations.numbers.title")} intro={t("observations.numbers.intro")} />
      {counts.length === 0 ? (
        <Text>{t("observations.numbers.none")}</Text>
      ) : (
        <>
          {table(
            areas.map((a) => ({ key: String(a.id), label: localName(a, lang), match: (n) => n.areaId === a.id })),
            t("observations.numbers.byArea"),
            t("observations.list.area"),
          )}
          {table(
            months.map((m) => ({ key: m, label: m, match: (n) => n.month === m })),
            t("observations.numbers.byMonth"),
            t("observations.numbers.month"),
          )}
        </>
      )}
    </Stack>
  );
}

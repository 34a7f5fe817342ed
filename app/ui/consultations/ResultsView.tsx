// A consultation's results: for each figure a simple bar chart (hidden from screen readers) with the
// same figures in a table under it, the answers by major district and district, each question's
// figures, and the approved free-text answers with their district (never a name).
import { Box, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { MIN_PUBLIC_GROUP, SMALL_AREAS } from "~/forms/consultations";
import type { ConsultationResults } from "~/server/consultations/results.server";
import { LocalText } from "~/ui/LocalText";
import { useFormat } from "~/ui/format";
import { ScrollTable } from "~/ui/ScrollTable";
import { Panel } from "~/ui/Panel";
import { TableHead } from "~/ui/TableParts";

type Bar = { label: string; value: number };

/** Bars drawn with plain boxes: the table under them carries the figures for everyone. */
function Bars({ bars, name }: { bars: Bar[]; name: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <figure style={{ margin: 0 }}>
      <Stack gap={4} aria-hidden="true">
        {bars.map((b) => (
          <Group key={b.label} gap="xs" wrap="nowrap">
            <Text size="sm" w={200} truncate>
              {b.label}
            </Text>
            <Box h={14} w={`${Math.max(2, (b.value / max) * 60)}%`} bg="city.7" style={{ borderRadius: 2 }} />
            <Text size="sm">{fmt.number(b.value)}</Text>
          </Group>
        ))}
      </Stack>
      <figcaption className="visually-hidden">{t("consultations.results.chartOf", { name })}</figcaption>
    </figure>
  );
}

type AreaRow = ConsultationResults["byMajorDistrict"][number];

export function ResultsView({ results }: { results: ConsultationResults }) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const areaName = (a: { areaId?: number | null; nameFi: string | null; nameSv: string | null }) =>
    a.areaId === SMALL_AREAS
      ? t("consultations.results.smallAreas", { min: MIN_PUBLIC_GROUP })
      : a.nameFi
        ? i18n.language === "sv" && a.nameSv
          ? a.nameSv
          : a.nameFi
        : t("consultations.results.noArea");
  const areaTable = (rows: AreaRow[], caption: string) => (
    <Stack gap="xs">
      <Bars name={caption} bars={rows.map((r) => ({ label: areaName(r), value: r.count }))} />
      <ScrollTable label={caption} minWidth={320}>
        <Table striped>
          <Table.Caption>{caption}</Table.Caption>
          <TableHead scoped columns={[t("consultations.results.area"), t("consultations.results.count")]} />
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.areaId ?? 0}>
                <Table.Td>{areaName(r)}</Table.Td>
                <Table.Td>{fmt.number(r.count)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
  if (!results.total) return <Text>{t("consultations.results.noResponses")}</Text>;
  return (
    <Stack gap="lg">
      <Text fw={700}>
        {t("consultations.results.total")}: {fmt.number(results.total)}
      </Text>
      <Text size="sm">{t("consultations.results.anonymous")}</Text>
      {results.merged ? <Text size="sm">{t("consultations.results.smallAreasNote", { min: MIN_PUBLIC_GROUP })}</Text> : null}
      <Panel titleId="by-major" title={t("consultations.results.byMajorDistrict")} order={3} mb="xs" plain>
        {areaTable(results.byMajorDistrict, t("consultations.results.byMajorDistrict"))}
      </Panel>
      <Panel titleId="by-district" title={t("consultations.results.byDistrict")} order={3} mb="xs" plain>
        {areaTable(results.byDistrict, t("consultations.results.byDistrict"))}
      </Panel>
      {results.questions.map((q, index) => {
        const question = `${index + 1}. ${q.textFi}`;
        const optionLabel = (o: (typeof q.options)[number]) => (
          <LocalText record={{ label: o.labelFi, labelSv: o.labelSv, labelEn: o.labelEn }} field="label" />
        );
        return (
          <section key={q.id} aria-labelledby={`result-q${q.id}`}>
            <Title order={3} size="h4" id={`result-q${q.id}`} mb="xs">
              {index + 1}. <LocalText record={{ text: q.textFi, textSv: q.textSv, textEn: q.textEn }} field="text" />
            </Title>
            <Text size="sm" mb="xs">
              {t("consultations.results.answered", { count: q.answered })}
              {q.rankMax ? ` ${t("consultations.results.pointsHelp", { max: q.rankMax })}` : ""}
            </Text>
            {q.options.length ? (
              <Stack gap="xs">
                <Bars name={question} bars={q.options.map((o) => ({ label: o.labelFi, value: q.kind === "rank" ? o.points : o.count }))} />
                <ScrollTable label={question} minWidth={480}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t("consultations.results.option")}</Table.Th>
                        {q.kind === "rank" ? <Table.Th scope="col">{t("consultations.results.points")}</Table.Th> : null}
                        {q.kind === "rank" ? <Table.Th scope="col">{t("consultations.results.first")}</Table.Th> : null}
                        <Table.Th scope="col">
                          {t(q.kind === "rank" ? "consultations.results.ranked" : "consultations.results.chosen")}
                        </Table.Th>
                        {results.byMajorDistrict.map((a) => (
                          <Table.Th scope="col" key={a.areaId ?? 0}>
                            {areaName(a)}
                          </Table.Th>
                        ))}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {q.options.map((o) => (
                        <Table.Tr key={o.id}>
                          <Table.Th scope="row">{optionLabel(o)}</Table.Th>
                          {q.kind === "rank" ? <Table.Td>{fmt.number(o.points)}</Table.Td> : null}
                          {q.kind === "rank" ? <Table.Td>{fmt.number(o.first)}</Table.Td> : null}
                          <Table.Td>{fmt.number(o.count)}</Table.Td>
                          {results.byMajorDistrict.map((a) => (
                            <Table.Td key={a.areaId ?? 0}>
                              {fmt.number(q.byMajorDistrict.find((x) => x.areaId === a.areaId && x.optionId === o.id)?.count ?? 0)}
                            </Table.Td>
                          ))}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              </Stack>
            ) : null}
            {q.scale ? (
              <Stack gap="xs">
                {q.scale.mean != null ? <Text>{t("consultations.results.mean", { mean: fmt.number(q.scale.mean) })}</Text> : null}
                <Bars name={question} bars={q.scale.counts.map((c, i) => ({ label: String(i + 1), value: c }))} />
                <ScrollTable label={question} minWidth={480}>
                  <Table striped>
                    <TableHead scoped columns={[t("consultations.results.scaleValue"), t("consultations.results.count")]} />
                    <Table.Tbody>
                      {q.scale.counts.map((c, i) => (
                        <Table.Tr key={i}>
                          <Table.Td>{i + 1}</Table.Td>
                          <Table.Td>{fmt.number(c)}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              </Stack>
            ) : null}
            {q.kind === "text" ? (
              <Stack gap="xs">
                <Text fw={600}>{t("consultations.results.texts")}</Text>
                {q.texts.length ? (
                  <ul>
                    {q.texts.map((x) => (
                      <li key={x.id}>
                        <Text>{x.text}</Text>
                        <Text size="sm" c="dimmed">
                          {areaName({ areaId: x.inSmallArea ? SMALL_AREAS : null, nameFi: x.areaNameFi, nameSv: x.areaNameSv })}
                        </Text>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <Text size="sm">{t("consultations.results.noTexts")}</Text>
                )}
              </Stack>
            ) : null}
          </section>
        );
      })}
    </Stack>
  );
}

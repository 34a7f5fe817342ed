import { Anchor, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ReviewCompareQuerySchema } from "~/forms/reviews";
import { nameOrNull } from "~/i18n/names";
import { authorize, notFound } from "~/server/people/guard.server";
import { diffReviews, getReview } from "~/server/steering/reviews.server";
import { reviewTitleIn } from "~/server/steering/review-titles";
import { detectLanguage } from "~/i18n/i18n.server";
import { ReviewTitleText } from "~/ui/reviews/ReviewTitle";
import { ChangeList } from "~/ui/ChangeList";
import { useFormat } from "~/ui/format";
import { ReviewStatusBadge } from "~/ui/reviews/ReviewStatusBadge";
import { pageTitle } from "~/i18n/page-title";
import { DataTable } from "~/ui/TableParts";
import { Panel } from "~/ui/Panel";

/** Two reviews side by side: their numbers per priority area, and what changed between them. */
export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reviews.compareTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "review.view" });
  const q = ReviewCompareQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!q.success) notFound();
  const a = getReview(q.data.a);
  const b = getReview(q.data.b);
  if (!a || !b) notFound();
  const lang = await detectLanguage(request);
  // Each review's title in the reader's language (Finnish where it has no translation).
  const titled = (v: NonNullable<typeof a>) => {
    const { title, titleSv, titleEn, ...review } = v.review;
    return { ...v, review: { ...review, title: reviewTitleIn({ title, titleSv, titleEn }, lang) } };
  };
  return json({ a: titled(a), b: titled(b), changes: diffReviews(a.content, b.content) });
}

export default function CompareReviews() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { a, b, changes } = useLoaderData<typeof loader>();
  const areaIds = [...new Set([...a.content.priorityAreas, ...b.content.priorityAreas].map((x) => x.id))];
  const find = (view: typeof a, id: number | null) => view.content.priorityAreas.find((x) => x.id === id);
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/reviews" size="sm">
        ← {t("reviews.title")}
      </Anchor>
      <Title order={1}>{t("reviews.compareTitle")}</Title>
      <SimpleGrid cols={2}>
        {[a, b].map((v) => (
          <Paper key={v.review.id} withBorder p="md">
            <Anchor component={Link} to={`/reviews/${v.review.id}`} fw={600}>
              <ReviewTitleText title={v.review.title} />
            </Anchor>
            <Text size="sm">
              {fmt.date(v.review.periodStart)} – {fmt.date(v.review.periodEnd)}
            </Text>
            <ReviewStatusBadge status={v.review.status} />
          </Paper>
        ))}
      </SimpleGrid>
      <DataTable
        caption={t("reviews.compareTitle")}
        minWidth={720}
        withTableBorder
        columns={[
          t("measures.priorityArea"),
          { label: t("reviews.compareCell", { what: t("reviews.cols.completed"), review: a.review.title.text }), alignRight: true },
          { label: t("reviews.compareCell", { what: t("reviews.cols.completed"), review: b.review.title.text }), alignRight: true },
          { label: t("reviews.compareCell", { what: t("reviews.cols.late"), review: a.review.title.text }), alignRight: true },
          { label: t("reviews.compareCell", { what: t("reviews.cols.late"), review: b.review.title.text }), alignRight: true },
          { label: t("reviews.compareCell", { what: t("reviews.cols.progress"), review: a.review.title.text }), alignRight: true },
          { label: t("reviews.compareCell", { what: t("reviews.cols.progress"), review: b.review.title.text }), alignRight: true },
        ]}
        scoped
      >
        {areaIds.map((id) => {
          const x = find(a, id);
          const y = find(b, id);
          const label = x ?? y!;
          return (
            <Table.Tr key={id ?? "none"}>
              <Table.Th scope="row">
                {label.nameFi ? `${label.code} ${nameOrNull(label, i18n.language)}` : t("reviews.noPriorityArea")}
              </Table.Th>
              <Table.Td ta="right">{x?.counts.completed ?? "–"}</Table.Td>
              <Table.Td ta="right">{y?.counts.completed ?? "–"}</Table.Td>
              <Table.Td ta="right">{x?.late ?? "–"}</Table.Td>
              <Table.Td ta="right">{y?.late ?? "–"}</Table.Td>
              <Table.Td ta="right">{x?.progress == null ? "–" : `${x.progress} %`}</Table.Td>
              <Table.Td ta="right">{y?.progress == null ? "–" : `${y.progress} %`}</Table.Td>
            </Table.Tr>
          );
        })}
      </DataTable>
      <Panel titleId="compare-changes" title={t("reviews.changes")}>
        <ChangeList changes={changes} />
      </Panel>
    </Stack>
  );
}

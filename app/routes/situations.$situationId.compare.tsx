// `/situations/:situationId/compare?from=&to=`: what changed in the situational picture between
// any two of its versions, field by field and word by word (added underlined, removed struck
// through, and both named for screen readers).
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CompareQuerySchema } from "~/forms/situations";
import { pageTitle } from "~/i18n/page-title";
import { authorize, idParam, notFound } from "~/server/people/guard.server";
import { comparePictures } from "~/server/situations/situations.server";
import { useFormat } from "~/ui/format";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "titles.situationCompare");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "situation.list" });
  const id = idParam(params.situationId);
  const query = CompareQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) notFound();
  const diff = comparePictures(viewer, id, query.data.from, query.data.to);
  if (!diff) notFound();
  return json({ situationId: id, diff });
}

export default function ComparePage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { situationId, diff } = useLoaderData<typeof loader>();
  return (
    <Stack gap="md" maw={860}>
      <Title order={1}>{t("situations.compare.title")}</Title>
      <Text>{t("situations.compare.heading", { from: diff.from, to: diff.to })}</Text>
      <Text size="sm">{t("situations.compare.legend")}</Text>
      <Anchor component={Link} to={`/situations/${situationId}#picture`}>
        {t("situations.compare.back")}
      </Anchor>
      {diff.fields.map((f) => (
        <Paper key={f.field} withBorder p="sm" component="section" aria-labelledby={`diff-${f.field}`}>
          <Group gap="xs" mb={4}>
            <Title order={2} size="h4" id={`diff-${f.field}`}>
              {t(`situations.picture.${f.field}`)}
            </Title>
            <Badge variant={f.changed ? "filled" : "outline"} color={f.changed ? "city" : "gray"} c={f.changed ? undefined : "dark"}>
              {f.changed ? t("situations.compare.changed") : t("situations.compare.unchanged")}
            </Badge>
          </Group>
          <Text style={{ whiteSpace: "pre-wrap" }} data-testid={`diff-${f.field}`}>
            {f.parts.map((p, i) => {
              const text = f.field === "nextUpdateAt" && p.text ? fmt.dateTime(Number(p.text)) : p.text;
              if (p.kind === "added")
                return (
                  <ins key={i} className="diff-added">
                    <span className="visually-hidden">{t("situations.compare.added")}: </span>
                    {text}
                  </ins>
                );
              if (p.kind === "removed")
                return (
                  <del key={i} className="diff-removed">
                    <span className="visually-hidden">{t("situations.compare.removed")}: </span>
                    {text}
                  </del>
                );
              return <span key={i}>{text || "–"}</span>;
            })}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}

// A consultation's results: live for the coordinators and the steering group while it is open,
// public after closing when the coordinator chose so; anyone else gets a 403 (an upcoming
// consultation is a 404 to all but the coordinators). Aggregates only: nobody's name.
import { Anchor, Group, Stack, Text, Title } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localVersion } from "~/i18n/names";
import { languageOf, pageTitle } from "~/i18n/page-title";
import { consultationResultsFor } from "~/server/consultations/results.server";
import { forbidden, getViewer, idParam, notFound } from "~/server/people/guard.server";
import { ResultsView } from "~/ui/consultations/ResultsView";
import { LocalText } from "~/ui/LocalText";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "consultations.results.title", {
    after: data ? localVersion(data.consultation, "title", languageOf(matches)).text : null,
  });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const found = consultationResultsFor(viewer, idParam(params.consultationId));
  if (found === "notFound") notFound();
  if (found === "forbidden") forbidden();
  return json(found);
}

export default function ConsultationResultsPage() {
  const { t } = useTranslation();
  const { consultation: c, state, access, results } = useLoaderData<typeof loader>();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t("consultations.results.title")}</Title>
        <Anchor component={Link} to={`/consultations/${c.id}`}>
          <LocalText record={{ title: c.titleFi, titleSv: c.titleSv, titleEn: c.titleEn }} field="title" />
        </Anchor>
      </Stack>
      {access === "live" && state !== "closed" ? <Text>{t("consultations.results.live")}</Text> : null}
      <Group>
        <Anchor href={`/consultations/${c.id}/export?format=csv`} download>
          {t("consultations.results.exportCsv")}
        </Anchor>
        <Anchor href={`/consultations/${c.id}/export?format=xlsx`} download>
          {t("consultations.results.exportXlsx")}
        </Anchor>
      </Group>
      <ResultsView results={results} />
    </Stack>
  );
}

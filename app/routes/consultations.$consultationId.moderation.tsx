// Moderating a consultation's free-text answers: the coordinators see them all, a district network
// those of its areas; each is approved (then shown in the results with its district) or rejected.
// The answerer's name is never shown.
import { parseWithZod } from "@conform-to/zod";
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ModerationSchema } from "~/forms/consultations";
import { localVersion } from "~/i18n/names";
import { languageOf, pageTitle } from "~/i18n/page-title";
import { getConsultationRecord } from "~/server/consultations/consultations.server";
import { moderateAnswer, moderationQueue } from "~/server/consultations/results.server";
import { authorize, badRequest, forbidden, idParam, notFound } from "~/server/people/guard.server";
import { LocalText } from "~/ui/LocalText";
import { Notice } from "~/ui/Notice";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "consultations.moderation.title", {
    after: data ? localVersion(data.consultation, "title", languageOf(matches)).text : null,
  });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "consultation.moderateAny" });
  const c = getConsultationRecord(idParam(params.consultationId));
  if (!c) notFound();
  return json({
    consultation: { id: c.id, titleFi: c.titleFi, titleSv: c.titleSv, titleEn: c.titleEn },
    answers: moderationQueue(viewer, c.id),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "consultation.moderateAny" });
  const id = idParam(params.consultationId);
  const submission = parseWithZod(await request.formData(), { schema: ModerationSchema });
  if (submission.status !== "success") badRequest();
  const result = moderateAnswer(viewer, id, submission.value.answerId, submission.value.decision);
  if (!result.ok) result.reason === "notFound" ? notFound() : forbidden();
  return redirect(`/consultations/${id}/moderation?done=1`);
}

export default function ModerationPage() {
  const { t, i18n } = useTranslation();
  const { consultation: c, answers } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1}>{t("consultations.moderation.title")}</Title>
        <Anchor component={Link} to={`/consultations/${c.id}`}>
          <LocalText record={{ title: c.titleFi, titleSv: c.titleSv, titleEn: c.titleEn }} field="title" />
        </Anchor>
      </Stack>
      <Text>{t("consultations.moderation.intro")}</Text>
      <Notice message={searchParams.has("done") ? t("consultations.moderation.done") : null} />
      {answers.length ? (
        <Stack component="ol" style={{ listStyle: "none", padding: 0 }}>
          {answers.map((a, i) => (
            <Paper key={a.id} component="li" withBorder p="md" aria-labelledby={`answer-${a.id}`}>
              <Group justify="space-between" mb="xs">
                <Text fw={600} id={`answer-${a.id}`}>
                  {t("consultations.moderation.answerNumber", { number: i + 1 })}
                </Text>
                <Badge variant="light" color={a.moderation === "approved" ? "city" : a.moderation === "rejected" ? "dark" : "orange"}>
                  {t(`consultations.moderation.state.${a.moderation ?? "pending"}`)}
                </Badge>
              </Group>
              <Text style={{ whiteSpace: "pre-wrap" }}>{a.text}</Text>
              <Text size="sm" c="dimmed">
                {a.areaNameFi ? (i18n.language === "sv" && a.areaNameSv ? a.areaNameSv : a.areaNameFi) : t("consultations.results.noArea")}
              </Text>
              <Group mt="sm">
                {(["approved", "rejected"] as const).map((decision) => (
                  <Form method="post" key={decision}>
                    <input type="hidden" name="answerId" value={a.id} />
                    <input type="hidden" name="decision" value={decision} />
                    <Button
                      type="submit"
                      size="xs"
                      variant={decision === "approved" ? "filled" : "outline"}
                      color={decision === "approved" ? undefined : "red"}
                      aria-label={t(
                        decision === "approved" ? "consultations.moderation.approveNamed" : "consultations.moderation.rejectNamed",
                        { number: i + 1 },
                      )}
                    >
                      {t(decision === "approved" ? "consultations.moderation.approve" : "consultations.moderation.reject")}
                    </Button>
                  </Form>
                ))}
              </Group>
            </Paper>
          ))}
        </Stack>
      ) : (
        <Text>{t("consultations.moderation.none")}</Text>
      )}
    </Stack>
  );
}

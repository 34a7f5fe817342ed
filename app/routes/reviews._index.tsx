import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Anchor, Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NewReviewSchema } from "~/forms/reviews";
import { localName } from "~/i18n/names";
import { authorize, notFound } from "~/server/people/guard.server";
import { addDaysIso, helsinkiDate } from "~/server/city/measure-rules";
import { can } from "~/server/people/permissions.server";
import { currentPlan } from "~/server/city/plans.server";
import { listReviews, startReview } from "~/server/steering/reviews.server";
import { reviewTitleIn } from "~/server/steering/review-titles";
import { detectLanguage } from "~/i18n/i18n.server";
import { ReviewTitleFields, ReviewTitleText } from "~/ui/reviews/ReviewTitle";
import { FieldTextInput, FormErrors, useZodForm, SubmitRow } from "~/ui/forms";
import { useFormat } from "~/ui/format";
import { ReviewStatusBadge } from "~/ui/reviews/ReviewStatusBadge";
import { pageTitle } from "~/i18n/page-title";
import { DataTable } from "~/ui/TableParts";
import { Panel } from "~/ui/Panel";
import { PageHeading } from "~/ui/PageHeading";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reviews.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "review.view" });
  const today = helsinkiDate();
  const lang = await detectLanguage(request);
  return json({
    // Each title in the reader's language only (Finnish where it has no translation).
    reviews: listReviews().map(({ title, titleSv, titleEn, ...r }) => ({ ...r, title: reviewTitleIn({ title, titleSv, titleEn }, lang) })),
    canCreate: can(viewer, { kind: "review.create" }),
    defaults: { title: "", titleSv: "", titleEn: "", periodStart: addDaysIso(today, -182), periodEnd: today },
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "review.create" });
  const submission = parseWithZod(await request.formData(), { schema: NewReviewSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const plan = currentPlan({ publicOnly: false });
  if (!plan) notFound();
  const result = startReview(viewer, { planId: plan.id, ...submission.value });
  // A title another review of the plan has: said at the field, with everything typed kept.
  if (!result.ok) return json(submission.reply({ fieldErrors: { [result.field]: ["reviews.validation.titleTaken"] } }), { status: 409 });
  return redirect(`/reviews/${result.id}`);
}

export default function ReviewsPage() {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { reviews, canCreate, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useZodForm(NewReviewSchema, {
    lastResult,
    defaultValue: defaults,
  });
  const sent = reviews.filter((r) => r.sentAt);
  return (
    <Stack gap="lg">
      <PageHeading title={t("reviews.title")} intro={t("reviews.intro")} />
      {canCreate ? (
        <Panel titleId="new-review" title={t("reviews.start")} size="h4">
          <Form method="post" {...getFormProps(form)}>
            <Stack>
              <FormErrors errors={form.errors} />
              <ReviewTitleFields fields={fields} />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <FieldTextInput field={fields.periodStart} type="date" label={t("reviews.periodStart")} required />
                <FieldTextInput field={fields.periodEnd} type="date" label={t("reviews.periodEnd")} required />
              </SimpleGrid>
              <SubmitRow label={t("reviews.startButton")} />
            </Stack>
          </Form>
        </Panel>
      ) : null}
      <DataTable
        caption={t("reviews.title")}
        minWidth={640}
        columns={[t("reviews.reviewTitle"), t("reviews.period"), t("measures.statusLabel"), t("reviews.sentAt")]}
      >
        {reviews.map((r) => (
          <Table.Tr key={r.id}>
            <Table.Td>
              <Anchor component={Link} to={`/reviews/${r.id}`}>
                <ReviewTitleText title={r.title} />
              </Anchor>
              <Text size="xs" c="dimmed">
                {localName({ nameFi: r.planNameFi, nameSv: r.planNameSv, nameEn: r.planNameEn }, i18n.language)}
              </Text>
            </Table.Td>
            <Table.Td>
              {fmt.date(r.periodStart)} – {fmt.date(r.periodEnd)}
            </Table.Td>
            <Table.Td>
              <ReviewStatusBadge status={r.status} />
            </Table.Td>
            <Table.Td>{fmt.date(r.sentAt)}</Table.Td>
          </Table.Tr>
        ))}
      </DataTable>
      {reviews.length === 0 ? <Text>{t("reviews.none")}</Text> : null}
      {sent.length >= 2 ? (
        <Panel titleId="compare" title={t("reviews.compareTitle")} size="h4">
          <Form method="get" action="/reviews/compare">
            <Group align="end">
              <NativeSelect
                name="a"
                label={t("reviews.compareEarlier")}
                defaultValue={String(sent[1].id)}
                data={sent.map((r) => ({ value: String(r.id), label: r.title.text }))}
              />
              <NativeSelect
                name="b"
                label={t("reviews.compareLater")}
                defaultValue={String(sent[0].id)}
                data={sent.map((r) => ({ value: String(r.id), label: r.title.text }))}
              />
              <Button type="submit" variant="light">
                {t("reviews.compare")}
              </Button>
            </Group>
          </Form>
        </Panel>
      ) : null}
    </Stack>
  );
}

// /observations/manage: the handlers' list. The expert group and coordinators see every
// observation, a network those in its areas, with exact places and reporters, filtered by
// category, time of day, state and the months they were reported; waiting ones first to approve.
import { NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StaffObservationFilterSchema } from "~/forms/observations";
import { localName } from "~/i18n/names";
import { pageTitle } from "~/i18n/page-title";
import { listCategories, listedObservation, staffObservations, STAFF_PAGE_SIZE } from "~/server/observations/observations.server";
import { authorize } from "~/server/people/guard.server";
import { ObservationTable } from "~/ui/observations/parts";
import { PageHeading } from "~/ui/PageHeading";
import { FilterForm } from "~/ui/FilterForm";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "observations.manage.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "observation.staffView" });
  const f = StaffObservationFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const rows = staffObservations(viewer, { categoryId: f.category, timeOfDay: f.time, status: f.status, from: f.from, to: f.to });
  return json({
    filter: f,
    items: rows.map((o) => ({ ...listedObservation(o), reporterName: o.reporterName })),
    full: rows.length >= STAFF_PAGE_SIZE,
    categories: listCategories({ includeRetired: true }),
  });
}

export default function ManageObservations() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { filter, items, full, categories } = useLoaderData<typeof loader>();
  const all = { value: "", label: t("observations.filters.all") };
  return (
    <Stack gap="lg">
      <PageHeading title={t("observations.manage.title")} intro={t("observations.manage.intro")} />
      <FilterForm label={t("observations.filters.title")} submit={t("observations.filters.apply")}>
        <NativeSelect
          name="category"
          label={t("observations.fields.category")}
          defaultValue={filter.category ? String(filter.category) : ""}
          data={[all, ...categories.map((c) => ({ value: String(c.id), label: localName(c, lang) }))]}
        />
        <NativeSelect
          name="time"
          label={t("observations.fields.timeOfDay")}
          defaultValue={filter.time ?? ""}
          data={[all, ...["morning", "day", "evening", "night"].map((v) => ({ value: v, label: t(`observations.time.${v}`) }))]}
        />
        <NativeSelect
          name="status"
          label={t("observations.list.state")}
          defaultValue={filter.status ?? ""}
          data={[
            all,
            { value: "pending", label: t("observations.review.pending") },
            { value: "refused", label: t("observations.review.refused") },
            ...["open", "received", "forwarded", "linked", "resolved"].map((v) => ({ value: v, label: t(`observations.handling.${v}`) })),
          ]}
        />
        <TextInput type="month" name="from" label={t("observations.filters.from")} defaultValue={filter.from ?? ""} placeholder="2026-01" />
        <TextInput type="month" name="to" label={t("observations.filters.to")} defaultValue={filter.to ?? ""} placeholder="2026-12" />
      </FilterForm>
      {full ? <Text size="sm">{t("observations.manage.limited", { count: items.length })}</Text> : null}
      <ObservationTable
        items={items}
        categories={categories}
        caption={t("observations.manage.title")}
        extra={{
          header: t("observations.detail.reporter"),
          cell: (o) => (o as { reporterName?: string | null }).reporterName ?? t("observations.manage.noName"),
        }}
      />
    </Stack>
  );
}

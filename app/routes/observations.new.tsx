// /observations/new: a resident (anyone signed in) reports a safety observation: a point on the
// map, or, without the map (keyboard and screen-reader users), the area and an address; the
// category, when it happens, a description and optionally one photo, whose metadata is stripped.
// The form says before sending that reports are checked before they are public.
import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Alert, Fieldset, Group, NativeSelect, Radio, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ObservationReportSchema } from "~/forms/observations";
import { localName } from "~/i18n/names";
import { pageTitle } from "~/i18n/page-title";
import { boundsOf } from "~/server/observations/geo";
import { MAX_PHOTO_BYTES } from "~/server/observations/photo.server";
import { listCategories, mapShapes, reportableAreas, reportObservation, mapTiles } from "~/server/observations/observations.server";
import { authorize } from "~/server/people/guard.server";
import { readUpload } from "~/server/platform/uploads.server";
import { useErrorText, FormErrors, useZodForm, SubmitRow } from "~/ui/forms";
import { MapPointField } from "~/ui/observations/MapPointField";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "observations.report.title");

const FIELDS = ["lat", "lng", "areaId", "address", "categoryId", "timeOfDay", "dayType", "description"];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "observation.report" });
  const { shapes, approximate } = mapShapes(["district", "sub_area"]);
  // The map opens on the reader's home area when they have one.
  const home = shapes.filter((s) => viewer.residentAreaIds.includes(s.id));
  return json({
    categories: listCategories(),
    areas: reportableAreas(),
    shapes,
    approximate,
    focus: home.length ? boundsOf(home.map((s) => s.boundary)) : null,
    tiles: mapTiles(),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "observation.report" });
  const upload = await readUpload(request, MAX_PHOTO_BYTES, FIELDS);
  if (!upload.ok)
    return json(
      { result: null, photoError: upload.reason === "tooLarge" ? "observations.errors.photoTooLarge" : "validation.invalid" },
      { status: upload.reason === "tooLarge" ? 413 : 400 },
    );
  const submission = parseWithZod(upload.form, { schema: ObservationReportSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), photoError: null }, { status: 400 });
  const v = submission.value;
  const result = await reportObservation(viewer, {
    place:
      v.lat !== undefined && v.lng !== undefined
        ? { kind: "point", lat: v.lat, lng: v.lng }
        : { kind: "address", areaId: v.areaId!, address: v.address ?? "" },
    categoryId: v.categoryId,
    timeOfDay: v.timeOfDay,
    dayType: v.dayType,
    description: v.description,
    photo: upload.file,
  });
  if (result.ok) return redirect(`/observations/${result.id}?done=reported`);
  if (result.reason.startsWith("photo"))
    return json({ result: submission.reply(), photoError: `observations.errors.${result.reason}` }, { status: 400 });
  const field = result.reason === "outside" ? "lat" : result.reason === "area" ? "areaId" : "categoryId";
  return json(
    { result: submission.reply({ fieldErrors: { [field]: [`observations.errors.${result.reason}`] } }), photoError: null },
    { status: 400 },
  );
}

export default function ReportObservation() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const errorText = useErrorText();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(ObservationReportSchema, {
    id: "report-observation",
    lastResult: actionData?.result,
    defaultValue: { timeOfDay: "any", dayType: "any" },
  });
  const levelName = (level: string) => t(`areaLevels.${level}`);
  return (
    <Stack gap="lg" maw={860}>
      <Title order={1}>{t("observations.report.title")}</Title>
      <Alert variant="light" color="gray">
        <Text fw={700}>{t("observations.report.checkedTitle")}</Text>
        <Text size="sm">{t("observations.report.checked")}</Text>
      </Alert>
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)}>
        <Stack gap="lg">
          <FormErrors errors={form.errors} />
          <Fieldset legend={t("observations.report.placeLegend")}>
            <Stack gap="sm">
              <MapPointField
                lat={fields.lat}
                lng={fields.lng}
                map={{
                  shapes: data.shapes.map((s) => ({ id: s.id, level: s.level, name: localName(s, lang), boundary: s.boundary })),
                  approximate: data.approximate,
                  focus: data.focus,
                  tiles: data.tiles,
                }}
                label={t("observations.report.mapLabel")}
                help={t("observations.report.mapHelp")}
                height={360}
              />
              <Fieldset legend={t("observations.report.noMapLegend")} variant="unstyled">
                <Text size="sm" mb="xs">
                  {t("observations.report.noMapHelp")}
                </Text>
                <Stack gap="sm">
                  <NativeSelect
                    {...getInputProps(fields.areaId, { type: "text" })}
                    key={fields.areaId.key}
                    label={t("observations.fields.area")}
                    error={errorText(fields.areaId.errors)}
                    data={[
                      { value: "", label: t("observations.report.chooseArea") },
                      ...data.areas.map((a) => ({ value: String(a.id), label: `${localName(a, lang)} (${levelName(a.level)})` })),
                    ]}
                  />
                  <TextInput
                    {...getInputProps(fields.address, { type: "text" })}
                    key={fields.address.key}
                    label={t("observations.fields.address")}
                    description={t("observations.report.addressHelp")}
                    autoComplete="off"
                    error={errorText(fields.address.errors)}
                  />
                </Stack>
              </Fieldset>
            </Stack>
          </Fieldset>

          <Radio.Group
            name={fields.categoryId.name}
            key={fields.categoryId.key}
            defaultValue={typeof fields.categoryId.initialValue === "string" ? fields.categoryId.initialValue : undefined}
            label={t("observations.fields.category")}
            withAsterisk
            error={errorText(fields.categoryId.errors)}
          >
            <Stack gap={6} mt={6}>
              {data.categories.map((c) => (
                <Radio key={c.id} value={String(c.id)} label={localName(c, lang)} />
              ))}
            </Stack>
          </Radio.Group>

          <Group grow align="start">
            <NativeSelect
              {...getInputProps(fields.timeOfDay, { type: "text" })}
              key={fields.timeOfDay.key}
              label={t("observations.fields.timeOfDay")}
              error={errorText(fields.timeOfDay.errors)}
              data={["any", "morning", "day", "evening", "night"].map((v) => ({ value: v, label: t(`observations.time.${v}`) }))}
            />
            <NativeSelect
              {...getInputProps(fields.dayType, { type: "text" })}
              key={fields.dayType.key}
              label={t("observations.fields.dayType")}
              error={errorText(fields.dayType.errors)}
              data={["any", "weekday", "weekend"].map((v) => ({ value: v, label: t(`observations.day.${v}`) }))}
            />
          </Group>

          <Textarea
            {...getInputProps(fields.description, { type: "text" })}
            key={fields.description.key}
            label={t("observations.fields.description")}
            description={t("observations.report.descriptionHelp")}
            autosize
            minRows={4}
            withAsterisk
            error={errorText(fields.description.errors)}
          />

          <div>
            <label htmlFor="observation-photo" style={{ fontWeight: 500, fontSize: "var(--mantine-font-size-sm)", display: "block" }}>
              {t("observations.fields.photo")}
            </label>
            <Text size="xs" c="dimmed" id="observation-photo-help">
              {t("observations.report.photoHelp")}
            </Text>
            <input
              id="observation-photo"
              type="file"
              name="file"
              accept=".jpg,.jpeg,.png"
              aria-describedby="observation-photo-help"
              style={{ marginTop: 4 }}
            />
            <FormErrors errors={actionData?.photoError ? [actionData.photoError] : null} />
          </div>

          <SubmitRow label={t("observations.report.submit")} busy={navigation.state === "submitting"} />
        </Stack>
      </Form>
    </Stack>
  );
}

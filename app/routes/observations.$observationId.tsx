// /observations/<id>: one safety observation as its reader may see it. The public sees an approved
// one with its place coarsened and no reporter; the reporter sees their own in any state with the
// refusal reason and the replies; the covering network or a coordinator approves or refuses a
// waiting one, and the expert group, the network and coordinators mark its handling with a reply.
import { getFormProps, getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Alert, Anchor, Button, Group, List, Stack, Text, Textarea, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ObservationHandlingSchema, ObservationModerationSchema } from "~/forms/observations";
import { localField, localName } from "~/i18n/names";
import { pageTitle } from "~/i18n/page-title";
import {
  getObservation,
  handleObservation,
  handlingOptions,
  listCategories,
  mapShapes,
  moderateObservation,
  mapTiles,
} from "~/server/observations/observations.server";
import { forbidden, getViewer, idParam, notFound, requireViewer } from "~/server/people/guard.server";
import { useErrorText, FormErrors, useZodForm, FieldSelect, FieldTextarea, SubmitRow } from "~/ui/forms";
import { useFormat } from "~/ui/format";
import { LangText } from "~/ui/LocalText";
import { ObservationMap } from "~/ui/observations/ObservationMap";
import { ApproximateNote, categoryName, ObservationStatus } from "~/ui/observations/parts";
import { Panel } from "~/ui/Panel";
import { Notice } from "~/ui/Notice";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "observations.detail.title");

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  const o = getObservation(viewer, idParam(params.observationId));
  if (!o) notFound();
  const privileged = o.view !== "public";
  const place = privileged && o.exact ? o.exact : o.point;
  const { shapes, approximate } = mapShapes(["district", "sub_area"]);
  const near = place ? shapes.filter((s) => s.id === o.areaId) : [];
  return json({
    observation: {
      id: o.id,
      view: o.view,
      areaNameFi: o.areaNameFi,
      areaNameSv: o.areaNameSv,
      categoryId: o.categoryId,
      timeOfDay: o.timeOfDay,
      dayType: o.dayType,
      description: o.description,
      review: o.review,
      handling: o.handling,
      publicReply: o.publicReply,
      createdAt: o.createdAt,
      hasPhoto: o.hasPhoto,
      organisation: o.organisation,
      measure: o.measure,
      place,
      exact: privileged && !!o.exact,
      address: privileged ? o.address : null,
      refusalReason: privileged ? o.refusalReason : null,
      reporterName: o.view === "staff" ? o.reporterName : null,
      mayModerate: privileged ? o.mayModerate : false,
      mayHandle: privileged ? o.mayHandle : false,
    },
    categories: listCategories({ includeRetired: true }).filter((c) => c.id === o.categoryId),
    shapes: near.length ? near : shapes.filter((s) => s.level === "district"),
    approximate,
    options: privileged && o.mayHandle ? handlingOptions() : null,
    tiles: mapTiles(),
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await requireViewer(request, context);
  const id = idParam(params.observationId);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "handle") {
    const submission = parseWithZod(form, { schema: ObservationHandlingSchema });
    if (submission.status !== "success") return json({ form: "handle", result: submission.reply() }, { status: 400 });
    const v = submission.value;
    const done = handleObservation(viewer, id, {
      handling: v.handling,
      organisationId: v.organisationId ?? null,
      measureId: v.measureId ?? null,
      publicReply: v.publicReply,
    });
    if (!done.ok) {
      refuseMissing(done.reason);
      return json({ form: "handle", result: submission.reply({ formErrors: [`observations.errors.${done.reason}`] }) }, { status: 409 });
    }
    return redirect(`/observations/${id}?done=handled`);
  }
  const submission = parseWithZod(form, { schema: ObservationModerationSchema });
  if (submission.status !== "success") return json({ form: "moderate", result: submission.reply() }, { status: 400 });
  const done = moderateObservation(
    viewer,
    id,
    submission.value.intent === "approve" ? { decision: "approve" } : { decision: "refuse", reason: submission.value.reason },
  );
  if (!done.ok) {
    refuseMissing(done.reason);
    return json({ form: "moderate", result: submission.reply({ formErrors: [`observations.errors.${done.reason}`] }) }, { status: 409 });
  }
  return redirect(`/observations/${id}?done=${submission.value.intent === "approve" ? "approved" : "refused"}`);
}

/** A missing observation is a 404 page, one the viewer may not act on a 403 page; the rest are form errors. */
function refuseMissing(reason: string) {
  if (reason === "notFound") notFound();
  if (reason === "forbidden") forbidden();
}

export default function ObservationPage() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const fmt = useFormat();
  const [search] = useSearchParams();
  const { observation: o, categories, shapes, approximate, options, tiles } = useLoaderData<typeof loader>();
  const done = search.get("done");
  return (
    <Stack gap="lg" maw={900}>
      <Anchor component={Link} to="/observations" underline="always" size="sm">
        {t("observations.detail.back")}
      </Anchor>
      <Stack gap={4}>
        <Title order={1}>
          {t("observations.detail.heading", {
            category: categoryName(categories, o.categoryId, lang),
            area: localName({ nameFi: o.areaNameFi, nameSv: o.areaNameSv }, lang),
          })}
        </Title>
        <Group gap="xs">
          <ObservationStatus review={o.review} handling={o.handling} />
          <Text size="sm">{t("observations.detail.reportedOn", { date: fmt.date(o.createdAt) })}</Text>
        </Group>
      </Stack>
      <Notice message={done ? t(`observations.done.${done}`, { defaultValue: t("observations.done.saved") }) : null} variant="light" />
      {o.view === "own" && o.review === "pending" ? <Text>{t("observations.detail.pendingOwn")}</Text> : null}
      {o.review === "refused" && o.refusalReason ? (
        <Alert color="gray" variant="light">
          <Text fw={700}>{t("observations.detail.refusedTitle")}</Text>
          <Text>{o.refusalReason}</Text>
        </Alert>
      ) : null}

      <Panel titleId="obs-what" title={t("observations.detail.what")} mb="xs">
        <Text style={{ whiteSpace: "pre-wrap" }}>{o.description}</Text>
        <List mt="sm" spacing={4} size="sm">
          <List.Item>
            {t("observations.fields.timeOfDay")}: {t(`observations.time.${o.timeOfDay}`)}
          </List.Item>
          <List.Item>
            {t("observations.fields.dayType")}: {t(`observations.day.${o.dayType}`)}
          </List.Item>
          {o.address ? (
            <List.Item>
              {t("observations.fields.address")}: {o.address}
            </List.Item>
          ) : null}
          {o.reporterName ? (
            <List.Item>
              {t("observations.detail.reporter")}: {o.reporterName}
            </List.Item>
          ) : null}
          <List.Item data-testid="observation-place">
            {o.place
              ? t(o.exact ? "observations.detail.exactPlace" : "observations.detail.coarsePlace", {
                  lat: o.place.lat.toFixed(5),
                  lng: o.place.lng.toFixed(5),
                })
              : t("observations.detail.noPoint")}
          </List.Item>
        </List>
        {o.hasPhoto ? (
          <img src={`/observations/${o.id}/photo`} alt={t("observations.detail.photoAlt")} style={{ maxWidth: "100%", marginTop: 12 }} />
        ) : null}
      </Panel>

      {o.place ? (
        <Panel titleId="obs-map" title={t("observations.detail.map")} mb="xs" plain>
          <ObservationMap
            label={t("observations.detail.mapLabel")}
            shapes={shapes.map((s) => ({ id: s.id, level: s.level, name: localName(s, lang), boundary: s.boundary }))}
            markers={[
              {
                key: String(o.id),
                lat: o.place.lat,
                lng: o.place.lng,
                count: 1,
                kind: o.handling === "forwarded" || o.handling === "linked" || o.handling === "resolved" ? "handled" : "open",
                label: t("observations.detail.mapLabel"),
              },
            ]}
            tiles={tiles}
            height={300}
          />
          <ApproximateNote show={approximate} />
        </Panel>
      ) : null}

      <Panel titleId="obs-answer" title={t("observations.detail.answer")} mb="xs">
        {o.publicReply ? (
          <Text style={{ whiteSpace: "pre-wrap" }} data-testid="public-reply">
            {o.publicReply}
          </Text>
        ) : (
          <Text>{t("observations.detail.noAnswer")}</Text>
        )}
        {o.organisation ? (
          <Text size="sm" mt="xs">
            {t("observations.detail.forwardedTo", { name: localName(o.organisation, lang) })}
          </Text>
        ) : null}
        {o.measure ? (
          <Text size="sm" mt="xs">
            {t("observations.detail.linkedTo")}{" "}
            <Anchor component={Link} to={`/measures/${o.measure.id}`} underline="always">
              {o.measure.code} <LangText value={localField(o.measure, "title", lang)} />
            </Anchor>
          </Text>
        ) : null}
      </Panel>

      {o.mayModerate ? <ModerationForms /> : null}
      {o.mayHandle && options ? <HandlingForm options={options} current={o.handling} /> : null}
    </Stack>
  );
}

function ModerationForms() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useZodForm(ObservationModerationSchema, {
    id: "refuse-observation",
    lastResult: actionData?.form === "moderate" ? actionData.result : undefined,
  });
  const reason = (fields as unknown as { reason: typeof fields.intent }).reason;
  return (
    <Panel titleId="obs-moderate" title={t("observations.moderate.title")} mb="xs">
      <Text size="sm" mb="sm">
        {t("observations.moderate.help")}
      </Text>
      <FormErrors errors={form.errors} />
      <Form method="post">
        <Button type="submit" name="intent" value="approve">
          {t("observations.moderate.approve")}
        </Button>
      </Form>
      <Form method="post" {...getFormProps(form)}>
        <Stack gap="xs" mt="md" maw={640}>
          <input type="hidden" name="intent" value="refuse" />
          <Textarea
            {...getTextareaProps(reason)}
            key={reason.key}
            label={t("observations.moderate.reason")}
            description={t("observations.moderate.reasonHelp")}
            autosize
            minRows={2}
            error={errorText(reason.errors)}
          />
          <SubmitRow label={t("observations.moderate.refuse")} variant="outline" color="red.9" />
        </Stack>
      </Form>
    </Panel>
  );
}

type Options = {
  organisations: { id: number; nameFi: string; nameSv: string | null; nameEn: string | null }[];
  measures: { id: number; code: string; title: string; titleSv: string | null; titleEn: string | null }[];
};

function HandlingForm({ options, current }: { options: Options; current: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(ObservationHandlingSchema, {
    id: "handle-observation",
    lastResult: actionData?.form === "handle" ? actionData.result : undefined,
    defaultValue: { handling: current === "open" ? "received" : current },
  });
  return (
    <Panel titleId="obs-handle" title={t("observations.handle.title")} mb="xs">
      <Form method="post" {...getFormProps(form)}>
        <Stack gap="sm" maw={640}>
          <FormErrors errors={form.errors} />
          <input type="hidden" name="intent" value="handle" />
          <FieldSelect
            field={fields.handling}
            label={t("observations.handle.state")}
            data={["received", "forwarded", "linked", "resolved"].map((v) => ({ value: v, label: t(`observations.handling.${v}`) }))}
          />
          <FieldSelect
            field={fields.organisationId}
            label={t("observations.handle.organisation")}
            description={t("observations.handle.organisationHelp")}
            data={[{ value: "", label: "–" }, ...options.organisations.map((o) => ({ value: String(o.id), label: localName(o, lang) }))]}
          />
          <FieldSelect
            field={fields.measureId}
            label={t("observations.handle.measure")}
            description={t("observations.handle.measureHelp")}
            data={[
              { value: "", label: "–" },
              ...options.measures.map((m) => ({ value: String(m.id), label: `${m.code} ${localField(m, "title", lang).text}` })),
            ]}
          />
          <FieldTextarea
            field={fields.publicReply}
            label={t("observations.handle.reply")}
            description={t("observations.handle.replyHelp")}
            minRows={3}
          />
          <SubmitRow label={t("observations.handle.save")} busy={navigation.state === "submitting"} />
        </Stack>
      </Form>
    </Panel>
  );
}

// One area for the coordinator: where it is used, and the two irreversible steps with their
// confirmation: merge it into another area of the same level (every reference moves), or remove
// it when nothing uses it. The work is in areas.server (one transaction, audited).
import { Anchor, Badge, Button, Checkbox, List, NativeSelect, Stack, Text, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { errorKey } from "~/forms/z";
import { AreaActionSchema, AreaMergedQuerySchema } from "~/forms/city-data";
import { translatorFor } from "~/i18n/i18n.server";
import { localName } from "~/i18n/names";
import { getAdminArea, listAreasForAdmin, mergeAreas, removeArea, type AreaUsage } from "~/server/city/areas.server";
import { authorize, idParam, notFound } from "~/server/people/guard.server";
import { FormErrors, IntentForm } from "~/ui/forms";
import { pageTitle } from "~/i18n/page-title";
import { Panel } from "~/ui/Panel";
import { Notice } from "~/ui/Notice";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  pageTitle(matches, ["titles.area", "admin.title"], { name: data?.pageTitle });

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "areas.manage" });
  const area = getAdminArea(idParam(params.areaId));
  if (!area) notFound();
  const targets = listAreasForAdmin().filter((a) => a.level === area.level && a.id !== area.id);
  const merged = AreaMergedQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  return json({ pageTitle: `${area.code} ${area.nameFi}`, area, targets, merged: merged.success ? merged.data.merged : null });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "areas.manage" });
  const areaId = idParam(params.areaId);
  const area = getAdminArea(areaId);
  if (!area) notFound();
  const parsed = AreaActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ errors: parsed.error.issues.map((i) => i.message) }, { status: 400 });
  if (parsed.data.intent === "merge") {
    const result = mergeAreas(viewer, areaId, parsed.data.intoId);
    if (result.ok) return redirect(`/admin/areas/${parsed.data.intoId}?merged=${result.moved}`);
    if (result.reason === "notFound") notFound();
    const message =
      result.reason === "indicatorConflict"
        ? errorKey("cityData.areas.errors.indicatorConflict", { count: result.count })
        : `cityData.areas.errors.${result.reason}`;
    return json({ errors: [message] }, { status: 409 });
  }
  const result = removeArea(viewer, areaId);
  if (result.ok) return redirect(`/admin/areas?${new URLSearchParams({ removed: `${area.code} ${area.nameFi}` })}`);
  if (result.reason === "notFound") notFound();
  const t = await translatorFor(request);
  const uses = (Object.entries(result.usage) as [keyof AreaUsage, number][])
    .filter(([, n]) => n > 0)
    .map(([use, n]) => `${t(`cityData.areas.usage.${use}`)} ${n}`)
    .join(", ");
  return json({ errors: [errorKey("cityData.areas.errors.inUse", { uses })] }, { status: 409 });
}

export default function AdminArea() {
  const { t, i18n } = useTranslation();
  const { area, targets, merged } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const name = `${area.code} ${localName(area, i18n.language)}`;
  const uses = Object.entries(area.usage).filter(([, n]) => n > 0);
  const busy = navigation.state === "submitting";
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/admin/areas">
        {t("cityData.areas.back")}
      </Anchor>
      <div>
        <Title order={2}>
          {name}{" "}
          {area.former ? (
            <Badge variant="light" color="dark">
              {t("cityData.former")}
            </Badge>
          ) : null}
        </Title>
        <Text>
          {t(`areaLevels.${area.level}`)}
          {area.parent ? ` · ${t("cityData.areas.parent")}: ${area.parent.code} ${localName(area.parent, i18n.language)}` : ""}
          {area.validFrom || area.validUntil ? ` · ${t("cityData.areas.validity")}: ${area.validFrom ?? ""}–${area.validUntil ?? ""}` : ""}
        </Text>
      </div>
      <Notice message={merged !== null ? t("cityData.areas.merge.done", { moved: merged }) : null} />
      {answer?.errors ? <FormErrors errors={answer.errors} id="area-action-errors" /> : null}

      <Panel order={3} mb="xs" titleId="area-usage" title={t("cityData.areas.usageTitle")}>
        {uses.length ? (
          <List size="sm">
            {uses.map(([use, n]) => (
              <List.Item key={use}>
                {t(`cityData.areas.usage.${use}`)}: {n}
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">{t("cityData.areas.unused")}</Text>
        )}
      </Panel>

      <Panel order={3} mb="xs" titleId="area-merge" title={t("cityData.areas.merge.title")}>
        <IntentForm intent="merge" aria-labelledby="area-merge">
          <Stack maw={560} gap="sm">
            <Text size="sm">{t("cityData.areas.merge.help")}</Text>
            <NativeSelect
              name="intoId"
              label={t("cityData.areas.merge.target")}
              required
              data={[
                { value: "", label: t("cityData.areas.merge.choose") },
                ...targets.map((a) => ({
                  value: String(a.id),
                  label: `${a.code} ${localName(a, i18n.language)}${a.former ? ` (${t("cityData.formerShort")})` : ""}`,
                })),
              ]}
            />
            <Checkbox name="confirm" required label={t("cityData.areas.merge.confirm", { name })} />
            <div>
              <Button type="submit" color="red" loading={busy && navigation.formData?.get("intent") === "merge"}>
                {t("cityData.areas.merge.submit")}
              </Button>
            </div>
          </Stack>
        </IntentForm>
      </Panel>

      <Panel order={3} mb="xs" titleId="area-remove" title={t("cityData.areas.remove.title")}>
        <IntentForm intent="remove" aria-labelledby="area-remove">
          <Stack maw={560} gap="sm">
            <Text size="sm">{t("cityData.areas.remove.help")}</Text>
            <Checkbox name="confirm" required label={t("cityData.areas.remove.confirm", { name })} />
            <div>
              <Button type="submit" color="red" loading={busy && navigation.formData?.get("intent") === "remove"}>
                {t("cityData.areas.remove.submit")}
              </Button>
            </div>
          </Stack>
        </IntentForm>
      </Panel>
    </Stack>
  );
}

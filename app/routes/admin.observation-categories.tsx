// /admin/observation-categories: the coordinators keep the list of observation categories in
// Finnish, Swedish and English: add one, rename one, retire one (it stays on the observations that
// have it, but new reports cannot choose it) or bring it back.
import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Badge, Button, Checkbox, Group, Paper, Stack, TextInput, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ObservationCategorySchema } from "~/forms/observations";
import { pageTitle } from "~/i18n/page-title";
import { addCategory, listCategories, updateCategory } from "~/server/observations/observations.server";
import { authorize, forbidden, notFound } from "~/server/people/guard.server";
import { FormErrors, useErrorText, useZodForm } from "~/ui/forms";
import { namesFrom } from "~/i18n/names";
import { PageHeading } from "~/ui/PageHeading";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, ["observations.categories.title", "admin.title"]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await authorize(request, context, { kind: "observation.categories" });
  return json({ categories: listCategories({ includeRetired: true }) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const viewer = await authorize(request, context, { kind: "observation.categories" });
  const submission = parseWithZod(await request.formData(), { schema: ObservationCategorySchema });
  if (submission.status !== "success") return json({ id: submission.payload.id ?? "new", result: submission.reply() }, { status: 400 });
  const v = submission.value;
  const done = v.intent === "add" ? addCategory(viewer, v) : updateCategory(viewer, v.id, v);
  if (!done.ok) return done.reason === "notFound" ? notFound() : forbidden();
  return redirect("/admin/observation-categories");
}

export default function ObservationCategories() {
  const { t } = useTranslation();
  const { categories } = useLoaderData<typeof loader>();
  return (
    <Stack gap="lg">
      <PageHeading order={2} title={t("observations.categories.title")} intro={t("observations.categories.intro")} />
      {categories.map((c) => (
        <CategoryForm key={c.id} category={c} />
      ))}
      <CategoryForm category={null} />
    </Stack>
  );
}

function CategoryForm({ category }: { category: { id: number; nameFi: string; nameSv: string; nameEn: string; retired: boolean } | null }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const actionData = useActionData<typeof action>();
  const formId = category ? `category-${category.id}` : "category-new";
  const [form, fields] = useZodForm(ObservationCategorySchema, {
    id: formId,
    lastResult: actionData && String(actionData.id) === (category ? String(category.id) : "new") ? actionData.result : undefined,
    defaultValue: category ? { ...namesFrom(category) } : undefined,
  });
  const headingId = `${formId}-title`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Group gap="xs" mb="xs">
        <Title order={3} size="h4" id={headingId}>
          {category ? category.nameFi : t("observations.categories.add")}
        </Title>
        {category?.retired ? (
          <Badge variant="outline" color="dark">
            {t("observations.categories.retired")}
          </Badge>
        ) : null}
      </Group>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="intent" value={category ? "update" : "add"} />
        {category ? <input type="hidden" name="id" value={category.id} /> : null}
        <Group align="start" grow>
          {(["nameFi", "nameSv", "nameEn"] as const).map((k) => (
            <TextInput
              {...getInputProps(fields[k], { type: "text" })}
              key={fields[k].key}
              label={t(`observations.categories.${k}`)}
              withAsterisk
              error={errorText(fields[k].errors)}
            />
          ))}
        </Group>
        {category ? (
          <Checkbox mt="sm" name="retired" defaultChecked={category.retired} label={t("observations.categories.retire")} />
        ) : null}
        <Button type="submit" mt="sm" variant={category ? "light" : "filled"}>
          {category ? t("observations.categories.save") : t("observations.categories.add")}
        </Button>
      </Form>
    </Paper>
  );
}

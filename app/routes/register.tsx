import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Anchor, Button, Checkbox, NativeSelect, Paper, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RegisterSchema } from "~/forms/auth";
import { detectLanguage, languageCookie } from "~/i18n/i18n.server";
import { localName } from "~/i18n/names";
import { registerResident } from "~/server/people/accounts.server";
import { startSession } from "~/server/people/auth.server";
import { listSelectableAreas } from "~/server/people/directory.server";
import { getViewer } from "~/server/people/guard.server";
import { homePathFor } from "~/server/people/permissions.server";
import { FormErrors, useErrorText } from "~/ui/forms";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const viewer = await getViewer(request, context);
  if (viewer) throw redirect(homePathFor(viewer));
  return json({ areas: listSelectableAreas() });
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: RegisterSchema });
  const hideFields = ["password", "passwordConfirm"];
  if (submission.status !== "success") return json(submission.reply({ hideFields }), { status: 400 });
  const locale = await detectLanguage(request);
  const result = await registerResident({ ...submission.value, locale });
  if (!result.ok) return json(submission.reply({ fieldErrors: { [result.field]: [result.reason] }, hideFields }), { status: 400 });
  const headers = new Headers();
  headers.append("Set-Cookie", await startSession(result.userId, request.headers.get("user-agent")));
  headers.append("Set-Cookie", await languageCookie.serialize(locale));
  return redirect("/my-area?welcome=1", { headers });
}

export default function RegisterPage() {
  const { t, i18n } = useTranslation();
  const { areas } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const navigation = useNavigation();
  const errorText = useErrorText();
  const [form, fields] = useForm({
    lastResult,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegisterSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });

  // Residents choose a district or sub-area, grouped under its major district.
  const majors = areas.filter((a) => a.level === "major_district");
  const byParent = (id: number) => areas.filter((a) => a.parentId === id);
  const areaOptions = [
    { value: "", label: t("register.chooseArea") },
    ...majors.map((major) => ({
      group: localName(major, i18n.language),
      items: byParent(major.id).flatMap((district) => [
        { value: String(district.id), label: localName(district, i18n.language) },
        ...byParent(district.id).map((sub) => ({
          value: String(sub.id),
          label: `${localName(district, i18n.language)} – ${localName(sub, i18n.language)}`,
        })),
      ]),
    })),
  ];

  return (
    <Stack maw={520} mx="auto" py="xl">
      <Title order={1}>{t("register.title")}</Title>
      <Text>{t("register.intro")}</Text>
      <Paper withBorder p="lg" radius="md">
        <Form method="post" {...getFormProps(form)}>
          <Stack>
            <FormErrors errors={form.errors} id={form.errorId} />
            <TextInput
              key={fields.name.key}
              name={fields.name.name}
              defaultValue={fields.name.initialValue}
              label={t("register.name")}
              autoComplete="name"
              required
              error={errorText(fields.name.errors)}
            />
            <TextInput
              key={fields.email.key}
              name={fields.email.name}
              defaultValue={fields.email.initialValue}
              label={t("auth.email")}
              type="email"
              autoComplete="email"
              required
              error={errorText(fields.email.errors)}
            />
            <NativeSelect
              key={fields.areaId.key}
              name={fields.areaId.name}
              defaultValue={fields.areaId.initialValue}
              label={t("register.homeArea")}
              description={t("register.homeAreaHelp")}
              data={areaOptions}
              required
              error={errorText(fields.areaId.errors)}
            />
            <PasswordInput
              key={fields.password.key}
              name={fields.password.name}
              label={t("auth.newPassword")}
              description={t("auth.passwordRule")}
              autoComplete="new-password"
              required
              error={errorText(fields.password.errors)}
            />
            <PasswordInput
              key={fields.passwordConfirm.key}
              name={fields.passwordConfirm.name}
              label={t("auth.passwordConfirm")}
              autoComplete="new-password"
              required
              error={errorText(fields.passwordConfirm.errors)}
            />
            <Checkbox
              key={fields.privacyAccepted.key}
              name={fields.privacyAccepted.name}
              defaultChecked={fields.privacyAccepted.initialValue === "on"}
              label={
                <>
                  {t("register.privacyAccept")}{" "}
                  <Anchor component={Link} to="/privacy" target="_blank">
                    {t("footer.privacy")}
                  </Anchor>
                </>
              }
              error={errorText(fields.privacyAccepted.errors)}
            />
            <Button type="submit" loading={navigation.state === "submitting"}>
              {t("register.submit")}
            </Button>
          </Stack>
        </Form>
      </Paper>
    </Stack>
  );
}

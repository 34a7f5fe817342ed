import { parseWithZod } from "@conform-to/zod";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RegisterSchema } from "~/forms/auth";
import { detectLanguage, languageCookie } from "~/i18n/i18n.server";
import { localName } from "~/i18n/names";
import { registerResident } from "~/server/people/accounts.server";
import { startSession } from "~/server/people/auth.server";
import { listSelectableAreas } from "~/server/people/directory.server";
import { getViewer } from "~/server/people/guard.server";
import { homePathFor } from "~/server/people/permissions.server";
import { AuthFormPage } from "~/ui/auth/AuthFormPage";
import { NameAndEmailFields } from "~/ui/auth/NameAndEmailFields";
import { NewPasswordFields } from "~/ui/auth/NewPasswordFields";
import { FieldSelect, useZodForm } from "~/ui/forms";
import { pageTitle } from "~/i18n/page-title";
import { PrivacyConsentField } from "~/ui/auth/PrivacyConsentField";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "register.title");

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
  const [form, fields] = useZodForm(RegisterSchema, {
    lastResult,
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
    <AuthFormPage form={form} title={t("register.title")} intro={t("register.intro")} maxWidth={520} submitLabel={t("register.submit")}>
      <NameAndEmailFields name={fields.name} email={fields.email} nameLabel={t("register.name")} />
      <FieldSelect
        field={fields.areaId}
        label={t("register.homeArea")}
        description={t("register.homeAreaHelp")}
        data={areaOptions}
        required
      />
      <NewPasswordFields password={fields.password} passwordConfirm={fields.passwordConfirm} />
      <PrivacyConsentField field={fields.privacyAccepted} />
    </AuthFormPage>
  );
}

// A new password and its confirmation: registration, the first run, an accepted invitation and the
// account page's password change all ask for them with the same rule and autocomplete hints.
import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { FieldPasswordInput } from "~/ui/forms";

export function NewPasswordFields({
  password,
  passwordConfirm,
  labels,
}: {
  password: FieldMetadata<string>;
  passwordConfirm: FieldMetadata<string>;
  /** The texts, when a page words them its own way (the first run does). */
  labels?: { password: string; passwordHelp: string; passwordConfirm: string };
}) {
  const { t } = useTranslation();
  const text = labels ?? {
    password: t("auth.newPassword"),
    passwordHelp: t("auth.passwordRule"),
    passwordConfirm: t("auth.passwordConfirm"),
  };
  return (
    <>
      <FieldPasswordInput field={password} label={text.password} description={text.passwordHelp} autoComplete="new-password" required />
      <FieldPasswordInput field={passwordConfirm} label={text.passwordConfirm} autoComplete="new-password" required />
    </>
  );
}

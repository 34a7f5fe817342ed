// A new password and its confirmation: registration, the first run, an accepted invitation and the
// account page's password change all ask for them with the same rule and autocomplete hints.
import type { FieldMetadata } from "@conform-to/react";
import { PasswordInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useErrorText } from "~/ui/forms";

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
  const errorText = useErrorText();
  const text = labels ?? {
    password: t("auth.newPassword"),
    passwordHelp: t("auth.passwordRule"),
    passwordConfirm: t("auth.passwordConfirm"),
  };
  return (
    <>
      <PasswordInput
        key={password.key}
        name={password.name}
        label={text.password}
        description={text.passwordHelp}
        autoComplete="new-password"
        required
        error={errorText(password.errors)}
      />
      <PasswordInput
        key={passwordConfirm.key}
        name={passwordConfirm.name}
        label={text.passwordConfirm}
        autoComplete="new-password"
        required
        error={errorText(passwordConfirm.errors)}
      />
    </>
  );
}

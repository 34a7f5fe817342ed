// Who is signing up: the first coordinator and a registering resident give their own name and
// e-mail address, with the browser's autofill hints for their own details.
import type { FieldMetadata } from "@conform-to/react";
import { TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useErrorText } from "~/ui/forms";

export function NameAndEmailFields({
  name,
  email,
  nameLabel,
  emailLabel,
}: {
  name: FieldMetadata<string>;
  email: FieldMetadata<string>;
  nameLabel: string;
  /** Defaults to the sign-in page's "E-mail". */
  emailLabel?: string;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <>
      <TextInput
        key={name.key}
        name={name.name}
        defaultValue={name.initialValue}
        label={nameLabel}
        autoComplete="name"
        required
        error={errorText(name.errors)}
      />
      <TextInput
        key={email.key}
        name={email.name}
        defaultValue={email.initialValue}
        label={emailLabel ?? t("auth.email")}
        type="email"
        autoComplete="email"
        required
        error={errorText(email.errors)}
      />
    </>
  );
}

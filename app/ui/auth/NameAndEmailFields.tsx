// Who is signing up: the first coordinator and a registering resident give their own name and
// e-mail address, with the browser's autofill hints for their own details.
import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { FieldTextInput } from "~/ui/forms";

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
  return (
    <>
      <FieldTextInput field={name} label={nameLabel} autoComplete="name" required />
      <FieldTextInput field={email} label={emailLabel ?? t("auth.email")} type="email" autoComplete="email" required />
    </>
  );
}

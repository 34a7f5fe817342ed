// The consent a new resident gives to the privacy notice, with the notice one click away (in a new
// tab, so that what was typed stays).
import { Anchor } from "@mantine/core";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FieldCheckbox } from "~/ui/forms";

export function PrivacyConsentField({ field }: { field: Parameters<typeof FieldCheckbox>[0]["field"] }) {
  const { t } = useTranslation();
  return (
    <FieldCheckbox
      field={field}
      label={
        <>
          {t("register.privacyAccept")}{" "}
          <Anchor component={Link} to="/privacy" target="_blank">
            {t("footer.privacy")}
          </Anchor>
        </>
      }
    />
  );
}

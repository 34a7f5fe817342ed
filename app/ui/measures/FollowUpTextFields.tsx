// The four texts of a follow-up entry (done, next, obstacles, public text, the last also in Swedish
// and English), the same on the follow-up form and on the page that corrects an entry; only the
// first shows the help texts.
import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { FieldTextarea } from "~/ui/forms";
import { TranslationFields } from "~/ui/TranslationFields";

type Fields = {
  done: FieldMetadata<string>;
  next: FieldMetadata<string>;
  obstacles: FieldMetadata<string>;
  publicText: FieldMetadata<string>;
  publicTextSv: FieldMetadata<string | undefined>;
  publicTextEn: FieldMetadata<string | undefined>;
};

export function FollowUpTextFields({ fields, withHelp }: { fields: Fields; withHelp: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <FieldTextarea
        field={fields.done}
        label={t("measures.fields.done")}
        description={withHelp ? t("measures.fields.doneHelp") : undefined}
        minRows={3}
        required
      />
      <FieldTextarea field={fields.next} label={t("measures.fields.next")} minRows={2} />
      <FieldTextarea field={fields.obstacles} label={t("measures.fields.obstacles")} minRows={2} />
      <FieldTextarea
        field={fields.publicText}
        label={t("measures.fields.publicText")}
        description={withHelp ? t("measures.fields.publicTextHelp") : undefined}
        minRows={2}
      />
      <TranslationFields sv={fields.publicTextSv} en={fields.publicTextEn} label={t("measures.fields.publicText")} multiline />
    </>
  );
}

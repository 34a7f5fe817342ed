// The four texts of a follow-up entry (done, next, obstacles, public text, the last also in Swedish
// and English), the same on the follow-up form and on the page that corrects an entry; only the
// first shows the help texts.
import type { FieldMetadata } from "@conform-to/react";
import { Textarea } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useErrorText } from "~/ui/forms";
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
  const errorText = useErrorText();
  return (
    <>
      <Textarea
        key={fields.done.key}
        name={fields.done.name}
        defaultValue={fields.done.initialValue}
        label={t("measures.fields.done")}
        description={withHelp ? t("measures.fields.doneHelp") : undefined}
        autosize
        minRows={3}
        required
        error={errorText(fields.done.errors)}
      />
      <Textarea
        key={fields.next.key}
        name={fields.next.name}
        defaultValue={fields.next.initialValue}
        label={t("measures.fields.next")}
        autosize
        minRows={2}
        error={errorText(fields.next.errors)}
      />
      <Textarea
        key={fields.obstacles.key}
        name={fields.obstacles.name}
        defaultValue={fields.obstacles.initialValue}
        label={t("measures.fields.obstacles")}
        autosize
        minRows={2}
        error={errorText(fields.obstacles.errors)}
      />
      <Textarea
        key={fields.publicText.key}
        name={fields.publicText.name}
        defaultValue={fields.publicText.initialValue}
        label={t("measures.fields.publicText")}
        description={withHelp ? t("measures.fields.publicTextHelp") : undefined}
        autosize
        minRows={2}
        error={errorText(fields.publicText.errors)}
      />
      <TranslationFields sv={fields.publicTextSv} en={fields.publicTextEn} label={t("measures.fields.publicText")} multiline />
    </>
  );
}

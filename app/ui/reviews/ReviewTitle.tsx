// A status review's title in the reader's language (a Finnish fallback carries lang="fi", so a
// screen reader pronounces it right), and the three title inputs the new-review and rename forms share.
import type { FieldMetadata } from "@conform-to/react";
import { SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FieldTextInput } from "~/ui/forms";

/** A title as `reviewTitleIn` (server/steering/review-titles) gives it: the text and its language. */
export type LocalTitle = { text: string; lang: string };

export function ReviewTitleText({ title }: { title: LocalTitle }) {
  const { i18n } = useTranslation();
  return title.lang === i18n.language ? <>{title.text}</> : <span lang={title.lang}>{title.text}</span>;
}

type TitleFields = { title: FieldMetadata<string>; titleSv: FieldMetadata<string>; titleEn: FieldMetadata<string> };

/** Finnish required, Swedish and English optional: three inputs in a row on a wide screen. */
export function ReviewTitleFields({ fields }: { fields: TitleFields }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      <FieldTextInput
        field={fields.title}
        label={t("reviews.reviewTitleFi")}
        placeholder={t("reviews.titlePlaceholder")}
        lang="fi"
        required
      />
      <FieldTextInput
        field={fields.titleSv}
        label={t("reviews.reviewTitleSv")}
        description={t("reviews.titleTranslationsHelp")}
        lang="sv"
      />
      <FieldTextInput
        field={fields.titleEn}
        label={t("reviews.reviewTitleEn")}
        description={t("reviews.titleTranslationsHelp")}
        lang="en"
      />
    </SimpleGrid>
  );
}

// The Swedish and English versions of a Finnish text, folded under the Finnish field while both are
// empty: most entries are written in Finnish only, and the page then falls back to Finnish. A
// native <details> opens by keyboard and works without JavaScript; it opens itself when a version
// is filled in or has an error, so nothing typed is hidden.
import type { FieldMetadata } from "@conform-to/react";
import { Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useErrorText } from "~/ui/forms";

type Field = FieldMetadata<string | undefined>;

export function TranslationFields({
  sv,
  en,
  label,
  multiline = false,
}: {
  sv: Field;
  en: Field;
  /** The Finnish field's label, e.g. "Otsikko": the versions are "Otsikko ruotsiksi" and so on. */
  label: string;
  multiline?: boolean;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const open = !!(sv.initialValue || en.initialValue || sv.errors?.length || en.errors?.length);
  const input = (field: Field, lang: "sv" | "en", text: string) => {
    const props = {
      name: field.name,
      defaultValue: field.initialValue ?? "",
      label: text,
      lang,
      error: errorText(field.errors),
    };
    return multiline ? <Textarea key={field.key} {...props} autosize minRows={2} /> : <TextInput key={field.key} {...props} />;
  };
  return (
    <details open={open} className="translation-fields">
      <summary>{t("bilingual.summary", { field: label })}</summary>
      <Stack gap="xs" mt="xs">
        <Text size="sm" c="dimmed">
          {t("bilingual.help")}
        </Text>
        {input(sv, "sv", t("bilingual.inSwedish", { field: label }))}
        {input(en, "en", t("bilingual.inEnglish", { field: label }))}
      </Stack>
    </details>
  );
}

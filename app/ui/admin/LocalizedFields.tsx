// Names and descriptions in Finnish, Swedish and English: organisations, strategy programmes, goals,
// plans and priority areas are all named this way. Finnish is required for a name; the other two
// languages fall back to it (see i18n/names), so they are optional.
import type { FieldMetadata } from "@conform-to/react";
import { SimpleGrid, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useErrorText } from "~/ui/forms";

type NameFields = { nameFi: FieldMetadata<string>; nameSv: FieldMetadata<string>; nameEn: FieldMetadata<string> };
type DescriptionFields = {
  descriptionFi: FieldMetadata<string>;
  descriptionSv: FieldMetadata<string>;
  descriptionEn: FieldMetadata<string>;
};

/** The three name inputs, as siblings, so a page can place them in its own grid. */
export function LocalizedNameFields({ fields }: { fields: NameFields }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <>
      <TextInput
        key={fields.nameFi.key}
        name={fields.nameFi.name}
        defaultValue={fields.nameFi.initialValue}
        label={t("admin.nameFi")}
        required
        error={errorText(fields.nameFi.errors)}
      />
      <TextInput
        key={fields.nameSv.key}
        name={fields.nameSv.name}
        defaultValue={fields.nameSv.initialValue}
        label={t("admin.nameSv")}
        error={errorText(fields.nameSv.errors)}
      />
      <TextInput
        key={fields.nameEn.key}
        name={fields.nameEn.name}
        defaultValue={fields.nameEn.initialValue}
        label={t("admin.nameEn")}
        error={errorText(fields.nameEn.errors)}
      />
    </>
  );
}

/**
 * The three description boxes. A plan or a programme has a long Finnish text above the two
 * translations; a priority area's short texts (`inRow`) sit side by side.
 */
export function LocalizedDescriptionFields({ fields, inRow = false }: { fields: DescriptionFields; inRow?: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const box = (field: FieldMetadata<string>, label: string, minRows: number) => (
    <Textarea
      key={field.key}
      name={field.name}
      defaultValue={field.initialValue}
      label={label}
      autosize
      minRows={minRows}
      error={errorText(field.errors)}
    />
  );
  const finnish = box(fields.descriptionFi, t("plans.descriptionFi"), inRow ? 2 : 3);
  const swedish = box(fields.descriptionSv, t("plans.descriptionSv"), 2);
  const english = box(fields.descriptionEn, t("plans.descriptionEn"), 2);
  if (inRow) {
    return (
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {finnish}
        {swedish}
        {english}
      </SimpleGrid>
    );
  }
  return (
    <>
      {finnish}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {swedish}
        {english}
      </SimpleGrid>
    </>
  );
}

/** A saved record's names as the form's starting values (conform wants strings, not nulls). */
export const localizedNameDefaults = (record: { nameFi: string; nameSv: string | null; nameEn: string | null }) => ({
  nameFi: record.nameFi,
  nameSv: record.nameSv ?? "",
  nameEn: record.nameEn ?? "",
});

/** A saved record's descriptions as the form's starting values. */
export const localizedDescriptionDefaults = (record: {
  descriptionFi: string | null;
  descriptionSv: string | null;
  descriptionEn: string | null;
}) => ({
  descriptionFi: record.descriptionFi ?? "",
  descriptionSv: record.descriptionSv ?? "",
  descriptionEn: record.descriptionEn ?? "",
});

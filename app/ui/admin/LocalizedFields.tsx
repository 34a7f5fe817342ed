// Names and descriptions in Finnish, Swedish and English: organisations, strategy programmes, goals,
// plans and priority areas are all named this way. Finnish is required for a name; the other two
// languages fall back to it (see i18n/names), so they are optional.
import type { FieldMetadata } from "@conform-to/react";
import { SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FieldTextInput, FieldTextarea } from "~/ui/forms";

type NameFields = { nameFi: FieldMetadata<string>; nameSv: FieldMetadata<string>; nameEn: FieldMetadata<string> };
type DescriptionFields = {
  descriptionFi: FieldMetadata<string>;
  descriptionSv: FieldMetadata<string>;
  descriptionEn: FieldMetadata<string>;
};

/** The three name inputs, as siblings, so a page can place them in its own grid. */
export function LocalizedNameFields({ fields }: { fields: NameFields }) {
  const { t } = useTranslation();
  return (
    <>
      <FieldTextInput field={fields.nameFi} label={t("admin.nameFi")} required />
      <FieldTextInput field={fields.nameSv} label={t("admin.nameSv")} />
      <FieldTextInput field={fields.nameEn} label={t("admin.nameEn")} />
    </>
  );
}

/**
 * The three description boxes. A plan or a programme has a long Finnish text above the two
 * translations; a priority area's short texts (`inRow`) sit side by side.
 */
export function LocalizedDescriptionFields({ fields, inRow = false }: { fields: DescriptionFields; inRow?: boolean }) {
  const { t } = useTranslation();
  const box = (field: FieldMetadata<string>, label: string, minRows: number) => (
    <FieldTextarea field={field} label={label} minRows={minRows} />
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

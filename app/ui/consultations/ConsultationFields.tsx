// A consultation's fields as the new and edit forms ask for them: title and description in three
// languages, the open period in Helsinki time, the areas (any level; none = the whole city) and
// whether results go public. Once answered, the edit form shows the locked fields disabled.
import type { FieldMetadata } from "@conform-to/react";
import { SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FieldCheckbox, FieldTextInput, checkedList, useErrorText, FieldCheckboxList } from "~/ui/forms";

type Field = FieldMetadata<string | string[] | boolean | number | undefined>;
type Fields = Record<string, Field>;

export type AreaChoice = { id: number; level: string; nameFi: string; nameSv: string | null; depth: number };

export function ConsultationFields({
  fields,
  areas,
  frozen = false,
  withOpening = true,
}: {
  fields: Fields;
  areas: AreaChoice[];
  frozen?: boolean;
  withOpening?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const text = (name: string, label: string, required = false, long = false) => {
    const f = fields[name];
    const Input = long ? Textarea : TextInput;
    return (
      <Input
        key={f.key}
        name={f.name}
        defaultValue={(f.initialValue as string | undefined) ?? ""}
        label={label}
        required={required}
        error={errorText(f.errors)}
        {...(long ? { autosize: true, minRows: 3 } : {})}
      />
    );
  };
  const time = (name: string, label: string, type: "date" | "time", disabled = false) => {
    const f = fields[name];
    return (
      <FieldTextInput
        field={f}
        type={type}
        defaultValue={(f.initialValue as string | undefined) ?? ""}
        label={label}
        description={type === "time" ? t("consultations.form.timeHelp") : undefined}
        required
        disabled={disabled}
      />
    );
  };
  const areaName = (a: AreaChoice) =>
    `${"· ".repeat(a.depth)}${t(`areaLevels.${a.level}`)}: ${i18n.language === "sv" && a.nameSv ? a.nameSv : a.nameFi}`;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {text("titleFi", t("consultations.form.titleFi"), true)}
        {text("titleSv", t("consultations.form.titleSv"))}
        {text("titleEn", t("consultations.form.titleEn"))}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {text("descriptionFi", t("consultations.form.descriptionFi"), true, true)}
        {text("descriptionSv", t("consultations.form.descriptionSv"), false, true)}
        {text("descriptionEn", t("consultations.form.descriptionEn"), false, true)}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        {withOpening ? time("opensDate", t("consultations.form.opensDate"), "date", frozen) : null}
        {withOpening ? time("opensTime", t("consultations.form.opensTime"), "time", frozen) : null}
        {time("closesDate", t("consultations.form.closesDate"), "date")}
        {time("closesTime", t("consultations.form.closesTime"), "time")}
      </SimpleGrid>
      {frozen ? (
        // Locked after the first answer: sent back unchanged so the save changes only what may change.
        <>
          {checkedList(fields.areaIds.initialValue).map((id) => (
            <input key={id} type="hidden" name={fields.areaIds.name} value={id} />
          ))}
          {fields.resultsPublic.initialValue === "on" ? <input type="hidden" name={fields.resultsPublic.name} value="on" /> : null}
        </>
      ) : (
        <>
          <FieldCheckboxList
            field={fields.areaIds}
            label={t("consultations.form.areas")}
            items={areas.map((a) => ({ value: String(a.id), label: areaName(a) }))}
          />
          <Text size="sm" c="dimmed">
            {t("consultations.form.areasHelp")}
          </Text>
          <FieldCheckbox
            field={fields.resultsPublic}
            label={t("consultations.form.resultsPublic")}
            description={t("consultations.form.resultsPublicHelp")}
          />
        </>
      )}
    </Stack>
  );
}

// What an import row changes, field by field: "nimi ruotsiksi: (tyhjä) → Estnäs". Used by the
// area and organisation imports' previews; "Ei muutoksia" when nothing changes.
import { List, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";

export type FieldChange = { field: string; from: string | null; to: string | null };

export function FieldChanges({ changes, format }: { changes: FieldChange[]; format?: (field: string, value: string) => string }) {
  const { t } = useTranslation();
  if (!changes.length) return <Text size="sm">{t("cityData.diff.none")}</Text>;
  const shown = (field: string, value: string | null) =>
    value === null || value === "" ? t("cityData.diff.empty") : format ? format(field, value) : value;
  return (
    <List size="sm" spacing={2}>
      {changes.map((c) => (
        <List.Item key={c.field} data-field={c.field}>
          {t(`cityData.diff.fields.${c.field}`)}: {shown(c.field, c.from)} → {shown(c.field, c.to)}
        </List.Item>
      ))}
    </List>
  );
}

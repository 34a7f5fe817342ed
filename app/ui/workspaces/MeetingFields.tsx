// A meeting's title, time and place: the same fields when a meeting is called and when it is edited.
import type { FieldMetadata } from "@conform-to/react";
import { SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FieldTextInput } from "~/ui/forms";

type Fields = {
  title: FieldMetadata<string>;
  date: FieldMetadata<string>;
  start: FieldMetadata<string>;
  end: FieldMetadata<string>;
  place: FieldMetadata<string>;
  onlineUrl: FieldMetadata<string>;
};

export function MeetingFields({ fields }: { fields: Fields }) {
  const { t } = useTranslation();
  return (
    <>
      <FieldTextInput field={fields.title} label={t("workspaces.meetings.fields.title")} required />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <FieldTextInput field={fields.date} type="date" label={t("workspaces.meetings.fields.date")} required />
        <FieldTextInput field={fields.start} type="time" label={t("workspaces.meetings.fields.start")} required />
        <FieldTextInput field={fields.end} type="time" label={t("workspaces.meetings.fields.end")} required />
      </SimpleGrid>
      <FieldTextInput field={fields.place} label={t("workspaces.meetings.fields.place")} />
      <FieldTextInput field={fields.onlineUrl} type="url" label={t("workspaces.meetings.fields.onlineUrl")} />
    </>
  );
}

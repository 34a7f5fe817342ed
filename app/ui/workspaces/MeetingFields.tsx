// A meeting's title, time and place: the same fields when a meeting is called and when it is edited.
import type { FieldMetadata } from "@conform-to/react";
import { SimpleGrid, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useErrorText } from "~/ui/forms";

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
  const errorText = useErrorText();
  return (
    <>
      <TextInput
        key={fields.title.key}
        name={fields.title.name}
        defaultValue={fields.title.initialValue}
        label={t("workspaces.meetings.fields.title")}
        required
        error={errorText(fields.title.errors)}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          key={fields.date.key}
          name={fields.date.name}
          defaultValue={fields.date.initialValue}
          type="date"
          label={t("workspaces.meetings.fields.date")}
          required
          error={errorText(fields.date.errors)}
        />
        <TextInput
          key={fields.start.key}
          name={fields.start.name}
          defaultValue={fields.start.initialValue}
          type="time"
          label={t("workspaces.meetings.fields.start")}
          required
          error={errorText(fields.start.errors)}
        />
        <TextInput
          key={fields.end.key}
          name={fields.end.name}
          defaultValue={fields.end.initialValue}
          type="time"
          label={t("workspaces.meetings.fields.end")}
          required
          error={errorText(fields.end.errors)}
        />
      </SimpleGrid>
      <TextInput
        key={fields.place.key}
        name={fields.place.name}
        defaultValue={fields.place.initialValue}
        label={t("workspaces.meetings.fields.place")}
        error={errorText(fields.place.errors)}
      />
      <TextInput
        key={fields.onlineUrl.key}
        name={fields.onlineUrl.name}
        defaultValue={fields.onlineUrl.initialValue}
        type="url"
        label={t("workspaces.meetings.fields.onlineUrl")}
        error={errorText(fields.onlineUrl.errors)}
      />
    </>
  );
}

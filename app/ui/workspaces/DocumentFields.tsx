import type { FieldMetadata } from "@conform-to/react";
import { NativeSelect, SimpleGrid, Textarea, TextInput } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PUBLICITY_CLASSES } from "../../../db/schema";
import { useErrorText } from "~/ui/forms";
import { LinkSelect } from "./LinkSelect";

type Fields = {
  title: FieldMetadata<string>;
  description: FieldMetadata<string>;
  publicity: FieldMetadata<string>;
  legalGround: FieldMetadata<string>;
  secretUntil: FieldMetadata<string>;
  link: FieldMetadata<string>;
};

type Options = {
  measures: { id: number; code: string; title: string }[];
  reviews: { id: number; title: string }[];
  plans: { id: number; nameFi: string; nameSv: string | null; nameEn: string | null }[];
};

/** Title, class under Act 621/1999 with its legal ground and secrecy period, and what it concerns. */
export function DocumentFields({ fields, options }: { fields: Fields; options: Options }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <>
      <TextInput
        key={fields.title.key}
        name={fields.title.name}
        defaultValue={fields.title.initialValue}
        label={t("workspaces.documents.docTitle")}
        required
        error={errorText(fields.title.errors)}
      />
      <Textarea
        key={fields.description.key}
        name={fields.description.name}
        defaultValue={fields.description.initialValue}
        label={t("workspaces.documents.description")}
        autosize
        minRows={2}
        error={errorText(fields.description.errors)}
      />
      <NativeSelect
        key={fields.publicity.key}
        name={fields.publicity.name}
        defaultValue={fields.publicity.initialValue ?? "public"}
        label={t("workspaces.documents.publicity")}
        description={t("workspaces.documents.publicityHelp")}
        data={PUBLICITY_CLASSES.map((c) => ({ value: c, label: t(`workspaces.documents.class.${c}`) }))}
        error={errorText(fields.publicity.errors)}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          key={fields.legalGround.key}
          name={fields.legalGround.name}
          defaultValue={fields.legalGround.initialValue}
          label={t("workspaces.documents.legalGround")}
          description={t("workspaces.documents.legalGroundHelp")}
          error={errorText(fields.legalGround.errors)}
        />
        <TextInput
          key={fields.secretUntil.key}
          name={fields.secretUntil.name}
          defaultValue={fields.secretUntil.initialValue}
          type="date"
          label={t("workspaces.documents.secretUntil")}
          error={errorText(fields.secretUntil.errors)}
        />
      </SimpleGrid>
      <LinkSelect
        key={fields.link.key}
        name={fields.link.name}
        defaultValue={fields.link.initialValue}
        options={options}
        label={t("workspaces.documents.concerns")}
        error={errorText(fields.link.errors)}
      />
    </>
  );
}

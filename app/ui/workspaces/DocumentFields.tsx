import type { FieldMetadata } from "@conform-to/react";
import { SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { PUBLICITY_CLASSES } from "../../../db/schema";
import { FieldSelect, FieldTextInput, FieldTextarea, useErrorText } from "~/ui/forms";
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
      <FieldTextInput field={fields.title} label={t("workspaces.documents.docTitle")} required />
      <FieldTextarea field={fields.description} label={t("workspaces.documents.description")} minRows={2} />
      <FieldSelect
        field={fields.publicity}
        defaultValue={fields.publicity.initialValue ?? "public"}
        label={t("workspaces.documents.publicity")}
        description={t("workspaces.documents.publicityHelp")}
        data={PUBLICITY_CLASSES.map((c) => ({ value: c, label: t(`workspaces.documents.class.${c}`) }))}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <FieldTextInput
          field={fields.legalGround}
          label={t("workspaces.documents.legalGround")}
          description={t("workspaces.documents.legalGroundHelp")}
        />
        <FieldTextInput field={fields.secretUntil} type="date" label={t("workspaces.documents.secretUntil")} />
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

// The indicator definition form: creating and editing an indicator share it (coordinators).
import { getFormProps, type SubmissionResult } from "@conform-to/react";
import { SimpleGrid, Stack } from "@mantine/core";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { INDICATOR_DIRECTIONS, INDICATOR_RESOLUTIONS } from "../../../db/schema";
import { IndicatorDefinitionSchema, type IndicatorDefinitionForm as Values } from "~/forms/indicators";
import { FieldSelect, FieldTextInput, FieldTextarea, FormErrors, useZodForm, FieldCheckboxList, SubmitRow } from "~/ui/forms";

type Option = { value: string; label: string };
const text = (value: unknown) => (typeof value === "string" ? value : undefined);

export function IndicatorDefinitionForm({
  lastResult,
  defaultValue,
  priorityAreas,
  version,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: Partial<Record<keyof Values, string | string[]>>;
  priorityAreas: Option[];
  /** The version being edited (a conflict answer carries the newer one); none when creating. */
  version?: number;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useZodForm(IndicatorDefinitionSchema, {
    lastResult,
    defaultValue,
    shouldRevalidate: "onInput",
  });
  const input = (name: "key" | "nameFi" | "nameSv" | "nameEn" | "unit" | "source", label: string, extra: Record<string, unknown> = {}) => (
    <FieldTextInput field={fields[name]} defaultValue={text(fields[name].initialValue)} label={label} {...extra} />
  );
  return (
    <Form method="post" {...getFormProps(form)}>
      <Stack gap="sm" maw={860}>
        <FormErrors errors={form.errors} />
        {version ? <input type="hidden" name="version" value={version} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {input("key", t("indicators.definitionForm.key"), {
            required: true,
            description: t("indicators.definitionForm.keyHelp"),
            autoComplete: "off",
          })}
          {input("unit", t("indicators.definitionForm.unit"), { required: true, description: t("indicators.definitionForm.unitHelp") })}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {input("nameFi", t("indicators.definitionForm.nameFi"), { required: true })}
          {input("nameSv", t("indicators.definitionForm.nameSv"))}
          {input("nameEn", t("indicators.definitionForm.nameEn"))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <FieldSelect
            field={fields.direction}
            defaultValue={text(fields.direction.initialValue) ?? "up"}
            label={t("indicators.definitionForm.direction")}
            data={INDICATOR_DIRECTIONS.map((d) => ({ value: d, label: t(`indicators.direction.${d}`) }))}
          />
          <FieldSelect
            field={fields.resolution}
            defaultValue={text(fields.resolution.initialValue) ?? "year"}
            label={t("indicators.definitionForm.resolution")}
            description={t("indicators.definitionForm.resolutionHelp")}
            data={INDICATOR_RESOLUTIONS.map((r) => ({ value: r, label: t(`indicators.resolution.${r}`) }))}
          />
          {input("source", t("indicators.definitionForm.source"))}
        </SimpleGrid>
        <FieldTextarea
          field={fields.descriptionFi}
          defaultValue={text(fields.descriptionFi.initialValue)}
          label={t("indicators.definitionForm.description")}
          minRows={3}
        />
        <FieldTextInput
          field={fields.measureCodes}
          defaultValue={text(fields.measureCodes.initialValue)}
          label={t("indicators.definitionForm.measureCodes")}
          description={t("indicators.definitionForm.measureCodesHelp")}
        />
        {priorityAreas.length ? (
          <FieldCheckboxList field={fields.priorityAreaIds} label={t("indicators.definitionForm.priorityAreas")} items={priorityAreas} />
        ) : null}
        <SubmitRow label={submitLabel} busy={busy} />
      </Stack>
    </Form>
  );
}

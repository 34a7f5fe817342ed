// The questions of a consultation as form fields: ranking as a number select per candidate (no
// drag and drop: keyboard and no-JavaScript friendly), choices as radio buttons and checkboxes, the
// 1–5 scale as radio buttons, free text as a text area. The preview renders the same fields.
import type { FieldMetadata } from "@conform-to/react";
import { Checkbox, Fieldset, Group, Radio, SimpleGrid, Stack, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { MAX_ANSWER_TEXT, questionField, rankField, rankLimit } from "~/forms/consultations";
import { localField } from "~/i18n/names";
import { FieldSelect, FieldTextarea, checkedList, useErrorText } from "~/ui/forms";
import { LocalText } from "~/ui/LocalText";

export type AnswerFieldQuestion = {
  id: number;
  kind: "rank" | "single" | "multiple" | "scale" | "text";
  textFi: string;
  textSv: string | null;
  textEn: string | null;
  required: boolean;
  maxChoices: number | null;
  options: { id: number; labelFi: string; labelSv: string | null; labelEn: string | null }[];
};

type Field = FieldMetadata<unknown>;

export function AnswerFields({ questions, fields }: { questions: AnswerFieldQuestion[]; fields: Record<string, Field> }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const label = (o: AnswerFieldQuestion["options"][number]) =>
    localField({ label: o.labelFi, labelSv: o.labelSv, labelEn: o.labelEn }, "label", i18n.language).text;
  return (
    <Stack gap="lg">
      {questions.map((q, index) => {
        const field = fields[questionField(q.id)];
        const legend = (
          <>
            {index + 1}. <LocalText record={{ text: q.textFi, textSv: q.textSv, textEn: q.textEn }} field="text" />
            {q.required ? ` ${t("consultations.answer.requiredMark")}` : ""}
          </>
        );
        const groupError = errorText(field?.errors);
        if (q.kind === "rank") {
          const n = rankLimit(q);
          const ranks = [
            { value: "", label: t("consultations.answer.rankEmpty") },
            ...Array.from({ length: n }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })),
          ];
          return (
            <Fieldset key={q.id} legend={legend} aria-describedby={`q${q.id}-help`}>
              <Text size="sm" id={`q${q.id}-help`} mb="sm">
                {t("consultations.answer.rankHelp", { max: n })}
              </Text>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {q.options.map((o) => {
                  const f = fields[rankField(q.id, o.id)];
                  return (
                    <FieldSelect field={f} label={label(o)} defaultValue={(f.initialValue as string | undefined) ?? ""} data={ranks} />
                  );
                })}
              </SimpleGrid>
              {groupError ? (
                <Text c="red.8" size="sm" mt="xs" role="alert">
                  {groupError}
                </Text>
              ) : null}
            </Fieldset>
          );
        }
        if (q.kind === "single" || q.kind === "scale") {
          const values =
            q.kind === "scale"
              ? [1, 2, 3, 4, 5].map((v) => ({ value: String(v), label: String(v) }))
              : q.options.map((o) => ({ value: String(o.id), label: label(o) }));
          return (
            <Radio.Group
              key={field.key}
              name={field.name}
              label={legend}
              description={q.kind === "scale" ? t("consultations.answer.scaleHelp") : undefined}
              defaultValue={(field.initialValue as string | undefined) ?? undefined}
              error={groupError}
            >
              <Group mt="xs">
                {values.map((v) => (
                  <Radio key={v.value} value={v.value} label={v.label} />
                ))}
              </Group>
            </Radio.Group>
          );
        }
        if (q.kind === "multiple") {
          return (
            <Checkbox.Group
              key={field.key}
              label={legend}
              description={q.maxChoices ? t("consultations.answer.multipleHelp", { max: q.maxChoices }) : undefined}
              defaultValue={checkedList(field.initialValue)}
              error={groupError}
            >
              <Stack gap={6} mt="xs">
                {q.options.map((o) => (
                  <Checkbox key={o.id} name={field.name} value={String(o.id)} label={label(o)} />
                ))}
              </Stack>
            </Checkbox.Group>
          );
        }
        return (
          <FieldTextarea
            field={field}
            label={legend}
            description={t("consultations.answer.textHelp", { max: MAX_ANSWER_TEXT })}
            defaultValue={(field.initialValue as string | undefined) ?? ""}
            minRows={3}
            error={groupError}
          />
        );
      })}
    </Stack>
  );
}

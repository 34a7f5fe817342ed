import { getFormProps, useForm } from "@conform-to/react";
import { Alert, Button, Fieldset, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MeasureFormSchema, type MeasureForm } from "~/forms/measures";
import { localName } from "~/i18n/names";
import {
  CheckboxList,
  FieldCheckbox,
  FieldSelect,
  FieldTextInput,
  FieldTextarea,
  FormErrors,
  checkedList,
  useErrorText,
  useZodForm,
  FieldCheckboxList,
  SubmitRow,
} from "~/ui/forms";
import { TranslationFields } from "~/ui/TranslationFields";

type Options = {
  priorityAreas: { id: number; code: string; nameFi: string; nameSv: string | null; nameEn: string | null }[];
  organisations: { id: number; nameFi: string; nameSv: string | null; nameEn: string | null }[];
  people: { id: string; name: string }[];
  areas: { id: number; level: string; code: string; nameFi: string; nameSv: string | null; parentId: number | null }[];
  goals: { id: number; code: string; nameFi: string; nameSv: string | null; nameEn: string | null }[];
};

export type MeasureConflict = { version: number; changed: string[]; current: Record<string, unknown> };

/** Default values for the form from a saved measure (conform wants strings). */
type DefaultsSource = {
  [K in keyof MeasureForm]?: K extends "tasks"
    ? { title: string; titleSv?: string | null; titleEn?: string | null; dueDate?: string | null; state: string }[]
    : MeasureForm[K] | null;
};

export function measureDefaults(m: DefaultsSource) {
  const str = (v: unknown) => (v == null ? "" : String(v));
  return {
    code: str(m.code),
    title: str(m.title),
    description: str(m.description),
    titleSv: str(m.titleSv),
    titleEn: str(m.titleEn),
    descriptionSv: str(m.descriptionSv),
    descriptionEn: str(m.descriptionEn),
    priorityAreaId: str(m.priorityAreaId),
    ownerOrganisationId: str(m.ownerOrganisationId),
    responsibleUserId: str(m.responsibleUserId),
    partnerIds: (m.partnerIds ?? []).map(String),
    startDate: str(m.startDate),
    endDate: str(m.endDate),
    continuous: m.continuous ? "on" : "",
    cityWide: m.cityWide === false ? "" : "on",
    areaIds: (m.areaIds ?? []).map(String),
    budgetEur: m.budgetEur == null ? "" : String(m.budgetEur).replace(".", ","),
    goalIds: (m.goalIds ?? []).map(String),
    costShares: (m.costShares ?? []).map((s) => ({
      organisationId: String(s.organisationId),
      percent: String(s.percent).replace(".", ","),
    })),
    tasks: (m.tasks ?? []).map((task) => ({
      title: task.title,
      titleSv: str(task.titleSv),
      titleEn: str(task.titleEn),
      dueDate: str(task.dueDate),
      state: task.state,
    })),
    published: m.published === false ? "" : "on",
  };
}

/**
 * The measure form used for proposing and editing. Arrays (cost shares, tasks) are edited with
 * conform's insert/remove buttons, which also work without JavaScript.
 */
export function MeasureFormFields({
  options,
  defaultValue,
  lastResult,
  version,
  conflict,
  submitLabel,
}: {
  options: Options;
  defaultValue: ReturnType<typeof measureDefaults>;
  lastResult: SubmissionResult<string[]> | null | undefined;
  version?: number;
  conflict?: MeasureConflict | null;
  submitLabel: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const errorText = useErrorText();
  const [form, fields] = useZodForm(MeasureFormSchema, {
    lastResult,
    defaultValue,
    shouldRevalidate: "onInput",
  });
  const orgOptions = options.organisations.map((o) => ({ value: String(o.id), label: localName(o, lang) }));
  const shares = fields.costShares.getFieldList();
  const tasks = fields.tasks.getFieldList();
  const majors = options.areas.filter((a) => a.level === "major_district");

  return (
    <Form method="post" {...getFormProps(form)}>
      {version ? <input type="hidden" name="version" value={version} /> : null}
      <Stack gap="lg">
        {conflict ? <ConflictNotice conflict={conflict} options={options} /> : <FormErrors errors={form.errors} />}
        <Fieldset legend={t("measures.basics")}>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <FieldTextInput field={fields.code} label={t("measures.code")} description={t("measures.codeHelp")} required />
              <FieldSelect
                field={fields.priorityAreaId}
                label={t("measures.priorityArea")}
                data={[
                  { value: "", label: t("common.none") },
                  ...options.priorityAreas.map((p) => ({ value: String(p.id), label: `${p.code} ${localName(p, lang)}` })),
                ]}
              />
              <FieldCheckbox field={fields.published} label={t("measures.publishedLabel")} mt={28} />
            </SimpleGrid>
            <FieldTextInput field={fields.title} label={t("measures.title")} required />
            <TranslationFields sv={fields.titleSv} en={fields.titleEn} label={t("measures.title")} />
            <FieldTextarea field={fields.description} label={t("measures.description")} minRows={4} />
            <TranslationFields sv={fields.descriptionSv} en={fields.descriptionEn} label={t("measures.description")} multiline />
          </Stack>
        </Fieldset>

        <Fieldset legend={t("measures.ownership")}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <FieldSelect
              field={fields.ownerOrganisationId}
              label={t("measures.owner")}
              required
              data={[{ value: "", label: t("common.choose") }, ...orgOptions]}
            />
            <FieldSelect
              field={fields.responsibleUserId}
              label={t("measures.responsible")}
              data={[{ value: "", label: t("common.none") }, ...options.people.map((p) => ({ value: p.id, label: p.name }))]}
            />
          </SimpleGrid>
          <FieldCheckboxList field={fields.partnerIds} label={t("measures.partners")} items={orgOptions} />
        </Fieldset>

        <Fieldset legend={t("measures.schedule")}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <FieldTextInput field={fields.startDate} type="date" label={t("measures.starts")} />
            <FieldTextInput field={fields.endDate} type="date" label={t("measures.ends")} />
            <FieldCheckbox field={fields.continuous} label={t("measures.continuous")} mt={28} />
          </SimpleGrid>
          <Text fw={500} size="sm" mt="md">
            {t("measures.tasks")}
          </Text>
          <Stack gap="xs">
            {tasks.map((task, index) => {
              const f = task.getFieldset();
              return (
                <Stack key={task.key} gap={4}>
                  <Group align="end" wrap="nowrap">
                    <FieldTextInput field={f.title} label={t("measures.taskTitle", { n: index + 1 })} style={{ flex: 1 }} />
                    <FieldTextInput field={f.dueDate} type="date" label={t("measures.due")} />
                    <FieldSelect
                      field={f.state}
                      defaultValue={f.state.initialValue ?? "open"}
                      label={t("measures.taskStateLabel")}
                      data={(["open", "done", "cancelled"] as const).map((s) => ({ value: s, label: t(`measures.taskState.${s}`) }))}
                    />
                    <RemoveRowButton
                      buttonProps={form.remove.getButtonProps({ name: fields.tasks.name, index })}
                      label={t("measures.removeTask", { n: index + 1 })}
                    />
                  </Group>
                  <TranslationFields sv={f.titleSv} en={f.titleEn} label={t("measures.taskTitle", { n: index + 1 })} />
                </Stack>
              );
            })}
            <Group>
              <Button
                variant="light"
                size="xs"
                {...form.insert.getButtonProps({ name: fields.tasks.name, defaultValue: { title: "", dueDate: "", state: "open" } })}
              >
                {t("measures.addTask")}
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <Fieldset legend={t("measures.targeting")}>
          <FieldCheckbox field={fields.cityWide} label={t("measures.cityWide")} description={t("measures.cityWideHelp")} />
          <CheckboxList
            label={t("measures.targetAreas")}
            name={fields.areaIds.name}
            checked={checkedList(fields.areaIds.initialValue)}
            items={majors.flatMap((major) =>
              options.areas
                .filter((a) => a.parentId === major.id)
                .flatMap((district) => [
                  { value: String(district.id), label: `${localName(district, lang)} (${localName(major, lang)})` },
                  ...options.areas
                    .filter((s) => s.parentId === district.id)
                    .map((s) => ({ value: String(s.id), label: `— ${localName(s, lang)}` })),
                ]),
            )}
            errors={errorText(fields.areaIds.errors)}
          />
          <FieldCheckboxList
            field={fields.goalIds}
            label={t("measures.goals")}
            items={options.goals.map((g) => ({ value: String(g.id), label: `${g.code} ${localName(g, lang)}` }))}
          />
        </Fieldset>

        <Fieldset legend={t("measures.money")}>
          <FieldTextInput
            field={fields.budgetEur}
            label={t("measures.budget")}
            description={t("measures.budgetHelp")}
            inputMode="decimal"
            maw={260}
          />
          <Text fw={500} size="sm" mt="md" id="cost-shares-label">
            {t("measures.costShares")}
          </Text>
          <Text size="xs" c="dimmed">
            {t("measures.costSharesHelp")}
          </Text>
          {fields.costShares.errors ? (
            <Text c="red.7" size="sm" role="alert">
              {errorText(fields.costShares.errors)}
            </Text>
          ) : null}
          <Stack gap="xs" mt="xs">
            {shares.map((share, index) => {
              const f = share.getFieldset();
              return (
                <Group key={share.key} align="end" wrap="nowrap">
                  <FieldSelect
                    field={f.organisationId}
                    label={t("measures.shareOrganisation", { n: index + 1 })}
                    data={[{ value: "", label: t("common.choose") }, ...orgOptions]}
                    style={{ flex: 1 }}
                  />
                  <FieldTextInput field={f.percent} label={t("measures.sharePercent")} inputMode="decimal" w={120} />
                  <RemoveRowButton
                    buttonProps={form.remove.getButtonProps({ name: fields.costShares.name, index })}
                    label={t("measures.removeShare", { n: index + 1 })}
                  />
                </Group>
              );
            })}
            <Group>
              <Button
                variant="light"
                size="xs"
                {...form.insert.getButtonProps({ name: fields.costShares.name, defaultValue: { organisationId: "", percent: "" } })}
              >
                {t("measures.addShare")}
              </Button>
            </Group>
          </Stack>
        </Fieldset>

        <SubmitRow label={submitLabel} />
      </Stack>
    </Form>
  );
}

/** What someone else saved in the meantime, field by field, in the reader's language. */
type ControlButtonProps = ReturnType<ReturnType<typeof useForm>[0]["remove"]["getButtonProps"]>;

/** Removes one row of a repeated group (a task, a cost share); the label says which row. */
function RemoveRowButton({ buttonProps, label }: { buttonProps: ControlButtonProps; label: string }) {
  const { t } = useTranslation();
  return (
    <Button variant="subtle" color="red" {...buttonProps} aria-label={label}>
      {t("common.remove")}
    </Button>
  );
}

function ConflictNotice({ conflict, options }: { conflict: MeasureConflict; options: Options }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const org = (id: unknown) => {
    const o = options.organisations.find((x) => x.id === Number(id));
    return o ? localName(o, lang) : "–";
  };
  const describe = (field: string): string => {
    const v = conflict.current[field];
    switch (field) {
      case "ownerOrganisationId":
        return org(v);
      case "partnerIds":
        return (v as number[]).map(org).join(", ") || "–";
      case "priorityAreaId": {
        const p = options.priorityAreas.find((x) => x.id === Number(v));
        return p ? `${p.code} ${localName(p, lang)}` : "–";
      }
      case "responsibleUserId":
        return options.people.find((p) => p.id === v)?.name ?? "–";
      case "areaIds":
        return (
          (v as number[])
            .map((id) => options.areas.find((a) => a.id === id))
            .map((a) => (a ? localName(a, lang) : "–"))
            .join(", ") || "–"
        );
      case "goalIds":
        return (v as number[]).map((id) => options.goals.find((g) => g.id === id)?.code ?? "–").join(", ") || "–";
      case "costShares":
        return (v as { organisationId: number; percent: number }[]).map((s) => `${org(s.organisationId)} ${s.percent} %`).join(", ") || "–";
      case "tasks":
        return (v as { title: string }[]).map((task) => task.title).join("; ") || "–";
      case "continuous":
      case "cityWide":
      case "published":
        return v ? t("common.yes") : t("common.no");
      default:
        return v == null || v === "" ? "–" : String(v);
    }
  };
  return (
    <Alert color="orange" role="alert" title={t("measures.conflict.title")}>
      <Text size="sm">{t("measures.conflict.measure")}</Text>
      <Stack gap={2} mt="xs">
        {conflict.changed.map((field) => (
          <Text key={field} size="sm">
            <strong>{t(`measures.fieldNames.${field}`)}:</strong> {describe(field)}
          </Text>
        ))}
      </Stack>
    </Alert>
  );
}

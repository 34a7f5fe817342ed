import { SimpleGrid } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { FieldSelect, FieldTextInput } from "~/ui/forms";
import { useStrategyLabel } from "~/ui/plans/labels";

/** What this component needs of a conform field: the same shape for the new-plan and edit forms. */
type Field = { key: string | undefined; name: string; initialValue?: unknown; errors?: string[] };
type BasicsFields = Record<"nameFi" | "nameSv" | "nameEn" | "periodStart" | "periodEnd" | "updateIntervalDays" | "strategyId", Field>;
type Strategy = { id: number; nameFi: string; nameSv?: string | null; nameEn?: string | null; termStartYear: number; termEndYear: number };

const text = (value: unknown) => (typeof value === "string" ? value : undefined);

/** A plan's names, planning period, follow-up interval and strategy: creating and editing a plan share them. */
export function PlanBasicsFields({ fields, strategies }: { fields: BasicsFields; strategies: Strategy[] }) {
  const { t } = useTranslation();
  const strategyLabel = useStrategyLabel();
  const input = (name: keyof BasicsFields, label: string, extra: Record<string, unknown> = {}) => (
    <FieldTextInput field={fields[name]} defaultValue={text(fields[name].initialValue)} label={label} {...extra} />
  );
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      {input("nameFi", t("admin.nameFi"), { required: true })}
      {input("nameSv", t("admin.nameSv"))}
      {input("nameEn", t("admin.nameEn"))}
      {input("periodStart", t("plans.periodStart"), { type: "date", required: true })}
      {input("periodEnd", t("plans.periodEnd"), { type: "date", required: true })}
      {input("updateIntervalDays", t("plans.updateIntervalDays"), {
        type: "number",
        min: 7,
        max: 730,
        step: 1,
        required: true,
        description: t("plans.updateIntervalHelp"),
      })}
      <FieldSelect
        field={fields.strategyId}
        defaultValue={text(fields.strategyId.initialValue)}
        label={t("plans.strategy")}
        data={[
          { value: "", label: t("plans.noStrategyOption") },
          ...strategies.map((s) => ({ value: String(s.id), label: strategyLabel(s) })),
        ]}
      />
    </SimpleGrid>
  );
}

// The plan editor's sections: a titled section, and the list of observations, goals or actions
// in it, each item its own self-saving form with a remove button, then a form that adds one.
// The three item kinds differ only in their fields and texts, so they share this one component.
import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ZodTypeAny } from "zod";
import { SectionForm, type SectionFormProps } from "~/ui/neighbourhood/SectionForm";
import { planItemAnchor } from "./parts";

export function PlanSection({ id, title, intro, children }: { id: string; title: string; intro?: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={`${id}-title`} id={id}>
      <Stack gap="md">
        <div>
          <Title order={2} size="h3" id={`${id}-title`}>
            {title}
          </Title>
          {intro ? (
            <Text size="sm" c="dimmed" mt={4}>
              {intro}
            </Text>
          ) : null}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}

type PlanItemKind = "observation" | "goal" | "action";

/** The texts of each kind's section: its title and intro, an item's name, the add form's title and button. */
const TEXTS: Record<PlanItemKind, { title: string; intro: string; item: string; newTitle: string; add: string }> = {
  observation: {
    title: "neighbourhood.sections.observations",
    intro: "neighbourhood.editor.observationsIntro",
    item: "neighbourhood.editor.observation",
    newTitle: "neighbourhood.editor.newObservation",
    add: "neighbourhood.editor.addObservation",
  },
  goal: {
    title: "neighbourhood.sections.goals",
    intro: "neighbourhood.editor.goalsIntro",
    item: "neighbourhood.editor.goal",
    newTitle: "neighbourhood.editor.newGoal",
    add: "neighbourhood.editor.addGoal",
  },
  action: {
    title: "neighbourhood.sections.actions",
    intro: "neighbourhood.editor.actionsIntro",
    item: "neighbourhood.editor.action",
    newTitle: "neighbourhood.editor.newAction",
    add: "neighbourhood.editor.addAction",
  },
};

/** Who wrote a section, in small print; nothing when no one is named. */
export function WrittenBy({ name }: { name: string | null }) {
  const { t } = useTranslation();
  return name ? (
    <Text size="xs" c="dimmed">
      {t("neighbourhood.plan.writtenBy", { name })}
    </Text>
  ) : null;
}

type PlanItemSectionProps<Item extends { id: number; rev: string; authorName: string | null }> = {
  planId: number;
  kind: PlanItemKind;
  schema: ZodTypeAny;
  items: Item[];
  /** The saved item's values as the form's default values. */
  valuesOf: (item: Item) => Record<string, string>;
  newValues: Record<string, string>;
  describeTheirs: SectionFormProps["describeTheirs"];
  fields: SectionFormProps["children"];
};

export function PlanItemSection<Item extends { id: number; rev: string; authorName: string | null }>(props: PlanItemSectionProps<Item>) {
  const { planId, kind, schema, fields } = props;
  const { t } = useTranslation();
  const texts = TEXTS[kind];
  // Names an existing item, e.g. "Havainto 2": its legend and the remove button's name.
  const itemLabel = (n: number) => t(texts.item, { n });
  const newTitle = t(texts.newTitle);
  return (
    <PlanSection id={`section-${kind}s`} title={t(texts.title)} intro={t(texts.intro)}>
      {props.items.map((item, i) => (
        <PlanItem
          key={item.id}
          planId={planId}
          kind={kind}
          itemId={item.id}
          label={itemLabel(i + 1)}
          writtenBy={item.authorName ? <WrittenBy name={item.authorName} /> : null}
        >
          <SectionForm
            planId={planId}
            formKey={`${kind}-${item.id}`}
            intent={kind}
            schema={schema}
            itemId={item.id}
            rev={item.rev}
            legend={itemLabel(i + 1)}
            defaultValue={props.valuesOf(item)}
            autosave
            submitLabel={t("neighbourhood.editor.save")}
            describeTheirs={props.describeTheirs}
          >
            {fields}
          </SectionForm>
        </PlanItem>
      ))}
      <Paper withBorder p="md" bg="gray.0" aria-label={newTitle} component="div">
        <SectionForm
          planId={planId}
          formKey={`${kind}-new`}
          intent={kind}
          schema={schema}
          legend={newTitle}
          defaultValue={props.newValues}
          autosave={false}
          resetOnSave
          submitLabel={t(texts.add)}
          describeTheirs={() => null}
        >
          {fields}
        </SectionForm>
      </Paper>
    </PlanSection>
  );
}

/** An existing item: its form, who wrote it, and a separate small form to remove it. */
function PlanItem({
  planId,
  kind,
  itemId,
  label,
  writtenBy,
  children,
}: {
  planId: number;
  kind: PlanItemKind;
  itemId: number;
  label: string;
  writtenBy: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    // The id is where focus (and the no-JavaScript redirect) goes after this item was added.
    <Paper withBorder p="md" id={planItemAnchor(kind, itemId)}>
      <Stack gap="xs">
        {children}
        <Group justify="space-between" align="center">
          {writtenBy ?? <span />}
          <Form
            method="post"
            onSubmit={() => {
              try {
                window.localStorage.removeItem(`lahiturva:plan:${planId}:${kind}-${itemId}`);
              } catch {
                // nothing stored
              }
            }}
          >
            <input type="hidden" name="intent" value="remove" />
            <input type="hidden" name="kind" value={kind} />
            <input type="hidden" name="itemId" value={itemId} />
            <Button
              type="submit"
              size="xs"
              variant="subtle"
              color="red"
              aria-label={t("neighbourhood.editor.removeNamed", { name: label })}
            >
              {t("neighbourhood.editor.remove")}
            </Button>
          </Form>
        </Group>
      </Stack>
    </Paper>
  );
}

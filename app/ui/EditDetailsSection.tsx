// A page's "edit details" section: closed until opened (or until its own save failed), then a
// plain form with the form's errors, the fields and a save button. Meetings and documents use it.
import { Paper, Stack, Title } from "@mantine/core";
import { type FormMetadata, getFormProps } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FormErrors, IntentForm, SubmitRow } from "~/ui/forms";

export function EditDetailsSection<S extends Record<string, unknown>>({
  titleId,
  title,
  open,
  form,
  intent,
  values,
  busy,
  children,
}: {
  /** The heading's id, which names the section. */
  titleId: string;
  title: string;
  open: boolean;
  form: FormMetadata<S, string[]>;
  intent: string;
  /** More hidden values, such as the version the edit starts from. */
  values?: Record<string, string | number | null>;
  busy: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId}>
      <details open={open}>
        <summary>
          <Title order={3} size="h4" id={titleId} component="span">
            {title}
          </Title>
        </summary>
        <IntentForm intent={intent} values={values} {...getFormProps(form)}>
          <Stack mt="sm" maw={720}>
            <FormErrors errors={form.errors} />
            {children}
            <SubmitRow label={t("common.save")} busy={busy} />
          </Stack>
        </IntentForm>
      </details>
    </Paper>
  );
}

// A page's "edit details" section: closed until opened (or until its own save failed), then a
// plain form with the form's errors, the fields and a save button. Meetings and documents use it.
import { Button, Group, Paper, Stack, Title } from "@mantine/core";
import type { getFormProps } from "@conform-to/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FormErrors, IntentForm } from "~/ui/forms";

export function EditDetailsSection({
  titleId,
  title,
  open,
  formProps,
  errors,
  intent,
  hiddenFields,
  busy,
  children,
}: {
  /** The heading's id, which names the section. */
  titleId: string;
  title: string;
  open: boolean;
  formProps: ReturnType<typeof getFormProps>;
  errors: string[] | undefined;
  intent: string;
  /** More hidden inputs, such as the version the edit starts from. */
  hiddenFields?: ReactNode;
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
        <IntentForm intent={intent} {...formProps}>
          {hiddenFields}
          <Stack mt="sm" maw={720}>
            <FormErrors errors={errors} />
            {children}
            <Group>
              <Button type="submit" loading={busy}>
                {t("common.save")}
              </Button>
            </Group>
          </Stack>
        </IntentForm>
      </details>
    </Paper>
  );
}

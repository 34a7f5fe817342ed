// The signed-out pages (sign in, registration, the first run, accepting an invitation) are one
// narrow card each: a heading, a line of introduction, and one form with its errors first and its
// submit button last. One component keeps their landmarks, headings and error announcement alike.
import { type FormMetadata, getFormProps } from "@conform-to/react";
import { Button, Paper, Stack, Text, Title } from "@mantine/core";
import { Form, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { FormErrors } from "~/ui/forms";

export function AuthFormPage<Schema extends Record<string, unknown>>({
  form,
  title,
  intro,
  dimmedIntro = false,
  maxWidth,
  submitLabel,
  children,
  afterForm,
}: {
  form: FormMetadata<Schema, string[]>;
  title: string;
  intro: string;
  /** The sign-in page's introduction is secondary text; the others read as body text. */
  dimmedIntro?: boolean;
  maxWidth: number;
  submitLabel: string;
  /** The form's fields, between its errors and the submit button. */
  children: ReactNode;
  /** What follows the card, such as the sign-in page's link to registration. */
  afterForm?: ReactNode;
}) {
  const navigation = useNavigation();
  return (
    <Stack maw={maxWidth} mx="auto" py="xl">
      <Title order={1}>{title}</Title>
      <Text c={dimmedIntro ? "dimmed" : undefined}>{intro}</Text>
      <Paper withBorder p="lg" radius="md">
        <Form method="post" {...getFormProps(form)}>
          <Stack>
            <FormErrors errors={form.errors} id={form.errorId} />
            {children}
            <Button type="submit" loading={navigation.state === "submitting"}>
              {submitLabel}
            </Button>
          </Stack>
        </Form>
      </Paper>
      {afterForm}
    </Stack>
  );
}

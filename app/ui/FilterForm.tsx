// A list's search or filter form. It is a GET form, so the filters live in the URL: a filtered
// list can be linked, bookmarked and reloaded, with or without JavaScript. Named for screen
// readers as a search landmark.
import { Button, Group, type MantineSpacing } from "@mantine/core";
import { Form, type FormProps } from "@remix-run/react";
import type { ReactNode } from "react";

export function FilterForm({
  label,
  submit,
  after,
  mb,
  children,
  ...props
}: Omit<FormProps, "method" | "role"> & { label: string; submit: string; after?: ReactNode; mb?: MantineSpacing; children: ReactNode }) {
  return (
    <Form method="get" role="search" aria-label={label} {...props}>
      <Group align="end" gap="sm" mb={mb}>
        {children}
        <Button type="submit" variant="light">
          {submit}
        </Button>
        {after}
      </Group>
    </Form>
  );
}

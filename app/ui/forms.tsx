import { Alert, Checkbox, ScrollArea, Stack } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { splitErrorKey } from "~/forms/z";

/** Turns validation messages (translation keys) into text in the reader's language. */
export function useErrorText() {
  const { t } = useTranslation();
  return (errors: string[] | undefined | null): string | undefined =>
    errors?.length
      ? errors
          .map((e) => {
            const [key, params] = splitErrorKey(e);
            return t(key, params);
          })
          .join(" ")
      : undefined;
}

/** Form-level errors, announced to screen readers. */
export function FormErrors({ errors, id }: { errors: string[] | undefined | null; id?: string }) {
  const text = useErrorText()(errors);
  if (!text) return null;
  return (
    <Alert color="red" variant="light" role="alert" id={id}>
      {text}
    </Alert>
  );
}

/** A form field's initial value (one string, several, or none) as the list of checked values. */
export const checkedList = (values: unknown): string[] =>
  Array.isArray(values) ? values.map(String) : typeof values === "string" ? [values] : [];

/** Checkboxes sharing one name (several values of one field), scrolling when the list is long. */
export function CheckboxList({
  label,
  name,
  checked,
  items,
  errors,
}: {
  label: string;
  name: string;
  checked: string[];
  items: { value: string; label: string }[];
  errors?: string;
}) {
  return (
    <Checkbox.Group label={label} defaultValue={checked} error={errors} mt="md">
      <ScrollArea.Autosize mah={220} type="auto" offsetScrollbars>
        <Stack gap={6} mt={6}>
          {items.map((item) => (
            <Checkbox key={item.value} name={name} value={item.value} label={item.label} />
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Checkbox.Group>
  );
}

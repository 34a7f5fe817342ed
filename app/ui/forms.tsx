import {
  Alert,
  Button,
  type ButtonProps,
  Group,
  Checkbox,
  type CheckboxProps,
  NativeSelect,
  type NativeSelectProps,
  NumberInput,
  type NumberInputProps,
  PasswordInput,
  type PasswordInputProps,
  ScrollArea,
  Stack,
  Textarea,
  type TextareaProps,
  TextInput,
  type TextInputProps,
} from "@mantine/core";
import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, type FormProps } from "@remix-run/react";
import type { CSSProperties, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ZodTypeAny, z } from "zod";
import { splitErrorKey } from "~/forms/z";

type UseFormOptions<S extends ZodTypeAny> = Parameters<typeof useForm<z.input<S>>>[0];
// Defaults are what the form shows (strings, lists of strings), not what the schema takes in,
// where a schema reads a list from one comma-separated field, for example.
type ZodFormOptions<S extends ZodTypeAny> = Omit<UseFormOptions<S>, "onValidate" | "defaultValue"> & {
  defaultValue?: Record<string, unknown> | null;
};

/**
 * conform's form state, checked in the browser by the same zod schema the server parses with.
 * A field is checked when it is left, unless the options say otherwise.
 */
export function useZodForm<S extends ZodTypeAny>(schema: S, options: ZodFormOptions<S>) {
  return useForm<z.input<S>>({
    shouldValidate: "onBlur",
    ...options,
    defaultValue: options.defaultValue as UseFormOptions<S>["defaultValue"],
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}

/**
 * A posted form that says which of the page's actions it is (`intent`, read by the route's
 * action) and which record it concerns (`values`, hidden fields, e.g. `{ actionId: a.id }`).
 */
export function IntentForm({
  intent,
  values,
  children,
  ...props
}: Omit<FormProps, "method"> & { intent: string; values?: Record<string, string | number | null | undefined> }) {
  return (
    <Form method="post" {...props}>
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(values ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value ?? ""} />
      ))}
      {children}
    </Form>
  );
}

/** A form of one button that posts `intent` (and `values`): withdrawing a plan, removing a row, signing out everywhere. */
export function IntentButton({
  intent,
  values,
  label,
  formStyle,
  ...props
}: Omit<ButtonProps, "children"> & {
  intent: string;
  values?: Record<string, string | number | null | undefined>;
  label: ReactNode;
  formStyle?: CSSProperties;
  "aria-label"?: string;
  disabled?: boolean;
}) {
  return (
    <IntentForm intent={intent} values={values} style={formStyle}>
      <Button type="submit" {...props}>
        {label}
      </Button>
    </IntentForm>
  );
}

/** A form's send button on its own row; `busy` shows it working while the form is being sent. */
export function SubmitRow({ label, busy, ...props }: Omit<ButtonProps, "children" | "loading"> & { label: string; busy?: boolean }) {
  return (
    <Group>
      <Button type="submit" loading={busy} {...props}>
        {label}
      </Button>
    </Group>
  );
}

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

/**
 * A conform field as the inputs below need it. Binding an input to its field in one place means
 * every form keeps what was typed after a failed submit (initialValue is the submitted value),
 * shows the field's localised error, and remounts when conform resets the field (its key).
 */
type BoundField = { key?: string | undefined; name: string; initialValue?: unknown; errors?: string[] | undefined };
type Bound<P> = Omit<P, "name" | "defaultValue" | "defaultChecked" | "error"> & {
  field: BoundField;
  name?: string;
  /** An explicit first value (several for a multiple select) instead of the field's own. */
  defaultValue?: string | string[];
  error?: string;
};

const textValue = (value: unknown) => (typeof value === "string" ? value : undefined);

function useBinding(field: BoundField, overrides: { name?: string; defaultValue?: string | string[]; error?: string }) {
  const errorText = useErrorText();
  return {
    name: overrides.name ?? field.name,
    defaultValue: overrides.defaultValue ?? textValue(field.initialValue),
    error: overrides.error ?? errorText(field.errors),
  };
}

export function FieldTextInput({ field, name, defaultValue, error, ...props }: Bound<TextInputProps>) {
  return <TextInput key={field.key} {...useBinding(field, { name, defaultValue, error })} {...props} />;
}

/** A long text: it grows with what is written (two rows to start, unless `minRows` says otherwise). */
export function FieldTextarea({ field, name, defaultValue, error, ...props }: Bound<TextareaProps>) {
  return <Textarea key={field.key} autosize minRows={2} {...useBinding(field, { name, defaultValue, error })} {...props} />;
}

export function FieldSelect({ field, name, defaultValue, error, ...props }: Bound<NativeSelectProps>) {
  return <NativeSelect key={field.key} {...useBinding(field, { name, defaultValue, error })} {...props} />;
}

export function FieldNumberInput({ field, name, defaultValue, error, ...props }: Bound<NumberInputProps>) {
  const binding = useBinding(field, { name, defaultValue, error });
  const first = typeof binding.defaultValue === "string" ? binding.defaultValue : undefined;
  return <NumberInput key={field.key} name={binding.name} defaultValue={first} error={binding.error} {...props} />;
}

/** A password is never written back into the page, so this binding has no initial value. */
export function FieldPasswordInput({ field, name, error, ...props }: Omit<Bound<PasswordInputProps>, "defaultValue">) {
  const binding = useBinding(field, { name, error });
  return <PasswordInput key={field.key} name={binding.name} error={binding.error} {...props} />;
}

/** A CheckboxList bound to a form field: its name, the ticks it was sent with, its errors. */
export function FieldCheckboxList({
  field,
  label,
  items,
}: {
  field: BoundField;
  label: string;
  items: { value: string; label: string }[];
}) {
  const errorText = useErrorText();
  return (
    <CheckboxList
      key={field.key}
      label={label}
      name={field.name}
      checked={checkedList(field.initialValue)}
      items={items}
      errors={errorText(field.errors)}
    />
  );
}

/** A checkbox submits "on" when ticked, so that is what a kept value looks like. */
export function FieldCheckbox({ field, name, error, ...props }: Omit<Bound<CheckboxProps>, "defaultValue">) {
  const binding = useBinding(field, { name, error });
  return <Checkbox key={field.key} name={binding.name} defaultChecked={field.initialValue === "on"} error={binding.error} {...props} />;
}

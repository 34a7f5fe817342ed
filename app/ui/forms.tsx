import { Alert } from "@mantine/core";
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

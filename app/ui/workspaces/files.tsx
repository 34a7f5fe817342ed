import { Text } from "@mantine/core";

/** "1,2 Mt" in the reader's number format. */
export function formatSize(bytes: number | null, number: (n: number, o?: Intl.NumberFormatOptions) => string) {
  if (bytes == null) return "–";
  if (bytes < 1024) return number(bytes, { style: "unit", unit: "byte" });
  if (bytes < 1024 * 1024) return number(bytes / 1024, { style: "unit", unit: "kilobyte", maximumFractionDigits: 0 });
  return number(bytes / 1024 / 1024, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 });
}

/** A plain file input (works without JS and with playwright's setInputFiles), labelled like Mantine's. */
export function FileInputNative({ label, description, id = "document-file" }: { label: string; description: string; id?: string }) {
  return (
    <div>
      <label htmlFor={id} style={{ fontWeight: 500, fontSize: "var(--mantine-font-size-sm)", display: "block" }}>
        {label}{" "}
        <span aria-hidden="true" style={{ color: "var(--mantine-color-error)" }}>
          *
        </span>
      </label>
      <Text size="xs" c="dimmed" id={`${id}-help`}>
        {description}
      </Text>
      <input
        id={id}
        type="file"
        name="file"
        required
        aria-describedby={`${id}-help`}
        accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx,.txt,.csv"
        style={{ marginTop: 4 }}
      />
    </div>
  );
}

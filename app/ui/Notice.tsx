// What a page says after an action: that it was done (role="status", read out politely) or why it
// was refused (role="alert", read out at once). Renders nothing without a message, so a page can
// always place it.
import { Alert, type AlertProps } from "@mantine/core";
import type { ReactNode } from "react";

export function Notice({
  message,
  tone = "done",
  ...props
}: Omit<AlertProps, "children" | "color" | "role"> & { message: ReactNode; tone?: "done" | "error" }) {
  if (message === null || message === undefined || message === false || message === "") return null;
  return (
    <Alert color={tone === "done" ? "green" : "red"} role={tone === "done" ? "status" : "alert"} {...props}>
      {message}
    </Alert>
  );
}

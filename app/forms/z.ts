// zod for every input. Messages are translation keys (optionally "key|{json params}"), so the
// same schema validates on the server and in the browser and the UI shows them in the reader's language.
import { z } from "zod";

export const errorKey = (key: string, params?: Record<string, unknown>) => (params ? `${key}|${JSON.stringify(params)}` : key);

z.setErrorMap((issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      return { message: issue.received === "undefined" || issue.received === "null" ? "validation.required" : "validation.invalid" };
    case z.ZodIssueCode.too_small:
      if (issue.type === "string")
        return { message: issue.minimum === 1 ? "validation.required" : errorKey("validation.tooShort", { min: Number(issue.minimum) }) };
      if (issue.type === "number") return { message: errorKey("validation.tooSmall", { min: Number(issue.minimum) }) };
      return { message: "validation.invalid" };
    case z.ZodIssueCode.too_big:
      if (issue.type === "string") return { message: errorKey("validation.tooLong", { max: Number(issue.maximum) }) };
      if (issue.type === "number") return { message: errorKey("validation.tooBig", { max: Number(issue.maximum) }) };
      return { message: "validation.invalid" };
    case z.ZodIssueCode.invalid_string:
      if (issue.validation === "email") return { message: "validation.email" };
      if (issue.validation === "url") return { message: "validation.url" };
      return { message: "validation.invalid" };
    case z.ZodIssueCode.invalid_enum_value:
      return { message: "validation.choose" };
    case z.ZodIssueCode.invalid_date:
      return { message: "validation.date" };
    default:
      return { message: ctx.defaultError.startsWith("validation.") ? ctx.defaultError : "validation.invalid" };
  }
});

export { z };

/** Splits "key|{params}" back into i18next arguments. */
export function splitErrorKey(message: string): [string, Record<string, unknown> | undefined] {
  const bar = message.indexOf("|");
  if (bar < 0) return [message, undefined];
  try {
    return [message.slice(0, bar), JSON.parse(message.slice(bar + 1))];
  } catch {
    return [message.slice(0, bar), undefined];
  }
}

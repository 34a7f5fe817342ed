import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { LoginSchema, RegisterSchema } from "~/forms/auth";
import { indicatorValueSchema } from "~/forms/indicators";
import { ReviewSchema } from "~/forms/neighbourhood";
import { splitErrorKey } from "~/forms/z";

const form = (entries: Record<string, string>) => {
  const fd = new FormData();
  for (const [k, v] of Object.entries(entries)) fd.append(k, v);
  return fd;
};

describe("form schemas give translation keys, not English text", () => {
  it("reports required and malformed fields", () => {
    const result = parseWithZod(form({ email: "not-an-email" }), { schema: LoginSchema });
    expect(result.status).toBe("error");
    const reply = result.reply();
    expect(reply.error?.email).toEqual(["validation.email"]);
    expect(reply.error?.password).toEqual(["validation.required"]);
  });

  it("checks password length, confirmation and consent when registering", () => {
    const result = parseWithZod(form({ name: "Aino", email: "a@b.fi", areaId: "3", password: "short", passwordConfirm: "other" }), {
      schema: RegisterSchema,
    });
    const errors = result.reply().error ?? {};
    expect(splitErrorKey(errors.password![0])).toEqual(["validation.tooShort", { min: 10 }]);
    expect(errors.privacyAccepted).toEqual(["validation.acceptPrivacy"]);
  });

  it("normalises email addresses", () => {
    const result = parseWithZod(form({ email: " Aino@Example.FI ", password: "x" }), { schema: LoginSchema });
    expect(result.status).toBe("success");
    if (result.status === "success") expect(result.value.email).toBe("aino@example.fi");
  });
});

describe("the network's review form", () => {
  it("publishes only with the explicit confirmation; asking for changes needs feedback, not the confirmation", () => {
    const accept = parseWithZod(form({ intent: "review", decision: "accept", feedback: "Hyvä" }), { schema: ReviewSchema });
    expect(accept.status).toBe("error");
    expect(accept.reply().error?.confirmPublish).toEqual(["neighbourhood.validation.confirmPublish"]);
    // What was typed comes back with the error.
    expect(accept.reply().initialValue).toMatchObject({ feedback: "Hyvä" });
    const confirmed = parseWithZod(form({ intent: "review", decision: "accept", feedback: "", confirmPublish: "on" }), {
      schema: ReviewSchema,
    });
    expect(confirmed.status).toBe("success");
    const changes = parseWithZod(form({ intent: "review", decision: "changes", feedback: "Lisätkää aikataulu." }), {
      schema: ReviewSchema,
    });
    expect(changes.status).toBe("success");
  });
});

describe("the indicator value form reads figures as the import does (issue 12)", () => {
  const share = indicatorValueSchema("year", "%");
  const count = indicatorValueSchema("year", "kpl");
  const value = (schema: typeof share, text: string) => parseWithZod(form({ period: "2025", kind: "actual", value: text }), { schema });

  it("takes a number, a bound and a range, and says which", () => {
    const ok = (schema: typeof share, text: string) => {
      const result = value(schema, text);
      return result.status === "success" ? result.value.value : result.reply().error;
    };
    expect(ok(share, "62,5")).toEqual({ value: 62.5, bound: "exact", upper: null });
    expect(ok(share, "yli 80")).toEqual({ value: 80, bound: "over", upper: null });
    expect(ok(share, "<5")).toEqual({ value: 5, bound: "under", upper: null });
    expect(ok(count, "4 000–5 000")).toEqual({ value: 4000, bound: "range", upper: 5000 });
  });

  it("refuses words, backwards ranges and shares whose upper end passes 100 %, with a key", () => {
    expect(value(count, "paljon").reply().error?.value).toEqual(["indicators.errors.figure"]);
    expect(value(count, "5000–4000").reply().error?.value).toEqual(["indicators.errors.figure"]);
    expect(value(share, "90–120").reply().error?.value).toEqual(["indicators.errors.percentRange"]);
    expect(value(share, "").reply().error?.value).toEqual(["validation.required"]);
  });
});

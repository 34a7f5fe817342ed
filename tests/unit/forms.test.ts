import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { LoginSchema, RegisterSchema } from "~/forms/auth";
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
    const result = parseWithZod(form({ name: "Aino", email: "a@b.fi", areaId: "3", password: "short", passwordConfirm: "other" }), { schema: RegisterSchema });
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

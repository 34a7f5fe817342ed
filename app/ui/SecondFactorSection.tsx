// The account page's second-factor section: factors in use, adding a passkey or an authenticator
// app, removing one, and recovery codes (shown once, right after they are made).
import { Alert, Button, Code, Group, Image, List, SimpleGrid, Stack, Table, Text, TextInput } from "@mantine/core";
import { useSubmit } from "@remix-run/react";
import { browserSupportsWebAuthn, startRegistration } from "@simplewebauthn/browser";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { FactorSummary, SecondFactorReply } from "~/server/people/second-factor.server";
import { useFormat } from "~/ui/format";
import { TableHead } from "~/ui/TableParts";
import { Panel } from "~/ui/Panel";
import { IntentForm, SubmitRow } from "~/ui/forms";

export type SecondFactorReplyView = {
  intent: SecondFactorReply["intent"];
  ok: boolean;
  message: string | null;
  recoveryCodes: string[] | null;
};
type Jsonified<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

export function SecondFactorSection({
  overview,
  reply,
}: {
  overview: {
    factors: Jsonified<FactorSummary>[];
    recoveryCodesLeft: number;
    required: boolean;
    totpEnrolment: { secret: string; qrCode: string } | null;
  };
  reply: SecondFactorReplyView | null;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const submit = useSubmit();
  const [passkeyState, setPasskeyState] = useState<"idle" | "busy" | "failed" | "unsupported">("idle");
  const [passkeyLabel, setPasskeyLabel] = useState("");

  async function addPasskey() {
    if (!browserSupportsWebAuthn()) return setPasskeyState("unsupported");
    setPasskeyState("busy");
    try {
      // Urlencoded like every other form: the server reads multipart only on the upload pages.
      const body = new URLSearchParams({ intent: "passkeyOptions" });
      const res = await fetch("/account?_data=routes%2Faccount", { method: "POST", body });
      const data = (await res.json()) as { secondFactor: SecondFactorReply | null };
      if (!data.secondFactor?.passkeyOptions) throw new Error("no options");
      const response = await startRegistration({ optionsJSON: data.secondFactor.passkeyOptions });
      setPasskeyState("idle");
      submit(
        { intent: "passkeyEnrol", response: JSON.stringify(response), label: passkeyLabel || t("secondFactor.passkeyDefaultName") },
        { method: "post", preventScrollReset: true },
      );
    } catch {
      setPasskeyState("failed");
    }
  }

  const missing = overview.required && overview.factors.length === 0;
  return (
    <Panel titleId="second-factor" title={t("secondFactor.sectionTitle")} padding="lg" id="second-factor-section">
      <Stack>
        {missing ? (
          <Alert color="orange" role="alert">
            {t("secondFactor.required")}
          </Alert>
        ) : null}
        <Text maw={760}>{t("secondFactor.sectionIntro")}</Text>
        {reply?.message ? (
          <Alert color={reply.ok ? "green" : "red"} role={reply.ok ? "status" : "alert"}>
            {t(reply.message)}
          </Alert>
        ) : null}
        {reply?.recoveryCodes ? (
          <Alert color="gray" variant="outline">
            <Text fw={700}>{t("secondFactor.recoveryTitle")}</Text>
            <Text mb="xs">{t("secondFactor.recoveryShown")}</Text>
            <List spacing={2} data-testid="recovery-codes">
              {reply.recoveryCodes.map((c) => (
                <List.Item key={c}>
                  <Code>{c}</Code>
                </List.Item>
              ))}
            </List>
          </Alert>
        ) : null}
        {overview.factors.length === 0 ? (
          <Text>{t("secondFactor.noFactors")}</Text>
        ) : (
          <Table>
            <Table.Caption>{t("secondFactor.factorsCaption")}</Table.Caption>
            <TableHead
              columns={[
                t("secondFactor.kind"),
                t("secondFactor.label"),
                t("secondFactor.added"),
                t("secondFactor.lastUsed"),
                t("common.actions"),
              ]}
            />
            <Table.Tbody>
              {overview.factors.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>{t(`secondFactor.kinds.${f.kind}`)}</Table.Td>
                  <Table.Td>{f.label}</Table.Td>
                  <Table.Td>{fmt.date(f.createdAt)}</Table.Td>
                  <Table.Td>{f.lastUsedAt ? fmt.date(f.lastUsedAt) : t("secondFactor.never")}</Table.Td>
                  <Table.Td>
                    <IntentForm intent="removeFactor" values={{ factorId: f.id }} preventScrollReset>
                      <Button
                        type="submit"
                        size="xs"
                        color="red"
                        variant="outline"
                        aria-label={t("secondFactor.removeLabel", { label: f.label })}
                      >
                        {t("secondFactor.remove")}
                      </Button>
                    </IntentForm>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Stack gap="xs">
            <TextInput
              label={t("secondFactor.passkeyName")}
              value={passkeyLabel}
              onChange={(e) => setPasskeyLabel(e.currentTarget.value)}
              maxLength={60}
            />
            {passkeyState === "failed" ? (
              <Text c="red" role="alert">
                {t("secondFactor.passkeyEnrolFailed")}
              </Text>
            ) : passkeyState === "unsupported" ? (
              <Text c="red" role="alert">
                {t("secondFactor.passkeyUnsupported")}
              </Text>
            ) : null}
            <Group>
              <Button type="button" onClick={addPasskey} loading={passkeyState === "busy"}>
                {t("secondFactor.addPasskey")}
              </Button>
            </Group>
          </Stack>
          <Stack gap="xs">
            {overview.totpEnrolment ? (
              <IntentForm intent="totpConfirm" preventScrollReset>
                <Stack gap="xs">
                  <Text size="sm">{t("secondFactor.totpScan")}</Text>
                  <Image src={overview.totpEnrolment.qrCode} alt={t("secondFactor.totpQrAlt")} w={180} h={180} />
                  <Text size="sm">
                    {t("secondFactor.totpSecret")}: <Code data-testid="totp-secret">{overview.totpEnrolment.secret}</Code>
                  </Text>
                  <TextInput
                    name="label"
                    label={t("secondFactor.totpName")}
                    defaultValue={t("secondFactor.totpDefaultName")}
                    maxLength={60}
                  />
                  <TextInput
                    name="code"
                    label={t("secondFactor.totpLabel")}
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    required
                    maxLength={7}
                  />
                  <SubmitRow label={t("secondFactor.totpConfirm")} />
                </Stack>
              </IntentForm>
            ) : (
              <IntentForm intent="totpStart" preventScrollReset>
                <Button type="submit" variant="light">
                  {t("secondFactor.totpStart")}
                </Button>
              </IntentForm>
            )}
          </Stack>
        </SimpleGrid>
        {overview.factors.length > 0 ? (
          <Group>
            <Text size="sm">{t("secondFactor.recoveryLeft", { count: overview.recoveryCodesLeft })}</Text>
            <IntentForm intent="recoveryCodes" preventScrollReset>
              <Button type="submit" size="xs" variant="outline">
                {t("secondFactor.recoveryRegenerate")}
              </Button>
            </IntentForm>
          </Group>
        ) : null}
        <Text size="sm" c="dimmed">
          {t("secondFactor.lostHelp")}
        </Text>
      </Stack>
    </Panel>
  );
}

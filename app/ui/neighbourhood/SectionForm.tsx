// One section of a neighbourhood plan (the basics, an observation, a goal, an action) as a form
// that saves itself while the author writes, and still works as a plain form without JavaScript.
//
// With JavaScript: input is kept in localStorage until the server confirms it, then a debounced
// `useFetcher` submit saves it ("Tallennetaan…" → "Tallennettu 12.34", or an error with a retry
// button). After a reload (say, a dropped connection) the unsaved text is put back and the author
// is told so. A conflict (a co-author saved the same item meanwhile) stops the autosave and shows
// their text next to the author's own, which stays in the form.
import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Alert, Button, Group, Stack, Text } from "@mantine/core";
import { useActionData, useFetcher } from "@remix-run/react";
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { ZodTypeAny } from "zod";
import { INTL_LOCALE, isLanguage, FALLBACK_LANGUAGE } from "~/i18n/config";
import { FormErrors, useZodForm } from "~/ui/forms";
import { planItemAnchor } from "./parts";
import { Notice } from "~/ui/Notice";

export type SectionConflict = { current: Record<string, unknown> | null; by: string | null; rev: string | null; gone: boolean };

/** What the editor's action answers for a section form (also `failed` from its clientAction). */
export type SectionReply = {
  formKey?: string;
  ok?: boolean;
  id?: number;
  rev?: string;
  savedAt?: number;
  result?: SubmissionResult<string[]>;
  conflict?: SectionConflict;
  error?: string;
  failed?: boolean;
};

const AUTOSAVE_DELAY_MS = 1200;
const STORED_DAYS = 14;
/** Form fields that steer the save rather than carry the author's text. */
const META_FIELDS = new Set(["intent", "itemId", "rev", "js", "autosave", "recreate", "formKey"]);

type Stored = { values: Record<string, string>; base: string; at: number };

function valuesOf(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of new FormData(form)) if (!META_FIELDS.has(name) && typeof value === "string") out[name] = value;
  return out;
}
const same = (a: Record<string, string>, b: Record<string, string>) => JSON.stringify(a) === JSON.stringify(b);

function readStored(key: string): Stored | null {
  try {
    const raw = window.localStorage.getItem(key);
    if (!raw) return null;
    const stored = JSON.parse(raw) as Stored;
    if (Date.now() - stored.at > STORED_DAYS * 86400000) {
      window.localStorage.removeItem(key);
      return null;
    }
    return stored;
  } catch {
    return null;
  }
}
function writeStored(key: string, stored: Stored) {
  try {
    window.localStorage.setItem(key, JSON.stringify(stored));
  } catch {
    // storage full or disabled: the autosave still runs
  }
}
function dropStored(key: string) {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // nothing to do
  }
}

/** Puts values into the form's fields (uncontrolled inputs: the DOM holds the text). */
/** Fired on a form after its fields were set in place, for a field that shows its value elsewhere too (a map point). */
export const FILLED_EVENT = "lahiturva:filled";

function fill(form: HTMLFormElement, values: Record<string, unknown>) {
  for (const [name, value] of Object.entries(values)) {
    const field = form.elements.namedItem(name);
    if (field && "value" in field) (field as unknown as HTMLInputElement).value = value == null ? "" : String(value);
  }
  form.dispatchEvent(new Event(FILLED_EVENT));
}

/** Which forms have unsaved text, so "submit the plan" can wait for them. */
const DirtyContext = createContext<{ set: (key: string, dirty: boolean) => void; count: number }>({ set: () => undefined, count: 0 });

export function DirtyProvider({ children }: { children: ReactNode }) {
  const [dirty, setDirty] = useState<Set<string>>(() => new Set());
  const set = useCallback((key: string, value: boolean) => {
    setDirty((prev) => {
      if (prev.has(key) === value) return prev;
      const next = new Set(prev);
      if (value) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);
  const ctx = useMemo(() => ({ set, count: dirty.size }), [set, dirty]);
  return <DirtyContext.Provider value={ctx}>{children}</DirtyContext.Provider>;
}
export const useUnsavedCount = () => useContext(DirtyContext).count;

type State = "idle" | "dirty" | "saving" | "saved" | "failed" | "invalid" | "conflict" | "error";

export type SectionFormProps = {
  planId: number;
  /** "basics", "observation-12", "observation-new"… unique on the page. */
  formKey: string;
  intent: "basics" | "observation" | "goal" | "action";
  schema: ZodTypeAny;
  itemId?: number;
  /** The saved item's revision; none for a new item. */
  rev?: string;
  /** Default values of the fields (the saved item). */
  defaultValue: Record<string, string>;
  /** Existing items save as the author types; new ones are added with the button. */
  autosave: boolean;
  /** A form that adds a new item: empty again once the item is added. */
  resetOnSave?: boolean;
  submitLabel: string;
  /** Names the group of fields (a fieldset legend), e.g. "Havainto 2". */
  legend?: string;
  "aria-labelledby"?: string;
  children: (fields: ReturnType<typeof useForm<Record<string, unknown>>>[1]) => ReactNode;
  /** Describes a conflicting version in words (their text). */
  describeTheirs: (current: Record<string, unknown>) => ReactNode;
};

export function SectionForm(props: SectionFormProps) {
  const { planId, formKey, intent, schema, itemId, autosave, submitLabel, children, describeTheirs } = props;
  const { t, i18n } = useTranslation();
  const lang = isLanguage(i18n.language) ? i18n.language : FALLBACK_LANGUAGE;
  const fetcher = useFetcher<SectionReply>({ key: `plan-${planId}-${formKey}` });
  const pageReply = useActionData<SectionReply>();
  // Without JavaScript the answer arrives with the page; with it, on the fetcher.
  const noJsReply = pageReply?.formKey === formKey ? pageReply : undefined;
  const storageKey = `lahiturva:plan:${planId}:${formKey}`;
  const formRef = useRef<HTMLFormElement>(null);
  const [hydrated, setHydrated] = useState(false);
  const [baseRev, setBaseRev] = useState(noJsReply?.conflict?.rev ?? props.rev ?? "");
  const baseRevRef = useRef(baseRev);
  baseRevRef.current = baseRev;
  const [state, setState] = useState<State>(noJsReply?.conflict ? "conflict" : "idle");
  const [conflict, setConflict] = useState<SectionConflict | null>(noJsReply?.conflict ?? null);
  const conflictRef = useRef(conflict);
  conflictRef.current = conflict;
  const [errorKey, setErrorKey] = useState<string | null>(noJsReply?.error ?? null);
  const [savedAt, setSavedAt] = useState<number | null>(null);
  const [notice, setNotice] = useState<"restored" | "restoredNew" | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const queued = useRef<"auto" | "manual" | null>(null);
  const sent = useRef<Record<string, string> | null>(null);
  const handled = useRef<SectionReply | undefined>(undefined);
  const recreate = useRef(false);
  const busy = useRef(false);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const setDirty = useContext(DirtyContext).set;

  const [form, fields] = useZodForm(schema, {
    id: `plan-form-${formKey}`,
    lastResult: fetcher.data?.result ?? noJsReply?.result,
    defaultValue: props.defaultValue,
    shouldRevalidate: "onInput",
    onSubmit(event) {
      // Valid and hydrated: save through the fetcher instead of a page load.
      event.preventDefault();
      save("manual");
    },
  });

  const save = useCallback(
    (mode: "auto" | "manual") => {
      const el = formRef.current;
      if (!el) return;
      if (mode === "auto" && conflictRef.current) return;
      const data = new FormData(el);
      if (mode === "auto" && parseWithZod(data, { schema }).status !== "success") {
        setState("invalid");
        return;
      }
      // One save at a time: a second one would race the first and look like a conflict.
      if (busy.current) {
        queued.current = queued.current === "manual" ? "manual" : mode;
        return;
      }
      data.set("rev", baseRevRef.current);
      data.set("js", "1");
      if (mode === "auto") data.set("autosave", "1");
      if (recreate.current) data.set("recreate", "1");
      sent.current = valuesOf(el);
      setState("saving");
      setErrorKey(null);
      busy.current = true;
      fetcherRef.current.submit(data, { method: "post" });
    },
    [schema],
  );

  const schedule = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => save("auto"), AUTOSAVE_DELAY_MS);
  }, [save]);

  // After hydration: put back text that never reached the server.
  useEffect(() => {
    setHydrated(true);
    const el = formRef.current;
    const stored = el ? readStored(storageKey) : null;
    if (!el || !stored) return;
    if (same(stored.values, valuesOf(el))) return dropStored(storageKey);
    fill(el, stored.values);
    if (!props.resetOnSave && stored.base) setBaseRev(stored.base);
    setState("dirty");
    setNotice(autosave ? "restored" : "restoredNew");
    // Save at once only if nobody changed the item since this text was written.
    if (autosave && stored.base === (props.rev ?? "")) setTimeout(() => save("auto"), 0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    setDirty(formKey, state === "dirty" || state === "saving" || state === "failed" || state === "conflict");
  }, [setDirty, formKey, state]);
  useEffect(() => () => setDirty(formKey, false), [setDirty, formKey]);

  // A failed save is retried when the browser is back online.
  useEffect(() => {
    const retry = () => {
      if (state === "failed") save("auto");
    };
    window.addEventListener("online", retry);
    return () => window.removeEventListener("online", retry);
  }, [state, save]);

  useEffect(() => () => clearTimeout(timer.current), []);

  // The server's answer.
  useEffect(() => {
    const reply = fetcher.data;
    if (fetcher.state !== "idle") return;
    busy.current = false;
    if (!reply || reply === handled.current) return;
    handled.current = reply;
    const el = formRef.current;
    if (reply.ok) {
      setSavedAt(reply.savedAt ?? Date.now());
      setConflict(null);
      recreate.current = false;
      if (props.resetOnSave) {
        // A new item was added: the list shows it now, and this form starts empty again. The
        // fields are emptied in place: a reset would remount them and blur a focused one.
        if (el) fill(el, Object.fromEntries(Object.keys(valuesOf(el)).map((name) => [name, props.defaultValue[name] ?? ""])));
        dropStored(storageKey);
        setBaseRev("");
        setState("saved");
        // Focus follows the new item (now in the list, the loaders have run): its first field.
        if (reply.id != null && el?.contains(document.activeElement)) {
          const added = document.getElementById(planItemAnchor(intent, reply.id));
          added?.querySelector<HTMLElement>("input:not([type=hidden]), textarea, select")?.focus();
        }
      } else {
        setBaseRev(reply.rev ?? "");
        const now = el ? valuesOf(el) : null;
        if (now && sent.current && same(now, sent.current)) {
          dropStored(storageKey);
          setState("saved");
        } else {
          if (now) writeStored(storageKey, { values: now, base: reply.rev ?? "", at: Date.now() });
          setState("dirty");
          schedule();
        }
      }
    } else if (reply.conflict) {
      setConflict(reply.conflict);
      setState("conflict");
    } else if (reply.failed) {
      setState("failed");
    } else if (reply.result) {
      setState("invalid");
    } else {
      setErrorKey(reply.error ?? null);
      setState("error");
    }
    const next = queued.current;
    queued.current = null;
    if (next && reply.ok) setTimeout(() => save(next), 0);
  }, [fetcher.state, fetcher.data, props.resetOnSave, props.defaultValue, schedule, save, storageKey]);

  const onInput = () => {
    const el = formRef.current;
    if (!el) return;
    writeStored(storageKey, { values: valuesOf(el), base: baseRevRef.current, at: Date.now() });
    setNotice(null);
    if (state !== "conflict") setState("dirty");
    if (autosave) schedule();
  };

  const keepMine = () => {
    if (!conflict) return;
    if (conflict.gone) recreate.current = true;
    setBaseRev(conflict.rev ?? "");
    baseRevRef.current = conflict.rev ?? "";
    setConflict(null);
    conflictRef.current = null;
    save("manual");
  };
  const takeTheirs = () => {
    const el = formRef.current;
    if (!el || !conflict?.current) return;
    fill(el, conflict.current);
    setBaseRev(conflict.rev ?? "");
    dropStored(storageKey);
    setConflict(null);
    setState("idle");
  };

  const time = (ms: number) =>
    new Intl.DateTimeFormat(INTL_LOCALE[lang], { hour: "numeric", minute: "2-digit", timeZone: "Europe/Helsinki" }).format(new Date(ms));
  const statusText =
    state === "saving"
      ? t("neighbourhood.autosave.saving")
      : state === "saved" && savedAt
        ? t("neighbourhood.autosave.saved", { time: time(savedAt) })
        : state === "dirty"
          ? t("neighbourhood.autosave.unsaved")
          : state === "invalid" && autosave
            ? t("neighbourhood.autosave.invalid")
            : "";

  return (
    <form
      method="post"
      ref={formRef}
      id={form.id}
      noValidate={form.noValidate}
      onSubmit={(event) => {
        // Conform validates (and, when valid, saves through the fetcher). Once hydrated, nothing
        // is ever submitted natively: not a save, and not conform's own validation "intents".
        form.onSubmit(event);
        event.preventDefault();
      }}
      onInput={onInput}
      aria-labelledby={props["aria-labelledby"]}
      data-state={state}
    >
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="formKey" value={formKey} />
      {itemId ? <input type="hidden" name="itemId" value={itemId} /> : null}
      <input type="hidden" name="rev" value={baseRev} />
      {noJsReply?.conflict?.gone ? <input type="hidden" name="recreate" value="1" /> : null}
      {hydrated ? <input type="hidden" name="js" value="1" /> : null}
      <Stack gap="sm">
        {notice ? (
          <Alert color="city" variant="light" role="status">
            {t(notice === "restored" ? "neighbourhood.autosave.restored" : "neighbourhood.autosave.restoredNew")}
          </Alert>
        ) : null}
        {conflict ? (
          <Alert color="orange" role="alert" title={t("neighbourhood.autosave.conflictTitle")}>
            <Stack gap="xs">
              <Text size="sm">
                {conflict.gone
                  ? t("neighbourhood.autosave.goneBody")
                  : t("neighbourhood.autosave.conflictBody", { name: conflict.by ?? t("neighbourhood.autosave.conflictUnknown") })}
              </Text>
              {conflict.current ? (
                <div>
                  <Text size="sm" fw={600}>
                    {t("neighbourhood.autosave.theirVersion")}
                  </Text>
                  {describeTheirs(conflict.current)}
                </div>
              ) : null}
              {hydrated ? (
                <Group gap="xs">
                  <Button size="xs" onClick={keepMine}>
                    {conflict.gone ? t("neighbourhood.autosave.recreate") : t("neighbourhood.autosave.keepMine")}
                  </Button>
                  {conflict.current ? (
                    <Button size="xs" variant="light" onClick={takeTheirs}>
                      {t("neighbourhood.autosave.takeTheirs")}
                    </Button>
                  ) : null}
                </Group>
              ) : null}
            </Stack>
          </Alert>
        ) : null}
        <FormErrors errors={form.errors} />
        <Notice tone="error" message={errorKey ? t(errorKey) : null} variant="light" />
        {props.legend ? (
          <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
            <legend style={{ padding: 0, marginBottom: 8, fontWeight: 600 }}>{props.legend}</legend>
            <Stack gap="sm">{children(fields)}</Stack>
          </fieldset>
        ) : (
          children(fields)
        )}
        <Group gap="sm" align="center">
          <Button type="submit" variant={autosave ? "light" : "filled"} size="sm">
            {conflict && !hydrated ? t("neighbourhood.autosave.keepMine") : submitLabel}
          </Button>
          <Text size="sm" role="status" aria-live="polite" c={state === "failed" ? "red.9" : "dimmed"}>
            {state === "failed" ? t("neighbourhood.autosave.failed") : statusText}
          </Text>
          {state === "failed" ? (
            <Button size="xs" variant="outline" onClick={() => save("manual")}>
              {t("neighbourhood.autosave.retry")}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </form>
  );
}

// Form fields shared by the panels: labelled inputs, and a number input that
// reads what Japanese sheets write (2,000万, 20%, １，０００) with the core's parser.
import { useEffect, useState } from "preact/hooks";
import { formatMessage } from "../core/errors";
import { formatValue } from "../core/format";
import type { Lang } from "../core/text";
import { isRefusal, parseNumber, readNumber as readCell } from "../core/value";

let ids = 0;
export function useId(prefix: string): string {
  const [id] = useState(() => `${prefix}-${++ids}`);
  return id;
}

export function isPercentUnit(unit: string): boolean {
  return unit.trim() === "%" || unit.trim() === "％";
}

/** A value as the input shows it, exactly, by the one number rule: 20% for rates, 2,000万 for yen in Japanese. */
export function showNumber(value: number | null, unit: string, lang: Lang): string {
  if (value === null) return "";
  return formatValue(value, unit, lang, { purpose: "input" });
}

/** Reads an input: for % units a bare number is a percentage ("20" = 20%). undefined when unreadable. */
export function readNumber(text: string, unit: string): number | null | undefined {
  const parsed = parseNumber(text.trim() === "" ? null : text);
  if (!parsed) return undefined;
  if (parsed.value === null) return null;
  if (isPercentUnit(unit) && !/[%％]/.test(text)) return Number(`${parsed.value}e-2`);
  return parsed.value;
}

/**
 * Why `text` is not a number and how to write it, in `lang`: the value
 * reader's reason with its fix, worded as the sheet's functions word it; null
 * when it reads.
 */
export function whyNotANumber(text: string, lang: Lang): string | null {
  const reading = readCell(text.trim() === "" ? null : text);
  return isRefusal(reading) ? formatMessage(lang, "badNumber", {}, { text, ...reading }) : null;
}

export interface NumberFieldProps {
  label: string;
  value: number | null;
  unit: string;
  lang: Lang;
  /** Words for the note beside a focused input saying how the typed text was read (`= 2,000万円`). */
  readAs: string;
  testid?: string;
  /** Text the model holds as unreadable (shown instead of the value, marked invalid). */
  pending?: string;
  onChange(value: number | null, text: string): void;
  /** Told the text typed when it does not read as a number. */
  onInvalid?(text: string): void;
  /** Told whether the text reads as a number, so a form can refuse to submit stale values. */
  onValidity?(valid: boolean): void;
}

export function NumberField(props: NumberFieldProps) {
  const id = useId("num");
  const shown = () => props.pending ?? showNumber(props.value, props.unit, props.lang);
  const [text, setText] = useState(shown);
  const [focused, setFocused] = useState(false);
  // Why the text shown is not a number (null while it reads): the model's unreadable text, or what was typed.
  const pendingError = () => (props.pending === undefined ? null : whyNotANumber(props.pending, props.lang));
  const [error, setError] = useState(pendingError);
  useEffect(() => {
    if (!focused) {
      setText(shown());
      setError(pendingError());
    }
  }, [props.value, props.unit, props.pending, props.lang, focused]);
  const commit = (value: string) => {
    const v = readNumber(value, props.unit);
    setError(v === undefined ? whyNotANumber(value, props.lang) : null);
    props.onValidity?.(v !== undefined);
    if (v === undefined) {
      if (value !== props.pending) props.onInvalid?.(value);
    } else if (v !== props.value || props.pending !== undefined) props.onChange(v, value);
  };
  return (
    <div class="field number">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={text}
        aria-invalid={error !== null}
        aria-describedby={error !== null ? `${id}-err` : undefined}
        data-testid={props.testid}
        onFocus={() => setFocused(true)}
        onBlur={(e) => {
          setFocused(false);
          commit((e.target as HTMLInputElement).value);
        }}
        onInput={(e) => {
          const value = (e.target as HTMLInputElement).value;
          setText(value);
          commit(value);
        }}
      />
      {error !== null ? (
        <div class="field-error" id={`${id}-err`} data-testid={props.testid ? `${props.testid}-error` : undefined}>
          {error}
        </div>
      ) : focused && text.trim() && props.value !== null ? (
        <div class="field-echo" aria-live="polite" data-testid={props.testid ? `${props.testid}-echo` : undefined}>
          <span class="visually-hidden">{props.readAs} </span>= {formatValue(props.value, props.unit, props.lang)}
        </div>
      ) : null}
    </div>
  );
}

export interface TextFieldProps {
  label: string;
  value: string;
  testid?: string;
  type?: "text" | "date" | "month";
  list?: string;
  placeholder?: string;
  inputRef?: preact.Ref<HTMLInputElement>;
  onChange(value: string): void;
}

export function TextField(props: TextFieldProps) {
  const id = useId("txt");
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        ref={props.inputRef}
        type={props.type ?? "text"}
        value={props.value}
        list={props.list}
        placeholder={props.placeholder}
        data-testid={props.testid}
        onInput={(e) => props.onChange((e.target as HTMLInputElement).value)}
      />
    </div>
  );
}

export interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: [T, string][];
  testid?: string;
  disabled?: boolean;
  onChange(value: T): void;
}

export function SelectField<T extends string>(props: SelectFieldProps<T>) {
  const id = useId("sel");
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        disabled={props.disabled}
        data-testid={props.testid}
        onChange={(e) => props.onChange((e.target as HTMLSelectElement).value as T)}
      >
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Checkbox(props: { label: string; checked: boolean; testid?: string; onChange(v: boolean): void }) {
  const id = useId("chk");
  return (
    <div class="field check">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        data-testid={props.testid}
        onChange={(e) => props.onChange((e.target as HTMLInputElement).checked)}
      />
      <label for={id}>{props.label}</label>
    </div>
  );
}

/** A titled list of messages, shown as text; nothing when there are none. */
export function Issues(props: {
  title: string;
  heading: "h3" | "h5";
  level: "error" | "warning";
  items: readonly string[];
  testid?: string;
}) {
  if (props.items.length === 0) return null;
  const Heading = props.heading;
  return (
    <>
      <Heading>{props.title}</Heading>
      <ul class="issues" data-testid={props.testid}>
        {props.items.map((message, k) => (
          <li key={`${k}:${message}`} class={props.level}>
            {message}
          </li>
        ))}
      </ul>
    </>
  );
}

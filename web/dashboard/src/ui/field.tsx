import type { ComponentChildren, JSX } from 'preact';
import { useId } from 'preact/hooks';

interface FieldProps {
  label: ComponentChildren;
  error?: string | null;
  hint?: ComponentChildren;
  // Renders the control with the id the label points at.
  children: (id: string, invalid: boolean) => ComponentChildren;
}

export function Field({ label, error, hint, children }: FieldProps) {
  const id = useId();
  return (
    <div class="field">
      <label class="field__label" for={id}>{label}</label>
      {children(id, Boolean(error))}
      {error ? <span class="field__error" role="alert">{error}</span> : hint && <span class="field__hint">{hint}</span>}
    </div>
  );
}

type InputProps = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'onInput' | 'value'> & {
  value: string | number;
  onValue: (value: string) => void;
  invalid?: boolean;
};

export function TextInput({ value, onValue, invalid, type = 'text', class: extra, ...rest }: InputProps) {
  return (
    <input
      class={`input${extra ? ` ${extra}` : ''}`}
      type={type}
      value={value}
      aria-invalid={invalid ? 'true' : undefined}
      onInput={(event) => onValue(event.currentTarget.value)}
      {...rest}
    />
  );
}

interface SelectProps {
  id?: string;
  value: string;
  onValue: (value: string) => void;
  options: { value: string; label: string; disabled?: boolean }[];
  invalid?: boolean;
  disabled?: boolean;
  name?: string;
}

export function Select({ value, onValue, options, invalid, ...rest }: SelectProps) {
  return (
    <select class="select" value={value} aria-invalid={invalid ? 'true' : undefined} onChange={(event) => onValue(event.currentTarget.value)} {...rest}>
      {options.map((option) => (
        <option key={option.value} value={option.value} disabled={option.disabled}>{option.label}</option>
      ))}
    </select>
  );
}

interface SwitchProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  label: ComponentChildren;
  disabled?: boolean;
  id?: string;
}

export function Switch({ checked, onChange, label, disabled, id }: SwitchProps) {
  return (
    <label class="switch">
      <input id={id} type="checkbox" role="switch" checked={checked} disabled={disabled} onChange={(event) => onChange(event.currentTarget.checked)} />
      <span class="switch__track" aria-hidden="true" />
      <span>{label}</span>
    </label>
  );
}

export function Checkbox({ checked, onChange, label, disabled }: SwitchProps) {
  return (
    <label class="check">
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(event) => onChange(event.currentTarget.checked)} />
      <span>{label}</span>
    </label>
  );
}

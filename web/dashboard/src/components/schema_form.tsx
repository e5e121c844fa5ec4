import { useEffect, useState } from 'preact/hooks';
import { Plus, X } from 'lucide-preact';
import { defineMessages } from '../i18n/i18n';
import { Button } from '../ui/button';
import { Field, Select, Switch, TextInput } from '../ui/field';
import './schema_form.css';

// A form generated from a plugin manifest's config schema: the host's JSON
// Schema subset (plugins/config_schema.cpp). Field paths are written as the
// host writes them ("$.limits.max_items", "$.minutes[2]") so the host's 400
// invalid_config can be shown on the field it names.
export interface JsonSchema {
  type: 'object' | 'string' | 'integer' | 'number' | 'boolean' | 'array';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  default?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: JsonSchema;
  additionalProperties?: boolean;
  title?: string;
  description?: string;
}

const t = defineMessages({
  id: {
    required: 'Wajib diisi.',
    type_string: 'Harus berupa teks.',
    type_integer: 'Harus bilangan bulat.',
    type_number: 'Harus berupa angka.',
    type_boolean: 'Harus ya atau tidak.',
    type_array: 'Harus berupa daftar.',
    type_object: 'Harus berupa kelompok isian.',
    enum: 'Pilih salah satu: {options}.',
    minimum: 'Minimal {limit}.',
    maximum: 'Maksimal {limit}.',
    min_length: 'Minimal {limit} karakter.',
    max_length: 'Maksimal {limit} karakter.',
    not_allowed: 'Isian ini tidak dikenal.',
    add_item: 'Tambah',
    remove_item: 'Hapus {label} nomor {n}',
    item: '{label} nomor {n}',
    no_items: 'Daftar kosong.',
    range: 'Dari {min} sampai {max}',
    at_least: 'Minimal {min}',
    at_most: 'Maksimal {max}',
  },
  en: {
    required: 'Required.',
    type_string: 'Must be text.',
    type_integer: 'Must be a whole number.',
    type_number: 'Must be a number.',
    type_boolean: 'Must be yes or no.',
    type_array: 'Must be a list.',
    type_object: 'Must be a group of fields.',
    enum: 'Choose one of: {options}.',
    minimum: 'At least {limit}.',
    maximum: 'At most {limit}.',
    min_length: 'At least {limit} characters.',
    max_length: 'At most {limit} characters.',
    not_allowed: 'This field is not known.',
    add_item: 'Add',
    remove_item: 'Remove {label} item {n}',
    item: '{label} item {n}',
    no_items: 'The list is empty.',
    range: 'From {min} to {max}',
    at_least: 'At least {min}',
    at_most: 'At most {max}',
  },
});

// ---- validation (pure) ------------------------------------------------------

export type Problem =
  | { rule: 'required' | 'not_allowed' }
  | { rule: 'type'; expected: JsonSchema['type'] }
  | { rule: 'enum'; options: unknown[] }
  | { rule: 'minimum' | 'maximum' | 'min_length' | 'max_length'; limit: number };

// The first problem of each field, by path; empty when the value is valid.
export type Problems = Record<string, Problem>;

// Counts characters as the host does (code points, not UTF-16 units).
const characterCount = (text: string) => [...text].length;

function hasType(value: unknown, type: JsonSchema['type']): boolean {
  switch (type) {
    case 'object': return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'string': return typeof value === 'string';
    case 'integer': return typeof value === 'number' && Number.isInteger(value);
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'boolean': return typeof value === 'boolean';
    case 'array': return Array.isArray(value);
  }
}

// Checks a value against the schema with the host's rules, collecting the
// first problem of every field (the host stops at the first of all).
export function validateConfig(schema: JsonSchema, value: unknown, path = '$', problems: Problems = {}): Problems {
  if (!hasType(value, schema.type)) {
    problems[path] = { rule: 'type', expected: schema.type };
    return problems;
  }
  if (schema.enum && !schema.enum.some((option) => JSON.stringify(option) === JSON.stringify(value))) {
    problems[path] = { rule: 'enum', options: schema.enum };
    return problems;
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum) problems[path] = { rule: 'minimum', limit: schema.minimum };
    else if (schema.maximum !== undefined && value > schema.maximum) problems[path] = { rule: 'maximum', limit: schema.maximum };
  }
  if (typeof value === 'string') {
    const length = characterCount(value);
    if (schema.minLength !== undefined && length < schema.minLength) problems[path] = { rule: 'min_length', limit: schema.minLength };
    else if (schema.maxLength !== undefined && length > schema.maxLength) problems[path] = { rule: 'max_length', limit: schema.maxLength };
  }
  if (schema.type === 'object') {
    const object = value as Record<string, unknown>;
    for (const name of schema.required ?? []) {
      if (!(name in object)) problems[`${path}.${name}`] = { rule: 'required' };
    }
    for (const [name, child] of Object.entries(object)) {
      const property = schema.properties?.[name];
      if (property) validateConfig(property, child, `${path}.${name}`, problems);
      else if (schema.additionalProperties === false) problems[`${path}.${name}`] = { rule: 'not_allowed' };
    }
  }
  if (schema.type === 'array' && schema.items) {
    (value as unknown[]).forEach((item, index) => validateConfig(schema.items!, item, `${path}[${index}]`, problems));
  }
  return problems;
}

export function describeProblem(problem: Problem): string {
  switch (problem.rule) {
    case 'required':
    case 'not_allowed':
      return t(problem.rule);
    case 'type':
      return t(`type_${problem.expected}`);
    case 'enum':
      return t('enum', { options: problem.options.map((option) => String(option)).join(', ') });
    default:
      return t(problem.rule, { limit: problem.limit });
  }
}

export function describeProblems(problems: Problems): Record<string, string> {
  return Object.fromEntries(Object.entries(problems).map(([path, problem]) => [path, describeProblem(problem)]));
}

// The field path at the start of the host's invalid_config message
// ("$.max_items must be at most 100"), or null.
export function pathOfHostMessage(message: string): string | null {
  const match = /^(\$\S*) /.exec(message);
  return match ? match[1] : null;
}

// The value the form starts from: the saved config with the schema's
// defaults filled in where a key is missing, as the host applies it.
export function withDefaults(schema: JsonSchema, value: unknown): unknown {
  if (schema.type !== 'object' || !schema.properties) return value;
  const object: Record<string, unknown> = typeof value === 'object' && value !== null && !Array.isArray(value)
    ? { ...(value as Record<string, unknown>) }
    : {};
  for (const [name, child] of Object.entries(schema.properties)) {
    if (name in object) object[name] = withDefaults(child, object[name]);
    else if (child.default !== undefined) object[name] = withDefaults(child, child.default);
    else if (child.type === 'object') object[name] = withDefaults(child, {});
  }
  return object;
}

// A new list item: its default, or the smallest allowed value.
function newItem(schema: JsonSchema): unknown {
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  switch (schema.type) {
    case 'integer':
    case 'number': return schema.minimum ?? 0;
    case 'boolean': return false;
    case 'object': return withDefaults(schema, {});
    case 'array': return [];
    case 'string': return '';
  }
}

// A number typed in a text box, or the text itself while it is not one yet
// (validation then says "must be a number" on that field).
export function parseNumberText(text: string): number | string {
  const trimmed = text.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : text;
}

function bounds(schema: JsonSchema): string | undefined {
  const { minimum: min, maximum: max, minLength, maxLength } = schema;
  if (min !== undefined && max !== undefined) return t('range', { min, max });
  if (min !== undefined) return t('at_least', { min });
  if (max !== undefined) return t('at_most', { max });
  if (minLength !== undefined && maxLength !== undefined) return t('range', { min: minLength, max: maxLength });
  return undefined;
}

// ---- rendering ----------------------------------------------------------------

interface FormProps {
  schema: JsonSchema;
  value: unknown;
  onChange: (next: unknown) => void;
  // Messages by field path (client-side problems and the host's answer).
  errors: Record<string, string>;
  disabled?: boolean;
}

export function SchemaForm({ schema, value, onChange, errors, disabled }: FormProps) {
  return (
    <div class="schema-form">
      <ObjectFields schema={schema} value={value} path="$" onChange={onChange} errors={errors} disabled={disabled} />
    </div>
  );
}

interface NodeProps {
  schema: JsonSchema;
  value: unknown;
  path: string;
  onChange: (next: unknown) => void;
  errors: Record<string, string>;
  disabled?: boolean;
}

function ObjectFields({ schema, value, path, onChange, errors, disabled }: NodeProps) {
  const object = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return (
    <div class="schema-form__fields">
      {Object.entries(schema.properties ?? {}).map(([name, child]) => (
        <SchemaField
          key={name}
          label={child.title ?? name}
          schema={child}
          value={object[name]}
          path={`${path}.${name}`}
          onChange={(next) => onChange({ ...object, [name]: next })}
          errors={errors}
          disabled={disabled}
        />
      ))}
    </div>
  );
}

function SchemaField({ label, ...node }: NodeProps & { label: string }) {
  const { schema, value, path, onChange, errors, disabled } = node;
  const error = errors[path] ?? null;
  if (schema.type === 'object') {
    return (
      <fieldset class="schema-form__group" data-path={path}>
        <legend>{label}</legend>
        {schema.description && <p class="field__hint">{schema.description}</p>}
        {error && <span class="field__error" role="alert">{error}</span>}
        <ObjectFields {...node} />
      </fieldset>
    );
  }
  if (schema.type === 'array') return <ListEditor label={label} {...node} />;
  if (schema.type === 'boolean') {
    return (
      <div class="field" data-path={path}>
        <Switch checked={value === true} onChange={onChange} label={label} disabled={disabled} />
        {error ? <span class="field__error" role="alert">{error}</span> : schema.description && <span class="field__hint">{schema.description}</span>}
      </div>
    );
  }
  const hint = [schema.description, bounds(schema)].filter(Boolean).join(' · ') || undefined;
  return (
    <div data-path={path}>
      <Field label={label} error={error} hint={hint}>
        {(id, invalid) => <ScalarInput id={id} invalid={invalid} {...node} />}
      </Field>
    </div>
  );
}

function ScalarInput({ id, invalid, schema, value, onChange, disabled }: NodeProps & { id: string; invalid: boolean }) {
  if (schema.enum) {
    const options = schema.enum.map((option) => ({ value: JSON.stringify(option), label: String(option) }));
    return (
      <Select
        id={id}
        value={JSON.stringify(value)}
        options={options}
        invalid={invalid}
        disabled={disabled}
        onValue={(text) => onChange(JSON.parse(text))}
      />
    );
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    return <NumberInput id={id} invalid={invalid} value={value} onChange={onChange} disabled={disabled} integer={schema.type === 'integer'} />;
  }
  return <TextInput id={id} value={typeof value === 'string' ? value : ''} invalid={invalid} disabled={disabled} onValue={onChange} />;
}

// Keeps what the user typed ("1.", "-") while the value is a number, so
// typing is never fought by the formatting.
function NumberInput({ id, invalid, value, onChange, disabled, integer }: {
  id: string; invalid: boolean; value: unknown; onChange: (next: unknown) => void; disabled?: boolean; integer: boolean;
}) {
  const shown = value === undefined || value === null ? '' : String(value);
  const [text, setText] = useState(shown);
  useEffect(() => {
    if (parseNumberText(text) !== value) setText(shown);
  }, [shown]);
  return (
    <TextInput
      id={id}
      value={text}
      invalid={invalid}
      disabled={disabled}
      inputMode={integer ? 'numeric' : 'decimal'}
      onValue={(next) => {
        setText(next);
        onChange(parseNumberText(next));
      }}
    />
  );
}

function ListEditor({ label, schema, value, path, onChange, errors, disabled }: NodeProps & { label: string }) {
  const items = Array.isArray(value) ? value : [];
  const itemSchema = schema.items ?? { type: 'string' };
  const error = errors[path] ?? null;
  const replace = (index: number, next: unknown) => onChange(items.map((item, i) => (i === index ? next : item)));
  return (
    <fieldset class="schema-form__group schema-form__list" data-path={path}>
      <legend>{label}</legend>
      {schema.description && <p class="field__hint">{schema.description}</p>}
      {error && <span class="field__error" role="alert">{error}</span>}
      {items.length === 0 && <p class="faint">{t('no_items')}</p>}
      {items.map((item, index) => (
        <div class="schema-form__item" key={index}>
          <div class="grow">
            <SchemaField
              label={t('item', { label, n: index + 1 })}
              schema={itemSchema}
              value={item}
              path={`${path}[${index}]`}
              onChange={(next) => replace(index, next)}
              errors={errors}
              disabled={disabled}
            />
          </div>
          {!disabled && (
            <Button
              variant="ghost"
              small
              label={t('remove_item', { label, n: index + 1 })}
              icon={<X />}
              onClick={() => onChange(items.filter((_, i) => i !== index))}
            />
          )}
        </div>
      ))}
      {!disabled && (
        <div>
          <Button small icon={<Plus />} onClick={() => onChange([...items, newItem(itemSchema)])}>{t('add_item')}</Button>
        </div>
      )}
    </fieldset>
  );
}

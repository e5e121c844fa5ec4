import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { useState } from 'preact/hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../i18n/i18n';
import {
  describeProblem, describeProblems, type JsonSchema, parseNumberText, pathOfHostMessage, SchemaForm, validateConfig,
  withDefaults,
} from './schema_form';

// The fixture-echo plugin's schema, plus a nested object and lists.
const schema: JsonSchema = {
  type: 'object',
  properties: {
    greeting: { type: 'string', default: 'halo', minLength: 1, maxLength: 5 },
    max_items: { type: 'integer', default: 10, minimum: 1, maximum: 100 },
    ratio: { type: 'number', minimum: 0.5 },
    sound: { type: 'boolean', default: true },
    mode: { type: 'string', enum: ['quiet', 'loud'], default: 'quiet' },
    minutes: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 60 }, default: [5, 1] },
    whatsapp: {
      type: 'object',
      required: ['number'],
      properties: { number: { type: 'string', maxLength: 15 } },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};

describe('validateConfig', () => {
  it('accepts a valid config', () => {
    expect(validateConfig(schema, withDefaults(schema, { whatsapp: { number: '628123' } }))).toEqual({});
  });

  it('names every wrong field by the host path', () => {
    const problems = validateConfig(schema, {
      greeting: '',
      max_items: 500,
      ratio: 0.1,
      sound: 'yes',
      mode: 'shouting',
      minutes: [5, 0, 61, 'x'],
      whatsapp: { extra: 1 },
      unknown: 1,
    });
    expect(problems).toEqual({
      '$.greeting': { rule: 'min_length', limit: 1 },
      '$.max_items': { rule: 'maximum', limit: 100 },
      '$.ratio': { rule: 'minimum', limit: 0.5 },
      '$.sound': { rule: 'type', expected: 'boolean' },
      '$.mode': { rule: 'enum', options: ['quiet', 'loud'] },
      '$.minutes[1]': { rule: 'minimum', limit: 1 },
      '$.minutes[2]': { rule: 'maximum', limit: 60 },
      '$.minutes[3]': { rule: 'type', expected: 'integer' },
      '$.whatsapp.number': { rule: 'required' },
      '$.whatsapp.extra': { rule: 'not_allowed' },
      '$.unknown': { rule: 'not_allowed' },
    });
  });

  it('tells integers from numbers and counts characters, not UTF-16 units', () => {
    expect(validateConfig(schema, { max_items: 2.5 })).toEqual({ '$.max_items': { rule: 'type', expected: 'integer' } });
    expect(validateConfig(schema, { greeting: '😀😀😀😀😀' })).toEqual({});
    expect(validateConfig(schema, { greeting: '😀😀😀😀😀😀' })).toEqual({ '$.greeting': { rule: 'max_length', limit: 5 } });
  });

  it('words the problems in the chosen language', () => {
    setLang('en');
    expect(describeProblem({ rule: 'maximum', limit: 100 })).toBe('At most 100.');
    setLang('id');
    expect(describeProblem({ rule: 'maximum', limit: 100 })).toBe('Maksimal 100.');
    expect(describeProblem({ rule: 'type', expected: 'integer' })).toBe('Harus bilangan bulat.');
    expect(describeProblems({ '$.a': { rule: 'required' } })).toEqual({ '$.a': 'Wajib diisi.' });
  });
});

describe('helpers', () => {
  it('reads the path out of the host message', () => {
    expect(pathOfHostMessage('$.max_items must be at most 100')).toBe('$.max_items');
    expect(pathOfHostMessage('$.minutes[2] must be an integer')).toBe('$.minutes[2]');
    expect(pathOfHostMessage('something else')).toBeNull();
  });

  it('parses typed numbers and keeps what is not one', () => {
    expect(parseNumberText('42')).toBe(42);
    expect(parseNumberText(' 1,5 ')).toBe(1.5);
    expect(parseNumberText('-3')).toBe(-3);
    expect(parseNumberText('12a')).toBe('12a');
    expect(parseNumberText('')).toBe('');
  });

  it('fills defaults without overwriting saved values', () => {
    expect(withDefaults(schema, { max_items: 3 })).toEqual({
      greeting: 'halo', max_items: 3, sound: true, mode: 'quiet', minutes: [5, 1], whatsapp: {},
    });
  });
});

function Harness({ initial }: { initial: unknown }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <SchemaForm schema={schema} value={value} onChange={setValue} errors={describeProblems(validateConfig(schema, value))} />
      <output data-testid="value">{JSON.stringify(value)}</output>
    </>
  );
}

describe('SchemaForm', () => {
  afterEach(cleanup);

  it('renders a control per field and shows a problem as it is typed', async () => {
    setLang('id');
    render(<Harness initial={withDefaults(schema, { whatsapp: { number: '62812' } })} />);
    expect(screen.getByRole('switch', { name: 'sound' })).toBeTruthy();
    expect((screen.getByLabelText('mode') as HTMLSelectElement).tagName).toBe('SELECT');
    const maxItems = screen.getByLabelText('max_items') as HTMLInputElement;
    expect(maxItems.value).toBe('10');
    fireEvent.input(maxItems, { target: { value: '500' } });
    expect(await screen.findByText('Maksimal 100.')).toBeTruthy();
    expect(JSON.parse(screen.getByTestId('value').textContent!).max_items).toBe(500);
  });

  it('edits a list: add and remove items', async () => {
    render(<Harness initial={withDefaults(schema, { whatsapp: { number: '62812' } })} />);
    expect((screen.getByLabelText('minutes nomor 2') as HTMLInputElement).value).toBe('1');
    fireEvent.click(screen.getByRole('button', { name: 'Tambah' }));
    expect(JSON.parse(screen.getByTestId('value').textContent!).minutes).toEqual([5, 1, 1]);
    fireEvent.click(screen.getByRole('button', { name: 'Hapus minutes nomor 1' }));
    expect(JSON.parse(screen.getByTestId('value').textContent!).minutes).toEqual([1, 1]);
  });
});

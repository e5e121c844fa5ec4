import { signal } from '@preact/signals';

// Bahasa Indonesia by default; English selectable and remembered per browser.
export type Lang = 'id' | 'en';
export const LANGS: Lang[] = ['id', 'en'];
const STORAGE_KEY = 'billing.lang';

function storedLang(): Lang {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

export const lang = signal<Lang>(storedLang());

export function setLang(next: Lang): void {
  lang.value = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  document.documentElement.lang = next;
}

export type Params = Record<string, string | number>;
export type Translate<K extends string> = (key: K, params?: Params) => string;

// Fills `{name}` placeholders; an unknown placeholder stays visible so a
// missing parameter is noticed rather than hidden.
export function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

// Each page keeps its own messages next to it: both languages must have the
// same keys (the type checker enforces it). Reading `lang` inside the
// returned function makes a component re-render when the language changes.
export function defineMessages<K extends string>(catalog: { id: Record<K, string>; en: Record<K, string> }): Translate<K> {
  return (key, params) => interpolate(catalog[lang.value][key] ?? key, params);
}

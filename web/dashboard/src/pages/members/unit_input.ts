// A whole number typed by the user within [min, max], or null.
export function parseUnits(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^[+-]?\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= min && value <= max ? value : null;
}

// A signed change of units for a balance: -1000..1000 and not 0.
export function parseUnitChange(text: string): number | null {
  const value = parseUnits(text, -1000, 1000);
  return value === 0 ? null : value;
}

// Rupiah as the shop writes it: "Rp 10.000" (no decimals, dot thousands).
export interface Currency {
  symbol: string;
  thousands_separator: string;
}

export const DEFAULT_CURRENCY: Currency = { symbol: 'Rp', thousands_separator: '.' };

export function groupThousands(value: number, separator: string): string {
  const digits = Math.trunc(Math.abs(value)).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return value < 0 ? `-${grouped}` : grouped;
}

export function formatMoney(amount: number, currency: Currency = DEFAULT_CURRENCY): string {
  const text = groupThousands(amount, currency.thousands_separator);
  return text.startsWith('-') ? `-${currency.symbol} ${text.slice(1)}` : `${currency.symbol} ${text}`;
}

// Reads what an operator typed ("10.000", "Rp 10000", "10,000") as rupiah,
// or null when it is not a whole non-negative amount.
export function parseMoney(text: string): number | null {
  const digits = text.replace(/^\s*rp\.?\s*/i, '').replace(/[.,\s]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : null;
}

// The host's phone rule (core/phone_number.cpp), so a form can show how a
// number will be stored before it is saved: digits with an optional leading
// "+" and the separators space - . ( ); a leading 0 (the Indonesian trunk
// prefix) becomes 62; 8 to 15 digits. Returns null when the host would
// refuse it.
export function normalisePhone(text: string): string | null {
  let digits = '';
  for (const c of text.trim()) {
    if (c >= '0' && c <= '9') digits += c;
    else if (c === '+' && digits === '') continue;
    else if (!' -.()'.includes(c)) return null;
  }
  if (digits.startsWith('0')) digits = `62${digits.slice(1)}`;
  return digits.length >= 8 && digits.length <= 15 ? digits : null;
}

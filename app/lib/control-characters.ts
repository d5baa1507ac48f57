/**
 * Whether text holds a control character: C0 (U+0000–U+001F) or DEL. PostgreSQL refuses NUL in
 * text and the others are never typed by people; tab, line feed and carriage return are allowed
 * unless `allowLineBreaks` is false, because text areas send them.
 */
export function hasControlCharacters(text: string, allowLineBreaks = true): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x7f) return true;
    if (code >= 0x20) continue;
    if (allowLineBreaks && (code === 0x09 || code === 0x0a || code === 0x0d)) continue;
    return true;
  }
  return false;
}

/**
 * A website as people type it: "bakery.ie" means "https://bakery.ie". An address with a scheme
 * keeps it (only http and https); one without gets https://. Returns "" for nothing typed and
 * null when it is not a web address (no dot in the host, spaces, another scheme).
 */
export function normaliseWebsite(input: string): string | null {
  const typed = input.trim();
  if (typed === "") return "";
  const hasScheme = /^[a-z][a-z0-9+.-]*:/i.test(typed);
  if (hasScheme && !/^https?:\/\//i.test(typed)) return null;
  if (typed.startsWith("/")) return null;
  const candidate = hasScheme ? typed : `https://${typed}`;
  if (/\s/.test(candidate)) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  // A host with a name before its last dot ("example.com", not "example" or ".com").
  if (!/^[^.]+(\.[^.]+)*\.[a-z0-9-]{2,}$/i.test(url.hostname)) return null;
  return candidate;
}

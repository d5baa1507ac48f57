/**
 * The Markdown subset used in network posts and comments.
 *
 * The HTML this module returns is inserted with `dangerouslySetInnerHTML`, so safety comes from
 * construction rather than from sanitizing afterwards: every character of the source reaches the
 * output through `escapeHtml`, and the only tags ever written are the fixed ones below, with
 * attributes whose values are escaped and whose URLs passed the scheme allowlist.
 *
 * The parser never backtracks: blocks are read line by line, inline text is scanned once from
 * left to right, and each look-ahead (code-span closer, link, URL, handle) stops at a character
 * that a later look-ahead would start from, so the work is linear in the input (plus a binary
 * search per backtick run).
 */

type EmphasisTag = "em" | "strong";

type Inline =
  | { kind: "text"; text: string }
  | { kind: "break" }
  | { kind: "code"; text: string }
  | { kind: "open"; tag: EmphasisTag }
  | { kind: "close"; tag: EmphasisTag }
  | { kind: "link-open"; href: string }
  | { kind: "link-close" }
  | { kind: "mention"; handle: string; text: string };

type Block =
  | { kind: "paragraph"; content: Inline[] }
  | { kind: "code"; text: string }
  | { kind: "list"; ordered: boolean; start: number; items: Inline[][] }
  | { kind: "quote"; children: Block[] };

/** A run of `*` or `_` while the paragraph is being scanned; resolved into tags or text at the end. */
interface Delimiter {
  kind: "delimiter";
  char: "*" | "_";
  position: number;
  count: number;
  /** Tags opened by this run, innermost first (the order they were matched in). */
  opens: Inline[];
  /** Tags closed by this run, innermost first. */
  closes: Inline[];
}

type Node = Inline | Delimiter;

/** Run length → ascending start positions of maximal backtick runs in the paragraph. */
type BacktickRuns = Map<number, number[]>;

export interface RenderMarkdownOptions {
  /** People who may be mentioned, keyed by lower-cased handle. Unknown handles stay plain text. */
  mentions?: Map<string, { id: string; name: string }>;
}

const LINK_REL = "nofollow noopener noreferrer ugc";
const MIN_HANDLE_LENGTH = 2;
const MAX_HANDLE_LENGTH = 40;
/** Longer runs of `*` or `_` stay literal, so "******" cannot nest tags deeply. */
const MAX_DELIMITER_RUN = 3;
const MAX_ORDERED_DIGITS = 9;
const ALLOWED_SCHEME = /^(https?|mailto):/i;
const AUTOLINK_PREFIXES = ["https://", "http://", "mailto:"];
/** Characters that end a bare URL when they are its last ones ("see https://x.org."). */
const URL_TRAILING_PUNCTUATION = new Set([".", ",", ":", ";", "!", "?", "'", '"', "*", "_", "~"]);
/** Characters that may come right before a bare URL ("(https://x.org)", "**https://x.org**"). */
const URL_LEADING_PUNCTUATION = new Set(["(", "[", "<", "*", "_", "~", '"', "'"]);
const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const WHITESPACE = /\s/;
const PUNCTUATION = /[\p{P}\p{S}]/u;
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;

/** Renders the Markdown subset to safe HTML. */
export function renderMarkdown(source: string, options: RenderMarkdownOptions = {}): string {
  return renderBlocks(parseDocument(source), options.mentions);
}

/** Handles (the text after @) mentioned in the source, lower-cased, unique, in order. */
export function findMentions(source: string): string[] {
  const handles = new Set<string>();
  visitInlines(parseDocument(source), (token) => {
    if (token.kind === "mention") handles.add(token.handle);
  });
  return [...handles];
}

/**
 * Plain text of the source (for previews, notifications, search): no markup, collapsed whitespace,
 * truncated to maxLength with "…". Without maxLength nothing is cut. The result is text, not HTML:
 * characters such as "<" are kept as they are, so escape it wherever it is written into HTML.
 */
export function toPlainText(source: string, maxLength?: number): string {
  const parts: string[] = [];
  collectText(parseDocument(source), parts);
  const text = parts.join(" ").replace(/\s+/g, " ").trim();
  return maxLength === undefined ? text : truncate(text, maxLength);
}

// ---------------------------------------------------------------------------------------------
// Blocks

function parseDocument(source: string): Block[] {
  const normalized = source.replace(/\r\n?/g, "\n").replaceAll("\u0000", "\uFFFD");
  return parseBlocks(normalized.split("\n"), true);
}

/** Quotes are one level deep: inside a quote, lines starting with ">" are ordinary text. */
function parseBlocks(lines: string[], allowQuotes: boolean): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (isBlank(line)) {
      i++;
      continue;
    }

    const fence = matchFence(line);
    if (fence) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !isClosingFence(lines[i], fence.length)) {
        body.push(stripSpaces(lines[i], fence.indent));
        i++;
      }
      i++; // the closing fence; an unclosed block runs to the end
      blocks.push({ kind: "code", text: body.join("\n") });
      continue;
    }

    if (allowQuotes && quotedText(line) !== null) {
      const inner: string[] = [];
      let text = quotedText(line);
      while (text !== null) {
        inner.push(text);
        i++;
        text = i < lines.length ? quotedText(lines[i]) : null;
      }
      blocks.push({ kind: "quote", children: parseBlocks(inner, false) });
      continue;
    }

    const first = matchListItem(line);
    if (first) {
      i = parseList(lines, i, first, allowQuotes, blocks);
      continue;
    }

    const paragraph = [line.trim()];
    i++;
    while (i < lines.length && !isBlank(lines[i]) && !interruptsParagraph(lines[i], allowQuotes)) {
      paragraph.push(lines[i].trim());
      i++;
    }
    blocks.push({ kind: "paragraph", content: parseInline(paragraph.join("\n")) });
  }
  return blocks;
}

interface ListItem {
  ordered: boolean;
  number: number;
  content: string;
}

/** Reads the list starting at `lines[start]`, appends it to `blocks` and returns the next line index. */
function parseList(
  lines: string[],
  start: number,
  first: ListItem,
  allowQuotes: boolean,
  blocks: Block[],
): number {
  const items: string[][] = [[first.content]];
  let i = start + 1;
  while (i < lines.length) {
    const line = lines[i];
    if (isBlank(line)) {
      // Blank lines between items of the same kind keep the list together.
      let next = i + 1;
      while (next < lines.length && isBlank(lines[next])) next++;
      const item = next < lines.length ? matchListItem(lines[next]) : null;
      if (item?.ordered !== first.ordered) break;
      i = next;
      continue;
    }
    const item = matchListItem(line);
    if (item) {
      if (item.ordered !== first.ordered) break;
      items.push([item.content]);
      i++;
      continue;
    }
    if (matchFence(line) || (allowQuotes && quotedText(line) !== null)) break;
    // An indented line continues the item; an unindented one starts a paragraph.
    if (line[0] !== " " && line[0] !== "\t") break;
    items[items.length - 1].push(line.trim());
    i++;
  }
  blocks.push({
    kind: "list",
    ordered: first.ordered,
    start: first.number,
    items: items.map((item) => parseInline(item.join("\n"))),
  });
  return i;
}

function interruptsParagraph(line: string, allowQuotes: boolean): boolean {
  if (matchFence(line)) return true;
  if (allowQuotes && quotedText(line) !== null) return true;
  const item = matchListItem(line);
  // As in CommonMark, "2019. was a year" inside a paragraph does not start a list.
  return item !== null && (!item.ordered || item.number === 1);
}

function isBlank(line: string): boolean {
  return line.trim() === "";
}

function leadingSpaces(line: string): number {
  let count = 0;
  while (line[count] === " ") count++;
  return count;
}

function stripSpaces(line: string, most: number): string {
  return line.slice(Math.min(leadingSpaces(line), most));
}

function matchFence(line: string): { indent: number; length: number } | null {
  const indent = leadingSpaces(line);
  if (indent > 3) return null;
  let end = indent;
  while (line[end] === "`") end++;
  // "```code```" on one line is an inline code span, not a fence.
  if (end - indent < 3 || line.includes("`", end)) return null;
  return { indent, length: end - indent };
}

function isClosingFence(line: string, length: number): boolean {
  const indent = leadingSpaces(line);
  if (indent > 3) return false;
  let end = indent;
  while (line[end] === "`") end++;
  return end - indent >= length && line.slice(end).trim() === "";
}

/** The text of a quote line without its ">" (and one space after it), or null for other lines. */
function quotedText(line: string): string | null {
  const indent = leadingSpaces(line);
  if (indent > 3 || line[indent] !== ">") return null;
  const next = line[indent + 1];
  return line.slice(next === " " || next === "\t" ? indent + 2 : indent + 1);
}

function matchListItem(line: string): ListItem | null {
  const indent = leadingSpaces(line);
  if (indent > 3) return null;
  let position = indent;
  let ordered = false;
  let number = 1;
  if (line[position] === "-" || line[position] === "*") {
    position++;
  } else {
    while (isDigit(line[position])) position++;
    const digits = position - indent;
    if (digits === 0 || digits > MAX_ORDERED_DIGITS || line[position] !== ".") return null;
    ordered = true;
    number = Number(line.slice(indent, position));
    position++;
  }
  if (line[position] !== " " && line[position] !== "\t") return null;
  const content = line.slice(position).trim();
  return content ? { ordered, number, content } : null;
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= "0" && char <= "9";
}

// ---------------------------------------------------------------------------------------------
// Inline text

/**
 * Parses `source.slice(start, end)`. Link text is parsed by a nested call with `inLink`, where
 * links, bare URLs and mentions are not recognized (an anchor cannot contain another anchor).
 */
function parseInline(
  source: string,
  start = 0,
  end = source.length,
  inLink = false,
  runs: BacktickRuns = indexBacktickRuns(source),
): Inline[] {
  const nodes: Node[] = [];
  const openers: Record<Delimiter["char"], Delimiter[]> = { "*": [], _: [] };
  let text = "";
  const flush = () => {
    if (text) nodes.push({ kind: "text", text });
    text = "";
  };

  let position = start;
  while (position < end) {
    const char = source[position];

    if (char === "\\") {
      const next = source[position + 1];
      if (position + 1 < end && isAsciiPunctuation(next)) {
        text += next;
        position += 2;
      } else {
        // Before a line end the backslash is CommonMark's hard break, which every line end is here.
        if (next !== "\n") text += char;
        position++;
      }
      continue;
    }

    if (char === "\n") {
      flush();
      nodes.push({ kind: "break" });
      position++;
      continue;
    }

    if (char === "`") {
      let runEnd = position;
      while (runEnd < end && source[runEnd] === "`") runEnd++;
      const closer = findBacktickCloser(runs, runEnd - position, runEnd, end);
      if (closer === -1) {
        text += source.slice(position, runEnd);
        position = runEnd;
      } else {
        flush();
        nodes.push({ kind: "code", text: codeSpanText(source.slice(runEnd, closer)) });
        position = closer + (runEnd - position);
      }
      continue;
    }

    if (char === "*" || char === "_") {
      let runEnd = position;
      while (runEnd < end && source[runEnd] === char) runEnd++;
      const count = runEnd - position;
      const flanking = delimiterFlanking(source, position, runEnd, start, end, char);
      if (count > MAX_DELIMITER_RUN || (!flanking.canOpen && !flanking.canClose)) {
        text += source.slice(position, runEnd);
      } else {
        flush();
        const delimiter: Delimiter = {
          kind: "delimiter",
          char,
          position,
          count,
          opens: [],
          closes: [],
        };
        nodes.push(delimiter);
        if (flanking.canClose) closeEmphasis(delimiter, openers);
        if (delimiter.count > 0 && flanking.canOpen) openers[char].push(delimiter);
      }
      position = runEnd;
      continue;
    }

    if (!inLink) {
      const found =
        char === "["
          ? matchLink(source, position, end, runs)
          : char === "@"
            ? matchMention(source, position, start, end)
            : isAutolinkStart(char)
              ? matchBareUrl(source, position, start, end)
              : null;
      if (found) {
        flush();
        // A loop, not push(...tokens): link text can hold more tokens than a call has arguments.
        for (const token of found.tokens) nodes.push(token);
        position = found.end;
        continue;
      }
    }

    text += char;
    position++;
  }
  flush();
  return resolveDelimiters(nodes);
}

/**
 * CommonMark's emphasis matching, kept linear by holding one opener stack per character and
 * dropping its "rule of 3": the nearest opener of the same character is always the top of its
 * stack, and every delimiter is pushed and popped at most once.
 */
function closeEmphasis(closer: Delimiter, openers: Record<Delimiter["char"], Delimiter[]>): void {
  const same = openers[closer.char];
  const other = openers[closer.char === "*" ? "_" : "*"];
  while (closer.count > 0 && same.length > 0) {
    const opener = same[same.length - 1];
    // Openers between the pair can no longer match anything without crossing it.
    while (other.length > 0 && other[other.length - 1].position > opener.position) other.pop();
    const used = opener.count >= 2 && closer.count >= 2 ? 2 : 1;
    const tag: EmphasisTag = used === 2 ? "strong" : "em";
    opener.count -= used;
    closer.count -= used;
    opener.opens.push({ kind: "open", tag });
    closer.closes.push({ kind: "close", tag });
    if (opener.count === 0) same.pop();
  }
}

function delimiterFlanking(
  source: string,
  runStart: number,
  runEnd: number,
  start: number,
  end: number,
  char: string,
): { canOpen: boolean; canClose: boolean } {
  // The edges of the parsed range count as whitespace.
  const before = runStart > start ? source[runStart - 1] : " ";
  const after = runEnd < end ? source[runEnd] : " ";
  const isSpaceBefore = WHITESPACE.test(before);
  const isSpaceAfter = WHITESPACE.test(after);
  const isPunctuationBefore = PUNCTUATION.test(before);
  const isPunctuationAfter = PUNCTUATION.test(after);
  const isLeftFlanking =
    !isSpaceAfter && (!isPunctuationAfter || isSpaceBefore || isPunctuationBefore);
  const isRightFlanking =
    !isSpaceBefore && (!isPunctuationBefore || isSpaceAfter || isPunctuationAfter);
  if (char === "*") return { canOpen: isLeftFlanking, canClose: isRightFlanking };
  // "_" does not work inside words, so snake_case_names stay as they are.
  return {
    canOpen: isLeftFlanking && (!isRightFlanking || isPunctuationBefore),
    canClose: isRightFlanking && (!isLeftFlanking || isPunctuationAfter),
  };
}

/** Turns delimiter runs into their tags and leftover literal characters, merging adjacent text. */
function resolveDelimiters(nodes: Node[]): Inline[] {
  const tokens: Inline[] = [];
  const pushText = (text: string) => {
    const last = tokens[tokens.length - 1];
    if (last?.kind === "text") last.text += text;
    else tokens.push({ kind: "text", text });
  };
  for (const node of nodes) {
    if (node.kind === "delimiter") {
      tokens.push(...node.closes);
      if (node.count > 0) pushText(node.char.repeat(node.count));
      for (let i = node.opens.length - 1; i >= 0; i--) tokens.push(node.opens[i]);
    } else if (node.kind === "text") {
      pushText(node.text);
    } else {
      tokens.push(node);
    }
  }
  return tokens;
}

function indexBacktickRuns(source: string): BacktickRuns {
  const runs: BacktickRuns = new Map();
  let position = 0;
  while (position < source.length) {
    if (source[position] !== "`") {
      position++;
      continue;
    }
    const runStart = position;
    while (source[position] === "`") position++;
    const length = position - runStart;
    const starts = runs.get(length);
    if (starts) starts.push(runStart);
    else runs.set(length, [runStart]);
  }
  return runs;
}

/** Start of the first backtick run of exactly `length` at or after `from` and ending by `end`, or -1. */
function findBacktickCloser(runs: BacktickRuns, length: number, from: number, end: number): number {
  const starts = runs.get(length);
  if (!starts) return -1;
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (starts[middle] < from) low = middle + 1;
    else high = middle;
  }
  return low < starts.length && starts[low] + length <= end ? starts[low] : -1;
}

function codeSpanText(raw: string): string {
  const text = raw.replaceAll("\n", " ");
  const isPadded = text.length > 2 && text.startsWith(" ") && text.endsWith(" ");
  return isPadded && text.trim() !== "" ? text.slice(1, -1) : text;
}

interface Match {
  tokens: Inline[];
  end: number;
}

/**
 * `[text](url)`. The text may not contain brackets and the URL stops at whitespace or a bracket,
 * so a failed attempt never scans past the next "[" and "[[[[" stays linear.
 */
function matchLink(source: string, start: number, end: number, runs: BacktickRuns): Match | null {
  let textEnd = start + 1;
  while (textEnd < end && source[textEnd] !== "]" && source[textEnd] !== "[") {
    textEnd += source[textEnd] === "\\" && textEnd + 1 < end ? 2 : 1;
  }
  if (textEnd + 1 >= end || source[textEnd] !== "]" || source[textEnd + 1] !== "(") return null;

  let position = skipSpacesAndTabs(source, textEnd + 2, end);
  const urlStart = position;
  let depth = 0;
  while (position < end) {
    const char = source[position];
    if (isUrlStop(char) || char === "[" || char === "]") break;
    if (char === "(") depth++;
    else if (char === ")") {
      if (depth === 0) break;
      depth--;
    }
    position++;
  }
  const urlEnd = position;
  position = skipSpacesAndTabs(source, position, end);
  if (position >= end || source[position] !== ")") return null;

  const href = safeHref(source.slice(urlStart, urlEnd));
  if (href === null) return null;
  const label = parseInline(source, start + 1, textEnd, true, runs);
  return {
    tokens: [
      { kind: "link-open", href },
      ...(label.length > 0 ? label : [{ kind: "text", text: source.slice(urlStart, urlEnd) }]),
      { kind: "link-close" },
    ] as Inline[],
    end: position + 1,
  };
}

function isAutolinkStart(char: string): boolean {
  return char === "h" || char === "H" || char === "m" || char === "M";
}

/**
 * A bare http(s):// or mailto: URL after whitespace or an opening character (as in GFM, so the
 * "https://" inside "javascript://https://x" is not picked out); trailing punctuation stays outside.
 */
function matchBareUrl(
  source: string,
  start: number,
  rangeStart: number,
  end: number,
): Match | null {
  if (start > rangeStart) {
    const before = source[start - 1];
    if (!WHITESPACE.test(before) && !URL_LEADING_PUNCTUATION.has(before)) return null;
  }
  const head = source.slice(start, start + 8).toLowerCase();
  const prefix = AUTOLINK_PREFIXES.find((candidate) => head.startsWith(candidate));
  if (!prefix) return null;

  const bodyStart = start + prefix.length;
  let urlEnd = bodyStart;
  let unmatchedParentheses = 0;
  while (urlEnd < end && !isUrlStop(source[urlEnd])) {
    if (source[urlEnd] === "(") unmatchedParentheses--;
    else if (source[urlEnd] === ")") unmatchedParentheses++;
    urlEnd++;
  }
  while (urlEnd > bodyStart) {
    const last = source[urlEnd - 1];
    if (URL_TRAILING_PUNCTUATION.has(last)) {
      urlEnd--;
    } else if (last === ")" && unmatchedParentheses > 0) {
      // "(see https://x.org/a)": the parenthesis belongs to the sentence.
      unmatchedParentheses--;
      urlEnd--;
    } else {
      break;
    }
  }
  if (urlEnd === bodyStart) return null;

  const url = source.slice(start, urlEnd);
  const href = safeHref(url);
  if (href === null) return null;
  return {
    tokens: [{ kind: "link-open", href }, { kind: "text", text: url }, { kind: "link-close" }],
    end: urlEnd,
  };
}

/**
 * "@handle" at the start of a word (so not the "@" of "a@b.com"). Dots at the end belong to the
 * sentence ("thanks @ana."), and "@ana@example.org" is an address, not a mention.
 */
function matchMention(
  source: string,
  start: number,
  rangeStart: number,
  end: number,
): Match | null {
  if (start > rangeStart && WORD_CHARACTER.test(source[start - 1])) return null;
  let runEnd = start + 1;
  while (runEnd < end && isHandleCharacter(source[runEnd])) runEnd++;
  if (runEnd < end && source[runEnd] === "@") return null;
  let handleEnd = runEnd;
  while (handleEnd > start + 1 && source[handleEnd - 1] === ".") handleEnd--;
  const length = handleEnd - start - 1;
  if (length < MIN_HANDLE_LENGTH || length > MAX_HANDLE_LENGTH) return null;
  const text = source.slice(start, handleEnd);
  return {
    tokens: [{ kind: "mention", handle: text.slice(1).toLowerCase(), text }],
    end: handleEnd,
  };
}

function isHandleCharacter(char: string): boolean {
  return (
    (char >= "a" && char <= "z") ||
    (char >= "A" && char <= "Z") ||
    isDigit(char) ||
    char === "." ||
    char === "_" ||
    char === "-"
  );
}

function isAsciiPunctuation(char: string | undefined): boolean {
  return (
    char !== undefined && char.length === 1 && "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".includes(char)
  );
}

function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** Where a URL ends: whitespace, control characters and characters no URL carries unencoded. */
function isUrlStop(char: string): boolean {
  return (
    WHITESPACE.test(char) ||
    isControl(char) ||
    char === "<" ||
    char === ">" ||
    char === '"' ||
    char === "`"
  );
}

function skipSpacesAndTabs(source: string, position: number, end: number): number {
  let next = position;
  while (next < end && (source[next] === " " || source[next] === "\t")) next++;
  return next;
}

/**
 * The URL to put in an href, or null when its scheme is not http, https or mailto. Browsers drop
 * whitespace and control characters inside a URL ("java\tscript:" still runs), so they are removed
 * before the scheme is checked; anything not on the allowlist, entity-encoded schemes such as
 * "&#106;avascript:" and scheme-less URLs included, is refused rather than repaired.
 */
function safeHref(raw: string): string | null {
  let cleaned = "";
  for (const char of raw) {
    if (!isControl(char) && !WHITESPACE.test(char)) cleaned += char;
  }
  const match = ALLOWED_SCHEME.exec(cleaned);
  if (!match || cleaned.length === match[0].length) return null;
  return match[1].toLowerCase() + cleaned.slice(match[1].length);
}

// ---------------------------------------------------------------------------------------------
// Output

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

function renderBlocks(
  blocks: Block[],
  mentions: RenderMarkdownOptions["mentions"] | undefined,
): string {
  return blocks.map((block) => renderBlock(block, mentions)).join("\n");
}

function renderBlock(
  block: Block,
  mentions: RenderMarkdownOptions["mentions"] | undefined,
): string {
  switch (block.kind) {
    case "paragraph":
      return `<p>${renderInline(block.content, mentions)}</p>`;
    case "code":
      return `<pre><code>${escapeHtml(block.text)}</code></pre>`;
    case "list": {
      const items = block.items.map((item) => `<li>${renderInline(item, mentions)}</li>`).join("");
      if (!block.ordered) return `<ul>${items}</ul>`;
      const start = block.start === 1 ? "" : ` start="${block.start}"`;
      return `<ol${start}>${items}</ol>`;
    }
    case "quote":
      return `<blockquote>${renderBlocks(block.children, mentions)}</blockquote>`;
  }
}

function renderInline(
  tokens: Inline[],
  mentions: RenderMarkdownOptions["mentions"] | undefined,
): string {
  let html = "";
  for (const token of tokens) {
    switch (token.kind) {
      case "text":
        html += escapeHtml(token.text);
        break;
      case "break":
        html += "<br>";
        break;
      case "code":
        html += `<code>${escapeHtml(token.text)}</code>`;
        break;
      case "open":
        html += `<${token.tag}>`;
        break;
      case "close":
        html += `</${token.tag}>`;
        break;
      case "link-open":
        html += `<a href="${escapeHtml(token.href)}" rel="${LINK_REL}">`;
        break;
      case "link-close":
        html += "</a>";
        break;
      case "mention": {
        const person = mentions?.get(token.handle);
        html += person
          ? `<a class="mention" href="/people/${escapeHtml(encodeURIComponent(person.id))}">@${escapeHtml(person.name)}</a>`
          : escapeHtml(token.text);
        break;
      }
    }
  }
  return html;
}

function visitInlines(blocks: Block[], visit: (token: Inline) => void): void {
  for (const block of blocks) {
    if (block.kind === "paragraph") block.content.forEach(visit);
    else if (block.kind === "list") for (const item of block.items) item.forEach(visit);
    else if (block.kind === "quote") visitInlines(block.children, visit);
  }
}

function collectText(blocks: Block[], parts: string[]): void {
  for (const block of blocks) {
    if (block.kind === "code") parts.push(block.text);
    else if (block.kind === "quote") collectText(block.children, parts);
    else {
      const inlines = block.kind === "paragraph" ? [block.content] : block.items;
      for (const tokens of inlines) {
        let text = "";
        for (const token of tokens) {
          if (token.kind === "text" || token.kind === "code" || token.kind === "mention") {
            text += token.text;
          } else if (token.kind === "break") {
            text += " ";
          }
        }
        parts.push(text);
      }
    }
  }
}

/** Cuts at a word boundary when one is near the limit, so previews do not end mid-word. */
function truncate(text: string, maxLength: number): string {
  const limit = Math.max(0, Math.floor(maxLength));
  const characters = Array.from(text);
  if (characters.length <= limit) return text;
  if (limit === 0) return "";
  let cut = characters.slice(0, limit - 1).join("");
  const lastSpace = cut.lastIndexOf(" ");
  if (lastSpace > cut.length * 0.6) cut = cut.slice(0, lastSpace);
  return `${cut.trimEnd()}…`;
}

/**
 * The Markdown subset used in posts, comments and discussions.
 *
 * markdown-it parses (a CommonMark parser with linear-time rules, kept by its maintainers); this
 * module only chooses the rules, adds mentions, and writes the HTML itself. The HTML is inserted
 * with `dangerouslySetInnerHTML`, so safety comes from construction rather than from sanitizing
 * afterwards: the writer below knows a fixed set of tags, every piece of text and every attribute
 * value goes through `escapeHtml`, every href passed the scheme allowlist, and a token it does not
 * know contributes its escaped text or nothing. Enabling another markdown-it rule can therefore
 * never add markup the writer was not taught.
 *
 * The subset: paragraphs (every line end is a line break), emphasis, inline code, fenced code,
 * lists, one level of quotes, links and bare URLs to http, https and mailto, and @mentions.
 * Raw HTML, entities, headings, images, tables and reference links stay text.
 *
 * Learning resources (issue 11) ask for a little more with `resource`: `###` headings (shown as
 * h3; other levels stay text), tables, and images whose source `file:<id>` names one of the
 * resource's own pictures (`resource.images` gives each known id its URL; any other image stays
 * text, never a request to another origin).
 */
import MarkdownItParser, {
  type MarkdownIt,
  type StateBlock,
  type StateCore,
  type StateInline,
  type Token,
} from "markdown-it";

export interface RenderMarkdownOptions {
  /** People who may be mentioned, keyed by lower-cased handle. Unknown handles stay plain text. */
  mentions?: Map<string, { id: string; name: string }>;
  /** The learning resources' extension: h3 headings, tables, and the resource's own images. */
  resource?: { images: Map<string, string> };
}

const LINK_REL = "nofollow noopener noreferrer ugc";
const MIN_HANDLE_LENGTH = 2;
const MAX_HANDLE_LENGTH = 40;
const ALLOWED_SCHEME = /^(https?|mailto):/i;
const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
const AT_SIGN = 0x40;
const COLON = 0x3a;
/** Characters that may come right before a bare URL ("(https://x.org)", "**https://x.org**"). */
const URL_LEADING_PUNCTUATION = new Set(["(", "[", "<", "*", "_", "~", '"', "'"]);
/** Where the quote depth is kept while a document is parsed (see `oneLevelOfQuotes`). */
const QUOTE_DEPTH = Symbol("quote depth");

const parser = createParser();
const resourceParser = createResourceParser();
const IMAGE_FILE_SOURCE = /^file:([0-9a-f-]{36})$/i;

/** Renders the Markdown subset to safe HTML. */
export function renderMarkdown(source: string, options: RenderMarkdownOptions = {}): string {
  if (options.resource) {
    return renderBlocks(
      resourceParser.parse(source, {}),
      options.mentions,
      options.resource.images,
    );
  }
  return renderBlocks(parse(source), options.mentions);
}

/** Handles (the text after @) mentioned in the source, lower-cased, unique, in order. */
export function findMentions(source: string): string[] {
  const handles = new Set<string>();
  for (const token of inlineTokens(parse(source))) {
    if (token.type === "mention") handles.add(mentionOf(token).handle);
  }
  return [...handles];
}

/**
 * Plain text of the source (for previews, notifications, search): no markup, collapsed whitespace,
 * truncated to maxLength with "…". Without maxLength nothing is cut. The result is text, not HTML:
 * characters such as "<" are kept as they are, so escape it wherever it is written into HTML.
 */
export function toPlainText(source: string, maxLength?: number): string {
  const parts: string[] = [];
  for (const token of parse(source)) {
    if (token.type === "fence") parts.push(token.content);
    else if (token.type === "inline") parts.push(inlineText(token.children ?? []));
  }
  const text = parts.join(" ").replace(/\s+/g, " ").trim();
  return maxLength === undefined ? text : truncate(text, maxLength);
}

// ---------------------------------------------------------------------------------------------
// Parsing

function createParser(): MarkdownIt {
  // "zero" enables nothing but paragraphs and text; every rule of the subset is named here.
  const md = new MarkdownItParser("zero", {
    html: false,
    linkify: true,
    breaks: true,
    maxNesting: 20,
  });
  md.enable(["blockquote", "fence", "list"]);
  md.enable(["linkify", "newline", "escape", "backticks", "emphasis", "link", "autolink"]);
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
  // linkify-it also knows "ftp:" and protocol-relative "//" links; only the allowlist may link.
  md.linkify.add("ftp:", null).add("//", null);
  // The core linkify rule (mailto: and anything the inline rule left) takes linkify-it's matches
  // as they are; this keeps only those that start a word, as the inline rule does.
  const matchLinks = md.linkify.match.bind(md.linkify);
  md.linkify.match = (text) =>
    matchLinks(text)?.filter((found) => startsAWord(text, found.index)) ?? null;

  md.validateLink = (url) => safeHref(url) !== null;
  const normalizeLink = md.normalizeLink.bind(md);
  md.normalizeLink = (url) => lowerCaseScheme(normalizeLink(url));

  wrapRule(md.block.ruler.__rules__, "blockquote", oneLevelOfQuotes);
  wrapRule(md.inline.ruler.__rules__, "link", refuseUnsafeLinks);
  wrapRule(md.inline.ruler.__rules__, "linkify", bareUrlsStartAWord);
  md.core.ruler.after("block", "join_bullet_lists", joinBulletLists);
  // Before "emphasis", so the "_" in "@dee_dee" belongs to the handle.
  md.inline.ruler.before("emphasis", "mention", mention);
  return md;
}

/** The post subset plus `###` headings, tables and images (see the module comment). */
function createResourceParser(): MarkdownIt {
  const md = createParser();
  md.enable(["heading", "table", "image"]);
  // markdown-it checks image sources with validateLink too; `file:<id>` is what images use.
  const validateLink = md.validateLink;
  md.validateLink = (url) => IMAGE_FILE_SOURCE.test(url) || validateLink(url);
  const normalizeLink = md.normalizeLink;
  md.normalizeLink = (url) => (IMAGE_FILE_SOURCE.test(url) ? url : normalizeLink(url));
  return md;
}

function parse(source: string): Token[] {
  return parser.parse(source, {});
}

/** Replaces a rule's function with `wrap(original)`, keeping its place and alternatives. */
function wrapRule<Args extends unknown[], Result>(
  rules: Array<{ name: string; fn: (...args: Args) => Result }>,
  name: string,
  wrap: (original: (...args: Args) => Result) => (...args: Args) => Result,
): void {
  const rule = rules.find((candidate) => candidate.name === name);
  if (!rule) throw new Error(`markdown-it has no rule named ${name}`);
  rule.fn = wrap(rule.fn);
}

type BlockRule = (
  state: StateBlock,
  startLine: number,
  endLine: number,
  silent: boolean,
) => boolean;
type InlineRule = (state: StateInline, silent: boolean) => boolean;

/** Quotes are one level deep: inside a quote, lines starting with ">" are ordinary text. */
function oneLevelOfQuotes(original: BlockRule): BlockRule {
  return (state, startLine, endLine, silent) => {
    const depth = (state.env[QUOTE_DEPTH] as number | undefined) ?? 0;
    if (depth > 0) return false;
    state.env[QUOTE_DEPTH] = depth + 1;
    try {
      return original(state, startLine, endLine, silent);
    } finally {
      state.env[QUOTE_DEPTH] = depth;
    }
  };
}

/**
 * markdown-it keeps a link whose destination failed `validateLink` (or was empty) and gives it an
 * empty href; here such a link is not a link at all, so its source stays visible as text.
 */
function refuseUnsafeLinks(original: InlineRule): InlineRule {
  return (state, silent) => {
    if (!hasLinkShape(state.src, state.pos, state.posMax)) return false;
    if (silent) return original(state, silent);
    const pos = state.pos;
    const posMax = state.posMax;
    const pending = state.pending;
    const tokenCount = state.tokens.length;
    if (!original(state, silent)) return false;
    const opener = state.tokens.slice(tokenCount).find((token) => token.type === "link_open");
    if (opener && safeHref(String(opener.attrGet("href") ?? "")) !== null) return true;
    state.tokens.length = tokenCount;
    state.tokens_meta.length = tokenCount;
    state.pending = pending;
    state.pos = pos;
    state.posMax = posMax;
    return false;
  };
}

/**
 * Whether `[text](url)` at `start` has the shape this subset links: text without brackets and a
 * destination (with an optional title) without brackets, closed by ")". markdown-it would scan a
 * label to its closing bracket from every "[", which is quadratic on "[[[[…"; each scan here stops
 * at the next bracket, so the scans of different "[" never overlap and the work stays linear.
 */
function hasLinkShape(src: string, start: number, end: number): boolean {
  if (src[start] !== "[") return false;
  let position = start + 1;
  while (position < end && src[position] !== "]") {
    if (src[position] === "[") return false;
    position += src[position] === "\\" ? 2 : 1;
  }
  if (src[position] !== "]" || src[position + 1] !== "(") return false;
  position += 2;
  let depth = 0;
  while (position < end) {
    const char = src[position];
    if (char === "[" || char === "]") return false;
    if (char === "\\") position++;
    else if (char === "(") depth++;
    else if (char === ")") {
      if (depth === 0) return true;
      depth--;
    }
    position++;
  }
  return false;
}

/**
 * A bare URL is linked only after whitespace or an opening character (as in GFM), so the
 * "https://" inside "javascript://https://x" or "a/https://x" is not picked out of a word.
 */
function bareUrlsStartAWord(original: InlineRule): InlineRule {
  return (state, silent) => {
    if (state.src.charCodeAt(state.pos) !== COLON) return false;
    // The scheme is the run of scheme characters before ":" (markdown-it looks at most 10 back).
    const earliest = state.pos - Math.min(10, state.pending.length);
    let schemeStart = state.pos;
    while (schemeStart > earliest && /[a-z0-9.+-]/i.test(state.src[schemeStart - 1])) schemeStart--;
    if (!startsAWord(state.src, schemeStart)) return false;
    return original(state, silent);
  };
}

function startsAWord(text: string, index: number): boolean {
  const before = text[index - 1];
  return before === undefined || /\s/.test(before) || URL_LEADING_PUNCTUATION.has(before);
}

/**
 * CommonMark starts a new list when the bullet changes ("- a" then "* b"); people mix bullets
 * without meaning to, so neighbouring bullet lists become one.
 */
function joinBulletLists(state: StateCore): void {
  const { tokens } = state;
  for (let i = tokens.length - 2; i >= 0; i--) {
    const close = tokens[i];
    const open = tokens[i + 1];
    if (
      close.type === "bullet_list_close" &&
      open.type === "bullet_list_open" &&
      close.level === open.level
    ) {
      tokens.splice(i, 2);
    }
  }
}

/**
 * "@handle" at the start of a word (so not the "@" of "a@b.com"). Dots at the end belong to the
 * sentence ("thanks @ana."), "@ana@example.org" is an address, not a mention, and link text
 * holds no mentions (an anchor cannot contain another anchor).
 */
function mention(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  const { src } = state;
  if (src.charCodeAt(start) !== AT_SIGN || state.linkLevel > 0) return false;
  if (start > 0 && WORD_CHARACTER.test(src[start - 1])) return false;
  let runEnd = start + 1;
  while (runEnd < state.posMax && isHandleCharacter(src[runEnd])) runEnd++;
  if (runEnd < state.posMax && src[runEnd] === "@") return false;
  let handleEnd = runEnd;
  while (handleEnd > start + 1 && src[handleEnd - 1] === ".") handleEnd--;
  const length = handleEnd - start - 1;
  if (length < MIN_HANDLE_LENGTH || length > MAX_HANDLE_LENGTH) return false;
  if (!silent) {
    const token = state.push("mention", "", 0);
    token.content = src.slice(start, handleEnd);
    token.meta = { handle: token.content.slice(1).toLowerCase() };
  }
  state.pos = handleEnd;
  return true;
}

function mentionOf(token: Token): { handle: string; text: string } {
  return { handle: (token.meta as { handle: string }).handle, text: token.content };
}

function isHandleCharacter(char: string): boolean {
  return (
    (char >= "a" && char <= "z") ||
    (char >= "A" && char <= "Z") ||
    (char >= "0" && char <= "9") ||
    char === "." ||
    char === "_" ||
    char === "-"
  );
}

function isControl(char: string): boolean {
  const code = char.charCodeAt(0);
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/**
 * The URL to put in an href, or null when its scheme is not http, https or mailto. Browsers drop
 * whitespace and control characters inside a URL ("java\tscript:" still runs), so they are removed
 * before the scheme is checked; anything not on the allowlist, scheme-less URLs included, is
 * refused rather than repaired.
 */
function safeHref(raw: string): string | null {
  let cleaned = "";
  for (const char of raw) {
    if (!isControl(char) && !/\s/.test(char)) cleaned += char;
  }
  const match = ALLOWED_SCHEME.exec(cleaned);
  if (!match || cleaned.length === match[0].length) return null;
  return lowerCaseScheme(cleaned);
}

function lowerCaseScheme(url: string): string {
  const match = ALLOWED_SCHEME.exec(url);
  return match ? match[1].toLowerCase() + url.slice(match[1].length) : url;
}

// ---------------------------------------------------------------------------------------------
// Output

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/**
 * Writes block tokens. Blocks that follow each other in one container are separated by a line
 * end; list items and the start or end of a container are not.
 */
function renderBlocks(
  tokens: Token[],
  mentions: RenderMarkdownOptions["mentions"],
  images?: Map<string, string>,
): string {
  let html = "";
  /** Whether each open heading was written (only level 3 is; others stay paragraphs). */
  const headings: boolean[] = [];
  let afterBlock = false;
  const startBlock = (markup: string) => {
    html += (afterBlock ? "\n" : "") + markup;
    afterBlock = false;
  };
  for (const token of tokens) {
    switch (token.type) {
      case "paragraph_open":
        if (!token.hidden) startBlock("<p>");
        break;
      case "paragraph_close":
        if (!token.hidden) {
          html += "</p>";
          afterBlock = true;
        }
        break;
      case "inline":
        html += renderInline(token.children ?? [], mentions, images);
        break;
      case "heading_open": {
        const isH3 = token.tag === "h3";
        headings.push(isH3);
        startBlock(isH3 ? "<h3>" : `<p>${escapeHtml(token.markup)} `);
        break;
      }
      case "heading_close":
        html += headings.pop() ? "</h3>" : "</p>";
        afterBlock = true;
        break;
      // A wide table scrolls inside its own box (focusable, so a keyboard can scroll it) instead
      // of making a phone's whole page scroll sideways.
      case "table_open":
        startBlock('<div class="table-scroll" tabindex="0"><table>');
        break;
      case "table_close":
        html += "</table></div>";
        afterBlock = true;
        break;
      case "thead_open":
      case "thead_close":
      case "tbody_open":
      case "tbody_close":
      case "tr_open":
      case "tr_close":
        html += `<${token.type.endsWith("_close") ? "/" : ""}${token.type.slice(0, token.type.indexOf("_"))}>`;
        break;
      case "th_open":
      case "td_open": {
        const style = String(token.attrGet("style") ?? "");
        const align = /text-align:(left|right|center)/.exec(style)?.[1];
        html += `<${token.tag}${align ? ` class="align-${align}"` : ""}>`;
        break;
      }
      case "th_close":
      case "td_close":
        html += `</${token.tag}>`;
        break;
      case "fence":
        startBlock(`<pre><code>${escapeHtml(token.content.replace(/\n$/, ""))}</code></pre>`);
        afterBlock = true;
        break;
      case "bullet_list_open":
        startBlock("<ul>");
        break;
      case "ordered_list_open": {
        const start = Number(token.attrGet("start") ?? "1");
        startBlock(Number.isSafeInteger(start) && start !== 1 ? `<ol start="${start}">` : "<ol>");
        break;
      }
      case "blockquote_open":
        startBlock("<blockquote>");
        break;
      case "list_item_open":
        html += "<li>";
        afterBlock = false;
        break;
      case "list_item_close":
        html += "</li>";
        afterBlock = false;
        break;
      case "bullet_list_close":
      case "ordered_list_close":
      case "blockquote_close":
        html += `</${token.type === "bullet_list_close" ? "ul" : token.type === "ordered_list_close" ? "ol" : "blockquote"}>`;
        afterBlock = true;
        break;
      // Any other token comes from a rule the subset does not enable and is left out.
    }
  }
  return html;
}

function renderInline(
  tokens: Token[],
  mentions: RenderMarkdownOptions["mentions"],
  images?: Map<string, string>,
): string {
  let html = "";
  /** Whether each open link was written (an unsafe one is left out with its closing tag). */
  const links: boolean[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case "text":
      case "text_special":
        html += escapeHtml(token.content);
        break;
      case "softbreak":
      case "hardbreak":
        html += "<br>";
        break;
      case "code_inline":
        html += `<code>${escapeHtml(token.content)}</code>`;
        break;
      case "em_open":
        html += "<em>";
        break;
      case "em_close":
        html += "</em>";
        break;
      case "strong_open":
        html += "<strong>";
        break;
      case "strong_close":
        html += "</strong>";
        break;
      case "link_open": {
        const href = safeHref(String(token.attrGet("href") ?? ""));
        links.push(href !== null);
        if (href !== null) html += `<a href="${escapeHtml(href)}" rel="${LINK_REL}">`;
        break;
      }
      case "link_close":
        if (links.pop()) html += "</a>";
        break;
      case "image": {
        const source = String(token.attrGet("src") ?? "");
        const fileId = IMAGE_FILE_SOURCE.exec(source)?.[1]?.toLowerCase();
        const url = fileId ? images?.get(fileId) : undefined;
        const alt = inlineText(token.children ?? []);
        html += url
          ? `<img src="${escapeHtml(url)}" alt="${escapeHtml(alt)}" loading="lazy">`
          : escapeHtml(`![${alt}](${source})`);
        break;
      }
      case "mention": {
        const { handle, text } = mentionOf(token);
        const person = mentions?.get(handle);
        html += person
          ? `<a class="mention" href="/people/${escapeHtml(encodeURIComponent(person.id))}">@${escapeHtml(person.name)}</a>`
          : escapeHtml(text);
        break;
      }
      default:
        html += escapeHtml(token.content);
    }
  }
  return html;
}

function* inlineTokens(tokens: Token[]): Generator<Token> {
  for (const token of tokens) {
    if (token.type === "inline") yield* token.children ?? [];
  }
}

function inlineText(tokens: Token[]): string {
  let text = "";
  for (const token of tokens) {
    if (token.type === "softbreak" || token.type === "hardbreak") text += " ";
    else if (token.type === "text" || token.type === "text_special") text += token.content;
    else if (token.type === "code_inline" || token.type === "mention") text += token.content;
  }
  return text;
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

import { describe, expect, it } from "vitest";
import { findMentions, renderMarkdown, toPlainText } from "./markdown";

const REL = 'rel="nofollow noopener noreferrer ugc"';
const link = (href: string, text: string) => `<a href="${href}" ${REL}>${text}</a>`;

const people = new Map([
  ["ana", { id: "u-1", name: "Ana Pop" }],
  ["dee_dee", { id: "u-2", name: "Dee" }],
  ["evil", { id: '"><script>alert(1)</script>', name: "<img src=x onerror=alert(1)> & 'Eve'" }],
]);

const ALLOWED_TAG =
  /^<(?:\/(?:p|br|strong|em|code|pre|ul|ol|li|blockquote|a)|p|br|strong|em|code|pre|ul|li|blockquote|ol(?: start="\d+")?|a href="[^"]*" rel="nofollow noopener noreferrer ugc"|a class="mention" href="\/people\/[^"]*")>$/;
const VOID_TAGS = new Set(["br"]);

/**
 * Asserts what makes the output safe for dangerouslySetInnerHTML, whatever the input: only our
 * own tags with our own attributes, balanced, every href on the allowlist, and text between tags
 * carrying no character that could start markup or leave an attribute.
 */
function expectInert(html: string): void {
  const tags = html.match(/<[^>]*>/g) ?? [];
  expect(html.split("<").length - 1).toBe(tags.length);
  const open: string[] = [];
  for (const tag of tags) {
    expect(tag).toMatch(ALLOWED_TAG);
    const name = /^<\/?([a-z]+)/.exec(tag)![1];
    if (VOID_TAGS.has(name)) continue;
    if (tag.startsWith("</")) expect(open.pop()).toBe(name);
    else open.push(name);
  }
  expect(open).toEqual([]);

  for (const [, href] of html.matchAll(/href="([^"]*)"/g)) {
    expect(href.replaceAll("&amp;", "&")).toMatch(/^(?:https:|http:|mailto:|\/people\/)/);
  }
  expect(html).not.toMatch(/href="\s*(?:javascript|vbscript|data|file)/i);
  expect(html).not.toMatch(/<(?:script|iframe|img|svg|style|object|embed)/i);
  expect(html).not.toMatch(/<[^>]*\son[a-z]+\s*=/i);

  const text = html.replace(/<[^>]*>/g, "").replace(/&(?:amp|lt|gt|quot|#39);/g, "");
  expect(text).not.toMatch(/[<>"'&]/);
}

function render(source: string): string {
  const html = renderMarkdown(source, { mentions: people });
  expectInert(html);
  return html;
}

describe("renderMarkdown: blocks", () => {
  it("renders nothing for empty or blank input", () => {
    expect(render("")).toBe("");
    expect(render(" \n\t\n  ")).toBe("");
  });

  it("separates paragraphs by blank lines and turns line ends into <br>", () => {
    expect(render("one\ntwo\r\nthree\n\n\nfour")).toBe("<p>one<br>two<br>three</p>\n<p>four</p>");
    expect(render("  indented  \n  lines  ")).toBe("<p>indented<br>lines</p>");
  });

  it("does not support headings", () => {
    expect(render("# Title")).toBe("<p># Title</p>");
    expect(render("## Sub\ntext")).toBe("<p>## Sub<br>text</p>");
  });

  it("renders fenced code blocks verbatim and escaped", () => {
    expect(render("```\n<b>**not bold**</b> @ana https://x.org\n  kept indent\n```\nafter")).toBe(
      "<pre><code>&lt;b&gt;**not bold**&lt;/b&gt; @ana https://x.org\n  kept indent</code></pre>\n<p>after</p>",
    );
  });

  it("ignores the info string of a fence and runs an unclosed fence to the end", () => {
    expect(render('```"><script>alert(1)</script>\nx\n\ny')).toBe("<pre><code>x\n\ny</code></pre>");
    expect(render("text\n````\na\n```\nb\n````")).toBe(
      "<p>text</p>\n<pre><code>a\n```\nb</code></pre>",
    );
  });

  it("treats backticks fenced on one line as inline code", () => {
    expect(render("```a```")).toBe("<p><code>a</code></p>");
  });

  it("renders unordered lists with - or *", () => {
    expect(render("- one\n* **two**\n- three")).toBe(
      "<ul><li>one</li><li><strong>two</strong></li><li>three</li></ul>",
    );
  });

  it("keeps a list together across blank lines and continues items on indented lines", () => {
    // Blank lines between items make a "loose" list, whose items hold paragraphs (CommonMark).
    expect(render("- a\n\n- b\n  more\n\nafter")).toBe(
      "<ul><li><p>a</p></li><li><p>b<br>more</p></li></ul>\n<p>after</p>",
    );
    expect(render("- a\n- b\n  more\n\nafter")).toBe(
      "<ul><li>a</li><li>b<br>more</li></ul>\n<p>after</p>",
    );
  });

  it("continues a paragraph on an unmarked line right after it (CommonMark's lazy lines)", () => {
    expect(render("- a\nafter")).toBe("<ul><li>a<br>after</li></ul>");
    expect(render("> quoted\nafter")).toBe("<blockquote><p>quoted<br>after</p></blockquote>");
  });

  it("nests lists by indentation", () => {
    expect(render("- a\n  - b\n- c")).toBe("<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>");
  });

  it("renders ordered lists, keeping a start other than 1", () => {
    expect(render("1. one\n2. two")).toBe("<ol><li>one</li><li>two</li></ol>");
    expect(render("3. three\n4. four")).toBe('<ol start="3"><li>three</li><li>four</li></ol>');
    expect(render("1. a\n- b")).toBe("<ol><li>a</li></ol>\n<ul><li>b</li></ul>");
  });

  it("lets a list interrupt a paragraph, but not a number other than 1", () => {
    expect(render("Shopping:\n- milk")).toBe("<p>Shopping:</p>\n<ul><li>milk</li></ul>");
    expect(render("In\n2019. we met")).toBe("<p>In<br>2019. we met</p>");
  });

  it("needs a space after a list marker", () => {
    expect(render("-5 degrees\n*stars*\n1.5 litres")).toBe(
      "<p>-5 degrees<br><em>stars</em><br>1.5 litres</p>",
    );
  });

  it("renders one level of blockquote, with paragraphs and lists inside", () => {
    expect(render("> first\n> line\n>\n> - item\n\nreply")).toBe(
      "<blockquote><p>first<br>line</p>\n<ul><li>item</li></ul></blockquote>\n<p>reply</p>",
    );
  });

  it("shows deeper quote markers as text", () => {
    expect(render("> > nested\n>> again")).toBe(
      "<blockquote><p>&gt; nested<br>&gt; again</p></blockquote>",
    );
  });
});

describe("renderMarkdown: inline", () => {
  it("renders bold and both kinds of italic", () => {
    expect(render("**bold** *italic* _also_")).toBe(
      "<p><strong>bold</strong> <em>italic</em> <em>also</em></p>",
    );
    expect(render("***both***")).toBe("<p><em><strong>both</strong></em></p>");
    expect(render("**bold *and italic***")).toBe(
      "<p><strong>bold <em>and italic</em></strong></p>",
    );
    expect(render("in*side*word")).toBe("<p>in<em>side</em>word</p>");
  });

  it("leaves unpaired or spaced markers literal", () => {
    expect(render("**open")).toBe("<p>**open</p>");
    expect(render("close*")).toBe("<p>close*</p>");
    expect(render("2 * 3 * 4")).toBe("<p>2 * 3 * 4</p>");
    expect(render("**a*")).toBe("<p>*<em>a</em></p>");
    expect(render("snake_case_name and __init__.py_")).toBe(
      "<p>snake_case_name and <strong>init</strong>.py_</p>",
    );
    // CommonMark nests runs of four; harmless, the nesting is bounded by the run length.
    expect(render("****four****")).toBe("<p><strong><strong>four</strong></strong></p>");
    expect(render("****four")).toBe("<p>****four</p>");
  });

  it("pairs emphasis only within a paragraph, across its lines", () => {
    expect(render("*a\nb*")).toBe("<p><em>a<br>b</em></p>");
    expect(render("*a\n\nb*")).toBe("<p>*a</p>\n<p>b*</p>");
    expect(render("- *a\n- b*")).toBe("<ul><li>*a</li><li>b*</li></ul>");
  });

  it("never lets emphasis cross", () => {
    expect(render("*a _b* c_")).toBe("<p><em>a _b</em> c_</p>");
    expect(render("_a **b_ c**")).toBe("<p><em>a **b</em> c**</p>");
  });

  it("honours backslash escapes", () => {
    expect(render("\\*not\\* \\_either\\_ \\@ana \\[x](https://x.org) \\a")).toBe(
      '<p>*not* _either_ @ana [x](<a href="https://x.org" rel="nofollow noopener noreferrer ugc">https://x.org</a>) \\a</p>',
    );
  });

  it("renders inline code literally", () => {
    expect(render("run `rm -rf *` and `<b>*x*</b>`")).toBe(
      "<p>run <code>rm -rf *</code> and <code>&lt;b&gt;*x*&lt;/b&gt;</code></p>",
    );
    expect(render("``a ` b`` and `` `x` ``")).toBe(
      "<p><code>a ` b</code> and <code>`x`</code></p>",
    );
    expect(render("`unclosed and ``mismatched`")).toBe(
      "<p><code>unclosed and ``mismatched</code></p>",
    );
    expect(render("`unclosed and ``mismatched")).toBe("<p>`unclosed and ``mismatched</p>");
    expect(render("*a `*` b*")).toBe("<p><em>a <code>*</code> b</em></p>");
  });

  it("renders links with rel and without target", () => {
    const html = render("[Synergy](https://synergy.example/a?b=1&c=2) [mail](mailto:hi@x.org)");
    expect(html).toBe(
      `<p>${link("https://synergy.example/a?b=1&amp;c=2", "Synergy")} ${link("mailto:hi@x.org", "mail")}</p>`,
    );
    expect(html).not.toContain("target=");
  });

  it("renders emphasis and code inside link text, and links inside emphasis", () => {
    expect(render("[**b** `c`](http://x.org)")).toBe(
      `<p>${link("http://x.org", "<strong>b</strong> <code>c</code>")}</p>`,
    );
    expect(render("*see [x](https://x.org)*")).toBe(
      `<p><em>see ${link("https://x.org", "x")}</em></p>`,
    );
  });

  it("accepts balanced parentheses and surrounding spaces in a link URL", () => {
    expect(render("[W]( https://en.wikipedia.org/wiki/Foo_(bar) )")).toBe(
      `<p>${link("https://en.wikipedia.org/wiki/Foo_(bar)", "W")}</p>`,
    );
  });

  it("lower-cases an allowed scheme", () => {
    expect(render("[x](HTTPS://Example.org/A)")).toBe(
      `<p>${link("https://Example.org/A", "x")}</p>`,
    );
  });

  it("leaves malformed links and images as text", () => {
    expect(render("[a [b](https://x.org)")).toBe(`<p>[a ${link("https://x.org", "b")}</p>`);
    expect(render("[x](https://x.org with title)")).toBe(
      `<p>[x](${link("https://x.org", "https://x.org")} with title)</p>`,
    );
    expect(render("![alt](https://x.org/i.png)")).toBe(
      `<p>!${link("https://x.org/i.png", "alt")}</p>`,
    );
    expect(render("[x](/relative) [y](#top) [z]()")).toBe("<p>[x](/relative) [y](#top) [z]()</p>");
  });

  it("auto-links bare URLs, leaving trailing punctuation outside", () => {
    expect(render("See https://x.org/a_b_c. And (http://x.org/p) or mailto:hi@x.org!")).toBe(
      `<p>See ${link("https://x.org/a_b_c", "https://x.org/a_b_c")}. And (${link("http://x.org/p", "http://x.org/p")}) or ${link("mailto:hi@x.org", "mailto:hi@x.org")}!</p>`,
    );
    expect(render("**https://x.org/(a)**")).toBe(
      `<p><strong>${link("https://x.org/(a)", "https://x.org/(a)")}</strong></p>`,
    );
  });

  it("auto-links only at the start of a word and only with something after the scheme", () => {
    expect(render("xhttps://x.org a/https://x.org https:// https://... www.x.org")).toBe(
      "<p>xhttps://x.org a/https://x.org https:// https://... www.x.org</p>",
    );
  });
});

describe("renderMarkdown: escaping", () => {
  it("escapes every HTML special character", () => {
    expect(render(`& < > " '`)).toBe("<p>&amp; &lt; &gt; &quot; &#39;</p>");
    expect(render("`& < > \" '`")).toBe("<p><code>&amp; &lt; &gt; &quot; &#39;</code></p>");
    expect(render("```\n& < > \" '\n```")).toBe(
      "<pre><code>&amp; &lt; &gt; &quot; &#39;</code></pre>",
    );
    expect(render(`- & < > " '\n\n> & < > " '`)).toBe(
      "<ul><li>&amp; &lt; &gt; &quot; &#39;</li></ul>\n<blockquote><p>&amp; &lt; &gt; &quot; &#39;</p></blockquote>",
    );
    expect(render(`[& < > " '](https://x.org)`)).toBe(
      `<p>${link("https://x.org", "&amp; &lt; &gt; &quot; &#39;")}</p>`,
    );
  });

  it("escapes link URLs inside the attribute", () => {
    expect(render("[x](https://x.org/?q='a'&b=1) https://x.org/?q='a'&b=1")).toBe(
      `<p>${link("https://x.org/?q=&#39;a&#39;&amp;b=1", "x")} ${link("https://x.org/?q=&#39;a&#39;&amp;b=1", "https://x.org/?q=&#39;a&#39;&amp;b=1")}</p>`,
    );
    // A quote inside a link URL is percent-encoded, so it can never close the attribute.
    expect(render('[x](https://x.org/"onmouseover="alert(1))')).toBe(
      `<p>${link("https://x.org/%22onmouseover=%22alert(1)", "x")}</p>`,
    );
    expect(render('https://x.org/"onmouseover="alert(1)')).toBe(
      `<p>${link("https://x.org/%22onmouseover=%22alert(1)", "https://x.org/&quot;onmouseover=&quot;alert(1)")}</p>`,
    );
  });

  it("shows raw HTML as text", () => {
    const html = render(
      '<script>alert(1)</script> <img src=x onerror=alert(1)> <iframe src="//evil.example"></iframe> <a href="javascript:alert(1)">x</a> <!-- c --> &lt;b&gt; &#106;',
    );
    expect(html).toBe(
      `<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; &lt;iframe src=&quot;//evil.example&quot;&gt;&lt;/iframe&gt; &lt;a href=&quot;javascript:alert(1)&quot;&gt;x&lt;/a&gt; &lt;!-- c --&gt; &amp;lt;b&amp;gt; &amp;#106;</p>`,
    );
    // "onerror=" is only visible text here, never inside a tag (expectInert checks that).
    expect(html).not.toMatch(/<script|<iframe|<img|<a /i);
  });

  it("replaces NUL characters", () => {
    expect(render("a\u0000b")).toBe("<p>a\uFFFDb</p>");
  });
});

describe("renderMarkdown: dangerous links", () => {
  const dangerous = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "JAVASCRIPT:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\u0000script:alert(1)",
    "\u0001javascript:alert(1)",
    " javascript:alert(1)",
    "jav\u200Bascript:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "javascript&colon;alert(1)",
    "%6Aavascript:alert(1)",
    "javascript://https://x.org/%0aalert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "DATA:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "VBScript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example/x",
    "ftp://x.org/file",
  ];

  it.each(dangerous)("never turns %j into an href", (url) => {
    for (const source of [`[click](${url})`, url, `<${url}>`, `*[x](${url})*`, `> [x](${url})`]) {
      const html = render(source);
      expect(html).not.toContain("<a");
      expect(html).not.toMatch(/href="\s*(?:javascript|vbscript|data|file|&#)/i);
    }
  });

  it("links the safe schemes, whatever their case", () => {
    for (const url of ["http://x.org", "HTTPS://x.org", "Mailto:a@x.org"]) {
      expect(render(`[x](${url})`)).toContain("<a href=");
    }
  });
});

describe("renderMarkdown: mentions", () => {
  it("links known handles, case-insensitively, with the name escaped", () => {
    expect(render("Hi @ana and @ANA, (@Dee_Dee)")).toBe(
      '<p>Hi <a class="mention" href="/people/u-1">@Ana Pop</a> and <a class="mention" href="/people/u-1">@Ana Pop</a>, (<a class="mention" href="/people/u-2">@Dee</a>)</p>',
    );
    expect(render("cc @evil")).toBe(
      '<p>cc <a class="mention" href="/people/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E">@&lt;img src=x onerror=alert(1)&gt; &amp; &#39;Eve&#39;</a></p>',
    );
  });

  it("leaves unknown handles and mentions without a map as text", () => {
    expect(render("Hi @bob")).toBe("<p>Hi @bob</p>");
    expect(renderMarkdown("Hi @ana")).toBe("<p>Hi @ana</p>");
  });

  it("keeps a trailing dot outside the handle and works inside emphasis", () => {
    expect(render("thanks @ana. **@ana**")).toBe(
      '<p>thanks <a class="mention" href="/people/u-1">@Ana Pop</a>. <strong><a class="mention" href="/people/u-1">@Ana Pop</a></strong></p>',
    );
  });

  it("ignores emails, addresses, code, link text and handles of the wrong length", () => {
    expect(
      render(
        `ana@x.org me.ana@x.org @ana@x.org \`@ana\` [@ana](https://x.org) @a @${"a".repeat(41)}`,
      ),
    ).toBe(
      `<p>ana@x.org me.ana@x.org @ana@x.org <code>@ana</code> ${link("https://x.org", "@ana")} @a @${"a".repeat(41)}</p>`,
    );
  });
});

describe("findMentions", () => {
  it("lists handles lower-cased, unique, in order", () => {
    expect(
      findMentions(
        "Hi @Bob, @ana and @BOB.\n\n- @dee_dee\n> @Quoted\n\nmail x@y.org `@code` ```@no``` @a",
      ),
    ).toEqual(["bob", "ana", "dee_dee", "quoted"]);
  });

  it("skips code blocks and link text", () => {
    expect(findMentions("```\n@ana\n```\n[@bob](https://x.org) @carl")).toEqual(["carl"]);
    expect(findMentions("")).toEqual([]);
  });
});

describe("toPlainText", () => {
  it("drops the markup and collapses whitespace", () => {
    expect(
      toPlainText(
        "**Bold** and _it_ `co  de`  [link](https://x.org)\nnext\n\n- one\n- two\n\n> quote @ana\n\n```\nblock\n```\n# not a heading",
      ),
    ).toBe("Bold and it co de link next one two quote @ana block # not a heading");
  });

  it("keeps literal characters as text, not HTML", () => {
    expect(toPlainText("<b>a & b</b> \\*x\\* **y")).toBe("<b>a & b</b> *x* **y");
  });

  it("truncates to maxLength with an ellipsis, preferring a word boundary", () => {
    expect(toPlainText("one two three four five", 10)).toBe("one two…");
    expect(toPlainText("abcdefghijklmnop", 8)).toBe("abcdefg…");
    expect(toPlainText("short", 5)).toBe("short");
    expect(toPlainText("😀😀😀😀😀😀", 4)).toBe("😀😀😀…");
    expect(toPlainText("anything", 0)).toBe("");
    for (const length of [1, 2, 7, 19]) {
      const text = toPlainText("**one** two three four five six", length);
      expect(Array.from(text).length).toBeLessThanOrEqual(length);
      expect(text.endsWith("…")).toBe(true);
    }
  });
});

describe("pathological inputs", () => {
  const size = 20_000;
  const fill = (unit: string) => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
  const inputs: Record<string, string> = {
    stars: fill("*"),
    underscores: fill("_"),
    brackets: fill("["),
    "bold-italic mix": fill("**_**_"),
    "alternating openers": fill("*a _b "),
    "intraword stars": fill("a* *a "),
    "nested emphasis": `${"_*".repeat(5000)}x${"*_".repeat(5000)}`,
    "nested quotes": `${"> ".repeat(5000)}x`,
    "quote lines": fill("> > > x\n"),
    backticks: fill("`"),
    "backtick runs": fill("` `` ``` "),
    "open links": fill("[a]("),
    "open link URLs": fill("[a](https://x("),
    "close brackets": fill("]("),
    "bare schemes": fill("https://"),
    "URL punctuation": fill("http://x.org)."),
    "open parentheses": `${fill("(")}https://x`,
    mentions: fill("@an"),
    "mention dots": fill("@ab."),
    escapes: fill("\\*"),
    "block starts": fill("- * 1. > ```\n"),
    "list items": fill("- a\n"),
    "raw HTML": fill("<img src=x onerror=alert(1)>"),
  };

  it.each(Object.entries(inputs))("renders %s as inert HTML", (_name, input) => {
    const html = render(input);
    expect(html.length).toBeGreaterThan(0);
    expect(toPlainText(input, 100).length).toBeLessThanOrEqual(100);
    findMentions(input);
  });

  it("keeps unpaired runs literal instead of nesting them", () => {
    expect(render(fill("*"))).toBe(`<p>${fill("*")}</p>`);
    expect(render(fill("["))).toBe(`<p>${fill("[")}</p>`);
    expect(render(`${"> ".repeat(5000)}x`)).toBe(
      `<blockquote><p>${"&gt; ".repeat(4999)}x</p></blockquote>`,
    );
  });

  it("stays inert for random mixes of markup, links and HTML", () => {
    const pieces = [
      "*",
      "_",
      "**",
      "`",
      "```",
      "[",
      "]",
      "(",
      ")",
      "](",
      "> ",
      "- ",
      "1. ",
      "\n",
      "\n\n",
      " ",
      "a",
      "@ana",
      "@evil",
      "https://x.org",
      "javascript:",
      "JaVaScRiPt:",
      "data:",
      "&#106;",
      "<script>",
      "<img src=x onerror=alert(1)>",
      "&",
      '"',
      "'",
      "\\",
      "\t",
      "\u0000",
      "#",
    ];
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let round = 0; round < 400; round++) {
      let source = "";
      for (let i = 0; i < 60; i++) source += pieces[next() % pieces.length];
      render(source);
      for (const handle of findMentions(source)) expect(handle).toBe(handle.toLowerCase());
    }
  });
});

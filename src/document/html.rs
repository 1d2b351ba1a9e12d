//! HTML pages: the article text and the metadata the page declares.
//!
//! Scripts, styles, navigation, headers, footers, asides, forms, frames and
//! SVG are dropped. The text comes from the page's `<article>` (the one
//! with the most text when there are several), else `<main>`, else
//! `<body>`; block elements are separated by blank lines and `<br>` by a
//! newline, so paragraph boundaries survive. Entities are decoded by the
//! parser.
//!
//! Elements nested deeper than [`MAX_DEPTH`] are flattened before parsing,
//! as browsers do: their tags are dropped and their text kept. The parser
//! looks through the open elements at each new one, so that a page of a
//! hundred thousand nested `<div>`s took minutes.

use std::borrow::Cow;
use std::sync::LazyLock;

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

use crate::document::Metadata;
use crate::text::date::PartialDate;

/// The text and declared metadata of a page.
pub(crate) struct Page {
    pub(crate) text: String,
    pub(crate) metadata: Metadata,
}

/// Elements whose content is never article text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "svg", "template", "head",
    "button", "select", "textarea", "object", "embed", "canvas", "dialog", "menu",
];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "div",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "pre",
    "figure",
    "figcaption",
    "address",
    "hr",
    "details",
    "summary",
    "caption",
    "body",
];

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("the selector is valid CSS")
}

static MAIN: LazyLock<Selector> = LazyLock::new(|| selector("main, [role=main]"));
static BODY: LazyLock<Selector> = LazyLock::new(|| selector("body"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("head title, title"));
static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static OG_TITLE: LazyLock<Selector> =
    LazyLock::new(|| selector(r#"meta[property="og:title"], meta[name="twitter:title"]"#));
static DATE: LazyLock<Selector> = LazyLock::new(|| {
    selector(
        r#"meta[property="article:published_time"], meta[itemprop="datePublished"], meta[name="date"], meta[name="pubdate"], meta[name="publish-date"], meta[name="dc.date"], meta[name="DC.date"]"#,
    )
});
static TIME: LazyLock<Selector> = LazyLock::new(|| selector("time[datetime]"));
static CANONICAL: LazyLock<Selector> = LazyLock::new(|| selector(r#"link[rel="canonical"]"#));
static OG_URL: LazyLock<Selector> = LazyLock::new(|| selector(r#"meta[property="og:url"]"#));
static SITE_NAME: LazyLock<Selector> = LazyLock::new(|| selector(r#"meta[property="og:site_name"]"#));

/// How deep elements nest before their tags are dropped (Blink's HTML
/// parser flattens at the same depth).
pub(crate) const MAX_DEPTH: usize = 512;

/// Void elements, and elements that a following sibling closes: never
/// counted as nesting.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "p",
    "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "rb", "rt", "rtc", "rp",
    "colgroup", "caption", "html", "head", "body",
];

/// Elements whose content is text, not markup, up to their end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"];

/// The page with the tags of elements nested deeper than [`MAX_DEPTH`]
/// dropped (the page itself when none is), found by one pass over the
/// tags: start tags count one level deeper, end tags one level less,
/// whatever their names (a page that deep is not well formed anyway).
fn flatten_deep(source: &str) -> Cow<'_, str> {
    let bytes = source.as_bytes();
    let mut depth = 0usize;
    let mut excess = 0usize;
    let mut drops: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(at) = source[i..].find('<').map(|p| p + i) {
        let rest = &source[at..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(source.len(), |p| at + p + 3);
            continue;
        }
        let closing = rest.starts_with("</");
        let name_start = at + 1 + usize::from(closing);
        let name_len = source[name_start..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '!')).unwrap_or(0);
        if name_len == 0 {
            i = at + 1;
            continue;
        }
        let name = source[name_start..name_start + name_len].to_ascii_lowercase();
        // The end of the tag: the first `>` outside quoted attribute values.
        let mut end = name_start + name_len;
        let mut quote = None;
        while end < bytes.len() {
            match (bytes[end], quote) {
                (b'"' | b'\'', None) => quote = Some(bytes[end]),
                (q, Some(open)) if q == open => quote = None,
                (b'>', None) => break,
                _ => {}
            }
            end += 1;
        }
        let end = (end + 1).min(bytes.len());
        let self_closing = source[..end].ends_with("/>");
        i = end;
        if !closing && RAW_TEXT.contains(&name.as_str()) {
            // Skip to the end tag: markup in a script is no markup.
            let mut from = end;
            i = loop {
                let Some(p) = source[from..].find("</") else { break source.len() };
                let tag = from + p + 2;
                if bytes.get(tag..tag + name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes())) {
                    break from + p;
                }
                from = tag;
            };
        }
        if name.starts_with('!') || NOT_NESTING.contains(&name.as_str()) || self_closing {
            continue;
        }
        if closing {
            if excess > 0 {
                excess -= 1;
                drops.push((at, end));
            } else {
                depth = depth.saturating_sub(1);
            }
        } else if depth >= MAX_DEPTH {
            excess += 1;
            drops.push((at, end));
        } else {
            depth += 1;
        }
    }
    if drops.is_empty() {
        return Cow::Borrowed(source);
    }
    let mut out = String::with_capacity(source.len());
    let mut from = 0;
    for (start, end) in drops {
        out.push_str(&source[from..start]);
        out.push(' ');
        from = end;
    }
    out.push_str(&source[from..]);
    Cow::Owned(out)
}

/// Reads a page.
pub(crate) fn extract(source: &str) -> Page {
    let html = Html::parse_document(&flatten_deep(source));
    let root = article_lengths(&html)
        .into_iter()
        .max_by_key(|&(_, len)| len)
        .filter(|&(_, len)| len > 0)
        .map(|(article, _)| article)
        .or_else(|| html.select(&MAIN).next())
        .or_else(|| html.select(&BODY).next())
        .unwrap_or_else(|| html.root_element());
    let mut writer = Writer::default();
    write(root, &mut writer);
    Page { text: writer.finish(), metadata: metadata(&html) }
}

/// Each `<article>` of the page, in document order, with the length of its
/// text (each text node trimmed), found in one pass over the page: asking
/// each article for its text read nested ones again and again.
fn article_lengths(html: &Html) -> Vec<(ElementRef<'_>, usize)> {
    let mut total = 0;
    let mut open = Vec::new();
    let mut found = Vec::new();
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(text) => total += text.trim().len(),
                Node::Element(element) if element.name() == "article" => {
                    open.push((found.len() + open.len(), total));
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Some(article) = ElementRef::wrap(node).filter(|e| e.value().name() == "article") {
                    let (order, start) = open.pop().unwrap_or((0, total));
                    found.push((order, article, total - start));
                }
            }
        }
    }
    found.sort_by_key(|&(order, _, _)| order);
    found.into_iter().map(|(_, article, len)| (article, len)).collect()
}

/// The metadata a page declares in its head and markup.
fn metadata(html: &Html) -> Metadata {
    let content = |sel: &Selector, attr: &str| {
        html.select(sel).filter_map(|e| e.value().attr(attr)).map(collapse).find(|s| !s.is_empty())
    };
    let element_text =
        |sel: &Selector| html.select(sel).map(|e| collapse(&e.text().collect::<String>())).find(|s| !s.is_empty());
    let date = html
        .select(&DATE)
        .filter_map(|e| e.value().attr("content"))
        .chain(html.select(&TIME).filter_map(|e| e.value().attr("datetime")))
        .find_map(PartialDate::parse_iso);
    Metadata {
        title: content(&OG_TITLE, "content").or_else(|| element_text(&TITLE)).or_else(|| element_text(&H1)),
        date,
        url: content(&CANONICAL, "href").or_else(|| content(&OG_URL, "content")),
        publisher: content(&SITE_NAME, "content"),
    }
}

/// White space runs made single spaces, ends trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Writes the text under `root`, walking the tree without recursion.
fn write(root: ElementRef<'_>, out: &mut Writer) {
    let mut stack = vec![(*root, false)];
    while let Some((node, closing)) = stack.pop() {
        match node.value() {
            Node::Text(text) if !closing => out.text(text),
            Node::Element(element) => {
                let name = element.name();
                if closing {
                    if BLOCKS.contains(&name) {
                        out.paragraph();
                    }
                    continue;
                }
                match name {
                    "br" => out.line(),
                    "td" | "th" => out.space(),
                    "header" => {
                        // Keep an article header's headline, drop the rest.
                        if let Some(h1) = ElementRef::wrap(node).and_then(|e| e.select(&H1).next()) {
                            out.paragraph();
                            out.text(&h1.text().collect::<String>());
                            out.paragraph();
                        }
                        continue;
                    }
                    _ if DROPPED.contains(&name) => continue,
                    _ => {}
                }
                if BLOCKS.contains(&name) {
                    out.paragraph();
                }
                stack.push((node, true));
                let children: Vec<_> = node.children().collect();
                stack.extend(children.into_iter().rev().map(|c| (c, false)));
            }
            Node::Document | Node::Fragment => {
                let children: Vec<_> = node.children().collect();
                stack.extend(children.into_iter().rev().map(|c| (c, false)));
            }
            _ => {}
        }
    }
}

/// Builds the text: white space collapsed, paragraphs separated by a blank
/// line, `<br>` by a newline.
#[derive(Default)]
struct Writer {
    out: String,
    /// 0 none, 1 space, 2 newline, 3 blank line: the break owed before the
    /// next word.
    pending: u8,
}

impl Writer {
    fn text(&mut self, text: &str) {
        if text.starts_with(char::is_whitespace) {
            self.space();
        }
        for word in text.split_whitespace() {
            if !self.out.is_empty() {
                self.out.push_str(match self.pending {
                    0 => "",
                    1 => " ",
                    2 => "\n",
                    _ => "\n\n",
                });
            }
            self.pending = 1;
            self.out.push_str(word);
        }
        if !text.ends_with(char::is_whitespace) && !text.trim().is_empty() {
            self.pending = 0;
        }
    }

    fn space(&mut self) {
        self.pending = self.pending.max(1);
    }

    fn line(&mut self) {
        self.pending = self.pending.max(2);
    }

    fn paragraph(&mut self) {
        self.pending = 3;
    }

    fn finish(mut self) -> String {
        self.out.push('\n');
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_text_and_metadata() {
        let page = extract(
            r#"<html><head><title>Pact signed | Example Daily</title>
            <meta property="og:title" content="Pact signed">
            <meta property="article:published_time" content="2025-03-20T09:00:00Z">
            <meta property="og:site_name" content="Example Daily">
            <link rel="canonical" href="https://example.org/pact">
            <script>var x = "<p>no</p>";</script></head>
            <body><nav><a href="/">Home</a></nav>
            <article><header><h1>Pact &amp; signed</h1><span>By Staff</span></header>
            <p>The ministers met.<br>They signed.</p><div>Second <b>para</b>graph.</div>
            <aside>Related</aside></article><footer>© 2025</footer></body></html>"#,
        );
        assert_eq!(page.text, "Pact & signed\n\nThe ministers met.\nThey signed.\n\nSecond paragraph.\n");
        assert_eq!(page.metadata.title.as_deref(), Some("Pact signed"));
        assert_eq!(page.metadata.date, PartialDate::ymd(2025, 3, 20));
        assert_eq!(page.metadata.url.as_deref(), Some("https://example.org/pact"));
        assert_eq!(page.metadata.publisher.as_deref(), Some("Example Daily"));
    }

    #[test]
    fn body_when_no_article() {
        let page = extract("<p>One</p><p>Two <time datetime=\"2024-05\">May</time></p>");
        assert_eq!(page.text, "One\n\nTwo May\n");
        assert_eq!(page.metadata.date, Some(PartialDate { year: Some(2024), month: Some(5), day: None }));
        assert_eq!(page.metadata.title, None);
    }

    #[test]
    fn very_deep_nesting_is_read_in_linear_time() {
        // The parser looks through every open element at each `<div>`: a
        // hundred thousand nested ones took minutes.
        let n = 100_000;
        let html = "<div>".repeat(n) + "<p>Jane Roe met officials.</p>" + &"</div>".repeat(n) + "<p>After.</p>";
        let started = std::time::Instant::now();
        let page = extract(&html);
        assert_eq!(page.text, "Jane Roe met officials.\n\nAfter.\n");
        assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
    }

    #[test]
    fn only_what_nests_too_deep_is_flattened() {
        let page = "<!DOCTYPE html><html><head><script>if (a<b) { x = '<div>'; }</script></head><body>\
                    <div class=\"a>b\"><p>One<br/>two<p>Three</div></body></html>";
        assert!(matches!(flatten_deep(page), Cow::Borrowed(_)));
        let deep = "<div>".repeat(MAX_DEPTH + 2) + "x" + &"</div>".repeat(MAX_DEPTH + 2);
        let flat = flatten_deep(&deep);
        assert_eq!(flat.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(flat.matches("</div>").count(), MAX_DEPTH);
        // Scripts full of tags are skipped whatever the case of their end tag.
        let scripts = "<SCRIPT>".to_string() + &"<div>".repeat(2 * MAX_DEPTH) + "</Script>";
        assert!(matches!(flatten_deep(&scripts), Cow::Borrowed(_)));
    }

    #[test]
    fn article_lengths_as_each_article_counts_its_text() {
        let page = Html::parse_document(
            "<body><article> One <article>Two <b>three</b></article></article><p>x</p>\
             <article><article></article>Four</article></body>",
        );
        let lengths: Vec<(String, usize)> =
            article_lengths(&page).into_iter().map(|(a, len)| (a.text().collect::<String>(), len)).collect();
        let expected: Vec<(String, usize)> = page
            .select(&selector("article"))
            .map(|a| (a.text().collect::<String>(), a.text().map(|t| t.trim().len()).sum()))
            .collect();
        assert_eq!(lengths, expected);
        assert_eq!(lengths.iter().map(|(_, len)| *len).collect::<Vec<_>>(), [11, 8, 4, 0]);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = "<div>".repeat(3_000) + "deep" + &"</div>".repeat(3_000);
        assert_eq!(extract(&html).text.trim(), "deep");
    }
}

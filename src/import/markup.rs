//! Tagged statement files as a small tree: OFX (1.x SGML, where a value's tag is never
//! closed, and 2.x XML) read by a tolerant tag reader of our own, and CAMT XML read
//! strictly with `quick-xml`. Every element keeps the 1-based line its start tag is on,
//! so errors in the mapping to rows can name it. Nesting deeper than `MAX_DEPTH` is
//! refused, so no input can exhaust the stack.

use quick_xml::Reader;
use quick_xml::events::Event;

mod problem;
pub use problem::{ExpectedValue, FieldHolder, MarkupProblem};

/// Deeper than any real statement (CAMT.053 nests about 12 levels).
const MAX_DEPTH: usize = 64;

/// One element: its name (without namespace prefix), text, attributes and children.
#[derive(Debug, Clone, Default)]
pub(crate) struct Node {
    pub name: String,
    pub text: String,
    pub line: usize,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

impl Node {
    fn new(name: &str, line: usize) -> Node {
        Node {
            name: name.to_string(),
            line,
            ..Node::default()
        }
    }

    /// The first child named `name` (ASCII case ignored).
    pub fn child(&self, name: &str) -> Option<&Node> {
        self.children
            .iter()
            .find(|c| c.name.eq_ignore_ascii_case(name))
    }

    /// Every child named `name`.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.children
            .iter()
            .filter(move |c| c.name.eq_ignore_ascii_case(name))
    }

    /// The first element down this path of child names.
    pub fn at(&self, path: &[&str]) -> Option<&Node> {
        path.iter().try_fold(self, |node, name| node.child(name))
    }

    /// The trimmed text down `path`, if not empty.
    pub fn text_at(&self, path: &[&str]) -> Option<&str> {
        self.at(path)
            .map(|n| n.text.trim())
            .filter(|t| !t.is_empty())
    }

    /// The value of an attribute (ASCII case ignored).
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Byte offsets to 1-based line numbers.
pub(crate) struct Lines(Vec<usize>);

impl Lines {
    pub fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines(starts)
    }
    pub fn of(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset).max(1)
    }
}

/// Why the markup could not be read: the line and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MarkupError {
    pub line: usize,
    pub problem: MarkupProblem,
}

fn too_deep(line: usize) -> MarkupError {
    MarkupError {
        line,
        problem: MarkupProblem::TooDeep { most: MAX_DEPTH },
    }
}

/// Pops the top element into its parent.
fn close(stack: &mut Vec<Node>) {
    if stack.len() > 1
        && let Some(node) = stack.pop()
        && let Some(parent) = stack.last_mut()
    {
        parent.children.push(node);
    }
}

fn finish(mut stack: Vec<Node>) -> Node {
    while stack.len() > 1 {
        close(&mut stack);
    }
    stack.pop().unwrap_or_default()
}

/// Reads OFX, SGML or XML, from the first `<`. A tag followed by text is a value that
/// ends at the next tag (`<TRNAMT>-12.50`), whether or not it is closed; a tag followed
/// by a tag is an aggregate that ends at its closing tag, at a closing tag of an element
/// around it, or at the end of the file. `<?…?>`, `<!…>` and comments are skipped; a
/// closing tag that closes nothing is ignored.
pub(crate) fn read_sgml(text: &str) -> Result<Node, MarkupError> {
    let lines = Lines::new(text);
    let mut stack = vec![Node::new("", 0)];
    // The top element was just opened and nothing followed it yet.
    let mut fresh = false;
    // The top element is a value with its text: the next tag ends it.
    let mut value = false;
    let mut pos = 0;
    while let Some(found) = text[pos..].find('<') {
        let lt = pos + found;
        let between = text[pos..lt].trim();
        if !between.is_empty() && fresh {
            if let Some(top) = stack.last_mut() {
                top.text = unescape(between);
            }
            value = true;
        }
        fresh = false;
        let rest = &text[lt..];
        let line = lines.of(lt);
        let skip_to = |end: &'static str, from: usize| {
            rest[from..]
                .find(end)
                .map(|i| lt + from + i + end.len())
                .ok_or_else(|| MarkupError {
                    line,
                    problem: MarkupProblem::NeverClosed {
                        start: shorten(rest),
                        end,
                    },
                })
        };
        if rest.starts_with("<!--") {
            pos = skip_to("-->", 4)?;
            continue;
        }
        if rest.starts_with("<?") {
            pos = skip_to("?>", 2)?;
            continue;
        }
        if rest.starts_with("<!") {
            pos = skip_to(">", 2)?;
            continue;
        }
        let gt = skip_to(">", 1)?;
        pos = gt;
        let inner = text[lt + 1..gt - 1].trim();
        let (closing, inner) = match inner.strip_prefix('/') {
            Some(rest) => (true, rest.trim()),
            None => (false, inner),
        };
        let (empty, inner) = match inner.strip_suffix('/') {
            Some(rest) => (true, rest.trim()),
            None => (false, inner),
        };
        let name = inner.split_whitespace().next().unwrap_or_default();
        let name = name.rsplit(':').next().unwrap_or_default();
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        {
            return Err(MarkupError {
                line,
                problem: MarkupProblem::NotATag {
                    text: shorten(&text[lt..gt]),
                },
            });
        }
        if closing {
            let is_top = stack
                .last()
                .is_some_and(|t| t.name.eq_ignore_ascii_case(name));
            if value && !is_top {
                close(&mut stack);
            }
            value = false;
            if let Some(at) = stack
                .iter()
                .rposition(|n| n.name.eq_ignore_ascii_case(name))
                .filter(|&at| at > 0)
            {
                while stack.len() > at {
                    close(&mut stack);
                }
            }
            continue;
        }
        if value {
            close(&mut stack);
            value = false;
        }
        if stack.len() > MAX_DEPTH {
            return Err(too_deep(line));
        }
        let node = Node::new(name, line);
        if empty {
            if let Some(top) = stack.last_mut() {
                top.children.push(node);
            }
        } else {
            stack.push(node);
            fresh = true;
        }
    }
    let tail = text[pos..].trim();
    if !tail.is_empty()
        && fresh
        && let Some(top) = stack.last_mut()
    {
        top.text = unescape(tail);
    }
    Ok(finish(stack))
}

/// Reads well-formed XML (names without their namespace prefix).
pub(crate) fn read_xml(text: &str) -> Result<Node, MarkupError> {
    let lines = Lines::new(text);
    let mut reader = Reader::from_str(text);
    let mut stack = vec![Node::new("", 0)];
    let at = |offset: u64| lines.of(usize::try_from(offset).unwrap_or(usize::MAX));
    loop {
        let start = reader.buffer_position();
        let event = reader.read_event().map_err(|e| MarkupError {
            line: at(reader.error_position()),
            problem: MarkupProblem::NotWellFormed(e.to_string()),
        })?;
        let line = at(start);
        match event {
            Event::Start(e) => {
                if stack.len() > MAX_DEPTH {
                    return Err(too_deep(line));
                }
                stack.push(element(&e, line));
            }
            Event::Empty(e) => {
                let node = element(&e, line);
                if let Some(top) = stack.last_mut() {
                    top.children.push(node);
                }
            }
            Event::End(_) => close(&mut stack),
            Event::Text(t) => {
                if let (Some(top), Ok(t)) = (stack.last_mut(), t.xml10_content()) {
                    top.text.push_str(&t);
                }
            }
            Event::CData(t) => {
                if let (Some(top), Ok(t)) = (stack.last_mut(), t.decode()) {
                    top.text.push_str(&t);
                }
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(ch)) => Some(ch.to_string()),
                    _ => r
                        .decode()
                        .ok()
                        .and_then(|name| predefined(&name).map(str::to_string)),
                };
                let Some(resolved) = resolved else {
                    return Err(MarkupError {
                        line,
                        problem: MarkupProblem::UnknownEntity {
                            name: String::from_utf8_lossy(r.as_ref()).to_string(),
                        },
                    });
                };
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&resolved);
                }
            }
            Event::Eof => break,
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
    if let Some(open) = stack.get(1..).and_then(<[Node]>::last) {
        return Err(MarkupError {
            line: open.line,
            problem: MarkupProblem::EndsInside {
                element: open.name.clone(),
            },
        });
    }
    Ok(finish(stack))
}

fn element(e: &quick_xml::events::BytesStart<'_>, line: usize) -> Node {
    let mut node = Node::new(&String::from_utf8_lossy(e.local_name().as_ref()), line);
    for attr in e.attributes().flatten() {
        let key = String::from_utf8_lossy(attr.key.local_name().as_ref()).to_string();
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map(|v| v.to_string())
            .unwrap_or_else(|_| String::from_utf8_lossy(&attr.value).to_string());
        node.attrs.push((key, value));
    }
    node
}

fn predefined(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => return None,
    })
}

/// Replaces the predefined and numeric entities; anything else is kept as written.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let resolved = after.find(';').filter(|&semi| semi <= 10).and_then(|semi| {
            let name = &after[..semi];
            let ch = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse().ok().and_then(char::from_u32)
            } else {
                predefined(name).and_then(|s| s.chars().next())
            };
            ch.map(|ch| (ch, semi))
        });
        match resolved {
            Some((ch, semi)) => {
                out.push(ch);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn shorten(text: &str) -> String {
    let first: String = text.chars().take(30).collect();
    let first = first.lines().next().unwrap_or_default();
    if first.len() < text.len() {
        format!("{first}…")
    } else {
        first.to_string()
    }
}

/// An exact decimal written `-12.50`, `+3`, `.5` or with a decimal comma `12,50`; no
/// thousands separators, exponents or other signs.
pub(crate) fn parse_amount(text: &str) -> Option<rust_decimal::Decimal> {
    let text = text.trim();
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let marks = unsigned.chars().filter(|c| matches!(c, '.' | ',')).count();
    let digits = unsigned.chars().filter(char::is_ascii_digit).count();
    if digits == 0 || marks > 1 || digits + marks != unsigned.len() {
        return None;
    }
    text.replace(',', ".").parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sgml_values_end_at_the_next_tag_closed_or_not() {
        let text = "OFXHEADER:100\n<OFX>\n<A>\n<B>one &amp; two\n<C>3</C>\n<D/>\n</A>\n<E>x";
        let root = read_sgml(text).unwrap();
        let ofx = root.child("ofx").unwrap();
        let a = ofx.child("A").unwrap();
        assert_eq!(a.line, 3);
        assert_eq!(a.text_at(&["B"]), Some("one & two"));
        assert_eq!(a.text_at(&["C"]), Some("3"));
        assert!(a.child("D").is_some());
        assert_eq!(ofx.text_at(&["E"]), Some("x"));
        assert_eq!(ofx.child("E").unwrap().line, 8);
    }

    #[test]
    fn unclosed_aggregates_close_with_their_parent() {
        let root = read_sgml("<L><T><X>1<T><X>2</L><Z>9").unwrap();
        let l = root.child("L").unwrap();
        let t = l.child("T").unwrap();
        assert_eq!(t.text_at(&["X"]), Some("1"));
        assert_eq!(t.at(&["T", "X"]).unwrap().text, "2");
        assert_eq!(root.text_at(&["Z"]), Some("9"));
    }

    #[test]
    fn broken_markup_names_the_line() {
        let err = read_sgml("<A>\n<B>1\n<C").unwrap_err();
        assert_eq!(err.line, 3);
        assert_eq!(read_sgml("<A>\n< >").unwrap_err().line, 2);
        let deep = "<A>".repeat(1000);
        assert!(read_sgml(&deep).is_err());
        let err = read_xml("<a>\n<b>1</c>\n</a>").unwrap_err();
        assert_eq!(err.line, 2, "{}", err.problem);
        let err = read_xml("<a>\n<b>1</b>").unwrap_err();
        assert_eq!(err.line, 1, "{}", err.problem);
        assert!(read_xml(&"<a>".repeat(1000)).is_err());
    }

    #[test]
    fn xml_keeps_lines_attributes_and_entities() {
        let root =
            read_xml("<?xml version=\"1.0\"?>\n<x:Doc xmlns:x=\"u\">\n <Amt Ccy=\"EUR\">1&amp;2&#65;</Amt>\n</x:Doc>")
                .unwrap();
        let amt = root.at(&["Doc", "Amt"]).unwrap();
        assert_eq!(
            (amt.line, amt.text.as_str(), amt.attr("ccy")),
            (3, "1&2A", Some("EUR"))
        );
        assert_eq!(Lines::new("a\nb\n").of(2), 2);
        assert_eq!(
            parse_amount("-12,50").map(|d| d.to_string()),
            Some("-12.50".into())
        );
        assert_eq!(
            parse_amount("+.5").map(|d| d.to_string()),
            Some("0.5".into())
        );
        for bad in ["", "-", "1.2.3", "1,234.50", "1e5", "12 50", "abc", "--1"] {
            assert_eq!(parse_amount(bad), None, "{bad}");
        }
    }
}

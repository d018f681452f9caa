//! Bytes of a page to text: the charset from a byte-order mark, the HTTP header or the
//! page's own `<meta charset>` / `http-equiv` (in that order, as browsers do), else UTF-8
//! when the bytes are valid UTF-8 and windows-1252 (which covers Latin-1) when not.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the page a `<meta>` charset is looked for (browsers look at 1024 bytes;
/// pages with long `<head>`s put it later).
const META_SCAN_BYTES: usize = 8192;

/// The page decoded, and the name of the encoding used.
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Decode a page. `header_charset` is the `charset=` of the HTTP `Content-Type`, if any.
pub fn decode(bytes: &[u8], header_charset: Option<&str>) -> Decoded {
    let encoding = Encoding::for_bom(bytes)
        .map(|(enc, _)| enc)
        .or_else(|| header_charset.and_then(|l| Encoding::for_label(l.trim().as_bytes())))
        .or_else(|| meta_charset(&bytes[..bytes.len().min(META_SCAN_BYTES)]))
        .map(|enc| {
            // A page that says UTF-16 in its <meta> is already ASCII-compatible bytes.
            if enc.output_encoding() != enc && Encoding::for_bom(bytes).is_none() {
                UTF_8
            } else {
                enc
            }
        })
        .unwrap_or_else(|| {
            if std::str::from_utf8(bytes).is_ok() {
                UTF_8
            } else {
                WINDOWS_1252
            }
        });
    // `decode` strips a BOM and replaces malformed sequences with U+FFFD.
    let (text, used, _had_errors) = encoding.decode(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: used.name(),
    }
}

/// The charset named by `<meta charset=…>` or `<meta http-equiv=Content-Type content=…;
/// charset=…>` in the first bytes of the page.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let start = from + pos + 5;
        let end = lower[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(at) = find(tag, b"charset") {
            let rest = &tag[at + 7..];
            let rest = trim_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let label_end = rest
                    .iter()
                    .position(|b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .unwrap_or(rest.len());
                if let Some(enc) = Encoding::for_label(&rest[..label_end]) {
                    return Some(enc);
                }
            }
        }
        from = end;
    }
    None
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Whether the bytes look like binary data rather than a page: NUL bytes or many control
/// characters in the first 64 KiB (random bytes, an image or a PDF served as text/html).
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(65536)];
    if Encoding::for_bom(head).is_some_and(|(enc, _)| enc != UTF_8) {
        return false; // UTF-16 has a NUL in every other byte of ASCII text
    }
    let controls = head
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)))
        .count();
    head.contains(&0) || controls * 100 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_then_header_then_meta_then_guess() {
        let latin = b"<html><head><meta charset=\"windows-1252\"></head><body>caf\xe9</body>";
        assert!(decode(latin, None).text.contains("café"));
        let equiv =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">na\xefve";
        assert!(decode(equiv, None).text.contains("naïve"));
        // The header wins over the meta.
        let utf8 = "<meta charset=\"windows-1252\">café".as_bytes();
        assert!(decode(utf8, Some("utf-8")).text.contains("café"));
        // A BOM wins over everything.
        let bom = [b"\xef\xbb\xbf".as_slice(), "é".as_bytes()].concat();
        assert_eq!(decode(&bom, Some("iso-8859-1")).text, "é");
        // No declaration: UTF-8 when valid, else windows-1252.
        assert_eq!(decode("é".as_bytes(), None).text, "é");
        assert_eq!(decode(b"\x93q\x94", None).text, "\u{201c}q\u{201d}");
    }

    #[test]
    fn binary_is_recognised() {
        assert!(looks_binary(b"\x00\x01\x02abc\x00"));
        assert!(!looks_binary(b"<html><body>text</body></html>"));
        let utf16 = [0xff, 0xfe, b'<', 0, b'h', 0];
        assert!(!looks_binary(&utf16));
    }
}

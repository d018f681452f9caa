//! An article's text as code points, with the word tokens and sentence bounds the
//! suggesters share. Every offset here is a code-point offset, so spans built from them
//! become `model::Span`s directly.

/// Abbreviations whose final full stop does not end a sentence.
static ABBREVIATIONS: WordList = WordList::from_text(include_str!("words/abbreviations.txt"));

pub use super::words::WordList;
use smol_str::SmolStr;

/// Abbreviated titles (Gen., Mr.): "Gen. Soleimani" is one sentence.
static TITLE_ABBREVIATIONS: WordList =
    WordList::from_text(include_str!("words/title_abbreviations.txt"));

/// One word (letters, digits, inner apostrophes, hyphens and abbreviation dots, `@`
/// handles) or one punctuation character.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Inline for short words (no allocation per token).
    pub text: SmolStr,
    pub is_word: bool,
    /// Lower-cased text with a trailing abbreviation dot removed.
    lower: SmolStr,
}

impl Token {
    pub fn new(start: usize, end: usize, text: impl Into<SmolStr>, is_word: bool) -> Self {
        let text: SmolStr = text.into();
        let trimmed = text.trim_end_matches('.');
        let lower = if trimmed.chars().any(char::is_uppercase) {
            SmolStr::new(trimmed.to_lowercase())
        } else if trimmed.len() == text.len() {
            text.clone()
        } else {
            SmolStr::new(trimmed)
        };
        Self {
            start,
            end,
            text,
            is_word,
            lower,
        }
    }

    /// Lower-cased text with a trailing abbreviation dot removed.
    pub fn lower(&self) -> &str {
        &self.lower
    }

    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(|c| c.is_uppercase())
    }

    pub fn first_char(&self) -> char {
        self.text.chars().next().unwrap_or(' ')
    }
}

/// A stretch of text in code points, end exclusive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Range {
    pub start: usize,
    pub end: usize,
}

impl Range {
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    pub fn contains(&self, pos: usize) -> bool {
        self.start <= pos && pos < self.end
    }

    pub fn overlaps(&self, other: Range) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The text as code points, plus its tokens and sentences (computed once per article).
pub struct Doc {
    pub chars: Vec<char>,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Range>,
    paragraphs: Vec<Range>,
    /// Newlines inside a paragraph (hard-wrapped copy), read as spaces.
    soft_breaks: Vec<usize>,
}

impl Doc {
    pub fn new(text: &str) -> Self {
        let chars: Vec<char> = text.chars().collect();
        let tokens = tokenize(&chars, 0, chars.len());
        let layout = super::layout::read(&chars);
        let sentences = sentences(&chars, &tokens, &layout.soft_breaks);
        Self {
            chars,
            tokens,
            sentences,
            paragraphs: layout.paragraphs,
            soft_breaks: layout.soft_breaks,
        }
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    pub fn slice(&self, start: usize, end: usize) -> String {
        let end = end.min(self.chars.len());
        if start >= end {
            return String::new();
        }
        self.chars[start..end].iter().collect()
    }

    /// The text of a name or phrase, each run of white space one space: a name wrapped
    /// over two lines ("Maren\nOstrova") is still one name.
    pub fn phrase(&self, start: usize, end: usize) -> String {
        let end = end.min(self.chars.len());
        let mut out = String::new();
        let mut space = false;
        for &c in self.chars.get(start..end).unwrap_or(&[]) {
            if c.is_whitespace() {
                space = !out.is_empty();
            } else {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(c);
            }
        }
        out
    }

    /// Shrink a range so it neither starts nor ends with white space.
    pub fn trim(&self, mut r: Range) -> Range {
        while r.start < r.end && self.chars[r.start].is_whitespace() {
            r.start += 1;
        }
        while r.end > r.start && self.chars[r.end - 1].is_whitespace() {
            r.end -= 1;
        }
        r
    }

    /// Index of the first token starting at or after `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }

    /// Tokens lying inside `start..end`.
    pub fn tokens_in(&self, start: usize, end: usize) -> &[Token] {
        let a = self.token_at_or_after(start);
        let b = self.tokens.partition_point(|t| t.end <= end).max(a);
        &self.tokens[a..b]
    }

    /// The sentence containing `pos` (or the last one before it).
    pub fn sentence_of(&self, pos: usize) -> Range {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        self.sentences.get(i).copied().unwrap_or(Range {
            start: pos,
            end: pos,
        })
    }

    /// The paragraph containing `pos`, or the last one before it.
    pub fn paragraph_of(&self, pos: usize) -> Option<Range> {
        let i = self.paragraphs.partition_point(|p| p.start <= pos);
        i.checked_sub(1).map(|i| self.paragraphs[i])
    }

    /// Paragraphs, white space trimmed: lines, or the lines of a hard-wrapped paragraph
    /// (see [`super::layout`]).
    pub fn paragraphs(&self) -> &[Range] {
        &self.paragraphs
    }

    /// The number of the paragraph containing `pos` (or the last one before it).
    pub fn paragraph_number(&self, pos: usize) -> usize {
        self.paragraphs
            .partition_point(|p| p.start <= pos)
            .saturating_sub(1)
    }

    /// Whether positions `a` and `b` lie in one paragraph (a wrapped line's newline
    /// parts none).
    pub fn same_paragraph(&self, a: usize, b: usize) -> bool {
        self.paragraph_number(a) == self.paragraph_number(b)
    }

    /// A newline at `pos` that only wraps a paragraph's line.
    pub fn is_soft_break(&self, pos: usize) -> bool {
        self.soft_breaks.binary_search(&pos).is_ok()
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Split `chars[start..end]` into tokens.
pub fn tokenize(chars: &[char], start: usize, end: usize) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut i = start;
    while i < end {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric()
            || ((c == '@' || c == '#') && chars.get(i + 1).is_some_and(|n| n.is_alphanumeric()))
        {
            let s = i;
            i += 1;
            while i < end {
                let c = chars[i];
                let next_alnum =
                    chars.get(i + 1).is_some_and(|n| n.is_alphanumeric()) && i + 1 < end;
                if c.is_alphanumeric() || c == '_' || c.is_mark() {
                    i += 1;
                } else if (is_apostrophe(c) || c == '-' || c == '.' || c == ',') && next_alnum {
                    // can't, al-Muhandis, U.S, 1,000 — but "1,000" only between digits.
                    if c == ',' && !(chars[i - 1].is_ascii_digit() && chars[i + 1].is_ascii_digit())
                    {
                        break;
                    }
                    if c == '.'
                        && !(chars[i - 1].is_alphanumeric()
                            && (chars[i - 1].is_uppercase() || chars[i - 1].is_ascii_digit()))
                    {
                        break;
                    }
                    i += 1;
                } else {
                    break;
                }
            }
            // A trailing abbreviation dot belongs to the word (Gen., U.S.).
            if i < end && chars[i] == '.' {
                let word: String = chars[s..i].iter().collect();
                let lower = word.to_lowercase();
                let single_cap = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                if ABBREVIATIONS.contains(lower.as_str())
                    || single_cap
                    || (lower.contains('.') && !lower.ends_with('.'))
                {
                    i += 1;
                }
            }
            tokens.push(Token::new(
                s,
                i,
                chars[s..i].iter().copied().collect::<SmolStr>(),
                true,
            ));
        } else {
            let mut buf = [0u8; 4];
            tokens.push(Token::new(
                i,
                i + 1,
                SmolStr::new(c.encode_utf8(&mut buf)),
                false,
            ));
            i += 1;
        }
    }
    tokens
}

trait IsMark {
    fn is_mark(&self) -> bool;
}

impl IsMark for char {
    /// Combining marks (Mn/Mc/Me) keep a word whole: é written as e + U+0301.
    fn is_mark(&self) -> bool {
        matches!(*self as u32, 0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0903 | 0x093A..=0x094F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x200D | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F)
    }
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '”' | '’' | '\'' | '»' | ')' | ']')
}

/// Sentence bounds: after `.`, `!`, `?` or `…` (and any closing marks) followed by white
/// space, unless the full stop belongs to an abbreviation; and at every line end but the
/// wraps of a paragraph (`soft_breaks`, ascending).
fn sentences(chars: &[char], tokens: &[Token], soft_breaks: &[usize]) -> Vec<Range> {
    let mut soft = soft_breaks.iter().copied().peekable();
    let mut out = Vec::new();
    let mut start = 0;
    let n = chars.len();
    let mut ti = 0;
    let mut i = 0;
    let push = |s: usize, e: usize, out: &mut Vec<Range>| {
        let mut r = Range { start: s, end: e };
        while r.start < r.end && chars[r.start].is_whitespace() {
            r.start += 1;
        }
        while r.end > r.start && chars[r.end - 1].is_whitespace() {
            r.end -= 1;
        }
        if !r.is_empty() {
            out.push(r);
        }
    };
    while i < n {
        let c = chars[i];
        while soft.next_if(|&s| s < i).is_some() {}
        if c == '\n' && soft.peek() != Some(&i) {
            push(start, i, &mut out);
            start = i + 1;
            i += 1;
            continue;
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            while ti < tokens.len() && tokens[ti].end <= i {
                ti += 1;
            }
            // A dot inside a word token (U.S., Gen.) is not an end.
            let inside_word = ti < tokens.len()
                && tokens[ti].is_word
                && tokens[ti].start <= i
                && i < tokens[ti].end;
            let mut j = i + 1;
            while j < n && (matches!(chars[j], '.' | '!' | '?' | '…') || is_closing(chars[j])) {
                j += 1;
            }
            let followed_by_space = j >= n || chars[j].is_whitespace();
            if followed_by_space && !inside_word {
                // The next word must not start in lower case ("… said. he" is rare; "U.S. military" is common).
                let mut k = j;
                while k < n && chars[k].is_whitespace() {
                    k += 1;
                }
                let next_lower = k < n && chars[k].is_lowercase();
                if !next_lower || c != '.' {
                    push(start, j, &mut out);
                    start = j;
                    i = j;
                    continue;
                }
            } else if inside_word && followed_by_space {
                // "U.S." at a sentence end: ends if the next word is capitalised and the
                // abbreviation is not a title (Gen. Soleimani).
                let tok = &tokens[ti];
                let lower = tok.lower();
                let title = TITLE_ABBREVIATIONS.contains(lower)
                    || super::words::is_month_abbreviation(lower);
                let single_cap = tok.text.chars().count() == 2;
                if !title && !single_cap && tok.end == i + 1 {
                    let mut k = j;
                    while k < n && chars[k].is_whitespace() {
                        k += 1;
                    }
                    if k < n
                        && (chars[k].is_uppercase() || matches!(chars[k], '“' | '"' | '‘'))
                        && !lower.contains('.')
                    {
                        push(start, j, &mut out);
                        start = j;
                        i = j;
                        continue;
                    }
                }
            }
        }
        i += 1;
    }
    push(start, n, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_abbreviations_apostrophes_and_handles() {
        let d = Doc::new("Gen. Qassem Soleimani’s U.S. trip, @JZarif said 1,000 al-Muhandis.");
        let words: Vec<&str> = d.tokens.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            words,
            [
                "Gen.",
                "Qassem",
                "Soleimani’s",
                "U.S.",
                "trip",
                ",",
                "@JZarif",
                "said",
                "1,000",
                "al-Muhandis",
                "."
            ]
        );
    }

    #[test]
    fn sentences_skip_titles_and_split_after_quotes() {
        let d = Doc::new("Gen. Soleimani died. “It is over,” he said. Mr. Trump agreed!\nNew line");
        let s: Vec<String> = d
            .sentences
            .iter()
            .map(|r| d.slice(r.start, r.end))
            .collect();
        assert_eq!(
            s,
            [
                "Gen. Soleimani died.",
                "“It is over,” he said.",
                "Mr. Trump agreed!",
                "New line"
            ]
        );
    }

    #[test]
    fn hard_wrapped_sentences_run_over_their_wraps() {
        let d = Doc::new(
            "The dam gave way before dawn, said Mayor Maren\nOstrova, who was woken at four. Crews\nreached the bridge by noon, and the town\nwas cut off.\n\nA new paragraph.",
        );
        let s: Vec<String> = d
            .sentences
            .iter()
            .map(|r| d.phrase(r.start, r.end))
            .collect();
        assert_eq!(
            s,
            [
                "The dam gave way before dawn, said Mayor Maren Ostrova, who was woken at four.",
                "Crews reached the bridge by noon, and the town was cut off.",
                "A new paragraph."
            ]
        );
        assert_eq!(d.paragraphs().len(), 2);
        assert!(d.same_paragraph(0, d.sentences[1].end) && !d.same_paragraph(0, d.len() - 1));
    }

    #[test]
    fn offsets_are_code_points() {
        let d = Doc::new("😀 Zarif said");
        assert_eq!(d.tokens[0].start, 0);
        assert_eq!(d.tokens[1].text, "Zarif");
        assert_eq!(d.tokens[1].start, 2);
    }
}

//! Quotation marks: which characters are marks, of which class, and whether one opens or
//! closes a quotation — or is an apostrophe (`Soleimani’s`, `members’ storming`, `’90s`).

/// Double marks (`"“”„«»`) pair with each other whatever their shape, since news text mixes
/// straight and curly marks; single marks (`'‘’‹›`) pair with each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkClass {
    Double,
    Single,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkRole {
    Open,
    Close,
    /// Either, decided by what is open at that point.
    Either,
}

/// One quotation mark in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub pos: usize,
    pub class: MarkClass,
    pub role: MarkRole,
    /// A single mark after a plural `s` ("members’ storming"): closes only an open single
    /// quote that is followed by a cue or punctuation, else it is an apostrophe.
    pub maybe_possessive: bool,
}

fn is_open_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '['
                        | '{'
                        | '—'
                        | '–'
                        | '-'
                        | '/'
                        | ':'
                        | '“'
                        | '‘'
                        | '"'
                        | '\''
                        | '«'
                        | '‹'
                        | '„'
                )
        }
    }
}

fn is_close_context(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '.' | ','
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '—'
                        | '–'
                        | '-'
                        | '…'
                        | '”'
                        | '’'
                        | '"'
                        | '\''
                        | '»'
                        | '›'
                )
        }
    }
}

/// Classify the character at `i`, if it is a quotation mark (not an apostrophe).
pub fn mark_at(chars: &[char], i: usize) -> Option<Mark> {
    let c = chars[i];
    let prev = if i == 0 { None } else { Some(chars[i - 1]) };
    let next = chars.get(i + 1).copied();
    let open_ctx = is_open_context(prev) && next.is_some_and(|n| !n.is_whitespace());
    let close_ctx = prev.is_some_and(|p| !p.is_whitespace()) && is_close_context(next);
    let mark = |class, role| {
        Some(Mark {
            pos: i,
            class,
            role,
            maybe_possessive: false,
        })
    };
    match c {
        '“' | '„' | '‟' | '«' => {
            if close_ctx && !open_ctx && c != '„' {
                mark(MarkClass::Double, MarkRole::Close)
            } else {
                mark(MarkClass::Double, MarkRole::Open)
            }
        }
        '”' | '»' => {
            if open_ctx && !close_ctx {
                mark(MarkClass::Double, MarkRole::Open)
            } else {
                mark(MarkClass::Double, MarkRole::Close)
            }
        }
        '"' => {
            if open_ctx && !close_ctx {
                mark(MarkClass::Double, MarkRole::Open)
            } else if close_ctx && !open_ctx {
                mark(MarkClass::Double, MarkRole::Close)
            } else {
                mark(MarkClass::Double, MarkRole::Either)
            }
        }
        '‹' => mark(MarkClass::Single, MarkRole::Open),
        '›' => mark(MarkClass::Single, MarkRole::Close),
        '‘' | '’' | '\'' | '‚' => {
            let letter = |o: Option<char>| o.is_some_and(|c| c.is_alphanumeric());
            // Inside a word: can’t, O’Brien.
            if letter(prev) && letter(next) {
                return None;
            }
            // Elision before a number or a clipped word: ’90s, ’em, ‘til.
            if !letter(prev) && next.is_some_and(|n| n.is_ascii_digit()) {
                let digits = chars[i + 1..]
                    .iter()
                    .take_while(|c| c.is_ascii_digit())
                    .count();
                let after = chars.get(i + 1 + digits).copied();
                if digits == 2
                    && (after == Some('s') || !after.is_some_and(|a| a.is_alphanumeric()))
                {
                    return None;
                }
            }
            if c == '’' && !letter(prev) && next.is_some_and(|n| n.is_alphabetic()) {
                // ’em, ’tis: a closing-shaped mark before a word is an elision.
                return None;
            }
            if open_ctx && !close_ctx && c != '’' {
                mark(MarkClass::Single, MarkRole::Open)
            } else if close_ctx && !open_ctx {
                let possessive = prev.is_some_and(|p| p == 's' || p == 'S')
                    && next.is_some_and(char::is_whitespace)
                    && chars
                        .get(i + 2)
                        .is_some_and(|n| n.is_lowercase() || n.is_alphabetic());
                Some(Mark {
                    pos: i,
                    class: MarkClass::Single,
                    role: MarkRole::Close,
                    maybe_possessive: possessive,
                })
            } else if c == '‘' {
                mark(MarkClass::Single, MarkRole::Open)
            } else {
                None
            }
        }
        _ => None,
    }
}

/// Every mark in `chars[start..end]`, in order.
pub fn marks_in(chars: &[char], start: usize, end: usize) -> Vec<Mark> {
    (start..end).filter_map(|i| mark_at(chars, i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(s: &str) -> Vec<(char, MarkRole)> {
        let chars: Vec<char> = s.chars().collect();
        marks_in(&chars, 0, chars.len())
            .iter()
            .map(|m| (chars[m.pos], m.role))
            .collect()
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert!(roles("Soleimani’s death in the ’90s, can't, O’Brien").is_empty());
        let r = roles("members’ storming");
        assert_eq!(r.len(), 1);
    }

    #[test]
    fn directions_from_context() {
        use MarkRole::*;
        assert_eq!(
            roles("said \"yes\" and «oui»"),
            [('"', Open), ('"', Close), ('«', Open), ('»', Close)]
        );
        assert_eq!(roles("‘No,’ she said"), [('‘', Open), ('’', Close)]);
    }
}

//! Hard-wrapped copies of articles for the layout tests (`#[path]`-included by
//! `assist_wrapped` and `assist_news_dev`, so neither pulls in the whole test kit).

/// Greedy wrap of every line of `text` (a paragraph) at `width` code points: one newline
/// inside a paragraph, as wire copy arrives. A space becomes a newline one for one, so
/// offsets stay those of the original.
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::new();
    for line in text.split('\n') {
        let mut col = 0;
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            let n = word.chars().count();
            if col > 0 && col + 1 + n > width {
                out.push('\n');
                col = 0;
            } else if col > 0 {
                out.push(' ');
                col += 1;
            }
            out.push_str(word);
            col += n;
        }
        out.push('\n');
    }
    out
}

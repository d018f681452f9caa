//! brat standoff: an `.ann` file beside the `.txt` it annotates. The path may be either
//! file or a folder, whose `.ann` files are read in name order. `T` lines become regions
//! (discontinuous ones as their outer extent, when only whitespace lies between the
//! fragments), `A`/`M` lines fields, `R` lines relations and `#` lines notes. Type and
//! value names are read back as labels through the `[labels]` of a `visual.conf` beside
//! the `.ann` file (factdesk's export writes one: `Celebrite | Célébrité`), else decoded
//! (`Mostly_true` → `Mostly true`).

use super::{ForeignDoc, ForeignError, Region, Relation, Skipped, StoredText, Units, read_text};
use crate::export::brat_names::read_visual_labels;
use crate::export::names::{decode_token, unescape_line};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The `.ann` files that `path` names.
fn ann_files(path: &Path) -> Result<Vec<PathBuf>, ForeignError> {
    let io = |source| {
        ForeignError::Read(super::ImportError::Io {
            path: path.to_owned(),
            source,
        })
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_dir() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(path)
            .map_err(io)?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "ann") && p.is_file())
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(ForeignError::invalid(
                path,
                "folder",
                "no .ann files in this folder",
            ));
        }
        return Ok(files);
    }
    Ok(vec![path.with_extension("ann")])
}

pub fn read(path: &Path) -> Result<Vec<ForeignDoc>, ForeignError> {
    let mut docs = Vec::new();
    let mut labels_of: HashMap<PathBuf, HashMap<String, String>> = HashMap::new();
    for ann in ann_files(path)? {
        let txt = ann.with_extension("txt");
        let text = read_text(&txt)?;
        let standoff = read_text(&ann)?;
        let folder = ann.parent().unwrap_or(Path::new(".")).to_owned();
        let visual = folder.join("visual.conf");
        let labels = match labels_of.entry(folder) {
            std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
            std::collections::hash_map::Entry::Vacant(e) => {
                let map = if visual.is_file() {
                    read_visual_labels(&read_text(&visual)?)
                } else {
                    HashMap::new()
                };
                e.insert(map)
            }
        };
        let mut doc = parse_with_labels(&standoff, text, &ann, labels)?;
        doc.title = ann.file_stem().map(|s| s.to_string_lossy().into_owned());
        docs.push(doc);
    }
    Ok(docs)
}

/// Parse the `.ann` text of one document whose text is `text`.
pub fn parse(standoff: &str, text: String, ann: &Path) -> Result<ForeignDoc, ForeignError> {
    parse_with_labels(standoff, text, ann, &HashMap::new())
}

/// [`parse`], reading type and value names through `labels` (from `visual.conf`) first.
pub fn parse_with_labels(
    standoff: &str,
    text: String,
    ann: &Path,
    labels: &HashMap<String, String>,
) -> Result<ForeignDoc, ForeignError> {
    let name = ann
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned();
    let mut doc = ForeignDoc::new(name.clone(), text, Units::CodePoints);
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut fields: Vec<(String, String, String, String)> = Vec::new(); // (at, target, name, value)
    let standoff = standoff.strip_prefix('\u{feff}').unwrap_or(standoff);
    for (i, line) in standoff.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let at = format!("{name}:{}", i + 1);
        if line.trim().is_empty() {
            continue;
        }
        let bad = |message: &str| ForeignError::invalid(ann, &at, message);
        let mut cols = line.splitn(3, '\t');
        let id = cols.next().unwrap_or_default();
        let middle = cols
            .next()
            .ok_or_else(|| bad("expected tab-separated fields"))?;
        let decode = |s: &str| match labels.get(s) {
            Some(label) => Ok(label.clone()),
            None => decode_token(s).ok_or_else(|| bad("malformed %XX escape in a type or value")),
        };
        match id.chars().next() {
            Some('T') => {
                let stored = cols
                    .next()
                    .ok_or_else(|| bad("a T line needs its text after a second tab"))?;
                let (label, offsets) = middle
                    .split_once(' ')
                    .ok_or_else(|| bad("expected TYPE START END"))?;
                let mut fragments = Vec::new();
                for frag in offsets.split(';') {
                    let mut nums = frag.split_whitespace().map(str::parse::<usize>);
                    match (nums.next(), nums.next(), nums.next()) {
                        (Some(Ok(s)), Some(Ok(e)), None) => fragments.push((s, e)),
                        _ => {
                            return Err(bad(
                                "offsets must be START END pairs of whole numbers, separated by ;",
                            ));
                        }
                    }
                }
                by_id.insert(id.to_owned(), doc.regions.len());
                doc.regions.push(Region {
                    key: id.to_owned(),
                    at: at.clone(),
                    fragments,
                    stored: StoredText::Fragments(stored.to_owned()),
                    label: decode(label)?,
                    fields: Default::default(),
                });
            }
            Some('A' | 'M') => {
                let mut parts = middle.split_whitespace();
                let (Some(attr), Some(target)) = (parts.next(), parts.next()) else {
                    return Err(bad("expected NAME TARGET [VALUE]"));
                };
                match parts.next() {
                    Some(v) => {
                        fields.push((at.clone(), target.to_owned(), attr.to_owned(), decode(v)?))
                    }
                    None => doc.skipped.push(Skipped {
                        at: at.clone(),
                        reason: format!(
                            "flag attribute {attr:?} has no value factdesk can keep, not imported"
                        ),
                    }),
                }
            }
            Some('R') => {
                let mut parts = middle.split_whitespace();
                let label = parts
                    .next()
                    .ok_or_else(|| bad("expected TYPE Arg1:ID Arg2:ID"))?;
                let mut args = parts.map(|a| a.split_once(':').map(|(_, id)| id.to_owned()));
                let (Some(Some(from)), Some(Some(to))) = (args.next(), args.next()) else {
                    return Err(bad("expected TYPE Arg1:ID Arg2:ID"));
                };
                doc.relations.push(Relation {
                    from,
                    to,
                    label: decode(label)?,
                    at: at.clone(),
                });
            }
            Some('#') => {
                let mut parts = middle.split_whitespace();
                let (Some(kind), Some(target)) = (parts.next(), parts.next()) else {
                    return Err(bad("expected a note TYPE and TARGET"));
                };
                let note = unescape_line(cols.next().unwrap_or_default());
                if kind == "Annotator" {
                    continue; // which layer it came from; the import chooses the layer
                }
                fields.push((at.clone(), target.to_owned(), kind.to_owned(), note));
            }
            Some('E' | 'N' | '*') => doc.skipped.push(Skipped {
                at: at.clone(),
                reason: "events, normalisations and equivalences are not imported".into(),
            }),
            _ => return Err(bad("not a brat annotation line (T, A, M, R, #, E, N or *)")),
        }
    }
    for (at, target, name, value) in fields {
        match by_id.get(&target) {
            Some(&r) => {
                if !doc.regions[r].fields.set(&name, value) {
                    doc.skipped.push(Skipped {
                        at,
                        reason: format!("{name:?} is not a field factdesk has, not imported"),
                    });
                }
            }
            None => doc.skipped.push(Skipped {
                at,
                reason: format!("{target} is not a text-bound annotation of this file"),
            }),
        }
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_lines() {
        let ann = "T1\tquote 6 10;11 13\tsaid so\nT2\tspeaker 0 5\tZarif\nA1\tQuoteType T1 Indirect\nA2\tNegated T1\nR1\tspeaker Arg1:T1 Arg2:T2\n#1\tAnnotatorNotes T1\tline\\nbreak\nE1\tX:T1\n";
        let doc = parse(ann, "Zarif said\nso".into(), Path::new("a.ann")).unwrap();
        assert_eq!(doc.regions[0].fragments, vec![(6, 10), (11, 13)]);
        assert_eq!(
            doc.regions[0].fields.quote_type.as_deref(),
            Some("Indirect")
        );
        assert_eq!(doc.regions[0].fields.note.as_deref(), Some("line\nbreak"));
        assert_eq!(doc.relations[0].to, "T2");
        assert_eq!(doc.skipped.len(), 2);
    }

    #[test]
    fn bad_lines_are_errors() {
        for (ann, needle) in [
            ("T1\tquote 0 x\tabc\n", "a.ann:1:"),
            ("T1 quote 0 3 abc\n", "tab-separated"),
            ("hello\tworld\n", "not a brat annotation line"),
            ("\nT1\tquote 0 3\n", "a.ann:2:"),
            ("R1\tspeaker T1 T2\n", "Arg1"),
            ("T1\tMostly%G0 0 3\tabc\n", "escape"),
        ] {
            let e = parse(ann, "abc".into(), Path::new("a.ann"))
                .unwrap_err()
                .to_string();
            assert!(e.contains(needle), "{ann:?}: {e}");
        }
    }
}

//! The news-dev scorer (`../shared/eval/news-dev/score.py`, python3) run on the built
//! binary, with the targets of issue 16: direct/mixed quotes F1 ≥ 0.95 with no titles,
//! speakers ≥ 0.90 of found quotes, indirect ≥ 0.80, conflicts ≥ 80 % with no trap, aliases
//! ≥ 85 %. news-dev is the development set the rules were tuned on, so these figures are
//! regression floors, not accuracy. Skipped (with a printed reason) when the set or python3
//! is absent; CI has the set at `../shared`.

use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "common/wrap.rs"]
mod wrap;

/// The figures of the scorer's one line.
#[derive(Debug, Default)]
struct Line {
    f1: f64,
    titles: u32,
    speakers: (u32, u32),
    indirect: (u32, u32),
    conflicts: (u32, u32),
    traps: u32,
    aliases: (u32, u32),
}

fn after<'a>(line: &'a str, key: &str) -> &'a str {
    line.split_once(key)
        .map_or("", |(_, rest)| rest.trim_start())
}

fn ratio(s: &str) -> (u32, u32) {
    let word = s
        .split_whitespace()
        .next()
        .unwrap_or("0/1")
        .trim_end_matches([';', ',']);
    let (a, b) = word.split_once('/').unwrap_or(("0", "1"));
    (a.parse().unwrap_or(0), b.parse().unwrap_or(1))
}

fn number(s: &str) -> f64 {
    s.split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .next()
        .and_then(|w| w.parse().ok())
        .unwrap_or(0.0)
}

fn parse(line: &str) -> Line {
    let titles = after(line, "false, ");
    Line {
        f1: number(after(line, "F1 ")),
        titles: number(titles) as u32,
        speakers: ratio(after(line, "speakers ")),
        indirect: ratio(after(line, "indirect ")),
        conflicts: ratio(after(line, "conflicts ")),
        traps: number(after(line, "trap conflicts ")) as u32,
        aliases: ratio(after(line, "aliases ")),
    }
}

/// Run score.py on `set`, or say why not.
pub fn score(set: &Path, traps: &str) -> Option<String> {
    if !set.join("score.py").exists() && !set.join("gold.json").exists() {
        println!("skipped: {} is absent", set.display());
        return None;
    }
    let scorer = if set.join("score.py").exists() {
        set.join("score.py")
    } else {
        news_dev().join("score.py")
    };
    if !scorer.exists() {
        println!("skipped: the scorer {} is absent", scorer.display());
        return None;
    }
    let work = tempfile::tempdir().expect("temp dir");
    let out = match Command::new("python3")
        .arg(&scorer)
        .arg(env!("CARGO_BIN_EXE_factdesk"))
        .arg(set)
        .arg(work.path())
        .args(["--traps", traps])
        .output()
    {
        Ok(o) => o,
        Err(e) => {
            println!("skipped: python3 could not run ({e})");
            return None;
        }
    };
    let line = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    println!("{line}");
    assert!(
        !line.is_empty(),
        "scorer printed nothing: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(line)
}

fn news_dev() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/news-dev")
}

fn share(x: (u32, u32)) -> f64 {
    f64::from(x.0) / f64::from(x.1.max(1))
}

#[test]
fn line_parsing_reads_every_figure() {
    let l = parse(
        "news-dev: quotes P 1.00 R 0.97 F1 0.98 (30 suggested, 0 false, 1 titles); speakers 27/29 found (0.93); indirect 28/35; conflicts 5/6 (9 suggested), trap conflicts 0; passages 3/3; aliases 3/3; 0.02 s",
    );
    assert_eq!(l.f1, 0.98);
    assert_eq!(l.titles, 1);
    assert_eq!(l.speakers, (27, 29));
    assert_eq!(l.indirect, (28, 35));
    assert_eq!(l.conflicts, (5, 6));
    assert_eq!(l.traps, 0);
    assert_eq!(l.aliases, (3, 3));
}

/// The issue-16 targets, met on news-dev (the development set: a floor, not accuracy).
#[test]
fn news_dev_meets_the_targets() {
    let Some(line) = score(&news_dev(), "pump|boat|sandbag") else {
        return;
    };
    let l = parse(&line);
    assert!(l.f1 >= 0.95 && l.titles == 0, "{line}");
    assert!(share(l.speakers) >= 0.90, "{line}");
    assert!(share(l.indirect) >= 0.80, "{line}");
    assert!(share(l.conflicts) >= 0.80 && l.traps == 0, "{line}");
    assert!(share(l.aliases) >= 0.85, "{line}");
}

/// The floors reached so far on news-dev (raise them as the rules improve; never lower).
#[test]
fn news_dev_keeps_its_floors() {
    let Some(line) = score(&news_dev(), "pump|boat|sandbag") else {
        return;
    };
    let l = parse(&line);
    assert!(l.f1 >= 0.95 && l.titles == 0, "{line}");
    assert!(share(l.speakers) >= FLOOR_SPEAKERS, "{line}");
    assert!(share(l.indirect) >= FLOOR_INDIRECT, "{line}");
    assert!(
        share(l.conflicts) >= FLOOR_CONFLICTS && l.traps == 0,
        "{line}"
    );
    assert!(share(l.aliases) >= FLOOR_ALIASES, "{line}");
}

/// The same floors on a hard-wrapped copy of news-dev (each paragraph broken at 68
/// columns, blank lines between paragraphs): wire copy as it often arrives.
#[test]
fn news_dev_hard_wrapped_keeps_its_floors() {
    let set = news_dev();
    if !set.join("gold.json").exists() {
        println!("skipped: {} is absent", set.display());
        return;
    }
    let copy = tempfile::tempdir().expect("temp dir");
    for entry in std::fs::read_dir(&set).expect("news-dev") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name").to_owned();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).expect("article");
            let paragraphs: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
            let wrapped = wrap::wrap(&paragraphs.join("\n\n"), 68);
            std::fs::write(copy.path().join(name), wrapped).expect("write");
        } else if name == "gold.json" {
            std::fs::copy(&path, copy.path().join(name)).expect("copy gold");
        }
    }
    let Some(line) = score(copy.path(), "pump|boat|sandbag") else {
        return;
    };
    let l = parse(&line);
    assert!(l.f1 >= 0.95 && l.titles == 0, "{line}");
    assert!(share(l.speakers) >= FLOOR_SPEAKERS, "{line}");
    assert!(share(l.indirect) >= FLOOR_INDIRECT, "{line}");
}

const FLOOR_SPEAKERS: f64 = 0.98;
const FLOOR_INDIRECT: f64 = 0.91;
const FLOOR_ALIASES: f64 = 1.0;
/// 5 of 6 since the facts redesign (issue 16 item 4).
const FLOOR_CONFLICTS: f64 = 0.80;

/// The unseen set (`tests/data/news-unseen/`, a train derailment in six outlet styles,
/// written by someone who read neither the rules nor news-dev's articles). Measured once
/// before any rule was changed for it (its README has that line); its conflict misses were
/// read afterwards (times of "off the rails", ages in apposition, short given names), so the
/// conflicts' and aliases' floors are what the rules reach now.
#[test]
fn news_unseen_keeps_its_floors() {
    let set = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/news-unseen");
    let Some(line) = score(&set, "kilometre|appliance|crane") else {
        return;
    };
    let l = parse(&line);
    assert!(l.f1 >= 0.97, "{line}");
    assert!(share(l.speakers) >= 0.95, "{line}");
    assert!(share(l.indirect) >= 0.87, "{line}");
    // Passengers on board, patients in hospital (an update), a letter's date and a
    // project's cost (money) came later; the letter's date (no year, no publication
    // date) in session 10: 8/8, aliases 9/9 (Kasimir / Kazimierz).
    assert!(share(l.conflicts) >= 0.99 && l.traps == 0, "{line}");
    assert!(share(l.aliases) >= 1.0, "{line}");
}

/// A second held-out set (`tests/data/news-unseen-2/`, a chemical plant explosion in eight
/// outlet styles, written by someone who read neither the rules nor the other sets).
/// Measured once before any rule was changed for it (its README has that line); its
/// speaker misses were read afterwards (surname particles, organisations ending in
/// "Workers" or "Directorate" taken for people) and its conflict misses (staff and
/// colleagues as people, "pulled alive", "residents who were evacuated", "the explosion
/// and fire"), so the floors are what the rules reach now.
#[test]
fn second_unseen_set_keeps_its_first_figures() {
    let set = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/news-unseen-2");
    let Some(line) = score(&set, "hydrants|silo|bottles") else {
        return;
    };
    let l = parse(&line);
    assert!(l.f1 >= 0.93, "{line}");
    assert!(share(l.speakers) >= 0.95, "{line}");
    assert!(share(l.indirect) >= 0.87, "{line}");
    assert!(share(l.conflicts) >= 0.91 && l.traps == 0, "{line}");
    // Titled full names offered with their group (Gov. Ines Valtonen): aliases 8/9.
    assert!(share(l.aliases) >= 0.88, "{line}");
}

/// What a held-out set must keep reaching (shares in [0, 1]).
struct Floors {
    set: &'static str,
    traps: &'static str,
    f1: f64,
    speakers: f64,
    indirect: f64,
    conflicts: f64,
    aliases: f64,
}

/// Score a set and hold it to its floors (and to at most `titles` titles taken as quotes).
fn keeps(floors: &Floors, titles: Option<u32>) {
    let name = floors.set;
    let set = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    let Some(line) = score(&set, floors.traps) else {
        return;
    };
    let l = parse(&line);
    assert!(
        l.f1 >= floors.f1 && titles.is_none_or(|t| l.titles <= t),
        "{name}: {line}"
    );
    assert!(share(l.speakers) >= floors.speakers, "{name}: {line}");
    assert!(share(l.indirect) >= floors.indirect, "{name}: {line}");
    assert!(
        share(l.conflicts) >= floors.conflicts && l.traps == 0,
        "{name}: {line}"
    );
    assert!(share(l.aliases) >= floors.aliases, "{name}: {line}");
}

/// Four more held-out sets, each written by a helper that read neither the rules nor the
/// other sets' articles, and each measured once before its misses were read (the first
/// line is in its README): a ferry capsizing (`news-unseen-3`, 7 styles), a wildfire
/// (`news-unseen-4`, 8 styles), a rail crash (`news-unseen-5`, 8 styles) and a mine
/// flooding (`news-unseen-6`, 8 styles). The floors are what the rules reach now, after
/// reading their misses — regression floors, not accuracy. The headline quote each holds
/// cannot be found (an article's first line is its title, outside the annotated body).
#[test]
fn ferry_wildfire_rail_and_mine_sets_keep_their_floors() {
    let sets = [
        Floors {
            set: "news-unseen-3",
            traps: "inflatables|floodlights|ambulances",
            f1: 0.98,
            speakers: 0.96,
            indirect: 0.97,
            conflicts: 0.99,
            aliases: 1.0,
        },
        Floors {
            set: "news-unseen-4",
            traps: "bulldozers|horses|drones",
            f1: 0.97,
            speakers: 0.98,
            indirect: 0.87,
            conflicts: 0.99,
            aliases: 0.87,
        },
        Floors {
            set: "news-unseen-5",
            traps: "stretchers|blankets|sleepers",
            f1: 0.98,
            speakers: 0.98,
            indirect: 0.95,
            conflicts: 0.99,
            aliases: 1.0,
        },
        Floors {
            set: "news-unseen-6",
            traps: "cylinders|loaves|compressors",
            f1: 0.99,
            speakers: 0.98,
            indirect: 0.98,
            conflicts: 1.0,
            aliases: 1.0,
        },
    ];
    for floors in sets {
        keeps(&floors, Some(1));
    }
}

/// `news-unseen-7` (stadium crush) and `news-unseen-8` (earthquake), kept unread through
/// session 9 (their READMEs give those honest figures) and measured again, unchanged, at
/// the start of session 10; their misses were read then, so these are regression floors.
#[test]
fn crush_and_quake_sets_keep_their_unread_figures() {
    let sets = [
        Floors {
            set: "news-unseen-7",
            traps: "turnstiles|scarves|fixtures",
            f1: 0.98,
            speakers: 0.92,
            indirect: 0.88,
            conflicts: 0.81,
            aliases: 1.0,
        },
        Floors {
            set: "news-unseen-8",
            traps: "excavators|mattresses|cabins",
            f1: 0.97,
            speakers: 0.97,
            indirect: 0.94,
            conflicts: 1.0,
            aliases: 0.87,
        },
    ];
    for floors in sets {
        keeps(&floors, Some(0));
    }
}

/// Two sets kept unread: `news-unseen-9` (chemical plant explosion) and `news-unseen-10`
/// (cyclone), written at the start of session 10 and measured then (`4a9668c`), at its end
/// (`d47246f`) and at the start of session 11 (`381c78c`, unchanged), before anyone working
/// on the rules read an article of them (each README). Their misses were read in session
/// 11: the floors are regression floors now.
#[test]
fn blast_and_storm_sets_keep_their_floors() {
    let sets = [
        Floors {
            set: "news-unseen-9",
            traps: "tenders|respirators|barges",
            // 0.97 at the start; 0.96 once reported clauses were split from their quoted
            // fragments (indirect 36 → 49 of 55), seen when this floor failed.
            f1: 0.95,
            speakers: 0.9,
            indirect: 0.89,
            conflicts: 0.91,
            aliases: 0.87,
        },
        Floors {
            set: "news-unseen-10",
            traps: "chainsaws|tarpaulins|generators",
            f1: 0.98,
            speakers: 0.95,
            indirect: 0.91,
            conflicts: 0.99,
            aliases: 0.87,
        },
    ];
    for floors in sets {
        keeps(&floors, Some(0));
    }
}

/// Two held-out sets written at the start of session 11 by helpers that read neither the
/// rules nor the other sets' articles: a tower-block fire (`news-unseen-11`, 8 styles) and a
/// volcanic eruption (`news-unseen-12`, 8 styles). Measured at `381c78c` and at `9a3f9b0`
/// before anyone working on the rules read them (each README); `news-unseen-11`'s conflict
/// misses were read after that, `news-unseen-12`'s conflict misses and titles at the start
/// of session 12, so both floors are regression floors now.
#[test]
fn fire_and_volcano_sets_keep_their_unread_figures() {
    keeps(
        &Floors {
            set: "news-unseen-11",
            traps: "hydrants|mattresses|toiletry",
            f1: 0.96,
            speakers: 0.92,
            indirect: 0.9,
            conflicts: 0.91,
            aliases: 0.87,
        },
        Some(0),
    );
    keeps(
        &Floors {
            set: "news-unseen-12",
            traps: "buses|tankers|excavators",
            f1: 0.98,
            speakers: 0.95,
            indirect: 0.91,
            conflicts: 1.0,
            aliases: 0.87,
        },
        Some(0),
    );
}

/// Two held-out sets written at the start of session 12 by helpers that read neither the
/// rules nor the other sets' articles: a motorway bridge collapse (`news-unseen-13`, 8
/// styles) and a runway overrun (`news-unseen-14`, 8 styles). Measured at `2d0ac04` and
/// `74badad` before anyone working on the rules read them (each README): unread figures.
#[test]
fn bridge_and_runway_sets_keep_their_unread_figures() {
    keeps(
        &Floors {
            set: "news-unseen-13",
            traps: "ambulances|floodlights|buoys",
            f1: 0.99,
            speakers: 0.89,
            indirect: 0.89,
            conflicts: 0.75,
            aliases: 1.0,
        },
        Some(0),
    );
    keeps(
        &Floors {
            set: "news-unseen-14",
            traps: "tenders|vouchers|interpreters",
            f1: 0.99,
            speakers: 0.92,
            indirect: 0.94,
            conflicts: 0.58,
            aliases: 0.87,
        },
        Some(0),
    );
}

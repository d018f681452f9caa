//! Every user-facing command, with its name, description, shortcut and the modes it works
//! in — the one place they are written down. Menus, toolbar labels, the help overlay, the
//! key handler and the README's shortcut table are all derived from [`Action`].

use super::keys::{Mods, Shortcut};
use super::mode::Mode;
use strum::{EnumIter, IntoEnumIterator};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter)]
pub enum Action {
    NewProject,
    Open,
    Save,
    SaveAs,
    ImportFiles,
    ImportFolder,
    ImportLink,
    ImportAnnotations,
    CompareWith,
    Export,
    Quit,
    Undo,
    Redo,
    Find,
    CreateQuote,
    CreateClaim,
    CreateSentiment,
    CreateTag,
    Delete,
    AcceptSuggestion,
    AcceptAllOfKind,
    RejectAllOfKind,
    LinkEarlierCheck,
    ShowFindings,
    ShowClaims,
    NextSuggestion,
    PrevSuggestion,
    NextAnnotation,
    PrevAnnotation,
    NextArticle,
    PrevArticle,
    ToggleDone,
    AssignArticles,
    SnapToWords,
    StartLeft,
    StartRight,
    EndLeft,
    EndRight,
    ClearSelection,
    ToggleOtherLayers,
    ToggleReview,
    NextDisagreement,
    PrevDisagreement,
    AcceptMine,
    AcceptTheirs,
    AcceptBoth,
    EditThenAccept,
    Reject,
    Reopen,
    Skip,
    AcceptAllAgreements,
    ShowAgreement,
    ShowDecisions,
    ToggleTheme,
    Help,
}

/// Where an action belongs in the menus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter)]
pub enum Menu {
    File,
    Edit,
    View,
    Review,
    Help,
}

impl Menu {
    pub fn title(self) -> &'static str {
        match self {
            Menu::File => "File",
            Menu::Edit => "Edit",
            Menu::View => "View",
            Menu::Review => "Review",
            Menu::Help => "Help",
        }
    }
}

const BOTH: &[Mode] = &[Mode::Annotate, Mode::Review];
const ANNOTATE: &[Mode] = &[Mode::Annotate];
const REVIEW: &[Mode] = &[Mode::Review];

impl Action {
    /// Every action, in menu order (derived from the enum, not a hand-kept list).
    pub fn all() -> impl Iterator<Item = Action> {
        Action::iter()
    }

    /// Short name for menus and buttons.
    pub fn label(self) -> &'static str {
        self.spec().0
    }

    /// One sentence for tooltips and the help overlay.
    pub fn description(self) -> &'static str {
        self.spec().1
    }

    pub fn menu(self) -> Menu {
        self.spec().2
    }

    fn spec(self) -> (&'static str, &'static str, Menu) {
        use Action::*;
        match self {
            NewProject => ("New project", "Start an empty project", Menu::File),
            Open => ("Open…", "Open a project file", Menu::File),
            Save => (
                "Save",
                "Save the project (atomic, keeps a .bak)",
                Menu::File,
            ),
            SaveAs => ("Save as…", "Save the project under a new name", Menu::File),
            ImportFiles => (
                "Import article files…",
                "Add articles from text or JSONL files",
                Menu::File,
            ),
            ImportFolder => (
                "Import a folder of articles…",
                "Add every article file in a folder",
                Menu::File,
            ),
            ImportLink => (
                "Import from a link…",
                "Fetch a news article from its link (or paste a link on the article list)",
                Menu::File,
            ),
            ImportAnnotations => (
                "Import annotations (doccano, Label Studio, brat)…",
                "Bring another tool's annotations into a layer, as one undoable step",
                Menu::File,
            ),
            CompareWith => (
                "Compare with…",
                "Bring a colleague's project in as read-only layers, to review it",
                Menu::File,
            ),
            Export => ("Export dataset…", "Write a labelled dataset", Menu::File),
            Quit => (
                "Quit",
                "Close factdesk (asks about unsaved changes)",
                Menu::File,
            ),
            Undo => (
                "Undo",
                "Undo the last change (every edit, whole session)",
                Menu::Edit,
            ),
            Redo => ("Redo", "Redo what was undone", Menu::Edit),
            Find => (
                "Find in article",
                "Find text in the article and select it",
                Menu::Edit,
            ),
            CreateQuote => (
                "Quote from selection",
                "Make a quote from the selection",
                Menu::Edit,
            ),
            CreateClaim => (
                "Claim from selection",
                "Make a claim from the selection",
                Menu::Edit,
            ),
            CreateSentiment => (
                "Sentiment from selection",
                "Make a sentiment from the selection",
                Menu::Edit,
            ),
            CreateTag => (
                "Tag from selection",
                "Make a tag from the selection",
                Menu::Edit,
            ),
            Delete => (
                "Delete annotation",
                "Delete the selected annotation, or reject the selected suggestion",
                Menu::Edit,
            ),
            AcceptSuggestion => (
                "Accept suggestion",
                "Turn the selected suggestion into an annotation in your layer",
                Menu::Edit,
            ),
            AcceptAllOfKind => (
                "Accept all suggestions of this kind",
                "Accept every quote (or claim) suggestion of the article at once",
                Menu::Edit,
            ),
            RejectAllOfKind => (
                "Reject all suggestions of this kind",
                "Reject every quote (or claim) suggestion of the article at once",
                Menu::Edit,
            ),
            LinkEarlierCheck => (
                "Link earlier check",
                "Link the best earlier fact-check to the selected claim (or the board's row): \
                 its review as evidence, its verdict proposed",
                Menu::Edit,
            ),
            ShowFindings => (
                "Conflicts and shared passages",
                "Show facts that differ between articles, shared passages and name variants",
                Menu::View,
            ),
            ShowClaims => (
                "Claims board",
                "Every claim by group across outlets: group, leave, merge, one verdict per group",
                Menu::View,
            ),
            NextSuggestion => (
                "Next suggestion",
                "Select the next suggestion of the article",
                Menu::View,
            ),
            PrevSuggestion => (
                "Previous suggestion",
                "Select the previous suggestion of the article",
                Menu::View,
            ),
            NextAnnotation => ("Next annotation", "Select the next annotation", Menu::View),
            PrevAnnotation => (
                "Previous annotation",
                "Select the previous annotation",
                Menu::View,
            ),
            NextArticle => (
                "Next article",
                "Open the next article in the list",
                Menu::View,
            ),
            PrevArticle => (
                "Previous article",
                "Open the previous article in the list",
                Menu::View,
            ),
            ToggleDone => (
                "Mark article done / in progress",
                "Mark the article done or in progress",
                Menu::View,
            ),
            AssignArticles => (
                "Assign articles…",
                "Assign articles to annotators (each to k of them, balanced), blind mode",
                Menu::Edit,
            ),
            SnapToWords => (
                "Snap span to whole words",
                "Snap the span to whole words",
                Menu::Edit,
            ),
            StartLeft => (
                "Move span start left",
                "Move the span's start by one character",
                Menu::Edit,
            ),
            StartRight => (
                "Move span start right",
                "Move the span's start by one character",
                Menu::Edit,
            ),
            EndLeft => (
                "Move span end left",
                "Move the span's end by one character",
                Menu::Edit,
            ),
            EndRight => (
                "Move span end right",
                "Move the span's end by one character",
                Menu::Edit,
            ),
            ClearSelection => (
                "Clear selection",
                "Clear the selection and close the find bar",
                Menu::Edit,
            ),
            ToggleOtherLayers => (
                "Show / hide other annotators' layers",
                "Show or hide other annotators' layers",
                Menu::View,
            ),
            ToggleReview => (
                "Review mode",
                "Enter or leave review: walk the disagreements between two layers",
                Menu::Review,
            ),
            NextDisagreement => (
                "Next disagreement",
                "Go to the next open disagreement",
                Menu::Review,
            ),
            PrevDisagreement => (
                "Previous disagreement",
                "Go to the previous open disagreement",
                Menu::Review,
            ),
            AcceptMine => (
                "Accept mine",
                "Adjudicate: keep your layer's version",
                Menu::Review,
            ),
            AcceptTheirs => (
                "Accept theirs",
                "Adjudicate: keep the other layer's version",
                Menu::Review,
            ),
            AcceptBoth => (
                "Accept both",
                "Adjudicate: keep both versions",
                Menu::Review,
            ),
            EditThenAccept => (
                "Edit, then accept",
                "Copy a version into the adjudicated layer and select it for editing",
                Menu::Review,
            ),
            Reject => (
                "Reject",
                "Adjudicate: neither version is right (recorded)",
                Menu::Review,
            ),
            Reopen => (
                "Reopen",
                "Take back this item's decision (kept in the log) and decide it again",
                Menu::Review,
            ),
            Skip => ("Skip", "Leave this disagreement for later", Menu::Review),
            AcceptAllAgreements => (
                "Accept all agreements",
                "Copy everything both layers agree on into the adjudicated layer",
                Menu::Review,
            ),
            ShowAgreement => (
                "Agreement figures",
                "Show agreement between the layers",
                Menu::Review,
            ),
            ShowDecisions => (
                "Decision log",
                "Show who decided what in review",
                Menu::Review,
            ),
            ToggleTheme => (
                "Light / dark theme",
                "Switch between light and dark",
                Menu::View,
            ),
            Help => ("Keyboard shortcuts", "Show every shortcut", Menu::Help),
        }
    }

    /// The modes in which the action's shortcut works (menus show it in every mode).
    pub fn modes(self) -> &'static [Mode] {
        use Action::*;
        match self {
            CreateQuote | CreateClaim | CreateSentiment | CreateTag | Delete | AcceptSuggestion
            | NextAnnotation | PrevAnnotation | SnapToWords | StartLeft | StartRight | EndLeft
            | EndRight | ToggleOtherLayers => ANNOTATE,
            NextDisagreement | PrevDisagreement | AcceptMine | AcceptTheirs | AcceptBoth
            | EditThenAccept | Reject | Reopen | Skip | AcceptAllAgreements => REVIEW,
            _ => BOTH,
        }
    }

    /// Its shortcuts (first is the main one) and whether they also work while a text field
    /// has keyboard focus.
    pub fn shortcuts(self) -> (&'static [Shortcut], bool) {
        use Action::*;
        const fn s(mods: Mods, key: &'static str) -> Shortcut {
            Shortcut::new(mods, key)
        }
        macro_rules! keys {
            ($global:expr; $($mods:ident $key:literal),*) => {{
                const K: &[Shortcut] = &[$(s(Mods::$mods, $key)),*];
                (K, $global)
            }};
        }
        match self {
            NewProject => keys!(true; CTRL "N"),
            Open => keys!(true; CTRL "O"),
            Save => keys!(true; CTRL "S"),
            SaveAs => keys!(true; CTRL_SHIFT "S"),
            ImportFiles => keys!(true; CTRL "I"),
            ImportFolder => keys!(true; CTRL_SHIFT "I"),
            ImportLink => keys!(true; CTRL "L"),
            ImportAnnotations => keys!(true; CTRL_SHIFT "A"),
            CompareWith => keys!(true; CTRL_SHIFT "O"),
            Export => keys!(true; CTRL "E"),
            Quit => keys!(true; CTRL "Q"),
            Undo => keys!(true; CTRL "Z"),
            Redo => keys!(true; CTRL_SHIFT "Z", CTRL "Y"),
            Find => keys!(true; CTRL "F"),
            CreateQuote => keys!(false; NONE "Q"),
            CreateClaim => keys!(false; NONE "C"),
            CreateSentiment => keys!(false; NONE "S"),
            CreateTag => keys!(false; NONE "T"),
            Delete => keys!(false; NONE "Delete", NONE "Backspace"),
            AcceptSuggestion => keys!(false; NONE "Enter"),
            AcceptAllOfKind => keys!(false; SHIFT "Enter"),
            RejectAllOfKind => keys!(false; SHIFT "Delete"),
            LinkEarlierCheck => keys!(false; CTRL_SHIFT "K"),
            ShowFindings => keys!(false; NONE "F"),
            ShowClaims => keys!(true; CTRL_SHIFT "C"),
            NextSuggestion => keys!(false; NONE "CloseBracket"),
            PrevSuggestion => keys!(false; NONE "OpenBracket"),
            NextAnnotation => keys!(false; NONE "J"),
            PrevAnnotation => keys!(false; NONE "K"),
            NextArticle => keys!(false; NONE "N"),
            PrevArticle => keys!(false; NONE "P"),
            ToggleDone => keys!(false; NONE "D"),
            AssignArticles => keys!(true; CTRL_SHIFT "G"),
            SnapToWords => keys!(false; NONE "W"),
            StartLeft => keys!(false; ALT "ArrowLeft"),
            StartRight => keys!(false; ALT "ArrowRight"),
            EndLeft => keys!(false; SHIFT "ArrowLeft"),
            EndRight => keys!(false; SHIFT "ArrowRight"),
            ClearSelection => keys!(false; NONE "Escape"),
            ToggleOtherLayers => keys!(false; NONE "L"),
            ToggleReview => keys!(false; NONE "R"),
            NextDisagreement => keys!(false; NONE "J"),
            PrevDisagreement => keys!(false; NONE "K"),
            AcceptMine => keys!(false; NONE "A"),
            AcceptTheirs => keys!(false; NONE "T"),
            AcceptBoth => keys!(false; NONE "B"),
            EditThenAccept => keys!(false; NONE "E"),
            Reject => keys!(false; NONE "X", NONE "Delete"),
            Reopen => keys!(false; NONE "O"),
            Skip => keys!(false; NONE "Space"),
            AcceptAllAgreements => keys!(false; SHIFT "A"),
            ShowAgreement => keys!(false; NONE "G"),
            ShowDecisions => keys!(false; SHIFT "L"),
            ToggleTheme => keys!(true; CTRL_SHIFT "T"),
            Help => keys!(true; NONE "F1", SHIFT "Slash"),
        }
    }

    /// All shortcuts as text: `Ctrl+Shift+Z / Ctrl+Y`.
    pub fn shortcut_text(self) -> String {
        let texts: Vec<String> = self.shortcuts().0.iter().map(|s| s.text()).collect();
        texts.join(" / ")
    }

    /// Toolbar label with the main key: "Quote (Q)".
    pub fn button_text(self) -> String {
        let name = self.label().trim_end_matches(" from selection");
        match self.shortcuts().0.first() {
            Some(s) => format!("{name} ({})", s.text()),
            None => name.to_owned(),
        }
    }

    /// The README's shortcut table (a test keeps the README in step with it).
    pub fn markdown_table() -> String {
        let mut out = String::from("| keys | action | works in |\n| --- | --- | --- |\n");
        for a in Action::all() {
            let keys: Vec<String> = a
                .shortcuts()
                .0
                .iter()
                .map(|s| format!("`{}`", s.text()))
                .collect();
            let modes = if a.modes().len() > 1 {
                "both modes".to_owned()
            } else {
                format!("{} mode", a.modes()[0].name().to_lowercase())
            };
            out.push_str(&format!(
                "| {} | {} | {modes} |\n",
                keys.join(" / "),
                a.description()
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    #[test]
    fn no_two_actions_of_one_mode_share_a_shortcut() {
        for mode in Mode::all() {
            let mut seen: HashMap<Shortcut, Action> = HashMap::new();
            for a in Action::all().filter(|a| a.modes().contains(&mode)) {
                for s in a.shortcuts().0 {
                    if let Some(other) = seen.insert(*s, a) {
                        panic!("{} is both {other:?} and {a:?} in {mode:?}", s.text());
                    }
                }
            }
        }
    }

    #[test]
    fn one_key_means_different_things_per_mode() {
        let j = Shortcut::new(Mods::NONE, "J");
        let in_mode = |m: Mode| {
            Action::all()
                .find(|a| a.modes().contains(&m) && a.shortcuts().0.contains(&j))
                .unwrap()
        };
        assert_eq!(in_mode(Mode::Annotate), Action::NextAnnotation);
        assert_eq!(in_mode(Mode::Review), Action::NextDisagreement);
    }

    #[test]
    fn every_action_has_a_label_and_a_description() {
        for a in Action::all() {
            assert!(
                !a.label().is_empty() && !a.description().is_empty(),
                "{a:?}"
            );
        }
        assert_eq!(Action::CreateQuote.button_text(), "Quote (Q)");
        assert_eq!(Action::Redo.shortcut_text(), "Ctrl+Shift+Z / Ctrl+Y");
        assert_eq!(Action::Help.shortcut_text(), "F1 / ?");
    }

    #[test]
    fn the_readme_lists_every_shortcut() {
        let readme = include_str!("../../README.md");
        let table = Action::markdown_table();
        assert!(
            readme.contains(&table),
            "README.md's shortcut table is out of date; replace it with:\n{table}"
        );
    }
}

//! Modes of the workbench. Each has its own keymap: `J` is "next annotation" while
//! annotating and "next disagreement" while reviewing.

use super::action::Action;
use super::keys::Shortcut;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, strum::EnumIter)]
pub enum Mode {
    /// Read and annotate; suggestions are offered.
    #[default]
    Annotate,
    /// Walk the disagreements between your layer and another, adjudicate.
    Review,
}

/// One entry of a mode's keymap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Binding {
    pub shortcut: Shortcut,
    pub action: Action,
    /// Also fires while a text field has keyboard focus.
    pub while_typing: bool,
}

impl Mode {
    /// Every mode, in the order the help lists them.
    pub fn all() -> impl Iterator<Item = Mode> {
        <Mode as strum::IntoEnumIterator>::iter()
    }

    /// The actions on the mode's toolbar, in order.
    pub fn toolbar(self) -> &'static [Action] {
        match self {
            Mode::Annotate => &[
                Action::CreateQuote,
                Action::CreateClaim,
                Action::CreateSentiment,
                Action::CreateTag,
            ],
            Mode::Review => &[
                Action::PrevDisagreement,
                Action::NextDisagreement,
                Action::AcceptMine,
                Action::AcceptTheirs,
                Action::AcceptBoth,
                Action::EditThenAccept,
                Action::Reject,
            ],
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Mode::Annotate => "Annotate",
            Mode::Review => "Review",
        }
    }

    /// The mode's keymap, longest chords first (Ctrl+Shift+S before Ctrl+S).
    pub fn keymap(self) -> Vec<Binding> {
        let mut map: Vec<Binding> = Action::all()
            .filter(|a| a.modes().contains(&self))
            .flat_map(|action| {
                let (shortcuts, while_typing) = action.shortcuts();
                shortcuts.iter().map(move |&shortcut| Binding {
                    shortcut,
                    action,
                    while_typing,
                })
            })
            .collect();
        map.sort_by_key(|b| std::cmp::Reverse(b.shortcut.mods.count()));
        map
    }
}

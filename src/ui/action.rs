//! Every user action with its keyboard shortcut and description, in one enum: menus, the
//! help overlay and the key handler all read from here.

use egui::{Key, KeyboardShortcut, Modifiers};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    NewProject,
    Open,
    Save,
    SaveAs,
    ImportFiles,
    ImportFolder,
    ImportAnnotations,
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
    NextAnnotation,
    PrevAnnotation,
    NextArticle,
    PrevArticle,
    ToggleDone,
    SnapToWords,
    StartLeft,
    StartRight,
    EndLeft,
    EndRight,
    ClearSelection,
    ToggleOtherLayers,
    ToggleTheme,
    Help,
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};
const NONE: Modifiers = Modifiers::NONE;
const ALT: Modifiers = Modifiers::ALT;
const SHIFT: Modifiers = Modifiers::SHIFT;

impl Action {
    pub const ALL: [Action; 31] = [
        Self::NewProject,
        Self::Open,
        Self::Save,
        Self::SaveAs,
        Self::ImportFiles,
        Self::ImportFolder,
        Self::ImportAnnotations,
        Self::Export,
        Self::Quit,
        Self::Undo,
        Self::Redo,
        Self::Find,
        Self::CreateQuote,
        Self::CreateClaim,
        Self::CreateSentiment,
        Self::CreateTag,
        Self::Delete,
        Self::NextAnnotation,
        Self::PrevAnnotation,
        Self::NextArticle,
        Self::PrevArticle,
        Self::ToggleDone,
        Self::SnapToWords,
        Self::StartLeft,
        Self::StartRight,
        Self::EndLeft,
        Self::EndRight,
        Self::ClearSelection,
        Self::ToggleOtherLayers,
        Self::ToggleTheme,
        Self::Help,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Self::NewProject => "New project",
            Self::Open => "Open…",
            Self::Save => "Save",
            Self::SaveAs => "Save as…",
            Self::ImportFiles => "Import article files…",
            Self::ImportFolder => "Import a folder of articles…",
            Self::ImportAnnotations => "Import annotations (doccano, Label Studio, brat)…",
            Self::Export => "Export dataset…",
            Self::Quit => "Quit",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::Find => "Find in article",
            Self::CreateQuote => "Quote from selection",
            Self::CreateClaim => "Claim from selection",
            Self::CreateSentiment => "Sentiment from selection",
            Self::CreateTag => "Tag from selection",
            Self::Delete => "Delete annotation",
            Self::NextAnnotation => "Next annotation",
            Self::PrevAnnotation => "Previous annotation",
            Self::NextArticle => "Next article",
            Self::PrevArticle => "Previous article",
            Self::ToggleDone => "Mark article done / in progress",
            Self::SnapToWords => "Snap span to whole words",
            Self::StartLeft => "Move span start left",
            Self::StartRight => "Move span start right",
            Self::EndLeft => "Move span end left",
            Self::EndRight => "Move span end right",
            Self::ClearSelection => "Clear selection",
            Self::ToggleOtherLayers => "Show / hide other annotators' layers",
            Self::ToggleTheme => "Light / dark theme",
            Self::Help => "Keyboard shortcuts",
        }
    }

    /// The shortcut, and whether it also works while a text field has focus.
    pub fn shortcut(self) -> Option<(KeyboardShortcut, bool)> {
        let (m, k, global) = match self {
            Self::NewProject => (CTRL, Key::N, true),
            Self::Open => (CTRL, Key::O, true),
            Self::Save => (CTRL, Key::S, true),
            Self::SaveAs => (CTRL_SHIFT, Key::S, true),
            Self::ImportFiles => (CTRL, Key::I, true),
            Self::ImportFolder => (CTRL_SHIFT, Key::I, true),
            Self::ImportAnnotations => (CTRL_SHIFT, Key::A, true),
            Self::Export => (CTRL, Key::E, true),
            Self::Quit => (CTRL, Key::Q, true),
            Self::Undo => (CTRL, Key::Z, true),
            Self::Redo => (CTRL_SHIFT, Key::Z, true),
            Self::Find => (CTRL, Key::F, true),
            Self::CreateQuote => (NONE, Key::Q, false),
            Self::CreateClaim => (NONE, Key::C, false),
            Self::CreateSentiment => (NONE, Key::S, false),
            Self::CreateTag => (NONE, Key::T, false),
            Self::Delete => (NONE, Key::Delete, false),
            Self::NextAnnotation => (NONE, Key::J, false),
            Self::PrevAnnotation => (NONE, Key::K, false),
            Self::NextArticle => (NONE, Key::N, false),
            Self::PrevArticle => (NONE, Key::P, false),
            Self::ToggleDone => (NONE, Key::D, false),
            Self::SnapToWords => (NONE, Key::W, false),
            Self::StartLeft => (ALT, Key::ArrowLeft, false),
            Self::StartRight => (ALT, Key::ArrowRight, false),
            Self::EndLeft => (SHIFT, Key::ArrowLeft, false),
            Self::EndRight => (SHIFT, Key::ArrowRight, false),
            Self::ClearSelection => (NONE, Key::Escape, false),
            Self::ToggleOtherLayers => (NONE, Key::L, false),
            Self::ToggleTheme => (CTRL_SHIFT, Key::T, true),
            Self::Help => (NONE, Key::F1, true),
        };
        Some((KeyboardShortcut::new(m, k), global))
    }

    /// Extra shortcuts that do the same (Ctrl+Y for redo, `?` for help).
    pub fn alternates(self) -> &'static [KeyboardShortcut] {
        const REDO: [KeyboardShortcut; 1] = [KeyboardShortcut::new(Modifiers::COMMAND, Key::Y)];
        const HELP: [KeyboardShortcut; 1] = [KeyboardShortcut::new(Modifiers::SHIFT, Key::Slash)];
        const DELETE: [KeyboardShortcut; 1] =
            [KeyboardShortcut::new(Modifiers::NONE, Key::Backspace)];
        match self {
            Self::Redo => &REDO,
            Self::Help => &HELP,
            Self::Delete => &DELETE,
            _ => &[],
        }
    }

    /// Text for menus and the help overlay, e.g. `Ctrl+S`.
    pub fn shortcut_text(self, ctx: &egui::Context) -> String {
        let mut parts: Vec<String> = self
            .shortcut()
            .into_iter()
            .map(|(s, _)| ctx.format_shortcut(&s))
            .collect();
        parts.extend(self.alternates().iter().map(|s| match s.logical_key {
            Key::Slash => "?".to_owned(),
            _ => ctx.format_shortcut(s),
        }));
        parts.join(" / ")
    }
}

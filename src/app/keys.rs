//! Keyboard shortcuts as plain data, so the workbench core can own every binding without
//! knowing the windowing library. Key names are egui's (`egui::Key::from_name`), which the
//! GUI maps once; a test there checks every name resolves.

/// Modifier keys of a shortcut. `command` is Ctrl (⌘ on macOS).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Mods {
    pub command: bool,
    pub shift: bool,
    pub alt: bool,
}

impl Mods {
    pub const NONE: Mods = Mods {
        command: false,
        shift: false,
        alt: false,
    };
    pub const CTRL: Mods = Mods {
        command: true,
        shift: false,
        alt: false,
    };
    pub const CTRL_SHIFT: Mods = Mods {
        command: true,
        shift: true,
        alt: false,
    };
    pub const SHIFT: Mods = Mods {
        command: false,
        shift: true,
        alt: false,
    };
    pub const ALT: Mods = Mods {
        command: false,
        shift: false,
        alt: true,
    };

    /// How many modifiers are held: longer chords are matched first, so that Ctrl+Shift+S
    /// is not also taken as Ctrl+S.
    pub fn count(self) -> u8 {
        self.command as u8 + self.shift as u8 + self.alt as u8
    }
}

/// One key chord.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Shortcut {
    pub mods: Mods,
    /// egui's name of the key: "Q", "F1", "Delete", "ArrowLeft", "Slash" …
    pub key: &'static str,
}

impl Shortcut {
    pub const fn new(mods: Mods, key: &'static str) -> Self {
        Self { mods, key }
    }

    /// Text for menus, the help overlay and the README: `Ctrl+Shift+S`, `Q`, `?`.
    pub fn text(self) -> String {
        let mut s = String::new();
        if self.mods.command {
            s.push_str("Ctrl+");
        }
        if self.mods.alt {
            s.push_str("Alt+");
        }
        let key = match self.key {
            "ArrowLeft" => "Left",
            "ArrowRight" => "Right",
            "ArrowUp" => "Up",
            "ArrowDown" => "Down",
            "Escape" => "Esc",
            "Slash" if self.mods.shift => return format!("{s}?"),
            "Slash" => "/",
            "OpenBracket" => "[",
            "CloseBracket" => "]",
            other => other,
        };
        if self.mods.shift {
            s.push_str("Shift+");
        }
        s.push_str(key);
        s
    }
}

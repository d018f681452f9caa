//! The bridge from the core's shortcuts to egui's keys.

use crate::app::{Binding, Mode, Shortcut};
use egui::{Key, KeyboardShortcut, Modifiers};

/// egui's form of a core shortcut (`None` if the key name is unknown, which a test rules
/// out).
pub fn to_egui(s: Shortcut) -> Option<KeyboardShortcut> {
    let key = Key::from_name(s.key)?;
    let mut mods = Modifiers::NONE;
    if s.mods.command {
        mods |= Modifiers::COMMAND;
    }
    if s.mods.shift {
        mods |= Modifiers::SHIFT;
    }
    if s.mods.alt {
        mods |= Modifiers::ALT;
    }
    Some(KeyboardShortcut::new(mods, key))
}

/// The bindings of `mode` whose chord was pressed this frame (consuming the key presses).
/// Single keys are ignored while a text field has keyboard focus.
pub fn pressed(ctx: &egui::Context, mode: Mode, typing: bool) -> Vec<Binding> {
    let mut hits = Vec::new();
    for binding in mode.keymap() {
        if typing && !binding.while_typing {
            continue;
        }
        let Some(s) = to_egui(binding.shortcut) else {
            continue;
        };
        if ctx.input_mut(|i| i.consume_shortcut(&s)) {
            hits.push(binding);
        }
    }
    hits
}

/// A link pasted in this frame (Ctrl+V), if the pasted text is one.
pub fn pasted_link(ctx: &egui::Context) -> Option<String> {
    ctx.input(|i| {
        i.events.iter().find_map(|e| match e {
            egui::Event::Paste(t) if crate::import::web::is_link(t.trim()) => {
                Some(t.trim().to_owned())
            }
            _ => None,
        })
    })
}

#[cfg(test)]
mod tests {
    use crate::app::Action;

    #[test]
    fn every_key_name_is_known_to_egui() {
        for a in Action::all() {
            for s in a.shortcuts().0 {
                assert!(super::to_egui(*s).is_some(), "{a:?}: unknown key {}", s.key);
            }
        }
    }
}

//! The claims board window: every claim of my layer by group, where each appears (a jump
//! link per article), its status and a flag where members disagree. Keyboard: Up/Down move,
//! Space ticks the row, Enter opens it, 1–9 give the row the scale's verdict (0 clears),
//! Alt+G groups the ticked claims, Alt+L takes them out, Alt+M merges their groups; Alt+A
//! accepts the first suggested group, Alt+X rejects it.

use super::message::Outbox;
use crate::app::{Action, BoardCommand, BoardSort, CheckCommand, CheckStatus, Command, Workbench};
use crate::model::{Annotation, Layer};
use egui::{Key, Modifiers, RichText, Ui};

/// Board keys, consumed before the global shortcuts (Enter, Space and digits mean
/// something else in the reader).
pub fn keys(ctx: &egui::Context, out: &mut Outbox) {
    let digits = [
        Key::Num0,
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
        Key::Num7,
        Key::Num8,
        Key::Num9,
    ];
    ctx.input_mut(|i| {
        if i.consume_key(Modifiers::ALT, Key::A) {
            out.send(Command::Checks(CheckCommand::AcceptFirstGroup));
        }
        if i.consume_key(Modifiers::ALT, Key::X) {
            out.send(Command::Checks(CheckCommand::RejectFirstGroup));
        }
        let mut send = |c: BoardCommand| out.send(Command::Board(c));
        if i.consume_key(Modifiers::NONE, Key::ArrowDown) {
            send(BoardCommand::Move(1));
        }
        if i.consume_key(Modifiers::NONE, Key::ArrowUp) {
            send(BoardCommand::Move(-1));
        }
        if i.consume_key(Modifiers::NONE, Key::Space) {
            send(BoardCommand::CheckCursor);
        }
        if i.consume_key(Modifiers::NONE, Key::Enter) {
            send(BoardCommand::GoToCursor);
        }
        if i.consume_key(Modifiers::ALT, Key::G) {
            send(BoardCommand::GroupChecked);
        }
        if i.consume_key(Modifiers::ALT, Key::L) {
            send(BoardCommand::LeaveChecked);
        }
        if i.consume_key(Modifiers::ALT, Key::M) {
            send(BoardCommand::MergeChecked);
        }
        for (n, k) in digits.iter().enumerate() {
            if i.consume_key(Modifiers::NONE, *k) {
                send(BoardCommand::VerdictAtCursor(n));
            }
        }
    });
}

pub fn show(ctx: &egui::Context, wb: &Workbench, out: &mut Outbox) {
    let mut open = true;
    let state = wb.claims_board();
    let entries = wb.board_entries();
    let verdicts: Vec<String> = wb
        .project()
        .schema
        .verdicts
        .iter()
        .map(|v| v.label.clone())
        .collect();
    egui::Window::new("Claims board")
        .open(&mut open)
        .default_width(640.0)
        .default_height(520.0)
        .vscroll(true)
        .show(ctx, |ui| {
            ui.horizontal_wrapped(|ui| {
                let mut filter = state.filter.clone();
                ui.label("Filter");
                if ui
                    .add(
                        egui::TextEdit::singleline(&mut filter)
                            .hint_text("statement, text or outlet"),
                    )
                    .changed()
                {
                    out.send(Command::Board(BoardCommand::Filter(filter)));
                }
                egui::ComboBox::from_label("Sort by")
                    .selected_text(state.sort.label())
                    .show_ui(ui, |ui| {
                        for s in BoardSort::ALL {
                            if ui.selectable_label(state.sort == s, s.label()).clicked() {
                                out.send(Command::Board(BoardCommand::Sort(s)));
                            }
                        }
                    });
            });
            ui.horizontal_wrapped(|ui| {
                let n = state.checked.len();
                for (label, command) in [
                    ("Group ticked (Alt+G)", BoardCommand::GroupChecked),
                    ("Leave group (Alt+L)", BoardCommand::LeaveChecked),
                    ("Merge groups (Alt+M)", BoardCommand::MergeChecked),
                ] {
                    if ui.add_enabled(n > 0, egui::Button::new(label)).clicked() {
                        out.send(Command::Board(command));
                    }
                }
                ui.label(RichText::new(format!("{n} ticked")).weak());
            });
            ui.label(
                RichText::new("Up/Down move, Space tick, Enter open, 1-9 verdict, 0 clear")
                    .weak()
                    .small(),
            );
            ui.separator();
            super::suggested_groups::show(ui, wb, out);
            if entries.is_empty() {
                ui.label("No claims in your layer match.");
            }
            for (row, e) in entries.iter().enumerate() {
                let at_cursor = row == state.cursor;
                let frame = egui::Frame::group(ui.style()).stroke(if at_cursor {
                    ui.visuals().selection.stroke
                } else {
                    ui.visuals().widgets.noninteractive.bg_stroke
                });
                frame.show(ui, |ui| {
                    ui.set_width(ui.available_width());
                    ui.horizontal_wrapped(|ui| {
                        let kind = if e.group.is_some() {
                            format!("{} outlets", e.appearances.len())
                        } else {
                            "ungrouped".into()
                        };
                        ui.label(RichText::new(kind).weak().small());
                        ui.label(RichText::new(&e.statement).strong());
                    });
                    ui.horizontal_wrapped(|ui| {
                        let color = match e.status {
                            CheckStatus::Verdict => ui.visuals().text_color(),
                            CheckStatus::InProgress => ui.visuals().warn_fg_color,
                            CheckStatus::Unchecked => ui.visuals().weak_text_color(),
                        };
                        ui.label(RichText::new(e.status.label()).color(color));
                        if let Some(group) = e.group {
                            egui::ComboBox::new(("group verdict", group.0), "group verdict")
                                .selected_text(e.verdict.as_deref().unwrap_or("— not checked"))
                                .show_ui(ui, |ui| {
                                    let mut pick = |ui: &mut Ui, v: Option<&String>, text: &str| {
                                        if ui
                                            .selectable_label(e.verdict.as_ref() == v, text)
                                            .clicked()
                                        {
                                            out.send(Command::Board(BoardCommand::SetVerdict {
                                                group,
                                                verdict: v.cloned(),
                                            }));
                                        }
                                    };
                                    pick(ui, None, "— not checked");
                                    for v in &verdicts {
                                        pick(ui, Some(v), v);
                                    }
                                });
                        } else if let Some(v) = &e.verdict {
                            ui.label(v);
                        }
                        if e.disagree {
                            ui.label(
                                RichText::new("members disagree").color(ui.visuals().warn_fg_color),
                            );
                        }
                    });
                    for a in &e.appearances {
                        ui.horizontal_wrapped(|ui| {
                            let ticked = state.checked.contains(&a.annotation);
                            if ui
                                .selectable_label(ticked, if ticked { "☑" } else { "☐" })
                                .clicked()
                            {
                                out.send(Command::Board(BoardCommand::Check(a.annotation)));
                            }
                            let place = match (a.outlet.is_empty(), a.article_title.is_empty()) {
                                (false, _) => format!("{} — {}", a.outlet, a.article_title),
                                (true, _) => a.article_title.clone(),
                            };
                            if ui.link(place).on_hover_text(&a.text).clicked() {
                                out.send(Command::SelectAnnotation(a.annotation));
                            }
                            if a.overridden {
                                ui.label(
                                    RichText::new(format!(
                                        "own verdict: {}",
                                        a.verdict.as_deref().unwrap_or("—")
                                    ))
                                    .color(ui.visuals().warn_fg_color),
                                );
                            }
                        });
                    }
                    if at_cursor {
                        super::earlier_checks::show(ui, wb.board_checks(), true, out);
                    }
                });
            }
        });
    if !open {
        out.action(Action::ShowClaims);
    }
}

/// In the annotation panel: a claim's group and the verdict that holds for it.
pub fn group_line(ui: &mut Ui, layer: &Layer, a: &Annotation, out: &mut Outbox) {
    let Some(group) = layer.group_of(a.id) else {
        return;
    };
    let others = group.members.len().saturating_sub(1);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Group:").strong());
        if ui
            .link(format!("“{}” (+{others} elsewhere)", group.statement))
            .on_hover_text("Open the claims board")
            .clicked()
        {
            out.send(Command::Board(BoardCommand::Open(true)));
        }
    });
    let verdict = layer.effective_verdict(a).unwrap_or("— not checked");
    let overridden = group
        .members
        .iter()
        .any(|m| m.annotation == a.id && m.verdict_override.is_some());
    let source = if overridden {
        "own override"
    } else {
        "the group's"
    };
    ui.label(format!("Effective verdict: {verdict} ({source})"));
}

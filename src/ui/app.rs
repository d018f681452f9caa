//! The eframe application: draws the workbench and turns input into commands. It holds no
//! project state of its own — [`Workbench::apply`] changes everything — only what a window
//! needs: the reader's layout, widget drafts, the file dialogs.

mod probes;

use super::article_list;
use super::decision_log::{self, DecisionLogView};
use super::dialogs::{self, FileDialogs, NativeDialogs};
use super::export_dialog::{ExportDialog, ExportRequest};
use super::folding::{Folding, Side};
use super::message::Outbox;
use super::modals::{self, Drafts};
use super::panel::{self, PanelState, PanelView};
use super::path_entry::{PathChoice, PathEntry};
use super::reader::{LayoutKey, Reader, ReaderEvent, ReaderView};
use super::review_panel;
use super::shortcuts;
use crate::app::{
    Action, Command, Effect, Menu, Mode, Prompt, STORAGE_KEY, Session, Settings, Startup, Workbench,
};
use crate::model::*;
use egui::{Key, RichText, Ui};
use std::collections::VecDeque;
use std::path::PathBuf;

/// How the app starts. Tests fill this to avoid real dialogs, settings and folders.
pub struct StartOptions {
    pub project: Option<PathBuf>,
    pub dialogs: Box<dyn FileDialogs>,
    /// Overrides the remembered annotator name (and skips asking).
    pub annotator: Option<String>,
    /// Folder for the untitled project's recovery file; `None`: the app's data folder.
    pub data_dir: Option<PathBuf>,
    pub autosave_seconds: f64,
}

impl Default for StartOptions {
    fn default() -> Self {
        Self {
            project: None,
            dialogs: Box::new(NativeDialogs),
            annotator: None,
            data_dir: None,
            autosave_seconds: 30.0,
        }
    }
}

pub struct App {
    wb: Workbench,
    dialogs: Box<dyn FileDialogs>,
    reader: Reader,
    panel: PanelState,
    export: ExportDialog,
    drafts: Drafts,
    decision_log: DecisionLogView,
    /// The app's own path entry, when no native file dialog exists.
    path_entry: Option<PathEntry>,
    /// Side panels folded by the user (or, on a narrow window, automatically).
    fold: Folding,
    /// The find field's text and article filter's text (widget state; the core gets them
    /// as commands).
    find_query: String,
    filter: String,
    focus_find: bool,
    /// The last scroll request carried out.
    scrolled: Option<u64>,
    /// Frames the pending scroll request has been asked for.
    scroll_tries: u32,
    /// Where the reader's view started last frame (told to the workbench when it moves).
    reading_at: usize,
    allow_close: bool,
    title: String,
    /// A text field had keyboard focus at the end of the last frame.
    was_typing: bool,
    /// `FACTDESK_QUIT_AFTER_FIRST_FRAME`: draw, report, close (smoke test of the
    /// one-command run on a fresh machine).
    smoke_test: bool,
    frames: u64,
}

impl App {
    pub fn new(cc: &eframe::CreationContext<'_>, options: StartOptions) -> Self {
        super::fonts::install(&cc.egui_ctx);
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, STORAGE_KEY))
            .unwrap_or_default();
        let app = Self::with_settings(settings, options);
        apply_theme(&cc.egui_ctx, app.wb.settings().dark);
        app
    }

    /// Build without an eframe creation context (benchmarks, headless use).
    pub fn with_settings(mut settings: Settings, options: StartOptions) -> Self {
        if let Some(name) = options.annotator {
            settings.annotator = name;
        }
        let data_dir = options
            .data_dir
            .or_else(|| eframe::storage_dir(crate::app_id::APP_ID));
        let wb = Workbench::new(
            settings,
            Startup {
                project: options.project,
                data_dir,
                autosave_seconds: options.autosave_seconds,
            },
        );
        let drafts = Drafts {
            annotator: wb.settings().annotator.clone(),
            layer: wb.settings().annotator.clone(),
            assign: Default::default(),
            link: String::new(),
        };
        Self {
            wb,
            dialogs: options.dialogs,
            reader: Reader::default(),
            panel: PanelState::default(),
            export: ExportDialog::default(),
            drafts,
            decision_log: DecisionLogView::default(),
            path_entry: None,
            fold: Folding::default(),
            find_query: String::new(),
            filter: String::new(),
            focus_find: false,
            scrolled: None,
            scroll_tries: 0,
            reading_at: 0,
            allow_close: false,
            title: String::new(),
            was_typing: false,
            smoke_test: std::env::var_os("FACTDESK_QUIT_AFTER_FIRST_FRAME").is_some(),
            frames: 0,
        }
    }

    // ----- read access for tests and the binary -----

    pub fn workbench(&self) -> &Workbench {
        &self.wb
    }
    pub fn session(&self) -> &Session {
        self.wb.session()
    }
    pub fn settings(&self) -> &Settings {
        self.wb.settings()
    }
    pub fn current_article(&self) -> Option<ArticleId> {
        self.wb.current_article()
    }
    pub fn selected(&self) -> Option<AnnotationId> {
        self.wb.selected_annotation()
    }
    pub fn selection(&self) -> Option<(usize, usize)> {
        self.wb.selection().map(|r| (r.start, r.end))
    }
    pub fn status(&self) -> &str {
        self.wb.status()
    }
    pub fn modal(&self) -> Option<&Prompt> {
        self.wb.prompt()
    }

    // ----- commands and effects -----

    /// Hand commands to the workbench in order and carry out the effects they return
    /// (a file dialog's answer is itself a command).
    fn apply_all(&mut self, ctx: &egui::Context, commands: Vec<Command>) {
        let mut queue: VecDeque<Command> = commands.into();
        while let Some(command) = queue.pop_front() {
            let prompt_before = self.wb.prompt().cloned();
            for effect in self.wb.apply(command) {
                match effect {
                    Effect::Dialog(dialog) if !self.dialogs.available() => {
                        let start = self
                            .wb
                            .session()
                            .path()
                            .and_then(std::path::Path::parent)
                            .map(std::path::Path::to_owned)
                            .or_else(|| std::env::current_dir().ok())
                            .unwrap_or_default();
                        self.path_entry = Some(PathEntry::new(dialog, &start));
                    }
                    Effect::Dialog(dialog) => {
                        let paths = dialogs::run(self.dialogs.as_mut(), &dialog);
                        queue.push_back(Command::Chosen { dialog, paths });
                    }
                    Effect::Quit => {
                        self.allow_close = true;
                        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                    }
                    Effect::CancelClose => {
                        ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose)
                    }
                    Effect::ToggleTheme => {
                        let dark = ctx.theme() != egui::Theme::Dark;
                        apply_theme(ctx, Some(dark));
                        queue.push_back(Command::RememberTheme(dark));
                    }
                    Effect::FocusFind => {
                        self.find_query.clear();
                        self.focus_find = true;
                    }
                    Effect::OpenExportDialog => self.export.open = true,
                    Effect::ExportFolder(dir) => self.export.set_folder(dir),
                }
            }
            // A prompt that asks for a name starts from the current one.
            if self.wb.prompt() != prompt_before.as_ref() {
                match self.wb.prompt() {
                    Some(Prompt::Annotator) => {
                        self.drafts.annotator = self.wb.settings().annotator.clone();
                    }
                    Some(Prompt::ImportLayer { .. }) => {
                        self.drafts.layer = self.wb.settings().annotator.clone();
                    }
                    _ => {}
                }
            }
        }
    }

    fn keyboard(&mut self, ctx: &egui::Context, out: &mut Outbox) {
        if self.wb.prompt().is_some() || self.path_entry.is_some() {
            return;
        }
        // Escape closes an open menu or drop-down first.
        if egui::Popup::is_any_open(ctx)
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, Key::Escape))
        {
            egui::Popup::close_all(ctx);
            return;
        }
        // egui drops focus on Escape before the frame runs: a text field focused in the
        // last frame still counts, so Escape there only leaves the field.
        let typing = ctx.egui_wants_keyboard_input() || self.was_typing;
        if self.wb.claims_board().open && !typing {
            super::claims_board::keys(ctx, out);
        }
        for binding in shortcuts::pressed(ctx, self.wb.mode(), typing) {
            out.action(binding.action);
        }
        // A link pasted outside a text field (Ctrl+V on the article list) is imported.
        if let Some(url) = shortcuts::pasted_link(ctx).filter(|_| !typing) {
            out.send(Command::ImportLink(url));
        }
    }

    // ----- drawing -----

    fn menu(&mut self, ui: &mut Ui, out: &mut Outbox) {
        egui::MenuBar::new().ui(ui, |ui| {
            for menu in [Menu::File, Menu::Edit, Menu::View, Menu::Review, Menu::Help] {
                ui.menu_button(menu.title(), |ui| {
                    for a in Action::all().filter(|a| a.menu() == menu) {
                        if a == Action::SaveAs {
                            self.recent_menu(ui, out);
                        }
                        self.menu_item(ui, a, out);
                    }
                });
            }
        });
    }

    fn recent_menu(&self, ui: &mut Ui, out: &mut Outbox) {
        ui.menu_button("Open recent", |ui| {
            if self.wb.settings().recent.is_empty() {
                ui.label(RichText::new("No recent projects").weak());
            }
            for p in &self.wb.settings().recent {
                if ui.button(p.display().to_string()).clicked() {
                    out.send(Command::OpenPath(p.clone()));
                }
            }
        });
    }

    fn menu_item(&self, ui: &mut Ui, a: Action, out: &mut Outbox) {
        let b = egui::Button::new(self.wb.action_text(a)).shortcut_text(a.shortcut_text());
        if ui
            .add_enabled(self.wb.is_enabled(a), b)
            .on_hover_text(a.description())
            .clicked()
        {
            out.action(a);
        }
    }

    fn toolbar(&mut self, ui: &mut Ui, out: &mut Outbox) {
        ui.horizontal_wrapped(|ui| {
            let tools = self.wb.mode().toolbar();
            let review_on = self.wb.mode() == Mode::Review;
            if ui
                .add(egui::Button::selectable(
                    review_on,
                    Action::ToggleReview.button_text(),
                ))
                .on_hover_text(Action::ToggleReview.description())
                .clicked()
            {
                out.action(Action::ToggleReview);
            }
            ui.separator();
            for &a in tools {
                if ui
                    .add_enabled(self.wb.is_enabled(a), egui::Button::new(a.button_text()))
                    .on_hover_text(a.description())
                    .clicked()
                {
                    out.action(a);
                }
            }
            ui.separator();
            for a in [Action::Undo, Action::Redo, Action::Save] {
                if ui
                    .add_enabled(self.wb.is_enabled(a), egui::Button::new(a.label()))
                    .on_hover_text(format!("{} ({})", a.description(), a.shortcut_text()))
                    .clicked()
                {
                    out.action(a);
                }
            }
            ui.separator();
            if self.wb.mode() == Mode::Annotate {
                let mut show = self.wb.settings().show_other_layers;
                if ui.checkbox(&mut show, "Other layers").changed() {
                    out.action(Action::ToggleOtherLayers);
                }
                self.layers_menu(ui, out);
            }
            for (side, label) in [(Side::Left, "Articles"), (Side::Right, "Panel")] {
                let mut open = self.fold.is_open(side);
                if ui
                    .toggle_value(&mut open, label)
                    .on_hover_text(format!("Show or hide the {} pane", label.to_lowercase()))
                    .clicked()
                {
                    self.fold.set(side, open);
                }
            }
            ui.separator();
            let who = if self.wb.me().is_empty() {
                "—"
            } else {
                self.wb.me()
            };
            if ui
                .link(format!("Annotator: {who}"))
                .on_hover_text("Change who you annotate as")
                .clicked()
            {
                out.send(Command::AskAnnotator);
            }
            if ui
                .button("?")
                .on_hover_text(format!(
                    "Keyboard shortcuts ({})",
                    Action::Help.shortcut_text()
                ))
                .clicked()
            {
                out.action(Action::Help);
            }
        });
    }

    /// Each other layer with its colour and its own show/hide switch: the legend of the
    /// reader's underlines.
    fn layers_menu(&self, ui: &mut Ui, out: &mut Outbox) {
        let project = self.wb.project();
        let me = self.wb.me();
        let others: Vec<&str> = project
            .layers
            .iter()
            .filter(|l| l.annotator != me)
            .map(|l| l.annotator.as_str())
            .collect();
        if others.is_empty() {
            return;
        }
        let dark = ui.visuals().dark_mode;
        ui.menu_button(format!("Layers ({})", others.len() + 1), |ui| {
            ui.label(RichText::new(format!("{me} (you): filled highlights")).strong());
            for name in others {
                let mut shown = self.wb.settings().shows_layer(name);
                let color = if name == crate::model::ADJUDICATED {
                    ui.visuals().text_color()
                } else {
                    super::theme::layer_color(
                        crate::app::layer_color_slot(&project.layers, me, name),
                        dark,
                    )
                };
                let text = RichText::new(format!("— {name}")).color(color);
                if ui.checkbox(&mut shown, text).changed() {
                    out.send(Command::ToggleLayer(name.to_owned()));
                }
            }
        });
    }

    fn central(&mut self, ui: &mut Ui, out: &mut Outbox) {
        if self.wb.current_article().is_some() && self.wb.find_open() {
            self.find_bar(ui, out);
        }
        // Each scroll request is carried out once: asked again each frame until the target
        // is in view (a new article's first frame may not scroll yet), for a few frames.
        let scroll_to = self
            .wb
            .scroll_request()
            .filter(|r| Some(r.serial) != self.scrolled)
            .map(|r| {
                self.scroll_tries += 1;
                if self.scroll_tries > 8 || self.reader.in_view(r.to) {
                    self.scrolled = Some(r.serial);
                    self.scroll_tries = 0;
                }
                (r.to, r.at_top)
            });
        let project = self.wb.project();
        let Some(article) = self.wb.current_article().and_then(|id| project.article(id)) else {
            ui.vertical_centered(|ui| {
                ui.add_space(80.0);
                ui.heading("No article open");
                ui.label(
                    "Open a project, or import articles (plain text, folders of them, or JSONL).",
                );
                ui.add_space(12.0);
                for a in [Action::Open, Action::ImportFiles, Action::ImportFolder] {
                    if ui.button(a.label()).clicked() {
                        out.action(a);
                    }
                }
            });
            return;
        };
        ui.vertical_centered(|ui| {
            ui.set_max_width(super::theme::READING_WIDTH.min(ui.available_width()));
            ui.heading(RichText::new(crate::bidi::display_line(&article.title)).size(22.0));
            let mut meta = Vec::new();
            if let Some(o) = &article.outlet {
                meta.push(o.clone());
            }
            if let Some(d) = article.published {
                meta.push(d.format("%-d %B %Y").to_string());
            }
            if let Some(u) = &article.url {
                meta.push(u.clone());
            }
            meta.push(if article.done {
                "done ✔".into()
            } else {
                "in progress".into()
            });
            ui.label(RichText::new(meta.join(" · ")).weak());
        });
        ui.separator();
        let selected = self
            .wb
            .selected_annotation()
            .and_then(|id| project.find_annotation(id))
            .filter(|(_, a)| a.article == article.id);
        let marks = self.wb.marks();
        let outline = selected
            .map(|(_, a)| (a.span.start, a.span.end, a.kind.name()))
            .or_else(|| super::outlines::selected_suggestion(&self.wb, &marks.marks));
        let speaker = selected.and_then(|(_, a)| match &a.kind {
            AnnotationKind::Quote(q) => q.speaker_span.as_ref().map(|s| (s.start, s.end)),
            _ => None,
        });
        let view = ReaderView {
            text: &article.text,
            key: LayoutKey {
                article: article.id.0,
                revision: marks.fingerprint,
                dark: ui.visuals().dark_mode,
            },
            marks: &marks.marks,
            selection: self.wb.selection(),
            selected: outline,
            other_version: super::outlines::other_version(
                &self.wb,
                article.id,
                outline,
                ui.visuals().dark_mode,
            ),
            speaker,
            scroll_to: scroll_to.map(|(to, _)| to),
            scroll_to_top: scroll_to.is_some_and(|(_, top)| top),
            direction: article
                .language
                .as_deref()
                .and_then(crate::bidi::direction_of_language),
        };
        let events = self.reader.show(ui, &view);
        let top = self.reader.top_char();
        if top != self.reading_at && self.scroll_tries == 0 {
            self.reading_at = top;
            out.send(Command::ReadingAt(top));
        }
        for ev in events {
            out.send(match ev {
                ReaderEvent::Select { start, end, exact } => {
                    Command::SelectText { start, end, exact }
                }
                ReaderEvent::Click(c) => Command::Click(c),
                ReaderEvent::DoubleClick(c) => Command::DoubleClick(c),
            });
        }
    }

    fn find_bar(&mut self, ui: &mut Ui, out: &mut Outbox) {
        ui.horizontal(|ui| {
            let label = ui.label("Find");
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut self.find_query)
                        .hint_text("text in this article"),
                )
                .labelled_by(label.id);
            if self.focus_find {
                r.request_focus();
                self.focus_find = false;
            }
            // Enter finds and leaves the field, so Q/C/S/T annotate at once.
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if enter || ui.button("Next").clicked() {
                out.send(Command::FindNext(self.find_query.clone()));
            }
            if ui.button("Close").clicked() {
                out.send(Command::CloseFind);
            }
        });
    }

    fn status_bar(&self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            let p = self.wb.project();
            ui.label(
                RichText::new(format!(
                    "{} articles · {} annotations",
                    p.articles.len(),
                    p.annotation_count()
                ))
                .weak(),
            );
            ui.separator();
            ui.label(format!("{} mode", self.wb.mode().name()));
            if let Some(p) = self.wb.assist_progress()
                && p.total > 50
            {
                ui.separator();
                ui.add(
                    egui::ProgressBar::new(p.done as f32 / p.total.max(1) as f32)
                        .desired_width(120.0)
                        .text(format!("suggestions {}/{}", p.done, p.total)),
                );
            }
            if let Some(r) = self.wb.selection() {
                ui.separator();
                ui.label(format!(
                    "Selected {}–{} ({} characters)",
                    r.start,
                    r.end,
                    r.end - r.start
                ));
            }
            ui.separator();
            ui.label(self.wb.status());
        });
    }
}

fn apply_theme(ctx: &egui::Context, dark: Option<bool>) {
    match dark {
        Some(true) => ctx.set_theme(egui::Theme::Dark),
        Some(false) => ctx.set_theme(egui::Theme::Light),
        None => ctx.set_theme(egui::ThemePreference::System),
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let mut out = Outbox::default();
        out.send(Command::Tick {
            now: ctx.input(|i| i.time),
        });
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            out.send(Command::CloseRequested);
        }
        self.keyboard(&ctx, &mut out);
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            out.send(Command::Dropped(dropped));
        }
        self.apply_all(&ctx, std::mem::take(&mut out.0));

        egui::Panel::top("menu").show(ui, |ui| {
            self.menu(ui, &mut out);
            self.toolbar(ui, &mut out);
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        let width = ctx.content_rect().width();
        let review = self.wb.mode() == Mode::Review;
        self.fold.fit(width, review);
        if self.fold.is_open(Side::Left) {
            let max = Folding::max_width(width, 180.0, 420.0);
            egui::Panel::left("articles")
                .resizable(true)
                .default_size(280.0_f32.min(max))
                .min_size(180.0)
                .max_size(max)
                .show(ui, |ui| {
                    article_list::show(ui, &self.wb, &mut self.filter, &mut out);
                });
        }
        if self.fold.is_open(Side::Right) {
            // Review keeps its own width: a panel widened for two versions side by side
            // does not stay wide when annotating.
            let max = Folding::max_width(width, 240.0, 520.0);
            egui::Panel::right(if review { "review" } else { "annotation" })
                .resizable(true)
                .default_size(340.0_f32.min(max))
                .min_size(240.0)
                .max_size(max)
                .show(ui, |ui| {
                    let project = self.wb.project();
                    let selected = self
                        .wb
                        .selected_annotation()
                        .and_then(|id| project.find_annotation(id));
                    let editable =
                        selected.is_some_and(|(l, _)| self.wb.can_edit_layer(&l.annotator));
                    let view = PanelView {
                        project,
                        text: self
                            .wb
                            .current_article()
                            .and_then(|id| project.article(id))
                            .map(|a| a.text.as_str()),
                        selection: self.wb.selection(),
                        selected,
                        rows: &self.wb.marks().rows,
                        selected_target: self.wb.selected(),
                        editable,
                        earlier: self.wb.selection_checks(),
                    };
                    if self.wb.mode() == Mode::Review {
                        review_panel::show(ui, &self.wb, &mut out);
                        if editable {
                            ui.separator();
                            ui.label(RichText::new("Adjudicated annotation").strong());
                            panel::editor_only(ui, &view, &mut self.panel, &mut out);
                        }
                    } else if let Some(suggestion) = self.wb.selected_suggestion() {
                        egui::ScrollArea::vertical()
                            .id_salt("suggestion")
                            .max_height(ui.available_height() * 0.5)
                            .show(ui, |ui| {
                                super::suggestion_panel::show(ui, &self.wb, &suggestion, &mut out)
                            });
                        ui.separator();
                        panel::list(ui, &view, &mut out);
                    } else {
                        panel::show(ui, &view, &mut self.panel, &mut out);
                    }
                });
        }
        egui::CentralPanel::default().show(ui, |ui| self.central(ui, &mut out));

        if self.export.open {
            match self.export.show(
                &ctx,
                self.wb.project(),
                self.wb.export_progress(),
                self.wb.export_result(),
            ) {
                Some(ExportRequest::ChooseFolder) => out.send(Command::ChooseExportFolder),
                Some(ExportRequest::Start(options)) => out.send(Command::StartExport(options)),
                Some(ExportRequest::Cancel) => out.send(Command::CancelExport),
                None => {}
            }
        }

        if let Some(entry) = &mut self.path_entry
            && let Some(choice) = entry.show(&ctx, &self.wb.settings().recent)
        {
            let dialog = entry.dialog.clone();
            let paths = match choice {
                PathChoice::Chosen(p) => vec![p],
                PathChoice::Cancelled => Vec::new(),
            };
            self.path_entry = None;
            out.send(Command::Chosen { dialog, paths });
        }
        if self.wb.findings_open() {
            super::findings_window::show(&ctx, &self.wb, &mut out);
        }
        if self.wb.claims_board().open {
            super::claims_board::show(&ctx, &self.wb, &mut out);
        }
        if let Some(report) = self.wb.agreement() {
            let reviewed = self
                .wb
                .review_setup()
                .map(|s| (s.mine.as_str(), s.theirs.as_str()));
            super::agreement_window::show(&ctx, report, reviewed, &mut out);
        }
        if self.wb.decisions_open() {
            decision_log::show(&ctx, &self.wb, &mut self.decision_log, &mut out);
        }
        if let Some(prompt) = self.wb.prompt().cloned()
            && let Some(choice) = modals::show(&ctx, &prompt, &mut self.drafts)
        {
            out.send(Command::Answer(choice));
        }
        self.apply_all(&ctx, std::mem::take(&mut out.0));

        if self.wb.assist_progress().is_some()
            || self.wb.export_progress().is_some()
            || self.wb.link_fetching().is_some()
        {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        } else if self.wb.session().is_dirty() {
            ctx.request_repaint_after(std::time::Duration::from_secs(1));
        }
        self.was_typing = ctx.egui_wants_keyboard_input();
        self.frames += 1;
        if self.smoke_test && self.frames == 2 {
            eprintln!(
                "factdesk: first frame drawn: {} article(s), {} annotation(s), {}",
                self.wb.project().articles.len(),
                self.wb.project().annotation_count(),
                self.wb
                    .prompt()
                    .map_or("no prompt".to_owned(), |p| format!("{p:?}"))
            );
            self.allow_close = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        let title = self.wb.session().title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, self.wb.settings());
    }
}

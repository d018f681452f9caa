//! The eframe application: owns the session and view state, lays out the panes, and applies
//! every message the views send — the one place where the project changes.

use super::action::Action;
use super::article_list::{self, ArticleCounts};
use super::dialogs::{FileDialogs, NativeDialogs};
use super::export_dialog::{ExportDialog, ExportRequest};
use super::message::{Msg, Outbox};
use super::modals::{self, Choice, ModalKind, Then};
use super::panel::{self, ListRow, PanelState, PanelView};
use super::reader::{Highlight, LayoutKey, Reader, ReaderEvent, ReaderView};
use super::settings::{STORAGE_KEY, Settings};
use crate::app::{Edit, Session};
use crate::import;
use crate::model::*;
use crate::store::recovery;
use egui::{Key, RichText, Ui};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

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
    session: Session,
    settings: Settings,
    dialogs: Box<dyn FileDialogs>,
    data_dir: Option<PathBuf>,
    autosave_seconds: f64,
    last_autosave: f64,

    article: Option<ArticleId>,
    selected: Option<AnnotationId>,
    /// Pending text selection (code points) in the current article; survives clicks on
    /// buttons because it lives here, not in a widget.
    selection: Option<(usize, usize)>,
    scroll_to: Option<usize>,
    filter: String,
    find: Option<String>,
    find_focus: bool,

    reader: Reader,
    counts: ArticleCounts,
    visible: (String, u64, Vec<ArticleId>),
    highlights: (Option<ArticleId>, u64, bool, Vec<Highlight>, u64),
    rows: Vec<ListRow>,
    panel: PanelState,
    export: ExportDialog,
    modal: Option<ModalKind>,
    modal_draft: String,
    status: String,
    allow_close: bool,
    title: String,
    now: f64,
    /// A text field had keyboard focus at the end of the last frame.
    was_typing: bool,
}

impl App {
    pub fn new(cc: &eframe::CreationContext<'_>, options: StartOptions) -> Self {
        super::fonts::install(&cc.egui_ctx);
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, STORAGE_KEY))
            .unwrap_or_default();
        let app = Self::with_settings(settings, options);
        app.apply_theme(&cc.egui_ctx);
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
        let mut app = Self {
            session: Session::new(Project::new("Untitled"), None),
            settings,
            dialogs: options.dialogs,
            data_dir,
            autosave_seconds: options.autosave_seconds,
            last_autosave: 0.0,
            article: None,
            selected: None,
            selection: None,
            scroll_to: None,
            filter: String::new(),
            find: None,
            find_focus: false,
            reader: Reader::default(),
            counts: ArticleCounts::default(),
            visible: (String::new(), u64::MAX, Vec::new()),
            highlights: (None, 0, false, Vec::new(), 0),
            rows: Vec::new(),
            panel: PanelState::default(),
            export: ExportDialog::default(),
            modal: None,
            modal_draft: String::new(),
            status: String::new(),
            allow_close: false,
            title: String::new(),
            now: 0.0,
            was_typing: false,
        };
        match options.project {
            Some(path) => app.open_path(&path),
            None => {
                if let Some(untitled) = app.untitled_path()
                    && let Some(rec) = recovery::newer(&untitled)
                {
                    app.modal = Some(ModalKind::Recovery {
                        project: None,
                        recovery: rec,
                    });
                }
            }
        }
        if app.settings.annotator.trim().is_empty() && app.modal.is_none() {
            app.modal = Some(ModalKind::Annotator);
        }
        app
    }

    // ----- read access for tests and the binary -----

    pub fn session(&self) -> &Session {
        &self.session
    }
    pub fn settings(&self) -> &Settings {
        &self.settings
    }
    pub fn current_article(&self) -> Option<ArticleId> {
        self.article
    }
    pub fn selected(&self) -> Option<AnnotationId> {
        self.selected
    }
    pub fn selection(&self) -> Option<(usize, usize)> {
        self.selection
    }
    pub fn status(&self) -> &str {
        &self.status
    }
    pub fn modal(&self) -> Option<&ModalKind> {
        self.modal.as_ref()
    }
    /// Screen rectangle of a code point of the current article, as last drawn.
    pub fn char_rect(&self, c: usize) -> Option<egui::Rect> {
        self.reader.char_rect(c)
    }
    /// How many times the reader laid out its text (for tests of the layout cache).
    pub fn reader_layouts(&self) -> u64 {
        self.reader.layouts_built
    }
    /// How many paragraphs the reader has laid out in total.
    pub fn reader_paragraphs_laid_out(&self) -> u64 {
        self.reader.paragraphs_laid_out
    }

    fn untitled_path(&self) -> Option<PathBuf> {
        self.data_dir.as_ref().map(|d| d.join("untitled.ron"))
    }

    fn apply_theme(&self, ctx: &egui::Context) {
        match self.settings.dark {
            Some(true) => ctx.set_theme(egui::Theme::Dark),
            Some(false) => ctx.set_theme(egui::Theme::Light),
            None => ctx.set_theme(egui::ThemePreference::System),
        }
    }

    fn error(&mut self, title: &str, message: impl std::fmt::Display) {
        self.modal = Some(ModalKind::Error {
            title: title.to_owned(),
            message: message.to_string(),
        });
    }

    // ----- files -----

    fn open_path(&mut self, path: &Path) {
        match Session::open(path) {
            Ok(session) => {
                self.replace_session(session);
                self.settings.remember(path);
                self.status = format!("Opened {}", file_name(path));
                if let Some(rec) = recovery::newer(path) {
                    self.modal = Some(ModalKind::Recovery {
                        project: Some(path.to_owned()),
                        recovery: rec,
                    });
                }
            }
            Err(e) => match recovery::newer(path) {
                // The file is gone or broken, but autosaved work exists: offer that.
                Some(rec) => {
                    self.status = format!("Could not open {}: {e}", file_name(path));
                    self.modal = Some(ModalKind::Recovery {
                        project: Some(path.to_owned()),
                        recovery: rec,
                    });
                }
                None => self.error("Could not open the project", e),
            },
        }
    }

    fn replace_session(&mut self, session: Session) {
        self.session = session;
        self.article = self.session.project.articles.first().map(|a| a.id);
        self.selected = None;
        self.selection = None;
        self.scroll_to = None;
        self.visible.1 = u64::MAX;
        self.highlights.1 = 0;
    }

    fn save(&mut self) -> bool {
        if self.session.path.is_none() {
            return self.save_as();
        }
        match self.session.save() {
            Ok(()) => {
                self.after_save();
                true
            }
            Err(e) => {
                self.error("Could not save", e);
                false
            }
        }
    }

    fn save_as(&mut self) -> bool {
        let suggested = format!("{}.ron", self.session.project.name);
        let Some(path) = self.dialogs.save_project(&suggested) else {
            return false;
        };
        match self.session.save_as(&path) {
            Ok(()) => {
                if let Some(u) = self.untitled_path() {
                    recovery::discard(&u);
                }
                self.after_save();
                true
            }
            Err(e) => {
                self.error("Could not save", e);
                false
            }
        }
    }

    fn after_save(&mut self) {
        if let Some(p) = self.session.path.clone() {
            self.settings.remember(&p);
            self.status = format!("Saved {}", file_name(&p));
        }
    }

    /// Run `then` now, or ask first if there are unsaved changes.
    fn guard(&mut self, then: Then, ctx: &egui::Context) {
        if self.session.dirty {
            self.modal = Some(ModalKind::Unsaved(then));
        } else {
            self.proceed(then, ctx);
        }
    }

    fn proceed(&mut self, then: Then, ctx: &egui::Context) {
        match then {
            Then::New => {
                self.replace_session(Session::new(Project::new("Untitled"), None));
                self.status = "New project".into();
            }
            Then::Open(path) => {
                if let Some(path) = path.or_else(|| self.dialogs.open_project()) {
                    self.open_path(&path);
                }
            }
            Then::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    fn import(&mut self, paths: Vec<PathBuf>) {
        match import::read_paths(&paths) {
            Ok(batch) => {
                let mut warnings = batch.warnings;
                let articles =
                    import::to_articles(&self.session.project, batch.articles, &mut warnings);
                let n = articles.len();
                let first = articles.first().map(|a| a.id);
                if n > 0 {
                    let label = format!("Import {n} article(s)");
                    if let Err(e) =
                        self.session
                            .apply(Edit::AddArticles(articles), &label, self.now, false)
                    {
                        self.error("Import failed", e);
                        return;
                    }
                    self.article = first.or(self.article);
                    self.selected = None;
                    self.selection = None;
                }
                self.status = format!("Imported {n} article(s)");
                if !warnings.is_empty() {
                    let list: Vec<String> = warnings.iter().map(ToString::to_string).collect();
                    self.error(
                        &format!("Imported {n} article(s), with warnings"),
                        list.join("\n"),
                    );
                }
            }
            Err(e) => self.error("Import stopped; nothing was added", e),
        }
    }

    /// Bring another tool's annotations into your layer, as one undoable step. The format
    /// follows the file: `.jsonl` doccano, `.json` Label Studio, `.ann` (or a folder) brat.
    fn import_annotations(&mut self, path: &Path) {
        use crate::import::foreign::{self, ForeignFormat};
        if self.settings.annotator.trim().is_empty() {
            self.modal = Some(ModalKind::Annotator);
            return;
        }
        let ext = path.extension().map(|e| e.to_string_lossy().to_lowercase());
        let format = match ext.as_deref() {
            Some("jsonl") => ForeignFormat::Doccano,
            Some("json") => ForeignFormat::LabelStudio,
            _ => ForeignFormat::Brat,
        };
        let docs = match foreign::read(format, path) {
            Ok(docs) => docs,
            Err(e) => return self.error("Import stopped; nothing was added", e),
        };
        let mut after = self.session.project.clone();
        let from = format!("{format}:{}", file_name(path));
        let report = foreign::apply(&mut after, docs, &from, &self.settings.annotator);
        let edit = additions(&self.session.project, &after);
        if let Err(e) = self
            .session
            .apply(edit, "Import annotations", self.now, false)
        {
            return self.error("Import failed", e);
        }
        let mut message = format!(
            "{} annotation(s) from {} document(s) went into your layer “{}”: {} article(s) matched, {} created.",
            report.annotations,
            report.documents,
            self.settings.annotator,
            report.articles_matched,
            report.articles_created
        );
        if !report.skipped.is_empty() {
            message.push_str(&format!(
                "\n\n{} span(s) did not land on the text and were left out:",
                report.skipped.len()
            ));
            for s in report.skipped.iter().take(30) {
                message.push_str(&format!("\n{s}"));
            }
        }
        self.status = format!("Imported {} annotation(s)", report.annotations);
        self.modal = Some(ModalKind::Error {
            title: format!("Imported {format} annotations"),
            message,
        });
    }

    // ----- annotations -----

    fn current_text(&self) -> Option<&str> {
        self.article
            .and_then(|id| self.session.project.article(id))
            .map(|a| a.text.as_str())
    }

    fn own_annotation(&self, id: AnnotationId) -> Option<&Annotation> {
        self.session
            .project
            .layer(&self.settings.annotator)
            .and_then(|l| l.get(id))
    }

    fn create(&mut self, kind: KindName) {
        if self.settings.annotator.trim().is_empty() {
            self.modal = Some(ModalKind::Annotator);
            return;
        }
        let (Some(article), Some((s, e))) = (self.article, self.selection) else {
            self.status = "Select some text first (drag over it, or Ctrl+F to find it)".into();
            return;
        };
        let Some(text) = self.current_text() else {
            return;
        };
        let span = match Span::from_text(text, s, e) {
            Ok(span) => span,
            Err(err) => {
                self.status = format!("Cannot annotate that: {err}");
                return;
            }
        };
        let mut body = AnnotationKind::empty(kind);
        if let AnnotationKind::Tag { label } = &mut body {
            *label = self
                .session
                .project
                .schema
                .tags
                .first()
                .cloned()
                .unwrap_or_else(|| "Tag".into());
        }
        let now = chrono::Utc::now();
        let id = self.session.project.mint_annotation_id();
        let annotation = Annotation {
            id,
            article,
            span,
            kind: body,
            note: String::new(),
            status: Status::Draft,
            provenance: Provenance::Manual,
            created: now,
            modified: now,
        };
        let layer = self.settings.annotator.clone();
        let label = format!("Create {}", kind.as_str());
        match self.session.apply(
            Edit::AddAnnotation { layer, annotation },
            &label,
            self.now,
            false,
        ) {
            Ok(()) => {
                self.selected = Some(id);
                self.selection = None;
                self.status = label;
            }
            Err(e) => self.error("Could not create the annotation", e),
        }
    }

    /// Delete the selected annotation (own layer), unlinking it from quotes that cite it.
    fn delete(&mut self, id: AnnotationId) {
        if self.own_annotation(id).is_none() {
            self.status = "Only annotations in your own layer can be deleted".into();
            return;
        }
        let mut edits: Vec<Edit> = self
            .session
            .project
            .annotations()
            .filter_map(|(_, a)| match &a.kind {
                AnnotationKind::Quote(q) if q.claims.contains(&id) => {
                    let mut a = a.clone();
                    if let AnnotationKind::Quote(q) = &mut a.kind {
                        q.claims.retain(|c| *c != id);
                    }
                    Some(Edit::ReplaceAnnotation(a))
                }
                _ => None,
            })
            .collect();
        edits.push(Edit::RemoveAnnotation(id));
        match self
            .session
            .apply(Edit::Batch(edits), "Delete annotation", self.now, false)
        {
            Ok(()) => {
                self.selected = None;
                self.status = "Deleted annotation (Ctrl+Z to undo)".into();
            }
            Err(e) => self.error("Could not delete", e),
        }
    }

    fn copy_to_mine(&mut self, id: AnnotationId) {
        let Some((_, a)) = self.session.project.find_annotation(id) else {
            return;
        };
        let mut copy = a.clone();
        copy.id = self.session.project.mint_annotation_id();
        copy.provenance = Provenance::Imported {
            from: format!("annotation {id}"),
        };
        if let AnnotationKind::Quote(q) = &mut copy.kind {
            q.claims.clear();
        }
        let new_id = copy.id;
        let layer = self.settings.annotator.clone();
        if self
            .session
            .apply(
                Edit::AddAnnotation {
                    layer,
                    annotation: copy,
                },
                "Copy to my layer",
                self.now,
                false,
            )
            .is_ok()
        {
            self.selected = Some(new_id);
        }
    }

    /// Move the start or end of the pending selection, or of the selected own annotation.
    fn nudge(&mut self, start_delta: isize, end_delta: isize, snap: bool) {
        let Some(text) = self.current_text() else {
            return;
        };
        let len = text::char_len(text);
        let current = match self.selection {
            Some(sel) => Some((sel, None)),
            None => self
                .selected
                .and_then(|id| self.own_annotation(id))
                .map(|a| ((a.span.start, a.span.end), Some(a.clone()))),
        };
        let Some(((s, e), annotation)) = current else {
            self.status = "Nothing to adjust: select text or one of your annotations".into();
            return;
        };
        let (mut ns, mut ne) = (
            (s as isize + start_delta).clamp(0, len as isize) as usize,
            (e as isize + end_delta).clamp(0, len as isize) as usize,
        );
        if snap {
            (ns, ne) = text::snap_to_words(text, ns, ne);
        }
        if ns >= ne {
            return;
        }
        match annotation {
            None => self.selection = Some((ns, ne)),
            Some(mut a) => {
                let Ok(span) = Span::from_text(text, ns, ne) else {
                    return;
                };
                a.span = span;
                a.modified = chrono::Utc::now();
                let _ =
                    self.session
                        .apply(Edit::ReplaceAnnotation(a), "Adjust span", self.now, true);
            }
        }
    }

    fn step_annotation(&mut self, forward: bool) {
        let list = &self.highlights.3;
        if list.is_empty() {
            return;
        }
        let pos = self
            .selected
            .and_then(|id| list.iter().position(|h| h.id == id));
        let i = match (pos, forward) {
            (None, true) => 0,
            (None, false) => list.len() - 1,
            (Some(i), true) => (i + 1) % list.len(),
            (Some(i), false) => (i + list.len() - 1) % list.len(),
        };
        let h = list[i];
        self.selected = Some(h.id);
        self.selection = None;
        self.scroll_to = Some(h.start);
    }

    fn step_article(&mut self, forward: bool) {
        let list = &self.visible.2;
        if list.is_empty() {
            return;
        }
        let pos = self
            .article
            .and_then(|id| list.iter().position(|a| *a == id));
        let i = match (pos, forward) {
            (None, _) => 0,
            (Some(i), true) => (i + 1).min(list.len() - 1),
            (Some(i), false) => i.saturating_sub(1),
        };
        self.select_article(list[i]);
    }

    fn select_article(&mut self, id: ArticleId) {
        if self.article != Some(id) {
            self.article = Some(id);
            self.selected = None;
            self.selection = None;
        }
    }

    /// Select the next case-insensitive match of `query` after the current selection
    /// (wrapping around). Matching is per code point, so offsets stay exact whatever
    /// lower-casing does to byte lengths (İ, ẞ …).
    fn find_next(&mut self, query: &str) {
        let Some(text) = self.current_text() else {
            return;
        };
        let fold = |c: char| c.to_lowercase().next().unwrap_or(c);
        let needle: Vec<char> = query.chars().map(fold).collect();
        if needle.is_empty() {
            return;
        }
        let hay: Vec<char> = text.chars().map(fold).collect();
        let matches_at = |i: usize| hay.get(i..i + needle.len()) == Some(&needle[..]);
        let from = self.selection.map_or(0, |(s, _)| s + 1);
        let hit = (from..hay.len())
            .find(|&i| matches_at(i))
            .or_else(|| (0..from.min(hay.len())).find(|&i| matches_at(i)));
        match hit {
            Some(s) => {
                let e = s + needle.len();
                self.selection = Some((s, e));
                self.scroll_to = Some(s);
                self.status = format!("Found at {s}–{e}: press Q, C, S or T to annotate");
            }
            None => self.status = "Not found in this article".into(),
        }
    }

    // ----- the one place where messages are applied -----

    fn handle(&mut self, msg: Msg, ctx: &egui::Context) {
        match msg {
            Msg::Action(a) => self.run_action(a, ctx),
            Msg::Edit {
                edit,
                label,
                coalesce,
            } => {
                if let Err(e) = self.session.apply(*edit, &label, self.now, coalesce) {
                    self.status = format!("{label} failed: {e}");
                }
            }
            Msg::SelectArticle(id) => self.select_article(id),
            Msg::SelectAnnotation(id) => {
                if let Some((_, a)) = self.session.project.find_annotation(id) {
                    let (article, start) = (a.article, a.span.start);
                    self.select_article(article);
                    self.selected = Some(id);
                    self.selection = None;
                    self.scroll_to = Some(start);
                }
            }
            Msg::Reader(ev) => self.reader_event(ev),
            Msg::OpenPath(p) => self.guard(Then::Open(Some(p)), ctx),
            Msg::CopyToMine(id) => self.copy_to_mine(id),
        }
    }

    fn reader_event(&mut self, ev: ReaderEvent) {
        match ev {
            // A text selection keeps the selected annotation, so its panel can use the
            // selection (e.g. to mark where a quote's speaker is named).
            ReaderEvent::Select(s, e) => self.selection = Some((s, e)),
            ReaderEvent::DoubleClick(c) => {
                if let Some(text) = self.current_text() {
                    self.selection = text::word_at(text, c);
                }
            }
            ReaderEvent::Click(c) => {
                self.selection = None;
                let Some(c) = c else {
                    self.selected = None;
                    return;
                };
                // Innermost first; clicking again cycles through overlapping annotations.
                let mut covering: Vec<&Highlight> = self
                    .highlights
                    .3
                    .iter()
                    .filter(|h| h.start <= c && c < h.end)
                    .collect();
                covering.sort_by_key(|h| (h.end - h.start, h.id));
                let next = match self
                    .selected
                    .and_then(|id| covering.iter().position(|h| h.id == id))
                {
                    Some(i) => covering.get((i + 1) % covering.len()),
                    None => covering.first(),
                };
                self.selected = next.map(|h| h.id);
            }
        }
    }

    fn run_action(&mut self, action: Action, ctx: &egui::Context) {
        match action {
            Action::NewProject => self.guard(Then::New, ctx),
            Action::Open => self.guard(Then::Open(None), ctx),
            Action::Save => {
                self.save();
            }
            Action::SaveAs => {
                self.save_as();
            }
            Action::ImportFiles => {
                if let Some(paths) = self.dialogs.import_files() {
                    self.import(paths);
                }
            }
            Action::ImportFolder => {
                if let Some(dir) = self.dialogs.import_folder() {
                    self.import(vec![dir]);
                }
            }
            Action::ImportAnnotations => {
                if let Some(path) = self.dialogs.import_annotations() {
                    self.import_annotations(&path);
                }
            }
            Action::Export => self.export.open = true,
            Action::Quit => self.guard(Then::Quit, ctx),
            Action::Undo => {
                self.status = match self.session.undo() {
                    Some(l) => format!("Undid: {l}"),
                    None => "Nothing to undo".into(),
                };
                self.drop_stale_selection();
            }
            Action::Redo => {
                self.status = match self.session.redo() {
                    Some(l) => format!("Redid: {l}"),
                    None => "Nothing to redo".into(),
                };
                self.drop_stale_selection();
            }
            Action::Find => {
                // A fresh query each time, as typing replaces it.
                self.find = Some(String::new());
                self.find_focus = true;
            }
            Action::CreateQuote => self.create(KindName::Quote),
            Action::CreateClaim => self.create(KindName::Claim),
            Action::CreateSentiment => self.create(KindName::Sentiment),
            Action::CreateTag => self.create(KindName::Tag),
            Action::Delete => {
                if let Some(id) = self.selected {
                    self.delete(id);
                }
            }
            Action::NextAnnotation => self.step_annotation(true),
            Action::PrevAnnotation => self.step_annotation(false),
            Action::NextArticle => self.step_article(true),
            Action::PrevArticle => self.step_article(false),
            Action::ToggleDone => {
                if let Some(id) = self.article
                    && let Some(a) = self.session.project.article(id)
                {
                    let done = !a.done;
                    let label = if done {
                        "Mark article done"
                    } else {
                        "Mark article in progress"
                    };
                    let _ = self.session.apply(
                        Edit::SetDone { article: id, done },
                        label,
                        self.now,
                        false,
                    );
                }
            }
            Action::SnapToWords => self.nudge(0, 0, true),
            Action::StartLeft => self.nudge(-1, 0, false),
            Action::StartRight => self.nudge(1, 0, false),
            Action::EndLeft => self.nudge(0, -1, false),
            Action::EndRight => self.nudge(0, 1, false),
            Action::ClearSelection => {
                self.selection = None;
                self.selected = None;
                self.find = None;
            }
            Action::ToggleOtherLayers => {
                self.settings.show_other_layers = !self.settings.show_other_layers;
            }
            Action::ToggleTheme => {
                self.settings.dark = Some(ctx.theme() != egui::Theme::Dark);
                self.apply_theme(ctx);
            }
            Action::Help => self.modal = Some(ModalKind::Help),
        }
    }

    fn drop_stale_selection(&mut self) {
        if let Some(id) = self.selected
            && self.session.project.find_annotation(id).is_none()
        {
            self.selected = None;
        }
        if let Some(a) = self.article
            && self.session.project.article(a).is_none()
        {
            self.article = self.session.project.articles.first().map(|a| a.id);
        }
    }

    // ----- per-frame derived data -----

    fn refresh_caches(&mut self) {
        let rev = self.session.revision;
        // Article texts and titles never change in the GUI, so the filter result only
        // depends on the filter and on which articles exist (import / undo of import).
        let articles_key = self.session.project.articles.len() as u64;
        if self.visible.1 != articles_key || self.visible.0 != self.filter {
            self.visible = (
                self.filter.clone(),
                articles_key,
                article_list::matching(&self.session.project, &self.filter),
            );
        }
        let show_all = self.settings.show_other_layers;
        let (a, r, s, _, _) = &self.highlights;
        if *a != self.article || *r != rev || *s != show_all {
            let mine = self.settings.annotator.as_str();
            let mut pairs: Vec<(Highlight, ListRow)> = match self.article {
                None => Vec::new(),
                Some(article) => self
                    .session
                    .project
                    .layers
                    .iter()
                    .filter(|l| show_all || l.annotator == mine)
                    .flat_map(|l| l.of_article(article).map(move |a| (l, a)))
                    .map(|(l, a)| {
                        let h = Highlight {
                            start: a.span.start,
                            end: a.span.end,
                            kind: a.kind.name(),
                            id: a.id,
                        };
                        (h, ListRow::new(a, &l.annotator, mine))
                    })
                    .collect(),
            };
            pairs.sort_by_key(|(h, _)| (h.start, h.end, h.id));
            let (list, rows): (Vec<Highlight>, Vec<ListRow>) = pairs.into_iter().unzip();
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            for h in &list {
                (h.start, h.end, h.kind, h.id).hash(&mut hasher);
            }
            self.rows = rows;
            self.highlights = (self.article, rev, show_all, list, hasher.finish());
        }
    }

    fn keyboard(&mut self, ctx: &egui::Context, out: &mut Outbox) {
        if self.modal.is_some() {
            return;
        }
        // egui drops focus on Escape before the frame runs: a text field focused in the
        // last frame still counts, so Escape there only leaves the field.
        let typing = ctx.egui_wants_keyboard_input() || self.was_typing;
        // Shortcuts with more modifiers first: Ctrl+Shift+S must not trigger Ctrl+S.
        let mut shortcuts: Vec<(egui::KeyboardShortcut, bool, Action)> = Action::ALL
            .iter()
            .flat_map(|a| {
                let main = a.shortcut().map(|(s, g)| (s, g, *a));
                let alts = a
                    .alternates()
                    .iter()
                    .map(|s| (*s, a.shortcut().is_some_and(|(_, g)| g), *a));
                main.into_iter().chain(alts)
            })
            .collect();
        shortcuts.sort_by_key(|(s, _, _)| {
            let m = s.modifiers;
            std::cmp::Reverse(m.ctrl as u8 + m.command as u8 + m.shift as u8 + m.alt as u8)
        });
        for (s, global, action) in shortcuts {
            if (global || !typing) && ctx.input_mut(|i| i.consume_shortcut(&s)) {
                out.action(action);
            }
        }
    }

    fn menu(&mut self, ui: &mut Ui, out: &mut Outbox) {
        egui::MenuBar::new().ui(ui, |ui| {
            let item = |ui: &mut Ui, out: &mut Outbox, a: Action, enabled: bool| {
                let b = egui::Button::new(a.label()).shortcut_text(a.shortcut_text(ui.ctx()));
                if ui.add_enabled(enabled, b).clicked() {
                    out.action(a);
                }
            };
            ui.menu_button("File", |ui| {
                for a in [Action::NewProject, Action::Open] {
                    item(ui, out, a, true);
                }
                ui.menu_button("Open recent", |ui| {
                    if self.settings.recent.is_empty() {
                        ui.label(RichText::new("No recent projects").weak());
                    }
                    for p in &self.settings.recent {
                        if ui.button(p.display().to_string()).clicked() {
                            out.send(Msg::OpenPath(p.clone()));
                        }
                    }
                });
                ui.separator();
                for a in [Action::Save, Action::SaveAs] {
                    item(ui, out, a, true);
                }
                ui.separator();
                for a in [
                    Action::ImportFiles,
                    Action::ImportFolder,
                    Action::ImportAnnotations,
                    Action::Export,
                ] {
                    item(ui, out, a, true);
                }
                ui.separator();
                item(ui, out, Action::Quit, true);
            });
            ui.menu_button("Edit", |ui| {
                let undo = self.session.undo_label().map(|l| format!("Undo {l}"));
                let redo = self.session.redo_label().map(|l| format!("Redo {l}"));
                for (a, text) in [(Action::Undo, undo), (Action::Redo, redo)] {
                    let b = egui::Button::new(text.clone().unwrap_or_else(|| a.label().into()))
                        .shortcut_text(a.shortcut_text(ui.ctx()));
                    if ui.add_enabled(text.is_some(), b).clicked() {
                        out.action(a);
                    }
                }
                ui.separator();
                item(ui, out, Action::Find, true);
                ui.separator();
                let has_sel = self.selection.is_some();
                for a in [
                    Action::CreateQuote,
                    Action::CreateClaim,
                    Action::CreateSentiment,
                    Action::CreateTag,
                ] {
                    item(ui, out, a, has_sel);
                }
                item(ui, out, Action::Delete, self.selected.is_some());
                ui.separator();
                for a in [
                    Action::SnapToWords,
                    Action::StartLeft,
                    Action::StartRight,
                    Action::EndLeft,
                    Action::EndRight,
                ] {
                    item(ui, out, a, true);
                }
            });
            ui.menu_button("View", |ui| {
                for a in [
                    Action::NextArticle,
                    Action::PrevArticle,
                    Action::NextAnnotation,
                    Action::PrevAnnotation,
                    Action::ToggleDone,
                    Action::ToggleOtherLayers,
                    Action::ToggleTheme,
                ] {
                    item(ui, out, a, true);
                }
            });
            ui.menu_button("Help", |ui| item(ui, out, Action::Help, true));
        });
    }

    fn toolbar(&mut self, ui: &mut Ui, out: &mut Outbox) {
        ui.horizontal(|ui| {
            let has_sel = self.selection.is_some();
            for (a, text) in [
                (Action::CreateQuote, "Quote (Q)"),
                (Action::CreateClaim, "Claim (C)"),
                (Action::CreateSentiment, "Sentiment (S)"),
                (Action::CreateTag, "Tag (T)"),
            ] {
                if ui.add_enabled(has_sel, egui::Button::new(text)).clicked() {
                    out.action(a);
                }
            }
            ui.separator();
            if ui
                .add_enabled(
                    self.session.undo_label().is_some(),
                    egui::Button::new("Undo"),
                )
                .clicked()
            {
                out.action(Action::Undo);
            }
            if ui
                .add_enabled(
                    self.session.redo_label().is_some(),
                    egui::Button::new("Redo"),
                )
                .clicked()
            {
                out.action(Action::Redo);
            }
            if ui.button("Save").clicked() {
                out.action(Action::Save);
            }
            ui.separator();
            let mut show = self.settings.show_other_layers;
            if ui.checkbox(&mut show, "Other layers").changed() {
                out.action(Action::ToggleOtherLayers);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("?")
                    .on_hover_text("Keyboard shortcuts (F1)")
                    .clicked()
                {
                    out.action(Action::Help);
                }
                let who = if self.settings.annotator.is_empty() {
                    "—"
                } else {
                    &self.settings.annotator
                };
                if ui
                    .link(format!("Annotator: {who}"))
                    .on_hover_text("Change who you annotate as")
                    .clicked()
                {
                    self.modal_draft = self.settings.annotator.clone();
                    self.modal = Some(ModalKind::Annotator);
                }
            });
        });
    }

    fn central(&mut self, ui: &mut Ui, out: &mut Outbox) {
        if self.article.is_some() {
            self.find_bar(ui);
        }
        let Some(article) = self.article.and_then(|id| self.session.project.article(id)) else {
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
            .selected
            .and_then(|id| self.session.project.find_annotation(id))
            .filter(|(_, a)| Some(a.article) == self.article)
            .map(|(_, a)| (a.span.start, a.span.end, a.kind.name()));
        let speaker = self
            .selected
            .and_then(|id| self.session.project.find_annotation(id))
            .filter(|(_, a)| Some(a.article) == self.article)
            .and_then(|(_, a)| match &a.kind {
                AnnotationKind::Quote(q) => q.speaker_span.as_ref().map(|s| (s.start, s.end)),
                _ => None,
            });
        let view = ReaderView {
            text: &article.text,
            key: LayoutKey {
                article: article.id.0,
                revision: self.highlights.4,
                dark: ui.visuals().dark_mode,
            },
            highlights: &self.highlights.3,
            selection: self.selection,
            selected,
            speaker,
            scroll_to: self.scroll_to.take(),
            direction: article
                .language
                .as_deref()
                .and_then(crate::bidi::direction_of_language),
        };
        for ev in self.reader.show(ui, &view) {
            out.send(Msg::Reader(ev));
        }
    }

    fn find_bar(&mut self, ui: &mut Ui) {
        if let Some(q) = &mut self.find {
            let mut close = false;
            let mut go = false;
            ui.horizontal(|ui| {
                let label = ui.label("Find");
                let r = ui
                    .add(egui::TextEdit::singleline(q).hint_text("text in this article"))
                    .labelled_by(label.id);
                if self.find_focus {
                    r.request_focus();
                    self.find_focus = false;
                }
                // Enter finds and leaves the field, so Q/C/S/T annotate at once.
                if r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                    go = true;
                }
                if ui.button("Next").clicked() {
                    go = true;
                }
                if ui.button("Close").clicked() {
                    close = true;
                }
            });
            if go {
                let q = q.clone();
                self.find_next(&q);
            }
            if close {
                self.find = None;
            }
        }
    }

    fn status_bar(&self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            let p = &self.session.project;
            ui.label(
                RichText::new(format!(
                    "{} articles · {} annotations",
                    p.articles.len(),
                    p.annotation_count()
                ))
                .weak(),
            );
            if let Some((s, e)) = self.selection {
                ui.separator();
                ui.label(format!("Selected {s}–{e} ({} characters)", e - s));
            }
            ui.separator();
            ui.label(&self.status);
        });
    }
}

/// What `after` adds to `before` (articles, entities, annotations), as one edit.
fn additions(before: &Project, after: &Project) -> Edit {
    let old_articles: std::collections::HashSet<ArticleId> =
        before.articles.iter().map(|a| a.id).collect();
    let old_entities: std::collections::HashSet<EntityId> =
        before.entities.iter().map(|e| e.id).collect();
    let old_annotations: std::collections::HashSet<AnnotationId> =
        before.annotations().map(|(_, a)| a.id).collect();
    let mut edits = Vec::new();
    let articles: Vec<Article> = after
        .articles
        .iter()
        .filter(|a| !old_articles.contains(&a.id))
        .cloned()
        .collect();
    if !articles.is_empty() {
        edits.push(Edit::AddArticles(articles));
    }
    for e in after
        .entities
        .iter()
        .filter(|e| !old_entities.contains(&e.id))
    {
        edits.push(Edit::AddEntity(e.clone()));
    }
    for (layer, a) in after
        .annotations()
        .filter(|(_, a)| !old_annotations.contains(&a.id))
    {
        edits.push(Edit::AddAnnotation {
            layer: layer.annotator.clone(),
            annotation: a.clone(),
        });
    }
    Edit::Batch(edits)
}

/// The file name alone, for messages (the full path is in the title bar and recent list).
fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.now = ctx.input(|i| i.time);
        let mut out = Outbox::default();

        if ctx.input(|i| i.viewport().close_requested()) && self.session.dirty && !self.allow_close
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.modal = Some(ModalKind::Unsaved(Then::Quit));
        }
        self.keyboard(&ctx, &mut out);
        // Files dropped on the window: a project opens, article files are imported.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_owned())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() && self.modal.is_none() {
            let (projects, articles): (Vec<PathBuf>, Vec<PathBuf>) = dropped
                .into_iter()
                .partition(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")));
            if let Some(p) = projects.into_iter().next() {
                out.send(Msg::OpenPath(p));
            } else {
                self.import(articles);
            }
        }
        for msg in out.0.drain(..) {
            self.handle(msg, &ctx);
        }
        self.refresh_caches();

        egui::Panel::top("menu").show(ui, |ui| {
            self.menu(ui, &mut out);
            self.toolbar(ui, &mut out);
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        egui::Panel::left("articles")
            .resizable(true)
            .default_size(280.0)
            .show(ui, |ui| {
                let counts = self
                    .counts
                    .get(&self.session.project, self.session.revision);
                article_list::show(
                    ui,
                    &self.session.project,
                    counts,
                    &self.visible.2,
                    self.article,
                    &mut self.filter,
                    &mut out,
                );
            });
        egui::Panel::right("annotation")
            .resizable(true)
            .default_size(340.0)
            .show(ui, |ui| {
                let project = &self.session.project;
                let selected = self.selected.and_then(|id| project.find_annotation(id));
                let view = PanelView {
                    project,
                    text: self
                        .article
                        .and_then(|id| project.article(id))
                        .map(|a| a.text.as_str()),
                    selection: self.selection,
                    selected,
                    annotator: &self.settings.annotator,
                    rows: &self.rows,
                };
                panel::show(ui, &view, &mut self.panel, &mut out);
            });
        egui::CentralPanel::default().show(ui, |ui| self.central(ui, &mut out));

        if self.export.poll() {
            self.status = match &self.export.result {
                Some(Ok(r)) => format!("Exported {} file(s)", r.files.len()),
                Some(Err(e)) => format!("Export failed: {e}"),
                None => String::new(),
            };
        }
        if self.export.open {
            match self.export.show(&ctx, &self.session.project) {
                Some(ExportRequest::ChooseFolder) => {
                    if let Some(dir) = self.dialogs.export_folder() {
                        self.export.folder = Some(dir);
                    }
                }
                Some(ExportRequest::Start) => {
                    // The worker gets its own copy, so editing can go on meanwhile.
                    self.export
                        .start(std::sync::Arc::new(self.session.project.clone()));
                }
                None => {}
            }
        }

        if let Some(modal) = self.modal.clone()
            && let Some(choice) = modals::show(&ctx, &modal, &mut self.modal_draft)
        {
            self.modal = None;
            match choice {
                Choice::Close => {}
                Choice::AnnotatorSet(name) => {
                    self.settings.annotator = name;
                    self.highlights.1 = 0;
                }
                Choice::SaveThen(then) => {
                    if self.save() {
                        self.proceed(then, &ctx);
                    }
                }
                Choice::DiscardThen(then) => {
                    // The discarded edits must not come back as a "crash" recovery.
                    if let Some(p) = self.session.path.clone().or_else(|| self.untitled_path()) {
                        recovery::discard(&p);
                    }
                    self.session.dirty = false;
                    self.proceed(then, &ctx);
                }
                Choice::Restore => {
                    if let ModalKind::Recovery {
                        project,
                        recovery: rec,
                    } = modal
                    {
                        match recovery::load(&rec) {
                            Ok(p) => {
                                let mut s = Session::new(p, project);
                                s.dirty = true;
                                s.revision += 1;
                                self.replace_session(s);
                                self.status =
                                    "Restored autosaved changes; save to keep them".into();
                            }
                            Err(e) => self.error("Could not restore", e),
                        }
                    }
                }
                Choice::DiscardRecovery => {
                    if let ModalKind::Recovery { recovery: rec, .. } = modal {
                        let _ = std::fs::remove_file(rec);
                    }
                }
            }
            if self.modal.is_none() && self.settings.annotator.trim().is_empty() {
                self.modal = Some(ModalKind::Annotator);
            }
        }

        for msg in out.0.drain(..) {
            self.handle(msg, &ctx);
        }

        // Autosave to the recovery file.
        if self.now - self.last_autosave >= self.autosave_seconds {
            self.last_autosave = self.now;
            let fallback = self.untitled_path();
            if let Some(dir) = fallback.as_deref().and_then(Path::parent) {
                let _ = std::fs::create_dir_all(dir);
            }
            if let Err(e) = self.session.autosave(fallback.as_deref()) {
                self.status = format!("Autosave failed: {e}");
            }
        }
        if self.session.dirty {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(
                self.autosave_seconds.max(1.0),
            ));
        }

        self.was_typing = ctx.egui_wants_keyboard_input();
        let title = self.session.title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.settings);
    }
}

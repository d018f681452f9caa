//! The workbench: the open session and everything the user is doing with it (current
//! article, selection, find, mode, prompts), plus the view data derived from them.
//! [`Workbench::apply`] is the one function that changes any of it; what only the window
//! can do comes back as [`Effect`]s.

mod annotate;
mod checks;
mod claims;
mod files;
mod marks;
mod restore;
mod review;
mod suggest;
mod team;
mod web;

pub use checks::{
    BoardSuggestion, CheckCommand, CheckTarget, EarlierChecks, ShownCheck, SuggestedMember,
};
pub use claims::{Appearance, BoardCommand, BoardEntry, BoardSort, BoardState, CheckStatus};
pub use review::{ReviewProgress, ReviewSetup};
pub use suggest::{ShownSuggestion, shown_in};

use super::articles::ArticleList;
use super::job::{Job, JobProgress};
use super::marks::{ArticleMarks, MarkTarget};
use super::{Action, Command, Edit, Effect, Mode, Prompt, Session, Settings, Then};
use crate::export::ExportReport;
use crate::model::{AnnotationId, ArticleId, Project};
use crate::store::recovery;
use std::ops::Range;
use std::path::PathBuf;

/// Scroll the reader so that code point `to` is visible.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScrollRequest {
    pub to: usize,
    pub serial: u64,
    /// Put `to` at the top of the view (reopening where the user read), rather than in the
    /// middle (going to an annotation).
    pub at_top: bool,
}

/// How the workbench starts.
#[derive(Clone, Debug, Default)]
pub struct Startup {
    pub project: Option<PathBuf>,
    /// Folder for the untitled project's recovery file.
    pub data_dir: Option<PathBuf>,
    /// Seconds between autosaves.
    pub autosave_seconds: f64,
}

pub struct Workbench {
    session: Session,
    settings: Settings,
    data_dir: Option<PathBuf>,
    autosave_seconds: f64,
    last_autosave: f64,
    now: f64,
    mode: Mode,
    article: Option<ArticleId>,
    /// The selected mark's target: an annotation or a suggestion.
    selected: Option<MarkTarget>,
    /// Where `]` / `[` go on from when the selected mark just went away (a rejected
    /// suggestion's span).
    mark_anchor: Option<(usize, usize)>,
    /// Pending text selection (code points) in the current article; it survives clicks on
    /// buttons because it lives here, not in a widget.
    selection: Option<Range<usize>>,
    scroll_to: Option<ScrollRequest>,
    scroll_serial: u64,
    find_open: bool,
    prompt: Option<Prompt>,
    status: String,
    /// The selection before the last click: a double click (which starts with a click)
    /// keeps it, so "Mark selection as speaker" works on a double-clicked word.
    before_click: Option<SelectedBefore>,
    /// What the git repository holding the project lacks to merge it with factdesk.
    git_missing: Option<crate::store::git_setup::Missing>,
    /// A link being fetched in the background.
    link: Option<web::LinkImport>,
    /// Carried out once the pending "save as" dialog saved the project.
    after_save: Option<Then>,
    articles: ArticleList,
    marks: marks::MarksCache,
    export: Option<Job<Result<ExportReport, crate::export::ExportError>>>,
    /// The options of the export running (or last refused), to run it again with `force`.
    export_options: Option<crate::export::ExportOptions>,
    export_result: Option<Result<ExportReport, String>>,
    /// The user was already told the file changed on disk (until the next save).
    disk_change_told: bool,
    last_disk_check: f64,
    review: review::ReviewState,
    suggest: suggest::SuggestState,
    claims: claims::BoardState,
    checks: checks::ChecksState,
}

/// What was selected (possibly nothing) when the last click came.
#[derive(Clone, Debug, PartialEq)]
struct SelectedBefore(Option<MarkTarget>);

impl Workbench {
    pub fn new(settings: Settings, startup: Startup) -> Self {
        let mut wb = Self {
            session: Session::new(Project::new("Untitled"), None),
            settings,
            data_dir: startup.data_dir,
            autosave_seconds: startup.autosave_seconds,
            last_autosave: 0.0,
            now: 0.0,
            mode: Mode::Annotate,
            article: None,
            selected: None,
            mark_anchor: None,
            selection: None,
            scroll_to: None,
            scroll_serial: 0,
            find_open: false,
            prompt: None,
            status: String::new(),
            after_save: None,
            before_click: None,
            git_missing: None,
            link: None,
            articles: ArticleList::default(),
            marks: marks::MarksCache::default(),
            export: None,
            export_options: None,
            export_result: None,
            disk_change_told: false,
            last_disk_check: 0.0,
            review: review::ReviewState::default(),
            suggest: suggest::SuggestState::default(),
            claims: claims::BoardState::default(),
            checks: checks::ChecksState::default(),
        };
        match startup.project {
            Some(path) => wb.open_path(&path),
            None => {
                if let Some(untitled) = wb.untitled_path()
                    && let Some(rec) = recovery::newer(&untitled)
                {
                    wb.prompt = Some(Prompt::Recovery {
                        project: None,
                        recovery: rec,
                    });
                }
            }
        }
        wb.ask_annotator_if_unknown();
        wb.refresh();
        wb
    }

    // ----- read access -----

    pub fn session(&self) -> &Session {
        &self.session
    }
    pub fn project(&self) -> &Project {
        self.session.project()
    }
    pub fn settings(&self) -> &Settings {
        &self.settings
    }
    pub fn mode(&self) -> Mode {
        self.mode
    }
    pub fn current_article(&self) -> Option<ArticleId> {
        self.article
    }
    pub fn selected(&self) -> Option<&MarkTarget> {
        self.selected.as_ref()
    }
    /// The selected annotation, if the selection is one.
    pub fn selected_annotation(&self) -> Option<AnnotationId> {
        match &self.selected {
            Some(MarkTarget::Annotation(id)) => Some(*id),
            _ => None,
        }
    }
    pub fn selection(&self) -> Option<Range<usize>> {
        self.selection.clone()
    }
    pub fn status(&self) -> &str {
        &self.status
    }
    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
    }
    pub fn find_open(&self) -> bool {
        self.find_open
    }
    pub fn articles(&self) -> &ArticleList {
        &self.articles
    }
    /// The current article's marks and list rows.
    pub fn marks(&self) -> &ArticleMarks {
        self.marks.get()
    }
    /// Where the reader should scroll to; each request has its own serial, so the reader
    /// carries it out once.
    pub fn scroll_request(&self) -> Option<ScrollRequest> {
        self.scroll_to
    }
    pub fn export_progress(&self) -> Option<JobProgress> {
        self.export.as_ref().map(Job::progress)
    }
    pub fn export_result(&self) -> Option<&Result<ExportReport, String>> {
        self.export_result.as_ref()
    }
    /// The annotator's own layer name.
    pub fn me(&self) -> &str {
        &self.settings.annotator
    }

    // ----- the one place where commands are applied -----

    /// Carry out a command. Every change to the session, the selection, the prompts and
    /// the settings happens here (or in the helpers it calls); the returned effects are
    /// what only the window can do.
    pub fn apply(&mut self, command: Command) -> Vec<Effect> {
        let mut effects = Vec::new();
        match command {
            Command::Run(action) => self.run(action, &mut effects),
            Command::Answer(choice) => self.answer(choice, &mut effects),
            Command::Chosen { dialog, paths } => self.chosen(dialog, paths, &mut effects),
            Command::Dropped(paths) => self.dropped(paths, &mut effects),
            Command::OpenPath(p) => self.guard(Then::Open(Some(p)), &mut effects),
            Command::SelectArticle(id) => self.select_article(id),
            Command::SelectAnnotation(id) => self.select_annotation(id),
            Command::SelectSuggestion(key) => {
                if let Some(article) = key.article {
                    self.select_article(article);
                    self.scroll_to(key.start);
                }
                self.selected = Some(MarkTarget::Suggestion(key));
                self.selection = None;
            }
            Command::AcceptSuggestion(key) => self.accept_suggestion(&key),
            Command::RejectSuggestion(key) => self.reject_suggestion(&key),
            Command::AcceptAllSuggestions(kind) => self.all_suggestions(kind, true),
            Command::RejectAllSuggestions(kind) => self.all_suggestions(kind, false),
            Command::ToggleSuggester(kind) => self.toggle_suggester(kind),
            Command::GoTo {
                article,
                start,
                end,
            } => self.go_to(article, start, end),
            Command::CloseFindings => self.show_findings(false),
            Command::UpdateAnnotation(a) => self.update_annotation(a, None),
            Command::UpdateAnnotationNaming { annotation, naming } => {
                self.update_annotation(annotation, Some(naming))
            }
            Command::AddEvidence(id) => self.add_evidence(id),
            Command::SetAliases { entity, aliases } => self.set_aliases(entity, aliases),
            Command::CopyToMine(id) => self.copy_to_mine(id),
            Command::SelectText { start, end, exact } => self.select_text(start, end, exact),
            Command::Click(c) => self.click(c),
            Command::DoubleClick(c) => self.double_click(c),
            Command::FindNext(query) => self.find_next(&query),
            Command::CloseFind => self.find_open = false,
            Command::ReadingAt(offset) => self.remember_place(offset),
            Command::Filter(f) => self.articles.set_filter(f),
            Command::OnlyAssignedToMe(on) => self.only_assigned_to_me(on),
            Command::SetUpGit => self.set_up_git(),
            Command::ImportLink(url) => self.import_link(url),
            Command::CancelLinkImport => self.cancel_link(),
            Command::Assign(request) => self.assign(request),
            Command::SetAnnotator(name) => {
                let name = name.trim().to_owned();
                if !name.is_empty() {
                    self.settings.annotator = name;
                    self.marks.invalidate();
                }
            }
            Command::AskAnnotator => self.prompt = Some(Prompt::Annotator),
            Command::RememberTheme(dark) => self.settings.dark = Some(dark),
            Command::ToggleLayer(layer) => {
                if !self.settings.hidden_layers.remove(&layer) {
                    self.settings.hidden_layers.insert(layer);
                }
                self.settings.show_other_layers = true;
            }
            Command::CloseRequested => {
                if self.session.is_dirty() {
                    effects.push(Effect::CancelClose);
                    self.prompt = Some(Prompt::Unsaved(Then::Quit));
                }
            }
            Command::StartExport(options) => self.start_export(options),
            Command::ChooseExportFolder => {
                effects.push(Effect::Dialog(super::Dialog::ExportFolder));
            }
            Command::CancelExport => {
                if let Some(job) = &self.export {
                    job.cancel();
                }
            }
            Command::Tick { now } => self.tick(now),
            Command::SetReviewLayers { mine, theirs } => self.set_review_layers(mine, theirs),
            Command::ReviewFreeText(on) => self.set_review_free_text(on),
            Command::SelectReviewItem(key) => self.select_item(&key),
            Command::CloseAgreement => self.show_agreement(false),
            Command::CloseDecisions => self.show_decisions(false),
            Command::Board(c) => self.board_command(c),
            Command::Checks(c) => self.checks_command(c),
        }
        self.refresh();
        effects
    }

    /// Apply an edit as one undo step; a failure is reported, never dropped.
    /// Whether an action can do anything now (menus and toolbars grey it out otherwise).
    pub fn is_enabled(&self, a: Action) -> bool {
        match a {
            Action::Undo => self.session.undo_label().is_some(),
            Action::Redo => self.session.redo_label().is_some(),
            Action::CreateQuote
            | Action::CreateClaim
            | Action::CreateSentiment
            | Action::CreateTag => self.selection.is_some(),
            Action::Delete => self.selected.is_some(),
            Action::LinkEarlierCheck => self.link_candidate().is_some(),
            _ => true,
        }
    }

    /// An action's menu text: undo and redo name the step they take back or again.
    pub fn action_text(&self, a: Action) -> String {
        match a {
            Action::Undo => self.session.undo_label().map(|l| format!("Undo {l}")),
            Action::Redo => self.session.redo_label().map(|l| format!("Redo {l}")),
            _ => None,
        }
        .unwrap_or_else(|| a.label().to_owned())
    }

    /// Who edits and when: the annotator of the settings, the clock now. The one place the
    /// window's changes read either.
    fn context(&self) -> crate::model::Context {
        crate::model::Context::live(self.settings.annotator.as_str())
    }

    fn edit(&mut self, edit: Edit, label: &str, coalesce: bool) -> bool {
        match self.session.apply(edit, label, self.now, coalesce) {
            Ok(()) => {
                // The status always tells the last thing done, never an older one.
                self.status = format!("{label} (Ctrl+Z to undo)");
                true
            }
            Err(e) => {
                self.error(&format!("{label} failed"), e);
                false
            }
        }
    }

    fn run(&mut self, action: Action, effects: &mut Vec<Effect>) {
        use Action::*;
        match action {
            NewProject => self.guard(Then::New, effects),
            Open => self.guard(Then::Open(None), effects),
            Save => self.save(effects),
            SaveAs => self.save_as(effects),
            ImportFiles => effects.push(Effect::Dialog(super::Dialog::ImportFiles)),
            ImportFolder => effects.push(Effect::Dialog(super::Dialog::ImportFolder)),
            ImportAnnotations => {
                if self.ask_annotator_if_unknown() {
                    return;
                }
                effects.push(Effect::Dialog(super::Dialog::ImportAnnotations));
            }
            CompareWith => effects.push(Effect::Dialog(super::Dialog::CompareWith)),
            Export => effects.push(Effect::OpenExportDialog),
            Quit => self.guard(Then::Quit, effects),
            Undo => {
                let before = self.annotation_ids();
                self.status = match self.session.undo() {
                    Ok(Some(l)) => format!("Undid: {l}"),
                    Ok(None) => "Nothing to undo".into(),
                    Err(e) => e.to_string(),
                };
                self.drop_stale_selection();
                self.select_restored(&before);
            }
            Redo => {
                let before = self.annotation_ids();
                self.status = match self.session.redo() {
                    Ok(Some(l)) => format!("Redid: {l}"),
                    Ok(None) => "Nothing to redo".into(),
                    Err(e) => e.to_string(),
                };
                self.drop_stale_selection();
                self.select_restored(&before);
            }
            Find => {
                self.find_open = true;
                effects.push(Effect::FocusFind);
            }
            CreateQuote => self.create(crate::model::KindName::Quote),
            CreateClaim => self.create(crate::model::KindName::Claim),
            CreateSentiment => self.create(crate::model::KindName::Sentiment),
            CreateTag => self.create(crate::model::KindName::Tag),
            Delete => self.delete_selected(),
            AcceptSuggestion => self.accept_selected_suggestion(),
            AcceptAllOfKind | RejectAllOfKind => {
                let kind = match self.selected_suggestion() {
                    Some(ShownSuggestion::Claim(_)) => crate::assist::SuggestionKind::Claim,
                    _ => crate::assist::SuggestionKind::Quote,
                };
                self.all_suggestions(kind, action == AcceptAllOfKind);
            }
            ShowFindings => self.show_findings(!self.suggest.findings_open),
            ShowClaims => self.show_claims(!self.claims.open),
            LinkEarlierCheck => self.link_best_check(),
            NextAnnotation => self.step_mark(true, false),
            PrevAnnotation => self.step_mark(false, false),
            NextSuggestion => self.step_mark(true, true),
            PrevSuggestion => self.step_mark(false, true),
            NextArticle => self.step_article(true),
            PrevArticle => self.step_article(false),
            ToggleDone => self.toggle_done(),
            ImportLink => self.prompt = Some(Prompt::ImportLink),
            AssignArticles => self.ask_assign(),
            SnapToWords => self.nudge(0, 0, true),
            StartLeft => self.nudge(-1, 0, false),
            StartRight => self.nudge(1, 0, false),
            EndLeft => self.nudge(0, -1, false),
            EndRight => self.nudge(0, 1, false),
            ClearSelection => {
                self.selection = None;
                self.selected = None;
                self.find_open = false;
            }
            ToggleOtherLayers => {
                self.settings.show_other_layers = !self.settings.show_other_layers;
            }
            ToggleReview => self.toggle_review(),
            NextDisagreement => self.step_item(true),
            PrevDisagreement => self.step_item(false),
            AcceptMine => self.decide(crate::review::Action::AcceptMine, "Accept mine"),
            AcceptTheirs => self.decide(crate::review::Action::AcceptTheirs, "Accept theirs"),
            AcceptBoth => self.decide(crate::review::Action::AcceptBoth, "Accept both"),
            EditThenAccept => self.edit_then_accept(),
            Reject => self.decide(crate::review::Action::Reject, "Reject"),
            Reopen => self.reopen(),
            Skip => self.skip(),
            AcceptAllAgreements => self.accept_all_agreements(),
            ShowAgreement => self.show_agreement(self.review.agreement.is_none()),
            ShowDecisions => self.show_decisions(!self.review.decisions_open),
            ToggleTheme => effects.push(Effect::ToggleTheme),
            Help => self.prompt = Some(Prompt::Help),
        }
    }

    /// Once a frame: collect a finished export, autosave when due.
    fn tick(&mut self, now: f64) {
        self.now = now;
        self.tick_suggestions(now);
        self.tick_link();
        if self.export.as_ref().is_some_and(Job::is_finished)
            && let Some(job) = self.export.take()
        {
            let result = match job.finish() {
                Some(Err(crate::export::ExportError::WouldReplace { files })) => {
                    // Ask first; nothing was replaced.
                    self.status = "Export waits: files of the same names are there".into();
                    self.prompt = Some(Prompt::ExportReplace { files });
                    None
                }
                Some(r) => Some(r.map_err(|e| e.to_string())),
                None => Some(Err("the export stopped unexpectedly".to_owned())),
            };
            if let Some(result) = result {
                self.status = match &result {
                    Ok(r) => format!("Exported {} file(s)", r.files.len()),
                    Err(e) => format!("Export failed: {e}"),
                };
                self.export_result = Some(result);
            }
        }
        if now - self.last_disk_check >= 2.0 {
            self.last_disk_check = now;
            self.check_disk();
        }
        if now - self.last_autosave >= self.autosave_seconds {
            self.last_autosave = now;
            let fallback = self.untitled_path();
            if let Some(dir) = fallback.as_deref().and_then(std::path::Path::parent)
                && let Err(e) = std::fs::create_dir_all(dir)
            {
                self.status = format!("Autosave failed: cannot create {}: {e}", dir.display());
                return;
            }
            if let Err(e) = self.session.autosave(fallback.as_deref()) {
                self.status = format!("Autosave failed: {e}");
            }
        }
    }

    fn start_export(&mut self, options: crate::export::ExportOptions) {
        // The worker reads a snapshot; editing meanwhile copies the project once (on write).
        let project = self.session.snapshot();
        self.export_options = Some(options.clone());
        self.export = Some(Job::start(move |t| {
            crate::export::run(&project, &options, &mut |n, of| {
                t.report(n, of);
                !t.cancelled()
            })
        }));
        self.export_result = None;
        self.status = "Writing the dataset…".into();
    }

    /// The user confirmed replacing the export folder's files: run it again with force
    /// (every file replaced, or none).
    pub(super) fn replace_export_files(&mut self) {
        if let Some(mut options) = self.export_options.clone() {
            options.force = true;
            self.start_export(options);
        }
    }

    /// Recompute the derived view data whose inputs changed.
    fn refresh(&mut self) {
        let revision = self.session.revision();
        self.articles.refresh(self.session.project(), revision);
        self.refresh_review();
        let review_layers = match (self.mode, &self.review.setup) {
            (Mode::Review, Some(s)) => Some((s.mine.clone(), s.theirs.clone())),
            _ => None,
        };
        self.marks.refresh(marks::MarksInput {
            suggestions: self.suggest.results.as_deref(),
            suggestions_serial: self.suggest.serial,
            assist_off: &self.settings.assist_off,
            project: self.session.project(),
            revision,
            article: self.article,
            me: &self.settings.annotator,
            show_other_layers: self.settings.show_other_layers,
            hidden_layers: &self.settings.hidden_layers,
            review_layers,
        });
        self.refresh_checks();
    }

    /// Whether the user may change annotations of this layer: their own, and the
    /// adjudicated layer while reviewing.
    pub fn can_edit_layer(&self, layer: &str) -> bool {
        layer == self.settings.annotator
            || (self.mode == Mode::Review
                && self
                    .project()
                    .layer(layer)
                    .is_some_and(|l| l.role == crate::model::LayerRole::Adjudicated))
    }

    /// The annotation exists in a layer the user may not change.
    fn is_read_only(&self, id: AnnotationId) -> bool {
        self.project()
            .find_annotation(id)
            .is_some_and(|(l, _)| !self.can_edit_layer(&l.annotator))
    }

    fn scroll_to(&mut self, to: usize) {
        self.scroll_serial += 1;
        self.scroll_to = Some(ScrollRequest {
            to,
            serial: self.scroll_serial,
            at_top: false,
        });
    }

    fn scroll_to_top_of_view(&mut self, to: usize) {
        self.scroll_to(to);
        if let Some(r) = &mut self.scroll_to {
            r.at_top = true;
        }
    }

    fn error(&mut self, title: &str, message: impl std::fmt::Display) {
        self.prompt = Some(Prompt::Error {
            title: title.to_owned(),
            message: message.to_string(),
        });
    }

    /// Ask who is annotating when nobody is set; true if asked.
    fn ask_annotator_if_unknown(&mut self) -> bool {
        if self.settings.annotator.trim().is_empty() {
            if self.prompt.is_none() {
                self.prompt = Some(Prompt::Annotator);
            }
            return true;
        }
        false
    }

    fn untitled_path(&self) -> Option<PathBuf> {
        self.data_dir.as_ref().map(|d| d.join("untitled.ron"))
    }
}

#[cfg(test)]
mod tests;

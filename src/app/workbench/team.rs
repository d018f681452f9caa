//! Working as a team in the window: assigning articles (to chosen annotators, or each to
//! k of them, balanced), the "Assigned to me" filter, blind mode and progress per
//! annotator. Every change is one undoable `SetAssignments` edit.

use super::Workbench;
use crate::app::{AssignRequest, AssignScope, Edit};
use crate::model::{ArticleId, Progress, balanced};

impl Workbench {
    pub(super) fn assign(&mut self, request: AssignRequest) {
        let project = self.project();
        let articles: Vec<ArticleId> = match request.scope {
            AssignScope::CurrentArticle => self.article.into_iter().collect(),
            AssignScope::AllArticles => project.articles.iter().map(|a| a.id).collect(),
            AssignScope::Unassigned => project
                .articles
                .iter()
                .map(|a| a.id)
                .filter(|id| project.assignments.assigned(*id).is_empty())
                .collect(),
        };
        let names: Vec<String> = request
            .annotators
            .iter()
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
            .collect();
        let current = &project.assignments;
        let assigned = if names.is_empty() {
            current.clone()
        } else if request.each == 0 {
            current.with_assigned(&articles, &names, true)
        } else {
            match balanced(&articles, &names, request.each, request.seed) {
                Ok(plan) => current.with_plan(&plan),
                Err(e) => return self.error("Could not assign the articles", e),
            }
        };
        let new = assigned.with_blind(request.blind);
        if new == *current {
            self.status = "Nothing to change in the assignments".into();
            return;
        }
        let n = articles.len();
        let label = if names.is_empty() {
            format!("Blind mode {}", if request.blind { "on" } else { "off" })
        } else {
            format!("Assign {n} article(s)")
        };
        self.edit(Edit::SetAssignments(new), &label, false);
    }

    /// Open the assign dialog with the project's annotators.
    pub(super) fn ask_assign(&mut self) {
        let project = self.project();
        let mut annotators: Vec<String> = project
            .annotators
            .iter()
            .filter(|a| a.as_str() != crate::model::ADJUDICATED)
            .cloned()
            .collect();
        if annotators.is_empty() && !self.settings.annotator.is_empty() {
            annotators.push(self.settings.annotator.clone());
        }
        let blind = project.assignments.blind;
        self.prompt = Some(crate::app::Prompt::Assign { annotators, blind });
    }

    pub(super) fn only_assigned_to_me(&mut self, on: bool) {
        let me = self.settings.annotator.clone();
        self.articles
            .set_assigned_to((on && !me.is_empty()).then_some(me));
    }

    /// Look whether the project sits in a git work tree without factdesk's merge driver
    /// (the window then offers to set it up).
    pub(super) fn check_git(&mut self, path: &std::path::Path) {
        self.git_missing = crate::store::git_setup::check(path);
    }

    /// The repository's missing merge set-up, if any.
    pub fn git_missing(&self) -> Option<&crate::store::git_setup::Missing> {
        self.git_missing.as_ref()
    }

    /// `factdesk git-setup` from the window: `.gitattributes` and this clone's driver.
    pub(super) fn set_up_git(&mut self) {
        let Some(path) = self.session.path().map(std::path::Path::to_owned) else {
            return;
        };
        let program = match std::env::current_exe() {
            Ok(p) => p,
            Err(e) => return self.error("Could not set up git merging", e),
        };
        match crate::store::git_setup::setup(Some(&path), None, &program) {
            Ok(done) => {
                let steps: Vec<String> = done.steps.iter().map(ToString::to_string).collect();
                self.prompt = Some(crate::app::Prompt::Notice {
                    title: "Git merges project files with factdesk".into(),
                    message: format!("In {}:\n{}", done.root.display(), steps.join("\n")),
                });
                self.check_git(&path);
            }
            Err(e) => self.error("Could not set up git merging", e),
        }
    }

    /// Done and assigned articles per annotator, for the article list's header.
    pub fn team_progress(&self) -> Vec<Progress> {
        self.project().assignments.progress()
    }

    /// Whether blind mode is on (colleagues' layers hidden until done).
    pub fn blind(&self) -> bool {
        self.project().assignments.blind
    }
}

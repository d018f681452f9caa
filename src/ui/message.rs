//! Commands the views send during a frame; the App hands them to the workbench in order.

use crate::app::{Action, Command};

/// Collects commands during a frame.
#[derive(Debug, Default)]
pub struct Outbox(pub Vec<Command>);

impl Outbox {
    pub fn send(&mut self, command: Command) {
        self.0.push(command);
    }

    pub fn action(&mut self, action: Action) {
        self.0.push(Command::Run(action));
    }
}

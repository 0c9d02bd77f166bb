//! Driving the app without a window, for tests and the view benchmark: run the `Task`s
//! an `update` returns to completion and feed their messages back, as the runtime would.
//! Widget operations (focus, scroll) have no widgets to act on here and are dropped.

use iced::Task;
use iced::futures::StreamExt;

use super::{App, Message};

/// The messages `task` produces.
pub fn outputs<M: 'static>(task: Task<M>) -> Vec<M> {
    let Some(stream) = iced_runtime::task::into_stream(task) else {
        return Vec::new();
    };
    iced::futures::executor::block_on(
        stream
            .filter_map(|action| async move {
                match action {
                    iced_runtime::Action::Output(message) => Some(message),
                    _ => None,
                }
            })
            .collect(),
    )
}

/// Runs `task` and every task its messages lead to, until the app is idle.
///
/// # Panics
/// If the app keeps producing messages for 100 rounds (a loop in the app).
pub fn settle(app: &mut App, task: Task<Message>) {
    let mut pending = outputs(task);
    let mut rounds = 0;
    while !pending.is_empty() {
        rounds += 1;
        assert!(rounds < 100, "the app never settles");
        let mut next = Vec::new();
        for message in pending {
            next.extend(outputs(app.update(message)));
        }
        pending = next;
    }
}

/// Sends `message` to the app and settles whatever it starts.
pub fn send(app: &mut App, message: Message) {
    let task = app.update(message);
    settle(app, task);
}

//! Language server tests: the protocol in process over `Connection::memory()`
//! (snapshots of what an editor receives), robustness, config reloads, and
//! one end-to-end run in a real editor (headless Neovim).

mod config;
mod nvim;
mod protocol;
mod robust;
mod support;

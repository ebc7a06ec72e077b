//! Logic shared by the warm-up / cool-down instruction pairs (one module per
//! pair). Within a pair the two instructions check the same accounts in the
//! same order; they differ in the direction the ticket's `SlotToggle` moves,
//! the error returned when it cannot move, and, where noted, one account
//! check the original makes on one side only.

pub mod ncn_operator_toggle;
pub mod ncn_vault_slasher_ticket_toggle;
pub mod ncn_vault_ticket_toggle;
pub mod operator_ncn_toggle;
pub mod operator_vault_ticket_toggle;

/// The core `Toggle` (`jito_core::slot_toggle`), shared by both programs.
pub use jito_core::slot_toggle::Toggle;

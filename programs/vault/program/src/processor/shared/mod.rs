//! Logic shared between instructions: one operator's step of the epoch update
//! (`crank_operator`, the single and the batched crank), the Metaplex metadata
//! helpers (`token_metadata`, CreateTokenMetadata and UpdateTokenMetadata), and the warm-up /
//! cool-down instruction pairs (one module per pair). Within a pair the two instructions check the same accounts in the
//! same order; they differ in the direction the ticket's `SlotToggle` moves,
//! the error returned when it cannot move, and, where noted, one account
//! check the original makes differently on each side.

pub mod crank_operator;
pub mod token_metadata;
pub mod vault_ncn_slasher_ticket_toggle;
pub mod vault_ncn_ticket_toggle;

/// The core `Toggle` (`jito_core::slot_toggle`), shared by both programs.
pub use jito_core::slot_toggle::Toggle;

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

use jito_core::slot_toggle::SlotToggle;
use jito_vault_interface::error::VaultError;
use pinocchio::{hint::unlikely, ProgramResult};

/// The direction of a warm-up / cool-down instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Toggle {
    /// Only an inactive toggle starts warming up.
    Warmup,
    /// Only an active toggle starts cooling down.
    Cooldown,
}

impl Toggle {
    /// Moves `state` in this direction at `slot`; `failed` when it is not in
    /// the state this direction starts from.
    #[inline(always)]
    pub fn apply(
        self,
        state: &mut SlotToggle,
        slot: u64,
        epoch_length: u64,
        failed: VaultError,
    ) -> ProgramResult {
        let moved = match self {
            Toggle::Warmup => state.activate(slot, epoch_length)?,
            Toggle::Cooldown => state.deactivate(slot, epoch_length)?,
        };
        if unlikely(!moved) {
            return Err(failed.into());
        }
        Ok(())
    }
}

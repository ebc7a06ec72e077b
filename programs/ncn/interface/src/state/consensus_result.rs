//! The consensus result of an epoch (PDA `["consensus-result", ncn, epoch_le]`): the winning
//! weather status and its vote weight, kept after the epoch's other accounts are closed.

use jito_core::{
    account::{check_account, AccountType},
    unlikely,
};
use pinocchio::Address as Pubkey;
use pinocchio::{address::address_eq, error::ProgramError, AccountView, Address, ProgramResult};
use shank::ShankAccount;

use super::{discriminator, le_fields};

/// PDA seed prefix: `["consensus-result", ncn, epoch (u64 LE)]` (with a hyphen).
pub const SEED: &[u8] = b"consensus-result";

/// The consensus result (discriminator 0x21, 74 bytes with header).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankAccount)]
pub struct ConsensusResult {
    pub ncn: Pubkey,
    #[idl_type("u64")]
    epoch: [u8; 8],
    #[idl_type("u64")]
    vote_weight: [u8; 8],
    #[idl_type("u64")]
    total_vote_weight: [u8; 8],
    #[idl_type("u64")]
    consensus_slot: [u8; 8],
    pub bump: u8,
    pub weather_status: u8,
}

// SAFETY: `#[repr(C)]`, only byte fields (alignment 1), valid for every bit pattern.
unsafe impl AccountType for ConsensusResult {
    const DISCRIMINATOR: u8 = discriminator::CONSENSUS_RESULT;
}

impl ConsensusResult {
    pub const SEED: &'static [u8] = SEED;

    /// Seeds of the PDA (without bump); `epoch` is the epoch's little-endian bytes.
    #[inline(always)]
    pub fn seeds<'a>(ncn: &'a Address, epoch: &'a [u8; 8]) -> [&'a [u8]; 3] {
        [SEED, ncn.as_ref(), epoch]
    }

    le_fields! {
        epoch, set_epoch: u64;
        vote_weight, set_vote_weight: u64;
        total_vote_weight, set_total_vote_weight: u64;
        consensus_slot, set_consensus_slot: u64;
    }

    /// The template's `record_consensus`: the first time (no consensus slot yet) the
    /// weather status, vote weight, total and slot; afterwards only the vote weight.
    pub fn record_consensus(
        &mut self,
        weather_status: u8,
        vote_weight: u64,
        total_vote_weight: u64,
        slot: u64,
    ) {
        if self.consensus_slot() == 0 {
            self.weather_status = weather_status;
            self.set_total_vote_weight(total_vote_weight);
            self.set_consensus_slot(slot);
        }
        self.set_vote_weight(vote_weight);
    }

    /// The template's `ConsensusResult::load`: owner (`InvalidAccountOwner`), then type, size,
    /// writable and the PDA of `ncn` and `epoch` (`InvalidAccountData`).
    #[inline(never)]
    pub fn load(
        program_id: &Address,
        account: &AccountView,
        ncn: &Address,
        epoch: u64,
        expect_writable: bool,
    ) -> ProgramResult {
        check_account::<Self>(program_id, account, expect_writable)?;
        // SAFETY: checked above: owned by this program, of this type and size; only read.
        let result = Self::from_bytes(unsafe { account.borrow_unchecked() })?;
        if unlikely(!address_eq(&result.ncn, ncn) || result.epoch() != epoch) {
            return Err(ProgramError::InvalidAccountData);
        }
        Ok(())
    }

    /// The template's `initialize` on a zeroed account: the NCN, epoch and bump; no result.
    pub fn initialize(&mut self, ncn: &Address, epoch: u64, bump: u8) {
        self.ncn = *ncn;
        self.set_epoch(epoch);
        self.bump = bump;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::layout::assert_packed;

    #[test]
    fn layout_matches_the_template() {
        // ncn + four PodU64 + bump + weather_status.
        assert_packed::<ConsensusResult>(66);
        assert_eq!(ConsensusResult::LEN, 74);
        assert_eq!(core::mem::offset_of!(ConsensusResult, bump), 64);
        assert_eq!(core::mem::offset_of!(ConsensusResult, weather_status), 65);
    }
}

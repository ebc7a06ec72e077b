//! The ballot box of an epoch (PDA `["ballot_box", ncn, epoch_le]`): every operator's vote and
//! the stake-weighted tally of each distinct ballot.
//!
//! 22,099 bytes: created at 10,240 bytes, grown by `ReallocBallotBox`.

use jito_core::{
    account::{check_account, AccountType},
    unlikely,
};
use pinocchio::{address::address_eq, error::ProgramError, AccountView, Address, ProgramResult};

use super::{discriminator, le_fields, pod_bool, StakeWeights};
use crate::constants::{DEFAULT_CONSENSUS_REACHED_SLOT, MAX_OPERATORS};

/// PDA seed prefix: `["ballot_box", ncn, epoch (u64 LE)]`.
pub const SEED: &[u8] = b"ballot_box";

/// What operators vote on in the template (template `WeatherStatus`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum WeatherStatus {
    Sunny = 0,
    Cloudy = 1,
    Rainy = 2,
}

/// A ballot (template `Ballot`, 2 bytes).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ballot {
    pub weather_status: u8,
    is_valid: u8,
}

impl Ballot {
    /// The template's default ballot: weather 0, not valid.
    pub const EMPTY: Self = Self {
        weather_status: 0,
        is_valid: 0,
    };

    /// The template's `Ballot::new`: valid only for a `WeatherStatus` (0–2).
    pub const fn new(weather_status: u8) -> Self {
        Self {
            weather_status,
            is_valid: (weather_status <= WeatherStatus::Rainy as u8) as u8,
        }
    }

    #[inline(always)]
    pub fn is_valid(&self) -> bool {
        pod_bool(self.is_valid)
    }
}

/// The tally of one ballot (template `BallotTally`, 28 bytes).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BallotTally {
    index: [u8; 2],
    pub ballot: Ballot,
    pub stake_weights: StakeWeights,
    tally: [u8; 8],
}

impl BallotTally {
    /// The template's default tally: index `u16::MAX`, nothing counted.
    pub const EMPTY: Self = Self {
        index: u16::MAX.to_le_bytes(),
        ballot: Ballot::EMPTY,
        stake_weights: StakeWeights::new(0),
        tally: [0; 8],
    };

    le_fields! {
        index, set_index: u16;
        tally, set_tally: u64;
    }
}

/// One operator's vote (template `OperatorVote`, 58 bytes).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OperatorVote {
    pub operator: Address,
    slot_voted: [u8; 8],
    pub stake_weights: StakeWeights,
    ballot_index: [u8; 2],
}

impl OperatorVote {
    /// The template's default vote: no operator, ballot index `u16::MAX`.
    pub const EMPTY: Self = Self {
        operator: Address::new_from_array([0; 32]),
        slot_voted: [0; 8],
        stake_weights: StakeWeights::new(0),
        ballot_index: u16::MAX.to_le_bytes(),
    };

    le_fields! {
        slot_voted, set_slot_voted: u64;
        ballot_index, set_ballot_index: u16;
    }
}

/// The ballot box (discriminator 0x20, 22,099 bytes with header).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BallotBox {
    pub ncn: Address,
    epoch: [u8; 8],
    pub bump: u8,
    slot_created: [u8; 8],
    slot_consensus_reached: [u8; 8],
    operators_voted: [u8; 8],
    unique_ballots: [u8; 8],
    pub winning_ballot: Ballot,
    pub operator_votes: [OperatorVote; MAX_OPERATORS],
    pub ballot_tallies: [BallotTally; MAX_OPERATORS],
}

// SAFETY: `#[repr(C)]`, only byte fields (alignment 1), valid for every bit pattern.
unsafe impl AccountType for BallotBox {
    const DISCRIMINATOR: u8 = discriminator::BALLOT_BOX;
}

impl BallotBox {
    pub const SEED: &'static [u8] = SEED;

    /// Seeds of the PDA (without bump); `epoch` is the epoch's little-endian bytes.
    #[inline(always)]
    pub fn seeds<'a>(ncn: &'a Address, epoch: &'a [u8; 8]) -> [&'a [u8]; 3] {
        [SEED, ncn.as_ref(), epoch]
    }

    le_fields! {
        epoch, set_epoch: u64;
        slot_created, set_slot_created: u64;
        slot_consensus_reached, set_slot_consensus_reached: u64;
        operators_voted, set_operators_voted: u64;
        unique_ballots, set_unique_ballots: u64;
    }

    /// The template's `initialize`: no votes, no consensus, every vote and tally the default
    /// entry (written entry by entry: an array literal would be built on the SBF stack).
    pub fn initialize(&mut self, ncn: &Address, epoch: u64, bump: u8, slot: u64) {
        self.ncn = *ncn;
        self.set_epoch(epoch);
        self.bump = bump;
        self.set_slot_created(slot);
        self.set_slot_consensus_reached(DEFAULT_CONSENSUS_REACHED_SLOT);
        self.set_operators_voted(0);
        self.set_unique_ballots(0);
        self.winning_ballot = Ballot::EMPTY;
        for vote in self.operator_votes.iter_mut() {
            *vote = OperatorVote::EMPTY;
        }
        for tally in self.ballot_tallies.iter_mut() {
            *tally = BallotTally::EMPTY;
        }
    }

    /// The template's `BallotBox::load`: owner (`InvalidAccountOwner`), then type, size,
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
        let ballot_box = Self::from_bytes(unsafe { account.borrow_unchecked() })?;
        if unlikely(!address_eq(&ballot_box.ncn, ncn) || ballot_box.epoch() != epoch) {
            return Err(ProgramError::InvalidAccountData);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use core::mem::offset_of;

    use super::*;
    use crate::state::layout::assert_packed;

    #[test]
    fn layout_matches_the_template() {
        // u8 + PodBool.
        assert_packed::<Ballot>(2);
        // PodU16 + Ballot + StakeWeights + PodU64 = 2 + 2 + 16 + 8.
        assert_packed::<BallotTally>(28);
        // Pubkey + PodU64 + StakeWeights + PodU16 = 32 + 8 + 16 + 2.
        assert_packed::<OperatorVote>(58);
        // ncn 32, epoch 8, bump 1, four PodU64 32, Ballot 2 = 75; 256 x 58 = 14,848;
        // 256 x 28 = 7,168.
        assert_eq!(offset_of!(BallotBox, winning_ballot), 73);
        assert_eq!(offset_of!(BallotBox, operator_votes), 75);
        assert_eq!(offset_of!(BallotBox, ballot_tallies), 75 + 14_848);
        assert_packed::<BallotBox>(22_091);
        assert_eq!(BallotBox::LEN, 22_099);
        // Two realloc steps after creation.
        assert_eq!(
            crate::constants::realloc_step(10_240, BallotBox::LEN),
            Some(20_480)
        );
        assert_eq!(
            crate::constants::realloc_step(20_480, BallotBox::LEN),
            Some(22_099)
        );
    }
}

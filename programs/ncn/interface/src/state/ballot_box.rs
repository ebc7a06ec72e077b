//! The ballot box of an epoch (PDA `["ballot_box", ncn, epoch_le]`): every operator's vote and
//! the stake-weighted tally of each distinct ballot.
//!
//! 22,099 bytes: created at 10,240 bytes, grown by `ReallocBallotBox`.

use jito_core::{
    account::{check_account, AccountType},
    unlikely,
};
use pinocchio::Address as Pubkey;
use pinocchio::{address::address_eq, error::ProgramError, AccountView, Address, ProgramResult};
use shank::{ShankAccount, ShankType};

use super::{discriminator, fill_from_first, le_fields, mul_u64, pod_bool, StakeWeights};
use crate::{
    constants::{DEFAULT_CONSENSUS_REACHED_SLOT, MAX_OPERATORS},
    error::NcnProgramError,
};

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
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankType)]
pub struct Ballot {
    pub weather_status: u8,
    #[idl_type("bool")]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankType)]
pub struct BallotTally {
    #[idl_type("u16")]
    index: [u8; 2],
    pub ballot: Ballot,
    pub stake_weights: StakeWeights,
    #[idl_type("u64")]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankType)]
pub struct OperatorVote {
    pub operator: Pubkey,
    #[idl_type("u64")]
    slot_voted: [u8; 8],
    pub stake_weights: StakeWeights,
    #[idl_type("u16")]
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
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankAccount)]
pub struct BallotBox {
    pub ncn: Pubkey,
    #[idl_type("u64")]
    epoch: [u8; 8],
    pub bump: u8,
    #[idl_type("u64")]
    slot_created: [u8; 8],
    #[idl_type("u64")]
    slot_consensus_reached: [u8; 8],
    #[idl_type("u64")]
    operators_voted: [u8; 8],
    #[idl_type("u64")]
    unique_ballots: [u8; 8],
    pub winning_ballot: Ballot,
    pub operator_votes: [OperatorVote; 256],
    pub ballot_tallies: [BallotTally; 256],
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
    /// entry (written by doubling copies, [`fill_from_first`]: an array literal would be built
    /// on the SBF stack, a loop writes 512 entries one by one).
    pub fn initialize(&mut self, ncn: &Address, epoch: u64, bump: u8, slot: u64) {
        self.ncn = *ncn;
        self.set_epoch(epoch);
        self.bump = bump;
        self.set_slot_created(slot);
        self.set_slot_consensus_reached(DEFAULT_CONSENSUS_REACHED_SLOT);
        self.set_operators_voted(0);
        self.set_unique_ballots(0);
        self.winning_ballot = Ballot::EMPTY;
        fill_from_first(&mut self.operator_votes, OperatorVote::EMPTY);
        fill_from_first(&mut self.ballot_tallies, BallotTally::EMPTY);
    }

    /// Consensus reached by vote (a slot) or settled by the tie breaker (a valid winner).
    pub fn is_consensus_reached(&self) -> bool {
        self.slot_consensus_reached() != DEFAULT_CONSENSUS_REACHED_SLOT
            || self.winning_ballot.is_valid()
    }

    /// The winner was set by the tie breaker (no consensus slot).
    pub fn tie_breaker_set(&self) -> bool {
        self.slot_consensus_reached() == DEFAULT_CONSENSUS_REACHED_SLOT
            && self.winning_ballot.is_valid()
    }

    /// The template's `is_voting_valid`: not after a tie break, and after consensus only up
    /// to `valid_slots_after_consensus` slots later.
    pub fn is_voting_valid(
        &self,
        slot: u64,
        valid_slots_after_consensus: u64,
    ) -> Result<bool, NcnProgramError> {
        if self.tie_breaker_set() {
            return Ok(false);
        }
        if self.is_consensus_reached() {
            let last = self
                .slot_consensus_reached()
                .checked_add(valid_slots_after_consensus)
                .ok_or(NcnProgramError::ArithmeticOverflow)?;
            return Ok(slot <= last);
        }
        Ok(true)
    }

    /// The template's `cast_vote`: `VotingNotValid`, `BadBallot`, `OperatorAlreadyVoted`,
    /// then the ballot's tally grows (or a new tally starts, `BallotTallyFull` if none is
    /// free) and the vote takes the first free entry (`OperatorVotesFull`, checked before
    /// anything is written).
    #[inline(never)]
    pub fn cast_vote(
        &mut self,
        operator: &Address,
        ballot: &Ballot,
        stake_weights: &StakeWeights,
        slot: u64,
        valid_slots_after_consensus: u64,
    ) -> Result<(), NcnProgramError> {
        if unlikely(!self.is_voting_valid(slot, valid_slots_after_consensus)?) {
            return Err(NcnProgramError::VotingNotValid);
        }
        if unlikely(!ballot.is_valid()) {
            return Err(NcnProgramError::BadBallot);
        }
        // Votes and tallies fill their arrays from the front and are never removed, so only the
        // first `operators_voted` votes and `unique_ballots` tallies hold anything: the
        // template's scans of all 256 entries give the same answers.
        let (voted_len, unique_len) = self.used_lengths();
        if unlikely(
            self.operator_votes[..voted_len]
                .iter()
                .any(|v| address_eq(&v.operator, operator)),
        ) {
            return Err(NcnProgramError::OperatorAlreadyVoted);
        }
        let existing = self.ballot_tallies[..unique_len]
            .iter()
            .position(|t| t.ballot.is_valid() && t.ballot == *ballot);
        let tally_index = match existing {
            Some(index) => index,
            None if unique_len < MAX_OPERATORS => unique_len,
            None => return Err(NcnProgramError::BallotTallyFull),
        };
        if unlikely(voted_len >= MAX_OPERATORS) {
            return Err(NcnProgramError::OperatorVotesFull);
        }
        let vote_index = voted_len;
        let voted = self
            .operators_voted()
            .checked_add(1)
            .ok_or(NcnProgramError::ArithmeticOverflow)?;

        let unique = if existing.is_some() {
            self.unique_ballots()
        } else {
            self.unique_ballots()
                .checked_add(1)
                .ok_or(NcnProgramError::ArithmeticOverflow)?
        };
        let tally = &mut self.ballot_tallies[tally_index];
        if existing.is_some() {
            let mut weights = tally.stake_weights;
            weights.increment(stake_weights)?;
            let count = tally
                .tally()
                .checked_add(1)
                .ok_or(NcnProgramError::ArithmeticOverflow)?;
            tally.stake_weights = weights;
            tally.set_tally(count);
        } else {
            *tally = BallotTally {
                index: (tally_index as u16).to_le_bytes(),
                ballot: *ballot,
                stake_weights: *stake_weights,
                tally: 1u64.to_le_bytes(),
            };
        }
        self.set_unique_ballots(unique);
        self.operator_votes[vote_index] = OperatorVote {
            operator: *operator,
            slot_voted: slot.to_le_bytes(),
            stake_weights: *stake_weights,
            ballot_index: (tally_index as u16).to_le_bytes(),
        };
        self.set_operators_voted(voted);
        Ok(())
    }

    /// The template's `tally_votes`: before consensus, the heaviest tally (the last of equal
    /// ones, as `max_by_key`) wins once it holds at least 2/3 of `total_stake_weight`, compared
    /// exactly as the template's `PreciseNumber` does (see [`reaches_consensus`]).
    #[inline(never)]
    pub fn tally_votes(
        &mut self,
        total_stake_weight: u128,
        slot: u64,
    ) -> Result<(), NcnProgramError> {
        if self.slot_consensus_reached() != DEFAULT_CONSENSUS_REACHED_SLOT {
            return Ok(());
        }
        // Only the used tallies can hold weight (see `cast_vote`); with none, the template's
        // maximum is an empty tally of weight 0, which never reaches consensus.
        let (_, unique_len) = self.used_lengths();
        let Some((first, rest)) = self.ballot_tallies[..unique_len].split_first() else {
            return if total_stake_weight == 0 {
                Err(NcnProgramError::DenominatorIsZero)
            } else {
                Ok(())
            };
        };
        let mut max = first;
        for tally in rest {
            if tally.stake_weights.stake_weight() >= max.stake_weights.stake_weight() {
                max = tally;
            }
        }
        if unlikely(total_stake_weight == 0) {
            return Err(NcnProgramError::DenominatorIsZero);
        }
        let winner = max.ballot;
        if reaches_consensus(max.stake_weights.stake_weight(), total_stake_weight)
            && !self.winning_ballot.is_valid()
        {
            self.set_slot_consensus_reached(slot);
            self.winning_ballot = winner;
        }
        Ok(())
    }

    /// The tally of the winning ballot (`ConsensusNotReached`, `BallotTallyNotFoundFull`).
    pub fn winning_ballot_tally(&self) -> Result<&BallotTally, NcnProgramError> {
        if unlikely(!self.winning_ballot.is_valid()) {
            return Err(NcnProgramError::ConsensusNotReached);
        }
        let (_, unique_len) = self.used_lengths();
        self.ballot_tallies[..unique_len]
            .iter()
            .find(|t| t.ballot == self.winning_ballot)
            .ok_or(NcnProgramError::BallotTallyNotFoundFull)
    }

    /// `(operators_voted, unique_ballots)`, each at most 256: how many votes and tallies are
    /// in use.
    #[inline(always)]
    fn used_lengths(&self) -> (usize, usize) {
        (
            self.operators_voted().min(MAX_OPERATORS as u64) as usize,
            self.unique_ballots().min(MAX_OPERATORS as u64) as usize,
        )
    }

    /// The template's `set_tie_breaker_ballot`: `ConsensusAlreadyReached`, then only from
    /// `epoch + epochs_before_stall` on (`VotingNotFinalized`), a valid status (`BadBallot`)
    /// that some operator voted for (`TieBreakerNotInPriorVotes`).
    pub fn set_tie_breaker_ballot(
        &mut self,
        weather_status: u8,
        current_epoch: u64,
        epochs_before_stall: u64,
    ) -> Result<(), NcnProgramError> {
        if unlikely(self.is_consensus_reached()) {
            return Err(NcnProgramError::ConsensusAlreadyReached);
        }
        let stall_epoch = self
            .epoch()
            .checked_add(epochs_before_stall)
            .ok_or(NcnProgramError::ArithmeticOverflow)?;
        if unlikely(current_epoch < stall_epoch) {
            return Err(NcnProgramError::VotingNotFinalized);
        }
        if unlikely(weather_status > WeatherStatus::Rainy as u8) {
            return Err(NcnProgramError::BadBallot);
        }
        let ballot = Ballot::new(weather_status);
        let (_, unique_len) = self.used_lengths();
        if unlikely(
            !self.ballot_tallies[..unique_len]
                .iter()
                .any(|t| t.ballot == ballot),
        ) {
            return Err(NcnProgramError::TieBreakerNotInPriorVotes);
        }
        self.winning_ballot = ballot;
        Ok(())
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

/// `ballot / total >= 2/3` as the template decides it with `PreciseNumber` (fixed point,
/// ONE = 10^12, half-up rounding on division): `floor((b·10^24 + 5·10^11) / (t·10^12)) >=
/// 666,666,666,666`, i.e. `b·10^13 + 5 >= 6,666,666,666,660·t`, compared in 192 bits.
pub fn reaches_consensus(ballot_stake_weight: u128, total_stake_weight: u128) -> bool {
    let (hi, lo) = mul_wide(ballot_stake_weight, 10_000_000_000_000);
    let (lo, carry) = lo.overflowing_add(5);
    let left = (hi + carry as u128, lo);
    let right = mul_wide(total_stake_weight, 6_666_666_666_660);
    left >= right
}

/// `a × b` as (high, low) 128-bit halves.
fn mul_wide(a: u128, b: u64) -> (u128, u128) {
    // Each half times `b` in 64-bit pieces (`mul_u64`), not with `__multi3`.
    let low = mul_u64(a as u64, b);
    let mid = mul_u64((a >> 64) as u64, b);
    let (lo, carry) = low.overflowing_add(mid << 64);
    ((mid >> 64) + carry as u128, lo)
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

    #[test]
    fn consensus_is_two_thirds_as_the_template_rounds_it() {
        assert!(reaches_consensus(2, 3));
        assert!(!reaches_consensus(1, 2));
        assert!(reaches_consensus(3, 3));
        // 666,666,666,666 / 10^12 of the total: exactly the template's 2/3 constant.
        assert!(reaches_consensus(666_666_666_666, 1_000_000_000_000));
        assert!(!reaches_consensus(666_666_666_665, 1_000_000_000_000));
        // The quotient is floored to 12 decimals before the comparison.
        assert!(reaches_consensus(
            666_666_666_666_499_999,
            1_000_000_000_000_000_000
        ));
        assert!(!reaches_consensus(
            666_666_666_665_999_999,
            1_000_000_000_000_000_000
        ));
        assert!(reaches_consensus(u128::MAX, u128::MAX));
        assert!(!reaches_consensus(u128::MAX / 2, u128::MAX));
        assert_eq!(mul_wide(u128::MAX, 2), (1, u128::MAX - 1));
    }

    #[test]
    fn votes_tally_and_reach_consensus() {
        // SAFETY: every field is a byte array; all zero is valid.
        let mut b: BallotBox = unsafe { core::mem::zeroed() };
        b.initialize(&Address::new_from_array([1; 32]), 10, 3, 100);
        let op = |i: u8| Address::new_from_array([i; 32]);
        b.cast_vote(&op(1), &Ballot::new(1), &StakeWeights::new(30), 200, 1000)
            .unwrap();
        b.tally_votes(100, 200).unwrap();
        assert!(!b.is_consensus_reached());
        assert_eq!(
            b.cast_vote(&op(1), &Ballot::new(1), &StakeWeights::new(1), 201, 1000),
            Err(NcnProgramError::OperatorAlreadyVoted)
        );
        assert_eq!(
            b.cast_vote(&op(2), &Ballot::new(3), &StakeWeights::new(1), 201, 1000),
            Err(NcnProgramError::BadBallot)
        );
        b.cast_vote(&op(2), &Ballot::new(2), &StakeWeights::new(10), 202, 1000)
            .unwrap();
        b.cast_vote(&op(3), &Ballot::new(1), &StakeWeights::new(40), 203, 1000)
            .unwrap();
        b.tally_votes(100, 203).unwrap();
        assert!(b.is_consensus_reached());
        assert_eq!(
            (b.slot_consensus_reached(), b.winning_ballot),
            (203, Ballot::new(1))
        );
        let t = b.winning_ballot_tally().unwrap();
        assert_eq!(
            (t.index(), t.tally(), t.stake_weights.stake_weight()),
            (0, 2, 70)
        );
        assert_eq!((b.operators_voted(), b.unique_ballots()), (3, 2));
        assert_eq!(b.operator_votes[1].ballot_index(), 1);
        // Late votes count up to valid_slots_after_consensus slots after consensus.
        b.cast_vote(&op(4), &Ballot::new(2), &StakeWeights::new(5), 1203, 1000)
            .unwrap();
        assert_eq!(
            b.cast_vote(&op(5), &Ballot::new(2), &StakeWeights::new(5), 1204, 1000),
            Err(NcnProgramError::VotingNotValid)
        );
        assert_eq!(
            b.set_tie_breaker_ballot(2, 99, 1),
            Err(NcnProgramError::ConsensusAlreadyReached)
        );
    }

    #[test]
    fn tie_breaker_rules() {
        // SAFETY: every field is a byte array; all zero is valid.
        let mut b: BallotBox = unsafe { core::mem::zeroed() };
        b.initialize(&Address::new_from_array([1; 32]), 10, 3, 100);
        b.cast_vote(
            &Address::new_from_array([2; 32]),
            &Ballot::new(0),
            &StakeWeights::new(1),
            200,
            1000,
        )
        .unwrap();
        assert_eq!(
            b.set_tie_breaker_ballot(0, 12, 3),
            Err(NcnProgramError::VotingNotFinalized)
        );
        assert_eq!(
            b.set_tie_breaker_ballot(3, 13, 3),
            Err(NcnProgramError::BadBallot)
        );
        assert_eq!(
            b.set_tie_breaker_ballot(1, 13, 3),
            Err(NcnProgramError::TieBreakerNotInPriorVotes)
        );
        b.set_tie_breaker_ballot(0, 13, 3).unwrap();
        assert!(b.is_consensus_reached() && b.tie_breaker_set());
        assert_eq!(b.is_voting_valid(201, 1000), Ok(false));
    }
}

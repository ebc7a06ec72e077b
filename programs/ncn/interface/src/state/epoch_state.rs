//! The state of an epoch (PDA `["epoch_state", ncn, epoch_le]`): which of the epoch's accounts
//! exist, how far each phase has progressed, consensus and closing.

use jito_core::{
    account::{check_account, AccountType},
    unlikely,
};
use pinocchio::Address as Pubkey;
use pinocchio::{address::address_eq, error::ProgramError, AccountView, Address, ProgramResult};
use shank::{ShankAccount, ShankType};

use super::{discriminator, le_fields, pod_bool};
use crate::{constants::DEFAULT_CONSENSUS_REACHED_SLOT, error::NcnProgramError};

/// PDA seed prefix: `["epoch_state", ncn, epoch (u64 LE)]`.
pub const SEED: &[u8] = b"epoch_state";

/// The status byte of each epoch account (template `AccountStatus`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum AccountStatus {
    DNE = 0,
    Created = 1,
    CreatedWithReceiver = 2,
    Closed = 3,
}

impl AccountStatus {
    /// The status of `byte` (`None` for a value the template never writes).
    pub const fn from_u8(byte: u8) -> Option<Self> {
        match byte {
            0 => Some(Self::DNE),
            1 => Some(Self::Created),
            2 => Some(Self::CreatedWithReceiver),
            3 => Some(Self::Closed),
            _ => None,
        }
    }
}

/// Status of every epoch account (template `EpochAccountStatus`, 517 bytes).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankType)]
pub struct EpochAccountStatus {
    pub epoch_state: u8,
    pub weight_table: u8,
    pub epoch_snapshot: u8,
    pub operator_snapshot: [u8; 256],
    pub ballot_box: u8,
    pub ncn_reward_router: u8,
    pub operator_vault_reward_router: [u8; 256],
}

impl EpochAccountStatus {
    /// The template's `are_all_closed`: the weight table, epoch snapshot, ballot box and NCN
    /// reward router closed, every operator snapshot and operator vault reward router closed
    /// or never created.
    pub fn are_all_closed(&self) -> bool {
        let closed = AccountStatus::Closed as u8;
        let gone = |s: &u8| *s == closed || *s == AccountStatus::DNE as u8;
        self.weight_table == closed
            && self.epoch_snapshot == closed
            && self.operator_snapshot.iter().all(gone)
            && self.ballot_box == closed
            && self.ncn_reward_router == closed
            && self.operator_vault_reward_router.iter().all(gone)
    }
}

/// A tally towards a total (template `Progress`, 16 bytes).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankType)]
pub struct Progress {
    #[idl_type("u64")]
    tally: [u8; 8],
    #[idl_type("u64")]
    total: [u8; 8],
}

impl Progress {
    /// No tally yet towards `total`.
    pub const fn new(total: u64) -> Self {
        Self {
            tally: [0; 8],
            total: total.to_le_bytes(),
        }
    }

    le_fields! {
        tally, set_tally: u64;
        total, set_total: u64;
    }

    /// `tally + 1` (`ArithmeticOverflow`).
    pub fn increment_one(&mut self) -> Result<(), NcnProgramError> {
        self.increment(1)
    }

    /// `tally + amount` (`ArithmeticOverflow`, tally unchanged).
    pub fn increment(&mut self, amount: u64) -> Result<(), NcnProgramError> {
        let tally = self
            .tally()
            .checked_add(amount)
            .ok_or(NcnProgramError::ArithmeticOverflow)?;
        self.set_tally(tally);
        Ok(())
    }
}

/// The epoch state (discriminator 0x50, 8,904 bytes with header; created in one step).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankAccount)]
pub struct EpochState {
    pub ncn: Pubkey,
    #[idl_type("u64")]
    epoch: [u8; 8],
    pub bump: u8,
    #[idl_type("u64")]
    slot_created: [u8; 8],
    #[idl_type("bool")]
    was_tie_breaker_set: u8,
    #[idl_type("u64")]
    slot_consensus_reached: [u8; 8],
    #[idl_type("u64")]
    operator_count: [u8; 8],
    #[idl_type("u64")]
    vault_count: [u8; 8],
    pub account_status: EpochAccountStatus,
    pub set_weight_progress: Progress,
    pub epoch_snapshot_progress: Progress,
    pub operator_snapshot_progress: [Progress; 256],
    pub voting_progress: Progress,
    pub total_distribution_progress: Progress,
    pub ncn_distribution_progress: Progress,
    pub protocol_distribution_progress: Progress,
    pub operator_vault_distribution_progress: Progress,
    pub operator_vault_routes_distribution_progress: [Progress; 256],
    #[idl_type("bool")]
    is_closing: u8,
}

// SAFETY: `#[repr(C)]`, only byte fields (alignment 1), valid for every bit pattern.
unsafe impl AccountType for EpochState {
    const DISCRIMINATOR: u8 = discriminator::EPOCH_STATE;
}

impl EpochState {
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
        operator_count, set_operator_count: u64;
        vault_count, set_vault_count: u64;
    }

    #[inline(always)]
    pub fn was_tie_breaker_set(&self) -> bool {
        pod_bool(self.was_tie_breaker_set)
    }

    #[inline(always)]
    pub fn is_closing(&self) -> bool {
        pod_bool(self.is_closing)
    }

    /// The template's `initialize` on a zeroed account (`InitializeEpochState`): NCN, epoch,
    /// bump, creation slot, no consensus yet; every other field stays zero. Then the template's
    /// `update_realloc_epoch_state`: the epoch state's own status is `Created`.
    pub fn initialize(&mut self, ncn: &Address, epoch: u64, bump: u8, slot_created: u64) {
        self.ncn = *ncn;
        self.bump = bump;
        self.set_epoch(epoch);
        self.set_slot_created(slot_created);
        self.set_slot_consensus_reached(DEFAULT_CONSENSUS_REACHED_SLOT);
        self.account_status.epoch_state = AccountStatus::Created as u8;
    }

    /// The template's `update_realloc_weight_table`.
    pub fn update_realloc_weight_table(&mut self, vault_count: u64, st_mint_count: u64) {
        self.account_status.weight_table = AccountStatus::Created as u8;
        self.set_vault_count(vault_count);
        self.set_weight_progress = Progress::new(st_mint_count);
    }

    /// The template's `update_set_weight`.
    pub fn update_set_weight(&mut self, weights_set: u64, st_mint_count: u64) {
        self.set_weight_progress.set_tally(weights_set);
        self.set_weight_progress.set_total(st_mint_count);
    }

    /// The template's `update_initialize_epoch_snapshot`.
    pub fn update_initialize_epoch_snapshot(&mut self, operator_count: u64) {
        self.account_status.epoch_snapshot = AccountStatus::Created as u8;
        self.set_operator_count(operator_count);
        self.epoch_snapshot_progress = Progress::new(operator_count);
    }

    /// The template's `update_realloc_operator_snapshot`: the operator's snapshot `Created`;
    /// an active operator has one delegation per vault to snapshot, an inactive one is done
    /// (and counts towards the epoch snapshot). `ncn_operator_index` must be below 256 (the
    /// template indexes out of bounds and panics; here `InvalidAccountData`).
    pub fn update_realloc_operator_snapshot(
        &mut self,
        ncn_operator_index: usize,
        is_active: bool,
    ) -> Result<(), ProgramError> {
        let vault_count = self.vault_count();
        let (Some(status), Some(progress)) = (
            self.account_status
                .operator_snapshot
                .get_mut(ncn_operator_index),
            self.operator_snapshot_progress.get_mut(ncn_operator_index),
        ) else {
            return Err(ProgramError::InvalidAccountData);
        };
        *status = AccountStatus::Created as u8;
        if is_active {
            *progress = Progress::new(vault_count);
        } else {
            *progress = Progress::new(1);
            progress.increment_one()?;
            self.epoch_snapshot_progress.increment_one()?;
        }
        Ok(())
    }

    /// The template's `update_snapshot_vault_operator_delegation`: one more delegation of the
    /// operator done, and the operator done when its snapshot is `finalized`.
    pub fn update_snapshot_vault_operator_delegation(
        &mut self,
        ncn_operator_index: usize,
        finalized: bool,
    ) -> Result<(), ProgramError> {
        self.operator_snapshot_progress
            .get_mut(ncn_operator_index)
            .ok_or(ProgramError::InvalidAccountData)?
            .increment_one()?;
        if finalized {
            self.epoch_snapshot_progress.increment_one()?;
        }
        Ok(())
    }

    /// The template's `update_realloc_ballot_box`: the ballot box `Created`, voting progress
    /// `(0, operator_count)`.
    pub fn update_realloc_ballot_box(&mut self) {
        self.account_status.ballot_box = AccountStatus::Created as u8;
        self.voting_progress = Progress::new(self.operator_count());
    }

    /// Consensus recorded (by vote or tie breaker).
    pub fn is_consensus_reached(&self) -> bool {
        self.slot_consensus_reached() != DEFAULT_CONSENSUS_REACHED_SLOT
    }

    /// The template's `update_cast_vote`: the consensus slot the first time, and the number
    /// of operators that voted.
    pub fn update_cast_vote(&mut self, operators_voted: u64, consensus_reached: bool, slot: u64) {
        if consensus_reached && !self.is_consensus_reached() {
            self.set_slot_consensus_reached(slot);
        }
        self.voting_progress.set_tally(operators_voted);
    }

    /// The template's `update_set_tie_breaker`: the consensus slot and the tie-breaker flag,
    /// the first time.
    pub fn update_set_tie_breaker(&mut self, consensus_reached: bool, slot: u64) {
        if consensus_reached && !self.is_consensus_reached() {
            self.set_slot_consensus_reached(slot);
            self.was_tie_breaker_set = 1;
        }
    }

    /// The template's `update_realloc_ncn_reward_router`: the router `CreatedWithReceiver`,
    /// the NCN, protocol and operator-vault distribution progress `(0, 0)`.
    pub fn update_realloc_ncn_reward_router(&mut self) {
        self.account_status.ncn_reward_router = AccountStatus::CreatedWithReceiver as u8;
        self.ncn_distribution_progress = Progress::new(0);
        self.protocol_distribution_progress = Progress::new(0);
        self.operator_vault_distribution_progress = Progress::new(0);
    }

    /// The template's `update_realloc_operator_vault_reward_router`: the operator's router
    /// `CreatedWithReceiver`, its routes' distribution progress `(0, 0)`; an index of 256 or
    /// more is `InvalidAccountData` (the template panics).
    pub fn update_realloc_operator_vault_reward_router(
        &mut self,
        ncn_operator_index: usize,
    ) -> Result<(), ProgramError> {
        let (Some(status), Some(progress)) = (
            self.account_status
                .operator_vault_reward_router
                .get_mut(ncn_operator_index),
            self.operator_vault_routes_distribution_progress
                .get_mut(ncn_operator_index),
        ) else {
            return Err(ProgramError::InvalidAccountData);
        };
        *status = AccountStatus::CreatedWithReceiver as u8;
        *progress = Progress::new(0);
        Ok(())
    }

    /// The template's `update_distribute_protocol_rewards` / `update_distribute_ncn_rewards`
    /// (`ncn` selects): both tallies grow by `rewards`; a tally that would overflow is left as
    /// it is, as the template ignores the error.
    pub fn update_distribute_fee_rewards(&mut self, ncn: bool, rewards: u64) {
        let _ = self.total_distribution_progress.increment(rewards);
        let progress = if ncn {
            &mut self.ncn_distribution_progress
        } else {
            &mut self.protocol_distribution_progress
        };
        let _ = progress.increment(rewards);
    }

    /// The template's `update_distribute_operator_vault_rewards` (overflow ignored).
    pub fn update_distribute_operator_vault_rewards(&mut self, rewards: u64) {
        let _ = self.operator_vault_distribution_progress.increment(rewards);
    }

    /// The template's `update_distribute_operator_vault_route_rewards` (overflow ignored); an
    /// index of 256 or more is `InvalidAccountData` (the template panics).
    pub fn update_distribute_operator_vault_route_rewards(
        &mut self,
        ncn_operator_index: usize,
        rewards: u64,
    ) -> Result<(), ProgramError> {
        let progress = self
            .operator_vault_routes_distribution_progress
            .get_mut(ncn_operator_index)
            .ok_or(ProgramError::InvalidAccountData)?;
        let _ = progress.increment(rewards);
        let _ = self.total_distribution_progress.increment(rewards);
        Ok(())
    }

    /// The template's `update_route_ncn_rewards`, `update_route_protocol_rewards` and
    /// `update_route_total_rewards`: the totals to distribute.
    pub fn update_route_ncn_rewards(&mut self, ncn: u64, protocol: u64, total: u64) {
        self.ncn_distribution_progress.set_total(ncn);
        self.protocol_distribution_progress.set_total(protocol);
        self.total_distribution_progress.set_total(total);
    }

    /// The template's `update_route_operator_vault_rewards`: operator `ncn_operator_index`'s
    /// routes distribute `total_rewards` (`InvalidAccountData` past 256; the template panics).
    pub fn update_route_operator_vault_rewards(
        &mut self,
        ncn_operator_index: usize,
        total_rewards: u64,
    ) -> Result<(), ProgramError> {
        self.operator_vault_routes_distribution_progress
            .get_mut(ncn_operator_index)
            .ok_or(ProgramError::InvalidAccountData)?
            .set_total(total_rewards);
        Ok(())
    }

    /// The template's `set_is_closing`.
    pub fn set_is_closing(&mut self) {
        self.is_closing = 1;
    }

    /// The template's `EpochState::load_to_close`: this NCN's and epoch's state
    /// (`CannotCloseAccount`) with every other epoch account closed
    /// (`CannotCloseEpochStateAccount`).
    pub fn check_can_close(&self, ncn: &Address, epoch: u64) -> Result<(), NcnProgramError> {
        if unlikely(!address_eq(&self.ncn, ncn) || self.epoch() != epoch) {
            return Err(NcnProgramError::CannotCloseAccount);
        }
        if unlikely(!self.account_status.are_all_closed()) {
            return Err(NcnProgramError::CannotCloseEpochStateAccount);
        }
        Ok(())
    }

    /// The template's `EpochState::load`: owner (`InvalidAccountOwner`), then type, size,
    /// writable and the PDA of `ncn` and `epoch` (`InvalidAccountData`). Epoch states are
    /// created only at the canonical PDA of the NCN and epoch they store.
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
        let state = Self::from_bytes(unsafe { account.borrow_unchecked() })?;
        if unlikely(!address_eq(&state.ncn, ncn) || state.epoch() != epoch) {
            return Err(ProgramError::InvalidAccountData);
        }
        Ok(())
    }

    /// The template's `load_and_check_is_closing`: the data must read as an epoch state
    /// (`InvalidAccountData`) that is not closing (`EpochIsClosingDown`), checked before
    /// [`EpochState::load`] as in the template.
    #[inline(never)]
    pub fn load_and_check_is_closing(
        program_id: &Address,
        account: &AccountView,
        ncn: &Address,
        epoch: u64,
        expect_writable: bool,
    ) -> ProgramResult {
        {
            let data = account.try_borrow()?;
            if unlikely(Self::from_bytes(&data)?.is_closing()) {
                return Err(NcnProgramError::EpochIsClosingDown.into());
            }
        }
        Self::load(program_id, account, ncn, epoch, expect_writable)
    }
}

#[cfg(test)]
mod tests {
    use core::mem::offset_of;

    use super::*;
    use crate::state::layout::assert_packed;

    #[test]
    fn layout_matches_the_template() {
        // Five u8 statuses + two [u8; 256].
        assert_packed::<EpochAccountStatus>(517);
        assert_packed::<Progress>(16);
        // ncn 32, epoch 8, bump 1, slot_created 8, PodBool 1, three PodU64 24 = 74;
        // statuses 517 -> 591; two Progress -> 623; 256 Progress -> 4,719; five Progress
        // -> 4,799; 256 Progress -> 8,895; is_closing -> 8,896.
        assert_eq!(offset_of!(EpochState, account_status), 74);
        assert_eq!(offset_of!(EpochState, set_weight_progress), 591);
        assert_eq!(offset_of!(EpochState, operator_snapshot_progress), 623);
        assert_eq!(offset_of!(EpochState, voting_progress), 4_719);
        assert_eq!(
            offset_of!(EpochState, operator_vault_routes_distribution_progress),
            4_799
        );
        assert_eq!(offset_of!(EpochState, is_closing), 8_895);
        assert_packed::<EpochState>(8_896);
        assert_eq!(EpochState::LEN, 8_904);
        // Fits one allocation: no realloc instruction.
        assert!(EpochState::LEN as u64 <= crate::constants::MAX_REALLOC_BYTES);
    }

    #[test]
    fn status_bytes() {
        for b in 0..4u8 {
            assert_eq!(AccountStatus::from_u8(b).unwrap() as u8, b);
        }
        assert_eq!(AccountStatus::from_u8(4), None);
    }

    #[test]
    fn initialize_and_weight_progress() {
        // SAFETY: every field is a byte array; all zero is valid.
        let mut st: EpochState = unsafe { core::mem::zeroed() };
        let ncn = Address::new_from_array([3; 32]);
        st.initialize(&ncn, 12, 250, 5_000);
        assert_eq!(
            (st.ncn, st.epoch(), st.bump, st.slot_created()),
            (ncn, 12, 250, 5_000)
        );
        assert_eq!(st.slot_consensus_reached(), u64::MAX);
        assert_eq!(st.account_status.epoch_state, AccountStatus::Created as u8);
        // Progress fields stay zero (the template's `initialize`, not `new`).
        assert_eq!(st.set_weight_progress, Progress::new(0));
        st.update_realloc_weight_table(2, 3);
        assert_eq!(st.account_status.weight_table, 1);
        assert_eq!(st.vault_count(), 2);
        assert_eq!(
            (
                st.set_weight_progress.tally(),
                st.set_weight_progress.total()
            ),
            (0, 3)
        );
        st.update_set_weight(1, 3);
        assert_eq!(
            (
                st.set_weight_progress.tally(),
                st.set_weight_progress.total()
            ),
            (1, 3)
        );
    }

    #[test]
    fn operator_snapshot_progress() {
        // SAFETY: every field is a byte array; all zero is valid.
        let mut st: EpochState = unsafe { core::mem::zeroed() };
        st.set_vault_count(2);
        st.update_initialize_epoch_snapshot(3);
        assert_eq!(st.epoch_snapshot_progress, Progress::new(3));
        st.update_realloc_operator_snapshot(0, true).unwrap();
        assert_eq!(st.operator_snapshot_progress[0], Progress::new(2));
        st.update_realloc_operator_snapshot(255, false).unwrap();
        assert_eq!(
            (
                st.operator_snapshot_progress[255].tally(),
                st.operator_snapshot_progress[255].total(),
                st.epoch_snapshot_progress.tally()
            ),
            (1, 1, 1)
        );
        assert_eq!(st.account_status.operator_snapshot[255], 1);
        assert_eq!(
            st.update_realloc_operator_snapshot(256, true),
            Err(ProgramError::InvalidAccountData)
        );
    }
}

//! The NCN reward router of an epoch (PDA `["ncn_reward_router", ncn, epoch_le]`): splits the
//! epoch's rewards (held by the receiver PDA `["ncn_reward_receiver", ncn, epoch_le]`) into
//! protocol, NCN and per-operator-vault shares.
//!
//! 10,483 bytes: created at 10,240 bytes, grown by `ReallocNCNRewardRouter`.

use jito_core::{
    account::{check_account, AccountType},
    unlikely,
};
use pinocchio::{address::address_eq, error::ProgramError, AccountView, Address, ProgramResult};

use super::{discriminator, le_fields};
use crate::{constants::MAX_OPERATORS, error::NcnProgramError};

/// PDA seed prefix: `["ncn_reward_router", ncn, epoch (u64 LE)]`.
pub const SEED: &[u8] = b"ncn_reward_router";

/// Rewards routed to one operator's vault router (template `OperatorVaultRewardRoute` with its
/// `NCNRewardRouterRewards { PodU64 }`, 40 bytes).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OperatorVaultRewardRoute {
    pub operator: Address,
    rewards: [u8; 8],
}

impl OperatorVaultRewardRoute {
    le_fields! {
        rewards, set_rewards: u64;
    }
}

/// The NCN reward router (discriminator 0x40, 10,483 bytes with header).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NcnRewardRouter {
    pub ncn: Address,
    epoch: [u8; 8],
    pub bump: u8,
    slot_created: [u8; 8],
    total_rewards: [u8; 8],
    reward_pool: [u8; 8],
    rewards_processed: [u8; 8],
    reserved: [u8; 128],
    last_vote_index: [u8; 2],
    last_rewards_to_process: [u8; 8],
    protocol_rewards: [u8; 8],
    ncn_rewards: [u8; 8],
    operator_vault_rewards: [u8; 8],
    pub operator_vault_reward_routes: [OperatorVaultRewardRoute; MAX_OPERATORS],
}

// SAFETY: `#[repr(C)]`, only byte fields (alignment 1), valid for every bit pattern.
unsafe impl AccountType for NcnRewardRouter {
    const DISCRIMINATOR: u8 = discriminator::NCN_REWARD_ROUTER;
}

impl NcnRewardRouter {
    pub const SEED: &'static [u8] = SEED;

    /// Seeds of the PDA (without bump); `epoch` is the epoch's little-endian bytes.
    #[inline(always)]
    pub fn seeds<'a>(ncn: &'a Address, epoch: &'a [u8; 8]) -> [&'a [u8]; 3] {
        [SEED, ncn.as_ref(), epoch]
    }

    le_fields! {
        epoch, set_epoch: u64;
        slot_created, set_slot_created: u64;
        total_rewards, set_total_rewards: u64;
        reward_pool, set_reward_pool: u64;
        rewards_processed, set_rewards_processed: u64;
        last_vote_index, set_last_vote_index: u16;
        last_rewards_to_process, set_last_rewards_to_process: u64;
        protocol_rewards, set_protocol_rewards: u64;
        ncn_rewards, set_ncn_rewards: u64;
        operator_vault_rewards, set_operator_vault_rewards: u64;
    }

    /// `last_vote_index` when no routing is in progress.
    pub const NO_LAST_VOTE_INDEX: u16 = u16::MAX;
    /// `last_rewards_to_process` when no routing is in progress.
    pub const NO_LAST_REWARDS_TO_PROCESS: u64 = u64::MAX;

    /// The template's `initialize` (then `reset_routing_state`) on a zeroed account: no
    /// rewards, empty routes, no routing in progress.
    pub fn initialize(&mut self, ncn: &Address, epoch: u64, bump: u8, slot: u64) {
        self.ncn = *ncn;
        self.set_epoch(epoch);
        self.bump = bump;
        self.set_slot_created(slot);
        self.set_last_vote_index(Self::NO_LAST_VOTE_INDEX);
        self.set_last_rewards_to_process(Self::NO_LAST_REWARDS_TO_PROCESS);
    }

    /// A routing pass was interrupted (by `max_iterations`) and must be resumed.
    pub fn still_routing(&self) -> bool {
        self.last_vote_index() != Self::NO_LAST_VOTE_INDEX
            || self.last_rewards_to_process() != Self::NO_LAST_REWARDS_TO_PROCESS
    }

    /// The template's `distribute_protocol_fee_rewards`: takes the routed protocol rewards
    /// out of the router (`ArithmeticUnderflowError` if more than processed).
    pub fn take_protocol_rewards(&mut self) -> Result<u64, NcnProgramError> {
        let rewards = self.protocol_rewards();
        self.take_processed(rewards)?;
        self.set_protocol_rewards(0);
        Ok(rewards)
    }

    /// The template's `distribute_ncn_fee_rewards`, for the NCN rewards.
    pub fn take_ncn_rewards(&mut self) -> Result<u64, NcnProgramError> {
        let rewards = self.ncn_rewards();
        self.take_processed(rewards)?;
        self.set_ncn_rewards(0);
        Ok(rewards)
    }

    /// The index and rewards of `operator`'s route (`OperatorRewardNotFound`).
    pub fn operator_route(&self, operator: &Address) -> Result<(usize, u64), NcnProgramError> {
        self.operator_vault_reward_routes
            .iter()
            .position(|r| address_eq(&r.operator, operator))
            .map(|i| (i, self.operator_vault_reward_routes[i].rewards()))
            .ok_or(NcnProgramError::OperatorRewardNotFound)
    }

    /// The template's `distribute_operator_vault_reward_route`: takes the rewards routed to
    /// `operator` (`OperatorRewardNotFound`, `ArithmeticUnderflowError`).
    pub fn take_operator_route(&mut self, operator: &Address) -> Result<u64, NcnProgramError> {
        let (index, rewards) = self.operator_route(operator)?;
        self.take_processed(rewards)?;
        self.operator_vault_reward_routes[index].set_rewards(0);
        Ok(rewards)
    }

    /// `rewards_processed -= rewards` (the template's `decrement_rewards_processed`).
    fn take_processed(&mut self, rewards: u64) -> Result<(), NcnProgramError> {
        let left = self
            .rewards_processed()
            .checked_sub(rewards)
            .ok_or(NcnProgramError::ArithmeticUnderflowError)?;
        self.set_rewards_processed(left);
        Ok(())
    }

    /// The template's `NCNRewardRouter::load`: owner (`InvalidAccountOwner`), then type,
    /// size, writable and the PDA of `ncn` and `epoch` (`InvalidAccountData`).
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
        let router = Self::from_bytes(unsafe { account.borrow_unchecked() })?;
        if unlikely(!address_eq(&router.ncn, ncn) || router.epoch() != epoch) {
            return Err(ProgramError::InvalidAccountData);
        }
        Ok(())
    }

    /// The reserved bytes (zero).
    pub fn reserved(&self) -> &[u8; 128] {
        &self.reserved
    }
}

#[cfg(test)]
mod tests {
    use core::mem::offset_of;

    use super::*;
    use crate::state::layout::assert_packed;

    #[test]
    fn layout_matches_the_template() {
        assert_packed::<OperatorVaultRewardRoute>(40);
        // ncn 32, epoch 8, bump 1, four PodU64 32 = 73; reserved 128 -> 201; PodU16 -> 203;
        // four PodU64 -> 235; 256 x 40 = 10,240.
        assert_eq!(offset_of!(NcnRewardRouter, reserved), 73);
        assert_eq!(offset_of!(NcnRewardRouter, last_vote_index), 201);
        assert_eq!(
            offset_of!(NcnRewardRouter, operator_vault_reward_routes),
            235
        );
        assert_packed::<NcnRewardRouter>(10_475);
        assert_eq!(NcnRewardRouter::LEN, 10_483);
    }
}

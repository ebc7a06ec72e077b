//! The NCN reward router of an epoch (PDA `["ncn_reward_router", ncn, epoch_le]`): splits the
//! epoch's rewards (held by the receiver PDA `["ncn_reward_receiver", ncn, epoch_le]`) into
//! protocol, NCN and per-operator-vault shares.
//!
//! 10,483 bytes: created at 10,240 bytes, grown by `ReallocNCNRewardRouter`.

use super::{discriminator, le_fields, AccountType};
use crate::constants::MAX_OPERATORS;
use pinocchio::Address;

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

//! The operator vault reward router of an epoch (PDA `["operator_vault_reward_route", operator,
//! ncn, epoch_le]`): splits one operator's share (held by the receiver PDA
//! `["operator_vault_reward_receiver", operator, ncn, epoch_le]`) between the operator and its
//! vaults.

use jito_core::{
    account::{check_account, AccountType},
    unlikely,
};
use pinocchio::Address as Pubkey;
use pinocchio::{address::address_eq, error::ProgramError, AccountView, Address, ProgramResult};
use shank::{ShankAccount, ShankType};

use super::{
    discriminator, le_fields,
    ncn_reward_router::{fee_split, operator_share},
    OperatorSnapshot,
};
use crate::error::NcnProgramError;

/// PDA seed prefix: `["operator_vault_reward_route", operator, ncn, epoch (u64 LE)]` (the
/// template's seed says "route", not "router").
pub const SEED: &[u8] = b"operator_vault_reward_route";

/// Rewards routed to one vault (template `VaultRewardRoute`, 40 bytes).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankType)]
pub struct VaultRewardRoute {
    pub vault: Pubkey,
    #[idl_type("u64")]
    rewards: [u8; 8],
}

impl VaultRewardRoute {
    le_fields! {
        rewards, set_rewards: u64;
    }
}

/// The operator vault reward router (discriminator 0x41, 2,707 bytes with header).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankAccount)]
pub struct OperatorVaultRewardRouter {
    pub operator: Pubkey,
    pub ncn: Pubkey,
    #[idl_type("u64")]
    epoch: [u8; 8],
    pub bump: u8,
    #[idl_type("u64")]
    slot_created: [u8; 8],
    #[idl_type("u64")]
    ncn_operator_index: [u8; 8],
    #[idl_type("u64")]
    total_rewards: [u8; 8],
    #[idl_type("u64")]
    reward_pool: [u8; 8],
    #[idl_type("u64")]
    rewards_processed: [u8; 8],
    #[idl_type("u64")]
    operator_rewards: [u8; 8],
    #[idl_type("u64")]
    last_rewards_to_process: [u8; 8],
    #[idl_type("u16")]
    last_vault_operator_delegation_index: [u8; 2],
    pub vault_reward_routes: [VaultRewardRoute; 64],
}

// SAFETY: `#[repr(C)]`, only byte fields (alignment 1), valid for every bit pattern.
unsafe impl AccountType for OperatorVaultRewardRouter {
    const DISCRIMINATOR: u8 = discriminator::OPERATOR_VAULT_REWARD_ROUTER;
}

impl OperatorVaultRewardRouter {
    pub const SEED: &'static [u8] = SEED;

    /// Seeds of the PDA (without bump); `epoch` is the epoch's little-endian bytes.
    #[inline(always)]
    pub fn seeds<'a>(operator: &'a Address, ncn: &'a Address, epoch: &'a [u8; 8]) -> [&'a [u8]; 4] {
        [SEED, operator.as_ref(), ncn.as_ref(), epoch]
    }

    /// `last_rewards_to_process` when no routing is in progress.
    pub const NO_LAST_REWARDS_TO_PROCESS: u64 = u64::MAX;
    /// `last_vault_operator_delegation_index` when no routing is in progress.
    pub const NO_LAST_VAULT_OPERATOR_DELEGATION_INDEX: u16 = u16::MAX;

    /// The template's `OperatorVaultRewardRouter::new` written into a zeroed account: no
    /// rewards, empty routes, no routing in progress.
    pub fn initialize(
        &mut self,
        operator: &Address,
        ncn_operator_index: u64,
        ncn: &Address,
        epoch: u64,
        bump: u8,
        slot: u64,
    ) {
        self.operator = *operator;
        self.ncn = *ncn;
        self.set_epoch(epoch);
        self.bump = bump;
        self.set_slot_created(slot);
        self.set_ncn_operator_index(ncn_operator_index);
        self.set_last_rewards_to_process(Self::NO_LAST_REWARDS_TO_PROCESS);
        self.set_last_vault_operator_delegation_index(
            Self::NO_LAST_VAULT_OPERATOR_DELEGATION_INDEX,
        );
    }

    /// A routing pass was interrupted (by `max_iterations`) and must be resumed.
    pub fn still_routing(&self) -> bool {
        self.last_rewards_to_process() != Self::NO_LAST_REWARDS_TO_PROCESS
            || self.last_vault_operator_delegation_index()
                != Self::NO_LAST_VAULT_OPERATOR_DELEGATION_INDEX
    }

    /// The template's `route_incoming_rewards`: whatever the receiver holds beyond the rewards
    /// already in the router and its rent exemption (`ArithmeticUnderflowError` if less) joins
    /// the reward pool.
    pub fn route_incoming_rewards(
        &mut self,
        rent_exemption: u64,
        receiver_balance: u64,
    ) -> Result<(), NcnProgramError> {
        let in_transit = self
            .reward_pool()
            .checked_add(self.rewards_processed())
            .ok_or(NcnProgramError::ArithmeticOverflow)?;
        let incoming = receiver_balance
            .checked_sub(in_transit)
            .and_then(|x| x.checked_sub(rent_exemption))
            .ok_or(NcnProgramError::ArithmeticUnderflowError)?;
        let total = self
            .total_rewards()
            .checked_add(incoming)
            .ok_or(NcnProgramError::ArithmeticOverflow)?;
        let pool = self
            .reward_pool()
            .checked_add(incoming)
            .ok_or(NcnProgramError::ArithmeticOverflow)?;
        self.set_total_rewards(total);
        self.set_reward_pool(pool);
        Ok(())
    }

    /// Moves `rewards` from the pool to processed and to the operator.
    fn pool_to_operator(&mut self, rewards: u64) -> Result<(), NcnProgramError> {
        self.take_from_pool(rewards)?;
        let operator = self
            .operator_rewards()
            .checked_add(rewards)
            .ok_or(NcnProgramError::ArithmeticOverflow)?;
        self.set_operator_rewards(operator);
        Ok(())
    }

    /// `reward_pool -= rewards`, `rewards_processed += rewards`.
    fn take_from_pool(&mut self, rewards: u64) -> Result<(), NcnProgramError> {
        let pool = self
            .reward_pool()
            .checked_sub(rewards)
            .ok_or(NcnProgramError::ArithmeticUnderflowError)?;
        let processed = self
            .rewards_processed()
            .checked_add(rewards)
            .ok_or(NcnProgramError::ArithmeticOverflow)?;
        self.set_reward_pool(pool);
        self.set_rewards_processed(processed);
        Ok(())
    }

    /// The template's `route_operator_rewards`: the operator's fee, `floor(pool × fee bps /
    /// 10,000)`.
    pub fn route_operator_rewards(&mut self, operator_fee_bps: u16) -> Result<(), NcnProgramError> {
        self.pool_to_operator(fee_split(operator_fee_bps, self.reward_pool()))
    }

    /// The template's `route_reward_pool`: each of the snapshot's 64 vault entries (empty ones
    /// too, each counting as an iteration) gets `floor(pool × vault weight / operator weight)`,
    /// at most `max_iterations` (at least 1) entries per call (the position is saved and the
    /// next call resumes); what is left goes to the operator.
    pub fn route_reward_pool(
        &mut self,
        snapshot: &OperatorSnapshot,
        max_iterations: u16,
    ) -> Result<(), NcnProgramError> {
        let operator_weight = snapshot.stake_weights.stake_weight();
        let (rewards, start) = if self.still_routing() {
            (
                self.last_rewards_to_process(),
                self.last_vault_operator_delegation_index() as usize,
            )
        } else {
            (self.reward_pool(), 0)
        };
        if rewards == 0 {
            return Ok(());
        }
        let max_iterations = max_iterations.max(1);
        let mut iterations: u16 = 0;
        for (index, entry) in snapshot
            .vault_operator_stake_weight
            .iter()
            .enumerate()
            .skip(start)
        {
            iterations = iterations
                .checked_add(1)
                .ok_or(NcnProgramError::ArithmeticOverflow)?;
            if iterations > max_iterations {
                self.set_last_rewards_to_process(rewards);
                self.set_last_vault_operator_delegation_index(index as u16);
                return Ok(());
            }
            let share = if operator_weight == 0 {
                0
            } else {
                operator_share(rewards, entry.stake_weight.stake_weight(), operator_weight)?
            };
            if share == 0 {
                continue;
            }
            self.take_from_pool(share)?;
            self.credit_vault(&entry.vault, share)?;
        }
        self.set_last_rewards_to_process(Self::NO_LAST_REWARDS_TO_PROCESS);
        self.set_last_vault_operator_delegation_index(
            Self::NO_LAST_VAULT_OPERATOR_DELEGATION_INDEX,
        );
        self.pool_to_operator(self.reward_pool())
    }

    /// `rewards` more for `vault`'s route, or a new route in the first free entry
    /// (`OperatorRewardListFull`).
    fn credit_vault(&mut self, vault: &Address, rewards: u64) -> Result<(), NcnProgramError> {
        if let Some(route) = self
            .vault_reward_routes
            .iter_mut()
            .find(|r| address_eq(&r.vault, vault))
        {
            let sum = route
                .rewards()
                .checked_add(rewards)
                .ok_or(NcnProgramError::ArithmeticOverflow)?;
            route.set_rewards(sum);
            return Ok(());
        }
        let route = self
            .vault_reward_routes
            .iter_mut()
            .find(|r| address_eq(&r.vault, &Address::default()))
            .ok_or(NcnProgramError::OperatorRewardListFull)?;
        route.vault = *vault;
        route.set_rewards(rewards);
        Ok(())
    }

    /// The template's `distribute_operator_rewards`: takes the operator's share.
    pub fn take_operator_rewards(&mut self) -> Result<u64, NcnProgramError> {
        let rewards = self.operator_rewards();
        self.take_processed(rewards)?;
        self.set_operator_rewards(0);
        Ok(rewards)
    }

    /// The template's `distribute_vault_reward_route`: takes the rewards routed to `vault`
    /// (`OperatorRewardNotFound`, `ArithmeticUnderflowError`).
    pub fn take_vault_route(&mut self, vault: &Address) -> Result<u64, NcnProgramError> {
        let index = self
            .vault_reward_routes
            .iter()
            .position(|r| address_eq(&r.vault, vault))
            .ok_or(NcnProgramError::OperatorRewardNotFound)?;
        let rewards = self.vault_reward_routes[index].rewards();
        self.take_processed(rewards)?;
        self.vault_reward_routes[index].set_rewards(0);
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

    /// The template's `OperatorVaultRewardRouter::load`: owner (`InvalidAccountOwner`), then
    /// type, size, writable and the PDA of `operator`, `ncn` and `epoch`
    /// (`InvalidAccountData`).
    #[inline(never)]
    pub fn load(
        program_id: &Address,
        account: &AccountView,
        operator: &Address,
        ncn: &Address,
        epoch: u64,
        expect_writable: bool,
    ) -> ProgramResult {
        check_account::<Self>(program_id, account, expect_writable)?;
        // SAFETY: checked above: owned by this program, of this type and size; only read.
        let router = Self::from_bytes(unsafe { account.borrow_unchecked() })?;
        if unlikely(
            !address_eq(&router.operator, operator)
                || !address_eq(&router.ncn, ncn)
                || router.epoch() != epoch,
        ) {
            return Err(ProgramError::InvalidAccountData);
        }
        Ok(())
    }

    le_fields! {
        epoch, set_epoch: u64;
        slot_created, set_slot_created: u64;
        ncn_operator_index, set_ncn_operator_index: u64;
        total_rewards, set_total_rewards: u64;
        reward_pool, set_reward_pool: u64;
        rewards_processed, set_rewards_processed: u64;
        operator_rewards, set_operator_rewards: u64;
        last_rewards_to_process, set_last_rewards_to_process: u64;
        last_vault_operator_delegation_index, set_last_vault_operator_delegation_index: u16;
    }
}

#[cfg(test)]
mod tests {
    use core::mem::offset_of;

    use super::*;
    use crate::state::layout::assert_packed;

    #[test]
    fn layout_matches_the_template() {
        assert_packed::<VaultRewardRoute>(40);
        // operator 32, ncn 32, epoch 8, bump 1, seven PodU64 56, PodU16 2 = 131;
        // 64 x 40 = 2,560.
        assert_eq!(offset_of!(OperatorVaultRewardRouter, bump), 72);
        assert_eq!(
            offset_of!(OperatorVaultRewardRouter, vault_reward_routes),
            131
        );
        assert_packed::<OperatorVaultRewardRouter>(2_691);
        assert_eq!(OperatorVaultRewardRouter::LEN, 2_699);
    }
}

//! The NCN reward router of an epoch (PDA `["ncn_reward_router", ncn, epoch_le]`): splits the
//! epoch's rewards (held by the receiver PDA `["ncn_reward_receiver", ncn, epoch_le]`) into
//! protocol, NCN and per-operator-vault shares.
//!
//! 10,483 bytes: created at 10,240 bytes, grown by `ReallocNCNRewardRouter`.

use jito_core::{
    account::{check_account, AccountType},
    unlikely,
};
use pinocchio::Address as Pubkey;
use pinocchio::{address::address_eq, error::ProgramError, AccountView, Address, ProgramResult};
use shank::{ShankAccount, ShankType};

use super::{discriminator, le_fields, BallotBox, Fees};
use crate::error::NcnProgramError;

/// PDA seed prefix: `["ncn_reward_router", ncn, epoch (u64 LE)]`.
pub const SEED: &[u8] = b"ncn_reward_router";

/// Rewards routed to one operator's vault router (template `OperatorVaultRewardRoute` with its
/// `NCNRewardRouterRewards { PodU64 }`, 40 bytes).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankType)]
pub struct OperatorVaultRewardRoute {
    pub operator: Pubkey,
    #[idl_type("u64")]
    rewards: [u8; 8],
}

impl OperatorVaultRewardRoute {
    le_fields! {
        rewards, set_rewards: u64;
    }
}

/// The NCN reward router (discriminator 0x40, 10,483 bytes with header).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankAccount)]
pub struct NcnRewardRouter {
    pub ncn: Pubkey,
    #[idl_type("u64")]
    epoch: [u8; 8],
    pub bump: u8,
    #[idl_type("u64")]
    slot_created: [u8; 8],
    #[idl_type("u64")]
    total_rewards: [u8; 8],
    #[idl_type("u64")]
    reward_pool: [u8; 8],
    #[idl_type("u64")]
    rewards_processed: [u8; 8],
    reserved: [u8; 128],
    #[idl_type("u16")]
    last_vote_index: [u8; 2],
    #[idl_type("u64")]
    last_rewards_to_process: [u8; 8],
    #[idl_type("u64")]
    protocol_rewards: [u8; 8],
    #[idl_type("u64")]
    ncn_rewards: [u8; 8],
    #[idl_type("u64")]
    operator_vault_rewards: [u8; 8],
    pub operator_vault_reward_routes: [OperatorVaultRewardRoute; 256],
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

    /// The template's `route_incoming_rewards`: whatever the receiver holds beyond the
    /// rewards already in the router and its rent exemption (`ArithmeticUnderflowError` if it
    /// holds less) joins the reward pool.
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

    /// The template's `route_reward_pool`: the protocol's and the NCN's fees
    /// (`floor(pool × bps / 10,000)` each) and the rest to the operators and vaults; the whole
    /// pool becomes processed.
    pub fn route_reward_pool(&mut self, fees: &Fees) -> Result<(), NcnProgramError> {
        let pool = self.reward_pool();
        let protocol = fee_split(fees.protocol_fee_bps(), pool);
        let ncn = fee_split(fees.ncn_fee_bps(), pool);
        let operator_vault = pool
            .checked_sub(protocol)
            .and_then(|x| x.checked_sub(ncn))
            .ok_or(NcnProgramError::ArithmeticUnderflowError)?;
        let processed = self
            .rewards_processed()
            .checked_add(pool)
            .ok_or(NcnProgramError::ArithmeticOverflow)?;
        let add = |a: u64, b: u64| a.checked_add(b).ok_or(NcnProgramError::ArithmeticOverflow);
        let protocol = add(self.protocol_rewards(), protocol)?;
        let ncn = add(self.ncn_rewards(), ncn)?;
        let operator_vault = add(self.operator_vault_rewards(), operator_vault)?;
        self.set_reward_pool(0);
        self.set_rewards_processed(processed);
        self.set_protocol_rewards(protocol);
        self.set_ncn_rewards(ncn);
        self.set_operator_vault_rewards(operator_vault);
        Ok(())
    }

    /// The template's `route_operator_vault_rewards`: splits the operator-vault rewards among
    /// the operators that voted for the winning ballot, `floor(rewards × vote weight / winning
    /// weight)` each, at most `max_iterations` (at least 1) operators per call (the position
    /// is saved and the next call resumes); what rounding leaves goes to the NCN.
    pub fn route_operator_vault_rewards(
        &mut self,
        ballot_box: &BallotBox,
        max_iterations: u16,
    ) -> Result<(), NcnProgramError> {
        let winner = ballot_box.winning_ballot_tally()?;
        let winning_weight = winner.stake_weights.stake_weight();
        let (start, resumed) = if self.still_routing() {
            (
                self.last_vote_index() as usize,
                self.last_rewards_to_process(),
            )
        } else {
            (0, 0)
        };
        let max_iterations = max_iterations.max(1);
        let rewards = if resumed > 0 {
            resumed
        } else {
            self.operator_vault_rewards()
        };
        if rewards == 0 {
            return Ok(());
        }
        let mut iterations: u16 = 0;
        for (index, vote) in ballot_box.operator_votes.iter().enumerate().skip(start) {
            if vote.ballot_index() != winner.index() {
                continue;
            }
            iterations = iterations
                .checked_add(1)
                .ok_or(NcnProgramError::ArithmeticOverflow)?;
            if iterations > max_iterations {
                self.set_last_vote_index(index as u16);
                self.set_last_rewards_to_process(rewards);
                return Ok(());
            }
            let share = operator_share(rewards, vote.stake_weights.stake_weight(), winning_weight)?;
            if share == 0 {
                continue;
            }
            let left = self
                .operator_vault_rewards()
                .checked_sub(share)
                .ok_or(NcnProgramError::ArithmeticUnderflowError)?;
            self.set_operator_vault_rewards(left);
            self.credit_operator(&vote.operator, share)?;
        }
        let leftover = self.operator_vault_rewards();
        let ncn = self
            .ncn_rewards()
            .checked_add(leftover)
            .ok_or(NcnProgramError::ArithmeticOverflow)?;
        self.set_operator_vault_rewards(0);
        self.set_ncn_rewards(ncn);
        self.set_last_vote_index(Self::NO_LAST_VOTE_INDEX);
        self.set_last_rewards_to_process(Self::NO_LAST_REWARDS_TO_PROCESS);
        Ok(())
    }

    /// `rewards` more for `operator`'s route, or a new route in the first free entry
    /// (`OperatorRewardListFull`).
    fn credit_operator(&mut self, operator: &Address, rewards: u64) -> Result<(), NcnProgramError> {
        for route in self.operator_vault_reward_routes.iter_mut() {
            if address_eq(&route.operator, operator) {
                let sum = route
                    .rewards()
                    .checked_add(rewards)
                    .ok_or(NcnProgramError::ArithmeticOverflow)?;
                route.set_rewards(sum);
                return Ok(());
            }
            if address_eq(&route.operator, &Address::default()) {
                route.operator = *operator;
                route.set_rewards(rewards);
                return Ok(());
            }
        }
        Err(NcnProgramError::OperatorRewardListFull)
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

/// The template's `calculate_reward_split`: `floor(total × bps / 10,000)`, which its
/// `PreciseNumber` computation gives exactly.
pub fn fee_split(fee_bps: u16, total: u64) -> u64 {
    // At most 65,535 / 10,000 of a u64: the quotient fits in u64 for bps <= 10,000, which the
    // config enforces; above that it saturates rather than wrap.
    u64::try_from(total as u128 * fee_bps as u128 / 10_000).unwrap_or(u64::MAX)
}

/// The template's `calculate_operator_vault_route_reward`: `floor(rewards × weight /
/// total)` (its `PreciseNumber` result in both of its overflow branches), 0 for a zero weight;
/// `CastToU64Error` above `u64::MAX` and `ArithmeticOverflow` for a zero total, as the
/// template.
pub fn operator_share(rewards: u64, weight: u128, total: u128) -> Result<u64, NcnProgramError> {
    if weight == 0 || rewards == 0 {
        return Ok(0);
    }
    if total == 0 {
        return Err(NcnProgramError::ArithmeticOverflow);
    }
    let quotient = match (rewards as u128).checked_mul(weight) {
        Some(product) => product / total,
        None => wide_div(rewards, weight, total),
    };
    u64::try_from(quotient).map_err(|_| NcnProgramError::CastToU64Error)
}

/// `floor(a × b / d)` for a product above `u128::MAX`, by shift-and-subtract over the
/// 192-bit product (saturating at `u128::MAX`, which the caller rejects anyway).
fn wide_div(a: u64, b: u128, d: u128) -> u128 {
    let (b_hi, b_lo) = (b >> 64, b & u64::MAX as u128);
    let low = b_lo * a as u128;
    let mid = b_hi * a as u128;
    let (lo, carry) = low.overflowing_add(mid << 64);
    let hi = (mid >> 64) + carry as u128;
    if hi >= d {
        return u128::MAX;
    }
    let (mut rem, mut quotient) = (hi, 0u128);
    for i in (0..128).rev() {
        let top = rem >> 127;
        rem = (rem << 1) | ((lo >> i) & 1);
        quotient <<= 1;
        if top == 1 || rem >= d {
            rem = rem.wrapping_sub(d);
            quotient |= 1;
        }
    }
    quotient
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

    #[test]
    fn splits_are_floored_as_the_template() {
        assert_eq!(fee_split(400, 10_001), 400);
        assert_eq!(fee_split(300, 10_001), 300);
        assert_eq!(fee_split(0, 10_001), 0);
        assert_eq!(fee_split(10_000, u64::MAX), u64::MAX);
        assert_eq!(operator_share(9_301, 200, 300), Ok(6_200));
        assert_eq!(operator_share(9_301, 100, 300), Ok(3_100));
        assert_eq!(operator_share(9_301, 0, 300), Ok(0));
        assert_eq!(
            operator_share(1, 1, 0),
            Err(NcnProgramError::ArithmeticOverflow)
        );
        // A product above u128::MAX takes the wide division (values checked with Python).
        let w = u128::MAX / 3;
        assert_eq!(operator_share(u64::MAX, w, w), Ok(u64::MAX));
        assert_eq!(operator_share(1_000, w, 2 * w), Ok(500));
        assert_eq!(
            operator_share(u64::MAX, 2 * (w / 3), w),
            Ok(12_297_829_382_473_034_409)
        );
    }
}

//! `RouteOperatorVaultRewards` (tag 21): routes the lamports that arrived in an operator's
//! vault reward receiver: the operator's fee, then the rest among its vault delegations by
//! stake weight (in steps of `max_iterations` entries), the remainder to the operator.

use jito_core::account::AccountType;
use jito_ncn_interface::state::{EpochState, OperatorSnapshot, OperatorVaultRewardRouter};
use jito_restaking_interface::state::{Ncn, Operator};
use pinocchio::{
    error::ProgramError,
    sysvars::{rent::Rent, Sysvar},
    AccountView, Address, ProgramResult,
};

use super::shared::reward_receiver::load_operator_vault_reward_receiver;

/// Accounts: `[epoch_state (w), ncn, operator, operator_snapshot,
/// operator_vault_reward_router (w), operator_vault_reward_receiver (w)]`; data:
/// `max_iterations: u16, epoch: u64`.
///
/// Checks in the template's order: the epoch state, the NCN, the operator, the receiver, the
/// operator snapshot, the router; then the arithmetic (`ArithmeticUnderflowError` when the
/// receiver holds less than the router's rewards plus its rent exemption),
/// `OperatorRewardListFull`.
#[inline(never)]
pub fn process_route_operator_vault_rewards(
    program_id: &Address,
    accounts: &mut [AccountView],
    max_iterations: u16,
    epoch: u64,
) -> ProgramResult {
    let [state_info, ncn_info, operator_info, operator_snapshot, router_info, receiver] = accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let ncn_key = ncn_info.address();
    let operator_key = operator_info.address();
    let restaking = &jito_restaking_interface::ID;
    EpochState::load(program_id, state_info, ncn_key, epoch, true)?;
    Ncn::load(restaking, ncn_info, false)?;
    Operator::load(restaking, operator_info, false)?;
    load_operator_vault_reward_receiver(program_id, receiver, operator_key, ncn_key, epoch, true)?;
    OperatorSnapshot::load(
        program_id,
        operator_snapshot,
        operator_key,
        ncn_key,
        epoch,
        false,
    )?;
    OperatorVaultRewardRouter::load(program_id, router_info, operator_key, ncn_key, epoch, true)?;

    // SAFETY: loaded above (this program's operator snapshot of the right size); only read.
    let snapshot = OperatorSnapshot::from_bytes(unsafe { operator_snapshot.borrow_unchecked() })?;
    let balance = receiver.lamports();
    let rent_exemption = Rent::get()?.try_minimum_balance(0)?;
    let mut router_data = router_info.try_borrow_mut()?;
    let router = OperatorVaultRewardRouter::from_bytes_mut(&mut router_data)?;
    if !router.still_routing() {
        router.route_incoming_rewards(rent_exemption, balance)?;
        router.route_operator_rewards(snapshot.operator_fee_bps())?;
    }
    router.route_reward_pool(snapshot, max_iterations)?;

    let mut state_data = state_info.try_borrow_mut()?;
    EpochState::from_bytes_mut(&mut state_data)?.update_route_operator_vault_rewards(
        snapshot.ncn_operator_index() as usize,
        router.total_rewards(),
    )
}

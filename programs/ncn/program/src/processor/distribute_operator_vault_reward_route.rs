//! `DistributeOperatorVaultRewardRoute` (tag 20): moves the rewards the NCN reward router
//! routed to one operator from the NCN reward receiver to the operator's vault reward
//! receiver.

use jito_core::{account::AccountType, loader::load_system_program, unlikely};
use jito_ncn_interface::{
    error::NcnProgramError,
    state::{Config, EpochState, NcnRewardRouter, OperatorVaultRewardRouter},
};
use jito_restaking_interface::state::{Ncn, Operator};
use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

use super::shared::reward_receiver::{
    load_ncn_reward_receiver, load_operator_vault_reward_receiver, pay_from_ncn_reward_receiver,
};

/// Accounts: `[epoch_state (w), config, ncn, operator, ncn_reward_router (w),
/// ncn_reward_receiver (w), operator_vault_reward_router, operator_vault_reward_receiver (w),
/// system_program]`; data: `epoch: u64`.
///
/// Checks in the template's order: the epoch state, the NCN, the operator, the config, the
/// NCN router, the operator's router, the NCN receiver, the operator's receiver, the system
/// program, the NCN router is not mid-routing (`RouterStillRouting`), the operator has a route
/// (`OperatorRewardNotFound`). The operator's receiver must be writable when it is paid
/// (`InvalidAccountData`; the template loads it read-only and the runtime rejects the credit).
pub fn process_distribute_operator_vault_reward_route(
    program_id: &Address,
    accounts: &mut [AccountView],
    epoch: u64,
) -> ProgramResult {
    let [state_info, config_info, ncn_info, operator_info, router_info, receiver, vault_router, vault_receiver, system_program] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let ncn_key = ncn_info.address();
    let operator_key = operator_info.address();
    let restaking = &jito_restaking_interface::ID;
    EpochState::load(program_id, state_info, ncn_key, epoch, true)?;
    Ncn::load(restaking, ncn_info, false)?;
    Operator::load(restaking, operator_info, false)?;
    Config::load(program_id, config_info, ncn_key, false)?;
    NcnRewardRouter::load(program_id, router_info, ncn_key, epoch, true)?;
    OperatorVaultRewardRouter::load(
        program_id,
        vault_router,
        operator_key,
        ncn_key,
        epoch,
        false,
    )?;
    let bump = load_ncn_reward_receiver(program_id, receiver, ncn_key, epoch, true)?;
    load_operator_vault_reward_receiver(
        program_id,
        vault_receiver,
        operator_key,
        ncn_key,
        epoch,
        false,
    )?;
    load_system_program(system_program)?;

    let rewards = {
        let mut data = router_info.try_borrow_mut()?;
        let router = NcnRewardRouter::from_bytes_mut(&mut data)?;
        if unlikely(router.still_routing()) {
            return Err(NcnProgramError::RouterStillRouting.into());
        }
        let (_, rewards) = router.operator_route(operator_key)?;
        if unlikely(rewards > 0 && !vault_receiver.is_writable()) {
            return Err(ProgramError::InvalidAccountData);
        }
        router.take_operator_route(operator_key)?
    };
    if rewards > 0 {
        pay_from_ncn_reward_receiver(receiver, vault_receiver, rewards, ncn_key, epoch, bump)?;
    }
    let mut state_data = state_info.try_borrow_mut()?;
    EpochState::from_bytes_mut(&mut state_data)?.update_distribute_operator_vault_rewards(rewards);
    Ok(())
}

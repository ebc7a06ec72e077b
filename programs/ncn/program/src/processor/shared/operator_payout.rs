//! `DistributeOperatorRewards` and `DistributeVaultRewards`: the same steps for the two
//! shares of an operator vault reward router, paid from the operator's vault reward receiver
//! to the operator or to one vault.

use jito_core::{account::AccountType, loader::load_system_program, unlikely};
use jito_ncn_interface::{
    error::NcnProgramError,
    state::{Config, EpochState, OperatorSnapshot, OperatorVaultRewardRouter},
};
use jito_restaking_interface::state::{Ncn, Operator};
use jito_vault_interface::state::vault::Vault;
use pinocchio::{AccountView, Address, ProgramResult};

use super::reward_receiver::{
    load_operator_vault_reward_receiver, pay_from_operator_vault_reward_receiver,
};

/// Pays the operator's share (`vault` is `None`) or `vault`'s route.
///
/// Accounts (operator share): `[epoch_state (w), config, ncn, operator (w), operator_snapshot
/// (w), operator_vault_reward_router (w), operator_vault_reward_receiver (w),
/// system_program]`; (vault share): `[epoch_state (w), config, ncn, operator, vault (w),
/// operator_snapshot (w), operator_vault_reward_router (w), operator_vault_reward_receiver (w),
/// system_program]`.
///
/// Checks in the template's order: the epoch state, the NCN, the operator, the vault, the
/// operator snapshot, the config, the router, the receiver, the router is not mid-routing
/// (`RouterStillRouting`), the vault has a route (`OperatorRewardNotFound`). The template does
/// not check the system program account (its transfer fails without it); here it must be the
/// system program (`IncorrectProgramId`) when there is something to pay.
#[allow(clippy::too_many_arguments)]
pub fn operator_payout(
    program_id: &Address,
    epoch: u64,
    state_info: &mut AccountView,
    config_info: &AccountView,
    ncn_info: &AccountView,
    operator_info: &AccountView,
    vault_info: Option<&AccountView>,
    operator_snapshot: &AccountView,
    router_info: &mut AccountView,
    receiver: &AccountView,
    system_program: &AccountView,
) -> ProgramResult {
    let ncn_key = ncn_info.address();
    let operator_key = operator_info.address();
    let restaking = &jito_restaking_interface::ID;
    EpochState::load(program_id, state_info, ncn_key, epoch, true)?;
    Ncn::load(restaking, ncn_info, false)?;
    Operator::load(restaking, operator_info, vault_info.is_none())?;
    if let Some(vault) = vault_info {
        Vault::load(&jito_vault_interface::ID, vault, true)?;
    }
    OperatorSnapshot::load(
        program_id,
        operator_snapshot,
        operator_key,
        ncn_key,
        epoch,
        true,
    )?;
    Config::load(program_id, config_info, ncn_key, false)?;
    OperatorVaultRewardRouter::load(program_id, router_info, operator_key, ncn_key, epoch, true)?;
    let bump = load_operator_vault_reward_receiver(
        program_id,
        receiver,
        operator_key,
        ncn_key,
        epoch,
        true,
    )?;

    let rewards = {
        let mut data = router_info.try_borrow_mut()?;
        let router = OperatorVaultRewardRouter::from_bytes_mut(&mut data)?;
        if unlikely(router.still_routing()) {
            return Err(NcnProgramError::RouterStillRouting.into());
        }
        let due = match vault_info {
            None => router.operator_rewards(),
            Some(vault) => router
                .vault_reward_routes
                .iter()
                .find(|r| r.vault == *vault.address())
                .map(|r| r.rewards())
                .ok_or(NcnProgramError::OperatorRewardNotFound)?,
        };
        if due > 0 {
            // Checked before the router is written.
            load_system_program(system_program)?;
        }
        match vault_info {
            None => router.take_operator_rewards()?,
            Some(vault) => router.take_vault_route(vault.address())?,
        }
    };
    if rewards > 0 {
        let to = vault_info.unwrap_or(operator_info);
        pay_from_operator_vault_reward_receiver(
            receiver,
            to,
            rewards,
            operator_key,
            ncn_key,
            epoch,
            bump,
        )?;
    }
    // SAFETY: loaded above (this program's operator snapshot of the right size); only read.
    let ncn_operator_index =
        OperatorSnapshot::from_bytes(unsafe { operator_snapshot.borrow_unchecked() })?
            .ncn_operator_index();
    let mut state_data = state_info.try_borrow_mut()?;
    EpochState::from_bytes_mut(&mut state_data)?
        .update_distribute_operator_vault_route_rewards(ncn_operator_index as usize, rewards)
}

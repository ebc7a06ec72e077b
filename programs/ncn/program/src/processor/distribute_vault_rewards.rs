//! `DistributeVaultRewards` (tag 24): pays one vault's route of an operator vault reward
//! router from the operator's vault reward receiver to the vault account.

use pinocchio::{error::ProgramError, AccountView, Address, ProgramResult};

use super::shared::operator_payout::operator_payout;

/// Accounts: `[epoch_state (w), config, ncn, operator, vault (w), operator_snapshot (w),
/// operator_vault_reward_router (w), operator_vault_reward_receiver (w), system_program]`;
/// data: `epoch: u64`. Checks: see [`operator_payout`].
pub fn process_distribute_vault_rewards(
    program_id: &Address,
    accounts: &mut [AccountView],
    epoch: u64,
) -> ProgramResult {
    let [state_info, config_info, ncn_info, operator_info, vault_info, operator_snapshot, router_info, receiver, system_program] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };
    operator_payout(
        program_id,
        epoch,
        state_info,
        config_info,
        ncn_info,
        operator_info,
        Some(vault_info),
        operator_snapshot,
        router_info,
        receiver,
        system_program,
    )
}

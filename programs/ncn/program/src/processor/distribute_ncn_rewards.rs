//! `DistributeNCNRewards` (tag 18): pays the routed NCN fee from the NCN reward receiver to
//! the NCN fee wallet.

use pinocchio::{AccountView, Address, ProgramResult};

use super::shared::distribute_fee_rewards::{distribute_fee_rewards, FeeShare};

/// Accounts: `[epoch_state (w), config, ncn, ncn_reward_router (w), ncn_reward_receiver (w),
/// ncn_fee_wallet (w), system_program]`; data: `epoch: u64`. Checks: see
/// [`distribute_fee_rewards`].
pub fn process_distribute_ncn_rewards(
    program_id: &Address,
    accounts: &mut [AccountView],
    epoch: u64,
) -> ProgramResult {
    distribute_fee_rewards(program_id, accounts, epoch, FeeShare::Ncn)
}

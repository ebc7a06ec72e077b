//! `DistributeProtocolRewards` (tag 17): pays the routed protocol fee from the NCN reward
//! receiver to the protocol fee wallet.

use pinocchio::{AccountView, Address, ProgramResult};

use super::shared::distribute_fee_rewards::{distribute_fee_rewards, FeeShare};

/// Accounts: `[epoch_state (w), config, ncn, ncn_reward_router (w), ncn_reward_receiver (w),
/// protocol_fee_wallet (w), system_program]`; data: `epoch: u64`. Checks: see
/// [`distribute_fee_rewards`].
pub fn process_distribute_protocol_rewards(
    program_id: &Address,
    accounts: &mut [AccountView],
    epoch: u64,
) -> ProgramResult {
    distribute_fee_rewards(program_id, accounts, epoch, FeeShare::Protocol)
}

//! `DistributeProtocolRewards` and `DistributeNCNRewards`: the same steps for the two fee
//! shares of the NCN reward router, paid from the NCN reward receiver to the protocol's or the
//! NCN's fee wallet.

use jito_core::{account::AccountType, loader::load_system_program, unlikely};
use jito_ncn_interface::{
    error::NcnProgramError,
    pda::NCN_REWARD_RECEIVER_SEED,
    state::{Config, EpochState, NcnRewardRouter},
};
use jito_restaking_interface::state::Ncn;
use pinocchio::{
    address::address_eq,
    cpi::{Seed, Signer},
    error::ProgramError,
    AccountView, Address, ProgramResult,
};
use pinocchio_system::instructions::Transfer;

use super::reward_receiver::load_ncn_reward_receiver;

/// Which fee share.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum FeeShare {
    Protocol,
    Ncn,
}

/// Accounts: `[epoch_state (w), config, ncn, ncn_reward_router (w), ncn_reward_receiver (w),
/// fee_wallet (w), system_program]`; data: `epoch: u64`.
///
/// Checks in the template's order: the epoch state, the NCN, the config, the router, the
/// receiver, the wallet is the config's wallet of the share (`InvalidAccountData`), the router
/// is not mid-routing (`RouterStillRouting`). The template does not check the system program
/// account (its transfer fails without it); here it must be the system program
/// (`IncorrectProgramId`) when there is something to pay.
pub fn distribute_fee_rewards(
    program_id: &Address,
    accounts: &mut [AccountView],
    epoch: u64,
    share: FeeShare,
) -> ProgramResult {
    let [state_info, config_info, ncn_info, router_info, receiver, wallet, system_program] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let ncn_key = ncn_info.address();
    EpochState::load(program_id, state_info, ncn_key, epoch, true)?;
    Ncn::load(&jito_restaking_interface::ID, ncn_info, false)?;
    Config::load(program_id, config_info, ncn_key, false)?;
    NcnRewardRouter::load(program_id, router_info, ncn_key, epoch, true)?;
    let receiver_bump = load_ncn_reward_receiver(program_id, receiver, ncn_key, epoch, true)?;
    {
        // SAFETY: loaded above (this program's config of the right size); only read.
        let fees = &Config::from_bytes(unsafe { config_info.borrow_unchecked() })?.fee_config;
        let expected = match share {
            FeeShare::Protocol => &fees.protocol_fee_wallet,
            FeeShare::Ncn => &fees.ncn_fee_wallet,
        };
        if unlikely(!address_eq(expected, wallet.address())) {
            return Err(ProgramError::InvalidAccountData);
        }
    }

    let rewards = {
        let mut data = router_info.try_borrow_mut()?;
        let router = NcnRewardRouter::from_bytes_mut(&mut data)?;
        if unlikely(router.still_routing()) {
            return Err(NcnProgramError::RouterStillRouting.into());
        }
        let rewards = match share {
            FeeShare::Protocol => router.protocol_rewards(),
            FeeShare::Ncn => router.ncn_rewards(),
        };
        if rewards > 0 {
            // Checked before the router is written.
            load_system_program(system_program)?;
        }
        match share {
            FeeShare::Protocol => router.take_protocol_rewards()?,
            FeeShare::Ncn => router.take_ncn_rewards()?,
        }
    };
    if rewards > 0 {
        let epoch_bytes = epoch.to_le_bytes();
        let bump = [receiver_bump];
        let seeds = [
            Seed::from(NCN_REWARD_RECEIVER_SEED),
            Seed::from(ncn_key.as_ref()),
            Seed::from(&epoch_bytes),
            Seed::from(&bump),
        ];
        Transfer {
            from: receiver,
            to: wallet,
            lamports: rewards,
        }
        .invoke_signed(&[Signer::from(&seeds)])?;
    }
    let mut state_data = state_info.try_borrow_mut()?;
    EpochState::from_bytes_mut(&mut state_data)?
        .update_distribute_fee_rewards(share == FeeShare::Ncn, rewards);
    Ok(())
}

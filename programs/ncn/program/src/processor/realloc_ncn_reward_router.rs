//! `ReallocNCNRewardRouter` (tag 15): grows the NCN reward router to its full 10,483 bytes;
//! once full size, writes its header and empty routes (once) and records it in the epoch
//! state.

use jito_core::{account::AccountType, loader::load_system_program, unlikely};
use jito_ncn_interface::{
    constants::realloc_step,
    state::{Config, EpochState, NcnRewardRouter},
};
use jito_restaking_interface::state::Ncn;
use pinocchio::{
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use super::shared::{account_payer::AccountPayer, pda::verify_owned_canonical_pda};

/// Accounts: `[epoch_state (w), config, ncn_reward_router (w), ncn, account_payer (w),
/// system_program]`; data: `epoch: u64`.
///
/// Checks in the template's order: the system program, the NCN, the epoch state, the config,
/// the account payer, the router PDA (`InvalidAccountData`). Before paying, the router must
/// be owned by the program (`InvalidAccountOwner`; the template lets the runtime reject it
/// afterwards).
pub fn process_realloc_ncn_reward_router(
    program_id: &Address,
    accounts: &mut [AccountView],
    epoch: u64,
) -> ProgramResult {
    let [state_info, config_info, router_info, ncn_info, account_payer, system_program] = accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    load_system_program(system_program)?;
    Ncn::load(&jito_restaking_interface::ID, ncn_info, false)?;
    let ncn_key = ncn_info.address();
    EpochState::load(program_id, state_info, ncn_key, epoch, true)?;
    Config::load(program_id, config_info, ncn_key, false)?;
    // Every error from here on goes through `settle` (`AccountPayer::load_signing`).
    let payer = AccountPayer::load_signing(program_id, account_payer, ncn_key, true)?;
    let mut rest = || -> ProgramResult {
        let epoch_bytes = epoch.to_le_bytes();
        let bump = verify_owned_canonical_pda(
            router_info,
            &NcnRewardRouter::seeds(ncn_key, &epoch_bytes),
            program_id,
        )?;
        if unlikely(!router_info.owned_by(program_id)) {
            return Err(ProgramError::InvalidAccountOwner);
        }

        let size = router_info.data_len();
        if size < NcnRewardRouter::LEN {
            let new_size =
                realloc_step(size, NcnRewardRouter::LEN).ok_or(ProgramError::ArithmeticOverflow)?;
            payer.realloc(ncn_key, router_info, new_size)?;
        } else {
            // The payer does not sign: its curve check (`AccountPayer::load_signing`).
            payer.check_unsigned()?;
        }
        if router_info.data_len() >= NcnRewardRouter::LEN {
            let mut data = router_info.try_borrow_mut()?;
            if data[0] != NcnRewardRouter::DISCRIMINATOR {
                let slot = Clock::get()?.slot;
                NcnRewardRouter::init(&mut data)?.initialize(ncn_key, epoch, bump, slot);
                let mut state_data = state_info.try_borrow_mut()?;
                EpochState::from_bytes_mut(&mut state_data)?.update_realloc_ncn_reward_router();
            }
        }
        Ok(())
    };
    rest().map_err(|err| payer.settle(err))
}

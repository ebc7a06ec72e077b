//! `ReallocBallotBox` (tag 12): grows the ballot box by up to 10,240 bytes towards its full
//! 22,099 bytes (two calls after `InitializeBallotBox`); once full size, writes its header and
//! empty votes and tallies (once) and opens voting in the epoch state.

use jito_core::{account::AccountType, loader::load_system_program, unlikely};
use jito_ncn_interface::{
    constants::realloc_step,
    state::{BallotBox, Config, EpochState},
};
use jito_restaking_interface::state::Ncn;
use pinocchio::{
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use super::shared::{account_payer::AccountPayer, pda::verify_owned_canonical_pda};

/// Accounts: `[epoch_state (w), config, ballot_box (w), ncn, account_payer (w),
/// system_program]`; data: `epoch: u64`.
///
/// Checks in the template's order: the system program, the NCN, the epoch state, the config,
/// the account payer, the ballot box PDA (`InvalidAccountData`). Before paying, the box must
/// be owned by the program (`InvalidAccountOwner`; the template lets the runtime reject it
/// afterwards) and, on the call that completes it, the epoch state writable
/// (`InvalidAccountData`; the template loads it read-only and writes it).
pub fn process_realloc_ballot_box(
    program_id: &Address,
    accounts: &mut [AccountView],
    epoch: u64,
) -> ProgramResult {
    let [state_info, config_info, box_info, ncn_info, account_payer, system_program] = accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    load_system_program(system_program)?;
    Ncn::load(&jito_restaking_interface::ID, ncn_info, false)?;
    let ncn_key = ncn_info.address();
    EpochState::load(program_id, state_info, ncn_key, epoch, false)?;
    Config::load(program_id, config_info, ncn_key, false)?;
    // Every error from here on goes through `settle` (`AccountPayer::load_signing`).
    let payer = AccountPayer::load_signing(program_id, account_payer, ncn_key, true)?;
    let mut rest = || -> ProgramResult {
        let epoch_bytes = epoch.to_le_bytes();
        let bump = verify_owned_canonical_pda(
            box_info,
            &BallotBox::seeds(ncn_key, &epoch_bytes),
            program_id,
        )?;
        if unlikely(!box_info.owned_by(program_id)) {
            return Err(ProgramError::InvalidAccountOwner);
        }

        let size = box_info.data_len();
        let new_size = if size < BallotBox::LEN {
            realloc_step(size, BallotBox::LEN).ok_or(ProgramError::ArithmeticOverflow)?
        } else {
            size
        };
        let initialize = new_size >= BallotBox::LEN && {
            // SAFETY: only read, and no mutable borrow of the box is held yet.
            unsafe { box_info.borrow_unchecked() }.first() != Some(&BallotBox::DISCRIMINATOR)
        };
        if unlikely(initialize && !state_info.is_writable()) {
            return Err(ProgramError::InvalidAccountData);
        }
        if new_size != size {
            payer.realloc(ncn_key, box_info, new_size)?;
        } else {
            // The payer does not sign: its curve check (`AccountPayer::load_signing`).
            payer.check_unsigned()?;
        }

        if initialize {
            let slot = Clock::get()?.slot;
            let mut box_data = box_info.try_borrow_mut()?;
            BallotBox::init(&mut box_data)?.initialize(ncn_key, epoch, bump, slot);
            let mut state_data = state_info.try_borrow_mut()?;
            EpochState::from_bytes_mut(&mut state_data)?.update_realloc_ballot_box();
        }
        Ok(())
    };
    rest().map_err(|err| payer.settle(err))
}

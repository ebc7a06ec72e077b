//! `InitializeBallotBox` (tag 11): creates the epoch's ballot box at
//! `["ballot_box", ncn, epoch]` with its first 10,240 bytes (zeroed, no header;
//! `ReallocBallotBox` completes it) and its consensus result at
//! `["consensus-result", ncn, epoch]`, which outlives the epoch's other accounts.

use jito_core::{
    account::AccountType,
    loader::{load_system_account, load_system_program},
};
use jito_ncn_interface::{
    constants::MAX_REALLOC_BYTES,
    state::{ballot_box, consensus_result, BallotBox, Config, ConsensusResult, EpochState},
};
use jito_restaking_interface::state::Ncn;
use pinocchio::{cpi::Seed, error::ProgramError, AccountView, Address, ProgramResult};

use super::shared::{
    account_payer::AccountPayer, pda::check_marker_dne, pda::verify_new_ncn_epoch_pda,
};

/// Accounts: `[epoch_marker, epoch_state, config, ballot_box (w), ncn, account_payer (w),
/// system_program, consensus_result (w)]`; data: `epoch: u64`.
///
/// Checks in the template's order: the ballot box is a fresh system account, the system
/// program, the NCN, the epoch state (readable, not closing, loaded), the config, the account
/// payer, the epoch marker, the ballot box PDA (`InvalidSeeds`), then the consensus result is
/// a fresh system account at its PDA (`InvalidSeeds`). The template checks the consensus
/// result after creating the ballot box; its failure undoes that, so checking first gives the
/// same result.
pub fn process_initialize_ballot_box(
    program_id: &Address,
    accounts: &mut [AccountView],
    epoch: u64,
) -> ProgramResult {
    let [epoch_marker, state_info, config_info, box_info, ncn_info, account_payer, system_program, result_info, ..] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    load_system_account(box_info, true)?;
    load_system_program(system_program)?;
    Ncn::load(&jito_restaking_interface::ID, ncn_info, false)?;
    let ncn_key = ncn_info.address();
    EpochState::load_and_check_is_closing(program_id, state_info, ncn_key, epoch, false)?;
    Config::load(program_id, config_info, ncn_key, false)?;
    // Every error from here on goes through `settle` (`AccountPayer::load_signing`).
    let payer = AccountPayer::load_signing(program_id, account_payer, ncn_key, true)?;
    let mut rest = || -> ProgramResult {
        check_marker_dne(program_id, epoch_marker, ncn_key, epoch)?;
        let epoch_bytes = epoch.to_le_bytes();
        let box_bump = verify_new_ncn_epoch_pda(
            box_info.address(),
            BallotBox::seeds(ncn_key, &epoch_bytes)[0],
            ncn_key,
            &epoch_bytes,
            program_id,
        )
        .map_err(|_| ProgramError::InvalidSeeds)?;
        load_system_account(result_info, true)?;
        let result_bump = verify_new_ncn_epoch_pda(
            result_info.address(),
            ConsensusResult::seeds(ncn_key, &epoch_bytes)[0],
            ncn_key,
            &epoch_bytes,
            program_id,
        )
        .map_err(|_| ProgramError::InvalidSeeds)?;

        let box_bump_seed = [box_bump];
        payer.create_account(
            ncn_key,
            box_info,
            program_id,
            MAX_REALLOC_BYTES as usize,
            &[
                Seed::from(ballot_box::SEED),
                Seed::from(ncn_key.as_ref()),
                Seed::from(&epoch_bytes),
                Seed::from(&box_bump_seed),
            ],
        )?;
        let result_bump_seed = [result_bump];
        payer.create_account(
            ncn_key,
            result_info,
            program_id,
            ConsensusResult::LEN,
            &[
                Seed::from(consensus_result::SEED),
                Seed::from(ncn_key.as_ref()),
                Seed::from(&epoch_bytes),
                Seed::from(&result_bump_seed),
            ],
        )?;
        let mut data = result_info.try_borrow_mut()?;
        ConsensusResult::init(&mut data)?.initialize(ncn_key, epoch, result_bump);
        Ok(())
    };
    rest().map_err(|err| payer.settle(err))
}

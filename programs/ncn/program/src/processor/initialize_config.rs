//! `InitializeConfig` (tag 0): the NCN admin creates the NCN program's config at
//! `["config", ncn]`, paid by the account payer.

use jito_core::{
    account::AccountType,
    loader::{load_signer, load_system_account, load_system_program},
    unlikely,
};
use jito_ncn_interface::pda::verify_new_canonical_pda;
use jito_ncn_interface::{
    constants::{
        MAX_EPOCHS_AFTER_CONSENSUS_BEFORE_CLOSE, MAX_EPOCHS_BEFORE_STALL,
        MAX_VALID_SLOTS_AFTER_CONSENSUS, MIN_EPOCHS_AFTER_CONSENSUS_BEFORE_CLOSE,
        MIN_EPOCHS_BEFORE_STALL, MIN_VALID_SLOTS_AFTER_CONSENSUS,
    },
    error::NcnProgramError,
    state::{config, Config, FeeConfig},
};
use jito_restaking_interface::state::Ncn;
use pinocchio::{
    address::address_eq,
    cpi::Seed,
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use super::shared::account_payer::AccountPayer;

/// Accounts: `[config (w), ncn, ncn_fee_wallet, ncn_admin (s), tie_breaker_admin,
/// account_payer (w), system_program]`.
///
/// Data: `epochs_before_stall: u64, epochs_after_consensus_before_close: u64,
/// valid_slots_after_consensus: u64, ncn_fee_bps: u16`.
///
/// Checks in the template's order: the config is a fresh system account, the system program,
/// the admin's signature, the NCN, the account payer, the three ranges
/// (`InvalidEpochsBeforeStall`, `InvalidEpochsBeforeClose`, `InvalidSlotsAfterConsensus`),
/// the NCN admin (`IncorrectNcnAdmin`), the config PDA (`InvalidSeeds`) and the fee config
/// (`DefaultNcnWallet`, `FeeCapExceeded`). The template checks the fee config after creating
/// the account; its failure undoes the creation, so checking it first gives the same result.
#[allow(clippy::too_many_arguments)]
pub fn process_initialize_config(
    program_id: &Address,
    accounts: &mut [AccountView],
    epochs_before_stall: u64,
    epochs_after_consensus_before_close: u64,
    valid_slots_after_consensus: u64,
    ncn_fee_bps: u16,
) -> ProgramResult {
    let [config_info, ncn_info, ncn_fee_wallet, ncn_admin, tie_breaker_admin, account_payer, system_program] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    load_system_account(config_info, true)?;
    load_system_program(system_program)?;
    load_signer(ncn_admin, false)?;
    Ncn::load(&jito_restaking_interface::ID, ncn_info, false)?;
    let ncn_key = ncn_info.address();
    // Every error from here on goes through `settle` (`AccountPayer::load_signing`).
    let payer = AccountPayer::load_signing(program_id, account_payer, ncn_key, true)?;
    let mut rest = || -> ProgramResult {
        let epoch = Clock::get()?.epoch;
        if unlikely(
            !(MIN_EPOCHS_BEFORE_STALL..=MAX_EPOCHS_BEFORE_STALL).contains(&epochs_before_stall),
        ) {
            return Err(NcnProgramError::InvalidEpochsBeforeStall.into());
        }
        if unlikely(
            !(MIN_EPOCHS_AFTER_CONSENSUS_BEFORE_CLOSE..=MAX_EPOCHS_AFTER_CONSENSUS_BEFORE_CLOSE)
                .contains(&epochs_after_consensus_before_close),
        ) {
            return Err(NcnProgramError::InvalidEpochsBeforeClose.into());
        }
        if unlikely(
            !(MIN_VALID_SLOTS_AFTER_CONSENSUS..=MAX_VALID_SLOTS_AFTER_CONSENSUS)
                .contains(&valid_slots_after_consensus),
        ) {
            return Err(NcnProgramError::InvalidSlotsAfterConsensus.into());
        }
        {
            // SAFETY: loaded above (restaking-owned NCN of the right size); only read.
            let ncn = Ncn::from_bytes(unsafe { ncn_info.borrow_unchecked() })?;
            if unlikely(!address_eq(&ncn.admin, ncn_admin.address())) {
                return Err(NcnProgramError::IncorrectNcnAdmin.into());
            }
        }
        let bump =
            verify_new_canonical_pda(config_info.address(), &Config::seeds(ncn_key), program_id)
                .map_err(|_| ProgramError::InvalidSeeds)?;
        let fee_config = FeeConfig::new(ncn_fee_wallet.address(), ncn_fee_bps, epoch)?;

        let bump_seed = [bump];
        payer.create_account(
            ncn_key,
            config_info,
            program_id,
            Config::LEN,
            &[
                Seed::from(config::SEED),
                Seed::from(ncn_key.as_ref()),
                Seed::from(&bump_seed),
            ],
        )?;

        let mut data = config_info.try_borrow_mut()?;
        Config::init(&mut data)?.initialize(
            ncn_key,
            tie_breaker_admin.address(),
            epoch,
            valid_slots_after_consensus,
            epochs_before_stall,
            epochs_after_consensus_before_close,
            &fee_config,
            bump,
        );
        Ok(())
    };
    rest().map_err(|err| payer.settle(err))
}

//! UpdateVaultBalance (tag 26): supported tokens that arrived in the vault's
//! token account outside of deposits (rewards) are added to the vault's
//! balance, and the reward fee is minted as VRT to the vault's fee wallet.

use jito_core::{
    account::{load_account_bound_mut, load_fixed},
    loader::{
        load_associated_token_account_of, load_program, load_token_mint_of, select_token_program,
    },
    token::TokenAccount,
    token_cpi,
};
use jito_vault_interface::state::{Config, Vault};
use pinocchio::{
    cpi::Signer,
    error::ProgramError,
    sysvars::{clock::Clock, Sysvar},
    AccountView, Address, ProgramResult,
};

use jito_core::args::no_args;

/// Accounts: `[config, vault (w), vault_token_account, vrt_mint (w),
/// vault_fee_token_account (w), token_program]`. No data.
pub fn process_update_vault_balance(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    no_args(data)?;
    let [config_info, vault_info, vault_token_account, vrt_mint, vault_fee_token_account, token_program] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let epoch_length = load_fixed::<Config>(program_id, config_info, false)?.epoch_length();
    // An existing vault: owner, size and type prove it (`check_account_bound`).
    // SAFETY: accounts whose checks name different types (discriminators)
    // are different accounts: this is the only view of this one.
    let vault = unsafe { load_account_bound_mut::<Vault>(program_id, vault_info, true) }?;

    let vault_key = *vault_info.address();
    let (vrt_reward_fee, base, bump, token_program_id) = {
        // The VRT mint's program is the vault's (SPL Token as the original, or Token-2022).
        let token_program_id = select_token_program(token_program, vrt_mint);
        load_token_mint_of(vrt_mint, token_program_id)?;
        load_associated_token_account_of(
            vault_fee_token_account,
            &vault.fee_wallet,
            vrt_mint.address(),
            token_program_id,
        )?;
        load_associated_token_account_of(
            vault_token_account,
            &vault_key,
            &vault.supported_mint,
            token_program_id,
        )?;
        load_program(token_program, token_program_id)?;

        vault.check_update_state_ok(Clock::get()?.slot, epoch_length)?;
        vault.check_vrt_mint(vrt_mint.address())?;
        vault.check_is_paused()?;

        let new_st_balance = TokenAccount::unpack(&vault_token_account.try_borrow()?)?.amount();
        (
            vault.apply_rewards(new_st_balance)?,
            vault.base,
            vault.bump,
            token_program_id,
        )
    };

    if vrt_reward_fee > 0 {
        let bump_seed = [bump];
        let vault_seeds = Vault::signer_seeds(&base, &bump_seed);
        token_cpi::mint_to_with(
            token_program_id,
            vrt_mint,
            vault_fee_token_account,
            vault_info,
            vrt_reward_fee,
            &[Signer::from(&vault_seeds)],
        )?;
    }
    Ok(())
}

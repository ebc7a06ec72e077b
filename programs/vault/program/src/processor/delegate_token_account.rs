//! DelegateTokenAccount (tag 20): the vault's delegate-asset admin approves a
//! delegate for all of a vault token account that is not of the supported mint
//! (e.g. airdropped tokens).

use jito_core::token_cpi;
use jito_core::{
    account::AccountType,
    loader::{load_signer, load_token_account, load_token_mint, load_token_program},
    unlikely,
};
use jito_vault_interface::state::{Config, Vault};
use pinocchio::{
    address::address_eq, cpi::Signer, error::ProgramError, AccountView, Address, ProgramResult,
};

use super::no_args;

/// The checks DelegateTokenAccount and RevokeDelegateTokenAccount share, in the
/// original's order; returns the vault's base and bump for signing.
pub(crate) fn check_delegation_accounts(
    program_id: &Address,
    config_info: &AccountView,
    vault_info: &AccountView,
    delegate_asset_admin: &AccountView,
    token_mint: &AccountView,
    token_account: &AccountView,
    token_program: &AccountView,
) -> Result<(Address, u8), ProgramError> {
    Config::load(program_id, config_info, false)?;
    Vault::load(program_id, vault_info, false)?;
    load_signer(delegate_asset_admin, false)?;
    load_token_mint(token_mint)?;
    load_token_account(
        token_account,
        vault_info.address(),
        token_mint.address(),
        token_program,
    )?;
    // Only SPL Token, as the original.
    load_token_program(token_program)?;

    // The mint and the account belong to the same token program.
    if unlikely(!token_mint.owned_by(&token_account.owner())) {
        return Err(ProgramError::InvalidAccountData);
    }

    let vault_data = vault_info.try_borrow()?;
    let vault = Vault::from_bytes(&vault_data)?;
    // The supported tokens back the VRT: never delegated.
    if unlikely(address_eq(&vault.supported_mint, token_mint.address())) {
        return Err(ProgramError::InvalidAccountData);
    }
    vault.check_delegate_asset_admin(delegate_asset_admin.address())?;
    Ok((vault.base, vault.bump))
}

/// Accounts: `[config, vault, delegate_asset_admin (s), token_mint,
/// token_account (w), delegate, token_program]`. No data.
pub fn process_delegate_token_account(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    no_args(data)?;
    let [config_info, vault_info, delegate_asset_admin, token_mint, token_account, delegate, token_program] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let (base, bump) = check_delegation_accounts(
        program_id,
        config_info,
        vault_info,
        delegate_asset_admin,
        token_mint,
        token_account,
        token_program,
    )?;

    let bump_seed = [bump];
    let vault_seeds = Vault::signer_seeds(&base, &bump_seed);
    token_cpi::approve(
        token_account,
        delegate,
        vault_info,
        u64::MAX,
        &[Signer::from(&vault_seeds)],
    )
}

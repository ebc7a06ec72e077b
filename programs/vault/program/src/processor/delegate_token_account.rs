//! DelegateTokenAccount (tag 20): the vault's delegate-asset admin approves a
//! delegate for all of a vault token account that is not of the supported mint
//! (e.g. airdropped tokens).

use jito_core::{
    account::load,
    loader::{
        load_program, load_signer, load_token_account_of, load_token_mint_of, select_token_program,
    },
    token_cpi, unlikely,
};
use jito_vault_interface::state::{Config, Vault};
use pinocchio::{
    address::address_eq, cpi::Signer, error::ProgramError, AccountView, Address, ProgramResult,
};

use jito_core::args::no_args;

/// The checks DelegateTokenAccount and RevokeDelegateTokenAccount share, in the
/// original's order; returns the vault's base and bump for signing and the
/// token program to call.
pub(crate) fn check_delegation_accounts(
    program_id: &Address,
    config_info: &AccountView,
    vault_info: &AccountView,
    delegate_asset_admin: &AccountView,
    token_mint: &AccountView,
    token_account: &AccountView,
    token_program: &AccountView,
) -> Result<(Address, u8, &'static Address), ProgramError> {
    Config::load(program_id, config_info, false)?;
    let vault = load::<Vault>(program_id, vault_info, false)?;
    load_signer(delegate_asset_admin, false)?;
    // The delegated tokens' program: SPL Token as the original, or Token-2022
    // when both the program passed and the mint are Token-2022.
    let token_program_id = select_token_program(token_program, token_mint);
    load_token_mint_of(token_mint, token_program_id)?;
    load_program(token_program, token_program_id)?;
    load_token_account_of(
        token_account,
        vault_info.address(),
        token_mint.address(),
        token_program_id,
    )?;
    // The original checks the token program a second time here, and then that
    // the mint and the account have the same owner: neither can fail once the
    // checks above passed (the same program account and id; the mint and the
    // account are both owned by `token_program_id`), so neither is repeated.

    // The supported tokens back the VRT: never delegated.
    if unlikely(address_eq(&vault.supported_mint, token_mint.address())) {
        return Err(ProgramError::InvalidAccountData);
    }
    vault.check_delegate_asset_admin(delegate_asset_admin.address())?;
    Ok((vault.base, vault.bump, token_program_id))
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

    let (base, bump, token_program_id) = check_delegation_accounts(
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
    token_cpi::approve_with(
        token_program_id,
        token_account,
        delegate,
        vault_info,
        u64::MAX,
        &[Signer::from(&vault_seeds)],
    )
}

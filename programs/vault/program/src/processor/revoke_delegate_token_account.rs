//! RevokeDelegateTokenAccount (tag 21): the vault's delegate-asset admin revokes
//! the delegate set by DelegateTokenAccount.

use jito_core::token_cpi;
use jito_vault_interface::state::Vault;
use pinocchio::{cpi::Signer, error::ProgramError, AccountView, Address, ProgramResult};

use jito_core::args::no_args;

use super::delegate_token_account::check_delegation_accounts;

/// Accounts: `[config, vault, delegate_asset_admin (s), token_mint,
/// token_account (w), token_program]`. No data.
pub fn process_revoke_delegate_token_account(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    no_args(data)?;
    let [config_info, vault_info, delegate_asset_admin, token_mint, token_account, token_program] =
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
    token_cpi::revoke_with(
        token_program_id,
        token_account,
        vault_info,
        &[Signer::from(&vault_seeds)],
    )
}

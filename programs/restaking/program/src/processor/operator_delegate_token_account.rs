//! `OperatorDelegateTokenAccount` (tag 23): the delegate admin of an operator approves a delegate
//! for `u64::MAX` on a token account the operator PDA owns (e.g. tokens airdropped
//! to it), the PDA signing the SPL Token `Approve`.

use jito_core::{
    account::load_untracked,
    loader::{load_signer, load_token_account, load_token_mint},
    token_cpi,
};
use jito_restaking_interface::state::Operator;
use pinocchio::{
    cpi::{Seed, Signer},
    error::ProgramError,
    AccountView, Address, ProgramResult,
};

use jito_core::args::no_args;

/// Accounts: `[operator, delegate_admin (s), token_mint, token_account (w), delegate,
/// token_program]`.
///
/// Only SPL Token is accepted, as in the original: a Token-2022 mint fails
/// with `InvalidAccountOwner`, a Token-2022 program with `IncorrectProgramId`.
pub fn process_operator_delegate_token_account(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    no_args(data)?;
    let [operator_info, delegate_admin, token_mint, token_account, delegate, token_program] =
        accounts
    else {
        return Err(ProgramError::NotEnoughAccountKeys);
    };

    let operator = load_untracked::<Operator>(program_id, operator_info, false)?;
    load_signer(delegate_admin, false)?;
    load_token_mint(token_mint)?;
    // Checks that `token_program` is SPL Token first (`IncorrectProgramId`).
    // The original then re-checks the program id and that mint and account
    // have the same owner program; both hold once these two loads passed.
    load_token_account(
        token_account,
        operator_info.address(),
        token_mint.address(),
        token_program,
    )?;

    operator.check_delegate_admin(delegate_admin.address())?;

    // The signer seeds read in place from the account (no copy of the base).
    let bump_seed = [operator.bump];
    let seeds = [
        Seed::from(Operator::SEED),
        Seed::from(operator.base.as_ref()),
        Seed::from(&bump_seed),
    ];
    token_cpi::approve(
        token_account,
        delegate,
        operator_info,
        u64::MAX,
        &[Signer::from(&seeds)],
    )
}

//! Token program CPIs, one shared (not inlined) body each: every call site
//! would otherwise inline its own copy of the CPI construction.

use pinocchio::{cpi::Signer, AccountView, ProgramResult};
use pinocchio_token::instructions::{Approve, Burn, CloseAccount, MintTo, Revoke, Transfer};

/// `Transfer` of `amount` from `from` to `to`, authorised by `authority`.
#[inline(never)]
pub fn transfer(
    from: &AccountView,
    to: &AccountView,
    authority: &AccountView,
    amount: u64,
    signers: &[Signer],
) -> ProgramResult {
    Transfer::new(from, to, authority, amount).invoke_signed(signers)
}

/// `MintTo` of `amount` of `mint` into `account`, authorised by `authority`.
#[inline(never)]
pub fn mint_to(
    mint: &AccountView,
    account: &AccountView,
    authority: &AccountView,
    amount: u64,
    signers: &[Signer],
) -> ProgramResult {
    MintTo::new(mint, account, authority, amount).invoke_signed(signers)
}

/// `Burn` of `amount` from `account` of `mint`, authorised by `authority`.
#[inline(never)]
pub fn burn(
    account: &AccountView,
    mint: &AccountView,
    authority: &AccountView,
    amount: u64,
    signers: &[Signer],
) -> ProgramResult {
    Burn::new(account, mint, authority, amount).invoke_signed(signers)
}

/// `Approve` of `amount` from `source` to `delegate`, authorised by `authority`.
#[inline(never)]
pub fn approve(
    source: &AccountView,
    delegate: &AccountView,
    authority: &AccountView,
    amount: u64,
    signers: &[Signer],
) -> ProgramResult {
    Approve::new(source, delegate, authority, amount).invoke_signed(signers)
}

/// `Revoke` of `source`'s delegate, authorised by `authority`.
#[inline(never)]
pub fn revoke(source: &AccountView, authority: &AccountView, signers: &[Signer]) -> ProgramResult {
    Revoke::new(source, authority).invoke_signed(signers)
}

/// `CloseAccount` of `account`, its lamports to `destination`, authorised by `authority`.
#[inline(never)]
pub fn close_account(
    account: &AccountView,
    destination: &AccountView,
    authority: &AccountView,
    signers: &[Signer],
) -> ProgramResult {
    CloseAccount::new(account, destination, authority).invoke_signed(signers)
}

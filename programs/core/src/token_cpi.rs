//! Token program CPIs, one shared (not inlined) body each: every call site
//! would otherwise inline its own copy of the CPI construction.

use pinocchio::{
    cpi::{invoke, Signer},
    instruction::InstructionView,
    AccountView, Address, ProgramResult,
};
use pinocchio_token::instructions::{
    Approve, Burn, CloseAccount, InitializeMint2, MintTo, Revoke, Transfer,
};

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

// The same CPIs sent to a given token program (SPL Token or Token-2022, already
// checked by the caller): the instruction encodings are shared by both.

/// [`transfer`] sent to `program`.
#[inline(never)]
pub fn transfer_with(
    program: &Address,
    from: &AccountView,
    to: &AccountView,
    authority: &AccountView,
    amount: u64,
    signers: &[Signer],
) -> ProgramResult {
    Transfer::new(from, to, authority, amount)
        .invoke_signed_with_unverified_program(signers, program)
}

/// [`mint_to`] sent to `program`.
#[inline(never)]
pub fn mint_to_with(
    program: &Address,
    mint: &AccountView,
    account: &AccountView,
    authority: &AccountView,
    amount: u64,
    signers: &[Signer],
) -> ProgramResult {
    MintTo::new(mint, account, authority, amount)
        .invoke_signed_with_unverified_program(signers, program)
}

/// [`burn`] sent to `program`.
#[inline(never)]
pub fn burn_with(
    program: &Address,
    account: &AccountView,
    mint: &AccountView,
    authority: &AccountView,
    amount: u64,
    signers: &[Signer],
) -> ProgramResult {
    Burn::new(account, mint, authority, amount)
        .invoke_signed_with_unverified_program(signers, program)
}

/// [`approve`] sent to `program`.
#[inline(never)]
pub fn approve_with(
    program: &Address,
    source: &AccountView,
    delegate: &AccountView,
    authority: &AccountView,
    amount: u64,
    signers: &[Signer],
) -> ProgramResult {
    Approve::new(source, delegate, authority, amount)
        .invoke_signed_with_unverified_program(signers, program)
}

/// [`revoke`] sent to `program`.
#[inline(never)]
pub fn revoke_with(
    program: &Address,
    source: &AccountView,
    authority: &AccountView,
    signers: &[Signer],
) -> ProgramResult {
    Revoke::new(source, authority).invoke_signed_with_unverified_program(signers, program)
}

/// [`close_account`] sent to `program`.
#[inline(never)]
pub fn close_account_with(
    program: &Address,
    account: &AccountView,
    destination: &AccountView,
    authority: &AccountView,
    signers: &[Signer],
) -> ProgramResult {
    CloseAccount::new(account, destination, authority)
        .invoke_signed_with_unverified_program(signers, program)
}

/// `InitializeMint2` of `mint` (no freeze authority) sent to `program`.
#[inline(never)]
pub fn initialize_mint2_with(
    program: &Address,
    mint: &AccountView,
    decimals: u8,
    mint_authority: &Address,
) -> ProgramResult {
    InitializeMint2::new(mint, decimals, mint_authority, None)
        .invoke_with_unverified_program(program)
}

/// An SPL Memo (v3) with `text` and no signers. Token-2022 accepts a transfer
/// into an account that requires incoming memos only right after a memo
/// instruction at the same invocation level; the Memo program must be among
/// the caller's accounts.
#[inline(never)]
pub fn memo(text: &[u8]) -> ProgramResult {
    invoke::<0, &AccountView>(
        &InstructionView {
            program_id: &crate::token::MEMO_PROGRAM_ID,
            data: text,
            accounts: &[],
        },
        &[],
    )
}

//! Read-only checks of the vault program's `Vault` account, done from raw
//! bytes at the original offsets (the restaking program does not depend on the
//! vault crates).

use jito_core::{
    account::{invalid_account_data, invalid_account_owner},
    unlikely,
};
use pinocchio::{AccountView, Address, ProgramResult};

/// Discriminator of the vault program's `Vault` account.
pub const VAULT_DISCRIMINATOR: u8 = 2;
/// Length of a `Vault` account: 8-byte header + 1,103-byte struct.
pub const VAULT_LEN: usize = 1111;
/// Offset of `Vault::base` in the account data.
pub const VAULT_BASE_OFFSET: usize = 8;
/// Offset of `Vault::bump` in the account data.
pub const VAULT_BUMP_OFFSET: usize = 850;
/// Seed prefix of the vault PDA: `["vault", base]` under the vault program.
pub const VAULT_SEED: &[u8] = b"vault";

/// The original `Vault::load(vault_program, vault, expect_writable)`: owned by
/// `vault_program` (`InvalidAccountOwner`), non-empty, writable when expected,
/// vault discriminator and exact length (all `InvalidAccountData`).
#[inline(always)]
pub fn load_vault(
    vault_program: &Address,
    account: &AccountView,
    expect_writable: bool,
) -> ProgramResult {
    if unlikely(!account.owned_by(vault_program)) {
        return Err(invalid_account_owner());
    }
    if unlikely(account.data_len() != VAULT_LEN) {
        return Err(invalid_account_data());
    }
    if unlikely(expect_writable && !account.is_writable()) {
        return Err(invalid_account_data());
    }
    // The original's `try_borrow` (`AccountBorrowFailed` under a mutable
    // borrow) cannot fail here: the restaking program takes no tracked borrow
    // (no `try_borrow*` in it), so every account keeps the runtime's
    // `NOT_BORROWED` state (`jito_core::account::check_bound_inlined`).
    // SAFETY: the data is `VAULT_LEN` bytes long; read only during this check.
    if unlikely(unsafe { *account.data_ptr() } != VAULT_DISCRIMINATOR) {
        return Err(invalid_account_data());
    }
    // An existing vault, seeded by its stored base only: the original's PDA
    // check of the stored base and bump always holds (`jito_core::account`).
    Ok(())
}

//! InitializeVaultWithMint (tag 2): reserved in the original, where it does
//! nothing and succeeds whatever the accounts.

use pinocchio::{AccountView, Address, ProgramResult};

use jito_core::args::no_args;

/// No accounts are read. No data (trailing bytes fail as in the original's decoding).
pub fn process_initialize_vault_with_mint(
    _program_id: &Address,
    _accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    no_args(data)
}

//! Test-only stand-in for the Metaplex Token Metadata program.
//!
//! The Metaplex binary cannot be shipped with the tests, so the Mollusk tests
//! load this program at the Metaplex program id. It accepts any invocation and
//! sets the transaction's return data to a record of what it received:
//!
//! ```text
//! program_id (32) | n_accounts (1) | n x [address (32) | is_signer (1) | is_writable (1)] | data
//! ```
//!
//! The vault's metadata CPI is its last CPI, so the record is still the return
//! data when the vault instruction ends, and a test can compare it byte for byte
//! with the Borsh encoding the original program sends to Metaplex.

#![no_std]

#[cfg(target_arch = "bpf")]
extern crate solana_compiler_builtins;

use pinocchio::{
    cpi::{set_return_data, MAX_RETURN_DATA},
    error::ProgramError,
    AccountView, Address, ProgramResult,
};

pinocchio::program_entrypoint!(process_instruction);
pinocchio::no_allocator!();
pinocchio::nostd_panic_handler!();

/// Bytes recorded per account.
const ACCOUNT_RECORD_LEN: usize = 34;

pub fn process_instruction(
    program_id: &Address,
    accounts: &mut [AccountView],
    data: &[u8],
) -> ProgramResult {
    let mut record = [0u8; MAX_RETURN_DATA];
    let accounts_len = accounts.len().min(u8::MAX as usize);
    let len = 33 + accounts_len * ACCOUNT_RECORD_LEN + data.len();
    if len > MAX_RETURN_DATA {
        return Err(ProgramError::InvalidInstructionData);
    }
    record[..32].copy_from_slice(program_id.as_ref());
    record[32] = accounts_len as u8;
    let mut offset = 33;
    for account in accounts.iter().take(accounts_len) {
        record[offset..offset + 32].copy_from_slice(account.address().as_ref());
        record[offset + 32] = account.is_signer() as u8;
        record[offset + 33] = account.is_writable() as u8;
        offset += ACCOUNT_RECORD_LEN;
    }
    record[offset..len].copy_from_slice(data);
    set_return_data(&record[..len]);
    Ok(())
}

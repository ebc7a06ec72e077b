//! Scenario helpers for the vault program's configuration and admin tests
//! (`vault_admin`, `vault_config`): wallets, non-canonical PDAs and the instruction tweaks those
//! tests apply. Config and vault bytes are [`ConfigState`] / [`VaultState`] of
//! [`crate::layout_oracle`]; instructions come from [`crate::world::vault`].

use crate::{
    program_account, system_account, Account, AccountMeta, Instruction, Pubkey, SYSTEM_PROGRAM_ID,
    VAULT_PROGRAM_ID,
};

/// `DEFAULT_SLOTS_PER_EPOCH`, the epoch length InitializeConfig writes.
pub use crate::layout_oracle::{ConfigState, VaultState, DEFAULT_EPOCH_LENGTH};
/// Lamports every test wallet starts with.
pub const WALLET_LAMPORTS: u64 = 10_000_000_000;

/// Whole account lengths (8-byte header + the original struct).
pub mod len {
    pub const CONFIG: usize = 8 + 382;
    pub const VAULT: usize = 8 + 1103;
}

/// Instruction tags and custom error codes (the shared table).
pub use crate::codes::{vault_err as err, vault_tag as tag};

// ---------------------------------------------------------------------------
// PDAs
// ---------------------------------------------------------------------------

pub use crate::pda::vault::{burn_vault_pda, config_pda, vault_pda};

/// A PDA of the vault program whose bump is not the canonical one, with that bump
/// (for "wrong PDA" tests).
pub fn non_canonical_pda(seeds: &[&[u8]]) -> (Pubkey, u8) {
    let (_, canonical) = Pubkey::find_program_address(seeds, &VAULT_PROGRAM_ID);
    (0..canonical)
        .rev()
        .find_map(|bump| {
            let mut with_bump: Vec<&[u8]> = seeds.to_vec();
            let b = [bump];
            with_bump.push(&b);
            Pubkey::create_program_address(&with_bump, &VAULT_PROGRAM_ID)
                .ok()
                .map(|k| (k, bump))
        })
        .expect("a non-canonical bump")
}

// ---------------------------------------------------------------------------
// Accounts
// ---------------------------------------------------------------------------

/// A funded wallet.
pub fn wallet() -> (Pubkey, Account) {
    (Pubkey::new_unique(), system_account(WALLET_LAMPORTS))
}

/// A key with no account content (a plain reference such as a new admin).
pub fn bare_key() -> (Pubkey, Account) {
    (Pubkey::new_unique(), Account::default())
}

/// The system program as an instruction account.
pub fn system_program() -> (Pubkey, Account) {
    program_account(&SYSTEM_PROGRAM_ID)
}

// ---------------------------------------------------------------------------
// Instructions (built with the generated client, `jito-vault-client`)
// ---------------------------------------------------------------------------

pub use crate::codes::vault_admin_role;

pub use crate::world::vault::*;

// ---------------------------------------------------------------------------
// Instruction tweaks for failure tests
// ---------------------------------------------------------------------------

/// The same instruction with account `i` not signing.
pub fn unsigned(mut ix: Instruction, i: usize) -> Instruction {
    ix.accounts[i].is_signer = false;
    ix
}

/// The same instruction with account `i` read-only.
pub fn readonly(mut ix: Instruction, i: usize) -> Instruction {
    ix.accounts[i].is_writable = false;
    ix
}

/// The same instruction with its last account removed.
pub fn drop_last_account(mut ix: Instruction) -> Instruction {
    ix.accounts.pop();
    ix
}

/// The same instruction with one more (read-only) account at the end.
pub fn extra_account(mut ix: Instruction, key: &Pubkey) -> Instruction {
    ix.accounts.push(AccountMeta::new_readonly(*key, false));
    ix
}

/// The same instruction with other data after the tag.
pub fn with_args(mut ix: Instruction, args: &[u8]) -> Instruction {
    ix.data.truncate(1);
    ix.data.extend_from_slice(args);
    ix
}

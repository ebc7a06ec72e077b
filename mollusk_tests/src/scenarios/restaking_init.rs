//! Scenario: restaking accounts as the account-creating instructions (tags 0–6) leave them,
//! for `tests/restaking_init.rs`: the "created at `slot`" ticket bytes (from
//! [`crate::layout_oracle`]), wallets, and the result checks of those tests. Written accounts
//! are read back through the client ([`decode`]).

use crate::{
    owned_account, program_account, rent_exempt, system_account, Account, Instruction,
    InstructionResult, Pubkey, RESTAKING_PROGRAM_ID, SYSTEM_PROGRAM_ID, VAULT_PROGRAM_ID,
};

/// Lamports every test wallet starts with.
pub const WALLET_LAMPORTS: u64 = 10_000_000_000;

/// Whole account lengths (8-byte header + the original struct).
pub mod len {
    pub const CONFIG: usize = 360;
    pub const NCN: usize = 592;
    pub const OPERATOR: usize = 520;
    pub const NCN_OPERATOR_STATE: usize = 440;
    pub const OPERATOR_VAULT_TICKET: usize = 392;
    pub const NCN_VAULT_TICKET: usize = 392;
    pub const NCN_VAULT_SLASHER_TICKET: usize = 432;
    pub const VAULT: usize = 1111;
}

/// Custom error codes of `RestakingError` (the shared table).
pub use crate::codes::restaking_err as err;

// ---------------------------------------------------------------------------
// PDAs
// ---------------------------------------------------------------------------

pub use crate::pda::{
    restaking::{
        config_pda, ncn_operator_state_pda, ncn_pda, ncn_vault_slasher_ticket_pda,
        ncn_vault_ticket_pda, operator_pda, operator_vault_ticket_pda,
    },
    vault::vault_pda,
};

use crate::layout_oracle as oracle;
pub use crate::layout_oracle::{
    vault_stub_data, ConfigFields, NcnFields, OperatorFields, DEFAULT_EPOCH_LENGTH,
};

/// `NcnOperatorState` as created at `slot` (both toggles inactive).
pub fn ncn_operator_state_bytes(ncn: &Pubkey, operator: &Pubkey, index: u64, slot: u64) -> Vec<u8> {
    oracle::ncn_operator_state_bytes(ncn, operator, index, (slot, slot), (slot, slot))
}

/// `NcnVaultTicket` as created at `slot`.
pub fn ncn_vault_ticket_bytes(ncn: &Pubkey, vault: &Pubkey, index: u64, slot: u64) -> Vec<u8> {
    oracle::ncn_vault_ticket_bytes(ncn, vault, index, (slot, slot))
}

/// `OperatorVaultTicket` as created at `slot`.
pub fn operator_vault_ticket_bytes(
    operator: &Pubkey,
    vault: &Pubkey,
    index: u64,
    slot: u64,
) -> Vec<u8> {
    oracle::operator_vault_ticket_bytes(operator, vault, index, (slot, slot))
}

/// `NcnVaultSlasherTicket` as created at `slot`.
pub fn ncn_vault_slasher_ticket_bytes(
    ncn: &Pubkey,
    vault: &Pubkey,
    slasher: &Pubkey,
    max_slashable: u64,
    index: u64,
    slot: u64,
) -> Vec<u8> {
    oracle::ncn_vault_slasher_ticket_bytes(ncn, vault, slasher, max_slashable, index, (slot, slot))
}

/// A vault at its PDA, owned by the vault program: `(address, account)`.
pub fn vault_account(base: &Pubkey) -> (Pubkey, Account) {
    let (address, bump) = vault_pda(base);
    (
        address,
        owned_account(&VAULT_PROGRAM_ID, vault_stub_data(base, bump)),
    )
}

// ---------------------------------------------------------------------------
// Decoding through the generated client
// ---------------------------------------------------------------------------

pub use crate::client_decode::{restaking as decode, toggle};

pub use crate::world::restaking::*;

// ---------------------------------------------------------------------------
// Account sets and result checks
// ---------------------------------------------------------------------------

/// A funded wallet.
pub fn wallet() -> Account {
    system_account(WALLET_LAMPORTS)
}

/// An empty address (no lamports, no data) as the system program sees it.
pub fn empty() -> Account {
    system_account(0)
}

/// The keyed accounts an instruction needs, in its account order, with the
/// system program resolved to its loader entry. Duplicated keys appear once.
pub fn accounts_for(ix: &Instruction, state: &[(Pubkey, Account)]) -> Vec<(Pubkey, Account)> {
    let mut out: Vec<(Pubkey, Account)> = Vec::new();
    for meta in &ix.accounts {
        if out.iter().any(|(k, _)| *k == meta.pubkey) {
            continue;
        }
        if meta.pubkey == SYSTEM_PROGRAM_ID {
            out.push(program_account(&SYSTEM_PROGRAM_ID));
            continue;
        }
        let account = state
            .iter()
            .find(|(k, _)| *k == meta.pubkey)
            .map(|(_, a)| a.clone())
            .unwrap_or_else(|| panic!("no account for {}", meta.pubkey));
        out.push((meta.pubkey, account));
    }
    out
}

/// Every account not in `written` is unchanged.
#[track_caller]
pub fn assert_unchanged_except(
    result: &InstructionResult,
    before: &[(Pubkey, Account)],
    written: &[Pubkey],
) {
    for (key, account) in before {
        if written.contains(key) {
            continue;
        }
        let after = result
            .get_account(key)
            .unwrap_or_else(|| panic!("account {key} not in result"));
        assert_eq!(after, account, "account {key} changed");
    }
}

/// `account` is a rent-exempt restaking account holding exactly `data`.
#[track_caller]
pub fn assert_created(account: &Account, data: &[u8]) {
    assert_eq!(account.owner, RESTAKING_PROGRAM_ID, "owner");
    assert_eq!(account.lamports, rent_exempt(data.len()), "lamports");
    assert!(!account.executable);
    assert_eq!(account.data.len(), data.len(), "length");
    assert_eq!(account.data, data, "bytes");
}

//! Role key sets for the restaking adversarial tests (negative matrix, randomized sequences):
//! deterministic keys with every admin role held by a different key, the field offsets the
//! mutations use, and the accounts of those keys (bytes from [`crate::layout_oracle`]).

pub use crate::layout_oracle::{
    ncn_operator_state_bytes, ncn_vault_slasher_ticket_bytes, ncn_vault_ticket_bytes,
    operator_vault_ticket_bytes,
};
use crate::layout_oracle::{restaking_config_data, VaultState};

use crate::{
    mint_data, owned_account, system_account, token_account_data, Account, Pubkey,
    RESTAKING_PROGRAM_ID, TOKEN_PROGRAM_ID,
};

/// Lamports of every funded test wallet.
pub const WALLET_LAMPORTS: u64 = 10_000_000_000;

/// Instruction tags and custom error codes (the shared table).
pub use crate::codes::{restaking_err as err, restaking_tag as tag};

/// Discriminators, lengths and field offsets of the restaking accounts.
pub use crate::layout_oracle::restaking_layout as layout;

/// A deterministic test key: `[0xAD, group, n, 0, …]`.
pub fn key(group: u8, n: u8) -> Pubkey {
    crate::world::fixed_key(0xAD, group, n, 0x5E)
}

// ---------------------------------------------------------------------------
// PDAs.
// ---------------------------------------------------------------------------

pub use crate::pda::{
    restaking::{
        config_pda, ncn_operator_state_pda, ncn_pda, ncn_vault_slasher_ticket_pda,
        ncn_vault_ticket_pda, operator_pda, operator_vault_ticket_pda,
    },
    vault::vault_pda,
};

// ---------------------------------------------------------------------------
// Byte layouts.
// ---------------------------------------------------------------------------

/// `(slot_added, slot_removed)` of a `SlotToggle`.
pub type Toggle = (u64, u64);

pub fn config_bytes(
    admin: &Pubkey,
    vault_program: &Pubkey,
    ncn_count: u64,
    operator_count: u64,
    epoch_length: u64,
) -> Vec<u8> {
    let bump = config_pda().1;
    restaking_config_data(
        admin,
        vault_program,
        ncn_count,
        operator_count,
        epoch_length,
        bump,
    )
}

pub use super::roles::{NcnKeys, OperatorKeys};

impl NcnKeys {
    /// Every role a different key (group `0x20 + k`).
    pub fn new(k: u8) -> Self {
        Self::distinct(|n| key(0x20 + k, n))
    }
}

impl OperatorKeys {
    /// Every role a different key (group `0x40 + k`).
    pub fn new(k: u8) -> Self {
        Self::distinct(|n| key(0x40 + k, n))
    }
}

/// A vault account as the restaking program reads it (group `0x60 + k`): the vault side of the
/// restaking tests, not a role key set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VaultStub {
    pub base: Pubkey,
    pub address: Pubkey,
    pub bump: u8,
    pub admin: Pubkey,
}

impl VaultStub {
    pub fn new(k: u8) -> Self {
        let g = 0x60 + k;
        let base = key(g, 0);
        let (address, bump) = vault_pda(&base);
        Self {
            base,
            address,
            bump,
            admin: key(g, 1),
        }
    }

    /// The vault as the vault program's `InitializeVault` leaves it (fees 10/20/30/40 bps,
    /// [`crate::layout_oracle`]), owned by the vault program.
    pub fn account(&self, index: u64, slot: u64) -> Account {
        let g = self.base.to_bytes()[1];
        let mut vault = VaultState::new(self.base, key(g, 2), key(g, 3), self.admin, slot);
        vault.vault_index = index;
        vault.bump = self.bump;
        vault.deposit_fee_bps = 10;
        vault.withdrawal_fee_bps = 20;
        vault.next_withdrawal_fee_bps = 20;
        vault.reward_fee_bps = 30;
        vault.program_fee_bps = 40;
        vault.to_account()
    }
}

/// A restaking-owned, rent-exempt account holding `data`.
pub fn restaking_account(data: Vec<u8>) -> Account {
    owned_account(&RESTAKING_PROGRAM_ID, data)
}

/// The restaking NCN of the vault adversarial tests, as the vault reads it.
pub fn ncn_account(ncn: &NcnKeys) -> Account {
    restaking_account(ncn.bytes(0, 1, 1, 1))
}

/// The restaking operator of the vault adversarial tests, as the vault reads it.
pub fn operator_account(operator: &OperatorKeys) -> Account {
    restaking_account(operator.bytes(0, 1, 1, 0))
}

/// A funded wallet.
pub fn wallet() -> Account {
    system_account(WALLET_LAMPORTS)
}

/// An address with nothing at it.
pub fn empty() -> Account {
    system_account(0)
}

/// An SPL Token mint (no authority) and a token account of it held by `holder`.
pub fn token_accounts(mint: &Pubkey, holder: &Pubkey, amount: u64) -> (Account, Account) {
    (
        owned_account(&TOKEN_PROGRAM_ID, mint_data(None, 1_000_000, 6)),
        owned_account(&TOKEN_PROGRAM_ID, token_account_data(mint, holder, amount)),
    )
}

pub use crate::world::restaking::*;

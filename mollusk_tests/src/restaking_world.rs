//! Test world for the restaking account-creating instructions (tags 0–6) and
//! `SetConfigAdmin` (24).
//!
//! Account bytes are laid out by hand at the original's offsets, without the
//! interface crate, so the tests check the program's layouts rather than trust
//! them. PDAs come from the host `find_program_address` with the original's
//! literal seeds. Instructions are built by the generated Rust client
//! (`jito-restaking-client`), and [`decode`] reads written accounts back through
//! the client's account types, so the client is tested against the program too.

use jito_restaking_client::{accounts as client, instructions::*};

use crate::{
    owned_account, program_account, rent_exempt, system_account, Account, Instruction,
    InstructionResult, Pubkey, RESTAKING_PROGRAM_ID, SYSTEM_PROGRAM_ID, VAULT_PROGRAM_ID,
};

/// `DEFAULT_SLOTS_PER_EPOCH`, the epoch length `InitializeConfig` writes.
pub const DEFAULT_EPOCH_LENGTH: u64 = 432_000;
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

// ---------------------------------------------------------------------------
// Byte layouts
// ---------------------------------------------------------------------------

fn put(data: &mut [u8], offset: usize, bytes: &[u8]) {
    data[offset..offset + bytes.len()].copy_from_slice(bytes);
}

fn header(len: usize, discriminator: u8) -> Vec<u8> {
    let mut data = vec![0u8; len];
    data[0] = discriminator;
    data
}

/// 48-byte `SlotToggle` at `offset`: slot_added, slot_removed, 32 reserved.
fn put_toggle(data: &mut [u8], offset: usize, added: u64, removed: u64) {
    put(data, offset, &added.to_le_bytes());
    put(data, offset + 8, &removed.to_le_bytes());
}

/// `Config` fields in the original's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigFields {
    pub admin: Pubkey,
    pub vault_program: Pubkey,
    pub ncn_count: u64,
    pub operator_count: u64,
    pub epoch_length: u64,
    pub bump: u8,
}

impl ConfigFields {
    /// As `InitializeConfig` leaves it (vault program = the default vault id).
    pub fn new(admin: Pubkey) -> Self {
        Self {
            admin,
            vault_program: VAULT_PROGRAM_ID,
            ncn_count: 0,
            operator_count: 0,
            epoch_length: DEFAULT_EPOCH_LENGTH,
            bump: config_pda().1,
        }
    }

    pub fn bytes(&self) -> Vec<u8> {
        let mut d = header(len::CONFIG, 1);
        put(&mut d, 8, self.admin.as_ref());
        put(&mut d, 40, self.vault_program.as_ref());
        put(&mut d, 72, &self.ncn_count.to_le_bytes());
        put(&mut d, 80, &self.operator_count.to_le_bytes());
        put(&mut d, 88, &self.epoch_length.to_le_bytes());
        d[96] = self.bump;
        d
    }

    /// The account as the generated client should decode it.
    pub fn client(&self) -> client::Config {
        client::Config {
            discriminator: 1,
            admin: self.admin,
            vault_program: self.vault_program,
            ncn_count: self.ncn_count,
            operator_count: self.operator_count,
            epoch_length: self.epoch_length,
            bump: self.bump,
            reserved: [0; 263],
        }
    }

    pub fn account(&self) -> Account {
        owned_account(&RESTAKING_PROGRAM_ID, self.bytes())
    }
}

/// `Ncn` fields in the original's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NcnFields {
    pub base: Pubkey,
    pub admin: Pubkey,
    pub operator_admin: Pubkey,
    pub vault_admin: Pubkey,
    pub slasher_admin: Pubkey,
    pub delegate_admin: Pubkey,
    pub metadata_admin: Pubkey,
    pub weight_table_admin: Pubkey,
    pub ncn_program_admin: Pubkey,
    pub index: u64,
    pub operator_count: u64,
    pub vault_count: u64,
    pub slasher_count: u64,
    pub bump: u8,
}

impl NcnFields {
    /// As `InitializeNcn` leaves it: every admin role held by `admin`.
    pub fn new(base: Pubkey, admin: Pubkey, index: u64) -> Self {
        Self {
            base,
            admin,
            operator_admin: admin,
            vault_admin: admin,
            slasher_admin: admin,
            delegate_admin: admin,
            metadata_admin: admin,
            weight_table_admin: admin,
            ncn_program_admin: admin,
            index,
            operator_count: 0,
            vault_count: 0,
            slasher_count: 0,
            bump: ncn_pda(&base).1,
        }
    }

    pub fn address(&self) -> Pubkey {
        ncn_pda(&self.base).0
    }

    pub fn bytes(&self) -> Vec<u8> {
        let mut d = header(len::NCN, 2);
        let keys = [
            &self.base,
            &self.admin,
            &self.operator_admin,
            &self.vault_admin,
            &self.slasher_admin,
            &self.delegate_admin,
            &self.metadata_admin,
            &self.weight_table_admin,
            &self.ncn_program_admin,
        ];
        for (i, key) in keys.iter().enumerate() {
            put(&mut d, 8 + 32 * i, key.as_ref());
        }
        put(&mut d, 296, &self.index.to_le_bytes());
        put(&mut d, 304, &self.operator_count.to_le_bytes());
        put(&mut d, 312, &self.vault_count.to_le_bytes());
        put(&mut d, 320, &self.slasher_count.to_le_bytes());
        d[328] = self.bump;
        d
    }

    /// The account as the generated client should decode it.
    pub fn client(&self) -> client::Ncn {
        client::Ncn {
            discriminator: 2,
            base: self.base,
            admin: self.admin,
            operator_admin: self.operator_admin,
            vault_admin: self.vault_admin,
            slasher_admin: self.slasher_admin,
            delegate_admin: self.delegate_admin,
            metadata_admin: self.metadata_admin,
            weight_table_admin: self.weight_table_admin,
            ncn_program_admin: self.ncn_program_admin,
            index: self.index,
            operator_count: self.operator_count,
            vault_count: self.vault_count,
            slasher_count: self.slasher_count,
            bump: self.bump,
            reserved: [0; 263],
        }
    }

    pub fn account(&self) -> Account {
        owned_account(&RESTAKING_PROGRAM_ID, self.bytes())
    }
}

/// `Operator` fields in the original's order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OperatorFields {
    pub base: Pubkey,
    pub admin: Pubkey,
    pub ncn_admin: Pubkey,
    pub vault_admin: Pubkey,
    pub delegate_admin: Pubkey,
    pub metadata_admin: Pubkey,
    pub voter: Pubkey,
    pub index: u64,
    pub ncn_count: u64,
    pub vault_count: u64,
    pub operator_fee_bps: u16,
    pub bump: u8,
}

impl OperatorFields {
    /// As `InitializeOperator` leaves it: every admin role and the voter held by `admin`.
    pub fn new(base: Pubkey, admin: Pubkey, index: u64, operator_fee_bps: u16) -> Self {
        Self {
            base,
            admin,
            ncn_admin: admin,
            vault_admin: admin,
            delegate_admin: admin,
            metadata_admin: admin,
            voter: admin,
            index,
            ncn_count: 0,
            vault_count: 0,
            operator_fee_bps,
            bump: operator_pda(&base).1,
        }
    }

    pub fn address(&self) -> Pubkey {
        operator_pda(&self.base).0
    }

    pub fn bytes(&self) -> Vec<u8> {
        let mut d = header(len::OPERATOR, 3);
        let keys = [
            &self.base,
            &self.admin,
            &self.ncn_admin,
            &self.vault_admin,
            &self.delegate_admin,
            &self.metadata_admin,
            &self.voter,
        ];
        for (i, key) in keys.iter().enumerate() {
            put(&mut d, 8 + 32 * i, key.as_ref());
        }
        put(&mut d, 232, &self.index.to_le_bytes());
        put(&mut d, 240, &self.ncn_count.to_le_bytes());
        put(&mut d, 248, &self.vault_count.to_le_bytes());
        put(&mut d, 256, &self.operator_fee_bps.to_le_bytes());
        d[258] = self.bump;
        d
    }

    /// The account as the generated client should decode it.
    pub fn client(&self) -> client::Operator {
        client::Operator {
            discriminator: 3,
            base: self.base,
            admin: self.admin,
            ncn_admin: self.ncn_admin,
            vault_admin: self.vault_admin,
            delegate_admin: self.delegate_admin,
            metadata_admin: self.metadata_admin,
            voter: self.voter,
            index: self.index,
            ncn_count: self.ncn_count,
            vault_count: self.vault_count,
            operator_fee_bps: self.operator_fee_bps,
            bump: self.bump,
            reserved_space: [0; 261],
        }
    }

    pub fn account(&self) -> Account {
        owned_account(&RESTAKING_PROGRAM_ID, self.bytes())
    }
}

/// `NcnOperatorState` as created at `slot` (both toggles inactive).
pub fn ncn_operator_state_bytes(ncn: &Pubkey, operator: &Pubkey, index: u64, slot: u64) -> Vec<u8> {
    let mut d = header(len::NCN_OPERATOR_STATE, 4);
    put(&mut d, 8, ncn.as_ref());
    put(&mut d, 40, operator.as_ref());
    put(&mut d, 72, &index.to_le_bytes());
    put_toggle(&mut d, 80, slot, slot);
    put_toggle(&mut d, 128, slot, slot);
    d[176] = ncn_operator_state_pda(ncn, operator).1;
    d
}

/// `NcnVaultTicket` as created at `slot`.
pub fn ncn_vault_ticket_bytes(ncn: &Pubkey, vault: &Pubkey, index: u64, slot: u64) -> Vec<u8> {
    let mut d = header(len::NCN_VAULT_TICKET, 6);
    put(&mut d, 8, ncn.as_ref());
    put(&mut d, 40, vault.as_ref());
    put(&mut d, 72, &index.to_le_bytes());
    put_toggle(&mut d, 80, slot, slot);
    d[128] = ncn_vault_ticket_pda(ncn, vault).1;
    d
}

/// `OperatorVaultTicket` as created at `slot`.
pub fn operator_vault_ticket_bytes(
    operator: &Pubkey,
    vault: &Pubkey,
    index: u64,
    slot: u64,
) -> Vec<u8> {
    let mut d = header(len::OPERATOR_VAULT_TICKET, 5);
    put(&mut d, 8, operator.as_ref());
    put(&mut d, 40, vault.as_ref());
    put(&mut d, 72, &index.to_le_bytes());
    put_toggle(&mut d, 80, slot, slot);
    d[128] = operator_vault_ticket_pda(operator, vault).1;
    d
}

/// `NcnVaultSlasherTicket` as created at `slot`.
pub fn ncn_vault_slasher_ticket_bytes(
    ncn: &Pubkey,
    vault: &Pubkey,
    slasher: &Pubkey,
    max_slashable_per_epoch: u64,
    index: u64,
    slot: u64,
) -> Vec<u8> {
    let mut d = header(len::NCN_VAULT_SLASHER_TICKET, 7);
    put(&mut d, 8, ncn.as_ref());
    put(&mut d, 40, vault.as_ref());
    put(&mut d, 72, slasher.as_ref());
    put(&mut d, 104, &max_slashable_per_epoch.to_le_bytes());
    put(&mut d, 112, &index.to_le_bytes());
    put_toggle(&mut d, 120, slot, slot);
    d[168] = ncn_vault_slasher_ticket_pda(ncn, vault, slasher).1;
    d
}

/// A minimal vault account of the vault program: discriminator 2, its base at
/// offset 8 and bump at 850 (the fields the restaking program checks); the
/// rest is filler so that the test shows nothing else is read.
pub fn vault_bytes(base: &Pubkey, bump: u8) -> Vec<u8> {
    let mut d = vec![0xA5u8; len::VAULT];
    d[0] = 2;
    d[1..8].fill(0);
    put(&mut d, 8, base.as_ref());
    d[850] = bump;
    d
}

/// A vault at its PDA, owned by the vault program: `(address, account)`.
pub fn vault_account(base: &Pubkey) -> (Pubkey, Account) {
    let (address, bump) = vault_pda(base);
    (
        address,
        owned_account(&VAULT_PROGRAM_ID, vault_bytes(base, bump)),
    )
}

// ---------------------------------------------------------------------------
// Decoding through the generated client
// ---------------------------------------------------------------------------

pub use crate::client_decode::{restaking as decode, toggle};

// ---------------------------------------------------------------------------
// Instructions: built by the generated client (`jito-restaking-client`), so the
// tests exercise its tags, argument encoding and account metas.
// ---------------------------------------------------------------------------

pub fn initialize_config_ix(
    config: &Pubkey,
    admin: &Pubkey,
    vault_program: &Pubkey,
) -> Instruction {
    InitializeConfigBuilder::new()
        .config(*config)
        .admin(*admin)
        .vault_program(*vault_program)
        .instruction()
}

pub fn initialize_ncn_ix(
    config: &Pubkey,
    ncn: &Pubkey,
    admin: &Pubkey,
    base: &Pubkey,
) -> Instruction {
    InitializeNcnBuilder::new()
        .config(*config)
        .ncn(*ncn)
        .admin(*admin)
        .base(*base)
        .instruction()
}

pub fn initialize_operator_ix(
    config: &Pubkey,
    operator: &Pubkey,
    admin: &Pubkey,
    base: &Pubkey,
    operator_fee_bps: u16,
) -> Instruction {
    InitializeOperatorBuilder::new()
        .config(*config)
        .operator(*operator)
        .admin(*admin)
        .base(*base)
        .operator_fee_bps(operator_fee_bps)
        .instruction()
}

#[allow(clippy::too_many_arguments)]
pub fn initialize_ncn_vault_slasher_ticket_ix(
    config: &Pubkey,
    ncn: &Pubkey,
    vault: &Pubkey,
    slasher: &Pubkey,
    ncn_vault_ticket: &Pubkey,
    ncn_vault_slasher_ticket: &Pubkey,
    admin: &Pubkey,
    payer: &Pubkey,
    max_slashable_per_epoch: u64,
) -> Instruction {
    InitializeNcnVaultSlasherTicketBuilder::new()
        .config(*config)
        .ncn(*ncn)
        .vault(*vault)
        .slasher(*slasher)
        .ncn_vault_ticket(*ncn_vault_ticket)
        .ncn_vault_slasher_ticket(*ncn_vault_slasher_ticket)
        .admin(*admin)
        .payer(*payer)
        .max_slashable_per_epoch(max_slashable_per_epoch)
        .instruction()
}

pub fn initialize_ncn_vault_ticket_ix(
    config: &Pubkey,
    ncn: &Pubkey,
    vault: &Pubkey,
    ncn_vault_ticket: &Pubkey,
    admin: &Pubkey,
    payer: &Pubkey,
) -> Instruction {
    InitializeNcnVaultTicketBuilder::new()
        .config(*config)
        .ncn(*ncn)
        .vault(*vault)
        .ncn_vault_ticket(*ncn_vault_ticket)
        .admin(*admin)
        .payer(*payer)
        .instruction()
}

pub fn initialize_operator_vault_ticket_ix(
    config: &Pubkey,
    operator: &Pubkey,
    vault: &Pubkey,
    operator_vault_ticket: &Pubkey,
    admin: &Pubkey,
    payer: &Pubkey,
) -> Instruction {
    InitializeOperatorVaultTicketBuilder::new()
        .config(*config)
        .operator(*operator)
        .vault(*vault)
        .operator_vault_ticket(*operator_vault_ticket)
        .admin(*admin)
        .payer(*payer)
        .instruction()
}

pub fn initialize_ncn_operator_state_ix(
    config: &Pubkey,
    ncn: &Pubkey,
    operator: &Pubkey,
    ncn_operator_state: &Pubkey,
    admin: &Pubkey,
    payer: &Pubkey,
) -> Instruction {
    InitializeNcnOperatorStateBuilder::new()
        .config(*config)
        .ncn(*ncn)
        .operator(*operator)
        .ncn_operator_state(*ncn_operator_state)
        .admin(*admin)
        .payer(*payer)
        .instruction()
}

pub fn set_config_admin_ix(config: &Pubkey, old_admin: &Pubkey, new_admin: &Pubkey) -> Instruction {
    SetConfigAdminBuilder::new()
        .config(*config)
        .old_admin(*old_admin)
        .new_admin(*new_admin)
        .instruction()
}

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

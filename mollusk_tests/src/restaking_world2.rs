//! Test helpers for the restaking opt-in toggles (warm-up / cool-down), admin
//! changes, operator fee and token delegation.
//!
//! Account bytes are laid out here by hand, field by field at the original's
//! offsets, independently of the interface crate, so that the tests check the
//! programs' layouts instead of trusting them. Instructions are built by the
//! generated Rust client (`jito-restaking-client`); written accounts are also
//! read back through the client's account types ([`decode`]).

use std::collections::HashMap;

use jito_restaking_client::{
    accounts as client,
    instructions::*,
    types::{NcnAdminRole, OperatorAdminRole},
};

pub use crate::client_decode::{restaking as decode, toggle};
use crate::{
    owned_account, program_account, system_account, Account, AccountMeta, Instruction,
    InstructionResult, Mollusk, Pubkey, RESTAKING_PROGRAM_ID, SYSTEM_PROGRAM_ID, TOKEN_PROGRAM_ID,
    VAULT_PROGRAM_ID,
};

/// The original's default epoch length (`DEFAULT_SLOTS_PER_EPOCH`).
pub const DEFAULT_EPOCH_LENGTH: u64 = 432_000;

// ---------------------------------------------------------------------------
// Instruction tags (variant index of the original `RestakingInstruction`).
// ---------------------------------------------------------------------------
pub const IX_INITIALIZE_CONFIG: u8 = 0;
pub const IX_INITIALIZE_NCN: u8 = 1;
pub const IX_INITIALIZE_OPERATOR: u8 = 2;
pub const IX_INITIALIZE_NCN_VAULT_SLASHER_TICKET: u8 = 3;
pub const IX_INITIALIZE_NCN_VAULT_TICKET: u8 = 4;
pub const IX_INITIALIZE_OPERATOR_VAULT_TICKET: u8 = 5;
pub const IX_INITIALIZE_NCN_OPERATOR_STATE: u8 = 6;
pub const IX_WARMUP_NCN_VAULT_TICKET: u8 = 7;
pub const IX_COOLDOWN_NCN_VAULT_TICKET: u8 = 8;
pub const IX_NCN_WARMUP_OPERATOR: u8 = 9;
pub const IX_NCN_COOLDOWN_OPERATOR: u8 = 10;
pub const IX_OPERATOR_WARMUP_NCN: u8 = 11;
pub const IX_OPERATOR_COOLDOWN_NCN: u8 = 12;
pub const IX_WARMUP_NCN_VAULT_SLASHER_TICKET: u8 = 13;
pub const IX_COOLDOWN_NCN_VAULT_SLASHER_TICKET: u8 = 14;
pub const IX_WARMUP_OPERATOR_VAULT_TICKET: u8 = 15;
pub const IX_COOLDOWN_OPERATOR_VAULT_TICKET: u8 = 16;
pub const IX_NCN_SET_ADMIN: u8 = 17;
pub const IX_NCN_SET_SECONDARY_ADMIN: u8 = 18;
pub const IX_OPERATOR_SET_ADMIN: u8 = 19;
pub const IX_OPERATOR_SET_SECONDARY_ADMIN: u8 = 20;
pub const IX_OPERATOR_SET_FEE: u8 = 21;
pub const IX_NCN_DELEGATE_TOKEN_ACCOUNT: u8 = 22;
pub const IX_OPERATOR_DELEGATE_TOKEN_ACCOUNT: u8 = 23;

// ---------------------------------------------------------------------------
// Custom error codes of the original `RestakingError`.
// ---------------------------------------------------------------------------
pub const ERR_NCN_OPERATOR_ADMIN_INVALID: u32 = 1000;
pub const ERR_NCN_COOLDOWN_OPERATOR_FAILED: u32 = 1001;
pub const ERR_NCN_SLASHER_ADMIN_INVALID: u32 = 1002;
pub const ERR_NCN_VAULT_ADMIN_INVALID: u32 = 1003;
pub const ERR_NCN_ADMIN_INVALID: u32 = 1004;
pub const ERR_NCN_DELEGATE_ADMIN_INVALID: u32 = 1005;
pub const ERR_NCN_VAULT_SLASHER_TICKET_FAILED_COOLDOWN: u32 = 1006;
pub const ERR_NCN_VAULT_TICKET_FAILED_COOLDOWN: u32 = 1007;
pub const ERR_NCN_WARMUP_OPERATOR_FAILED: u32 = 1008;
pub const ERR_NCN_VAULT_SLASHER_TICKET_FAILED_WARMUP: u32 = 1009;
pub const ERR_NCN_VAULT_TICKET_FAILED_WARMUP: u32 = 1010;
pub const ERR_OPERATOR_NCN_ADMIN_INVALID: u32 = 2000;
pub const ERR_OPERATOR_VAULT_ADMIN_INVALID: u32 = 2001;
pub const ERR_OPERATOR_ADMIN_INVALID: u32 = 2002;
pub const ERR_OPERATOR_DELEGATE_ADMIN_INVALID: u32 = 2003;
pub const ERR_OPERATOR_COOLDOWN_NCN_FAILED: u32 = 2004;
pub const ERR_OPERATOR_VAULT_TICKET_FAILED_COOLDOWN: u32 = 2005;
pub const ERR_OPERATOR_VAULT_TICKET_FAILED_WARMUP: u32 = 2006;
pub const ERR_OPERATOR_WARMUP_NCN_FAILED: u32 = 2007;
pub const ERR_OPERATOR_FEE_CAP_EXCEEDED: u32 = 2008;
/// `jito_jsm_core::CoreError::BadEpochLength`.
pub const ERR_BAD_EPOCH_LENGTH: u32 = 0;

// ---------------------------------------------------------------------------
// Account lengths and discriminators (8-byte header + the original struct).
// ---------------------------------------------------------------------------
pub const CONFIG_LEN: usize = 360;
pub const NCN_LEN: usize = 592;
pub const OPERATOR_LEN: usize = 520;
pub const NCN_OPERATOR_STATE_LEN: usize = 440;
pub const OPERATOR_VAULT_TICKET_LEN: usize = 392;
pub const NCN_VAULT_TICKET_LEN: usize = 392;
pub const NCN_VAULT_SLASHER_TICKET_LEN: usize = 432;
/// The vault program's `Vault` account.
pub const VAULT_LEN: usize = 1111;
/// Offset of `Vault::bump` in the account.
pub const VAULT_BUMP_OFFSET: usize = 850;

pub const DISC_CONFIG: u8 = 1;
pub const DISC_NCN: u8 = 2;
pub const DISC_OPERATOR: u8 = 3;
pub const DISC_NCN_OPERATOR_STATE: u8 = 4;
pub const DISC_OPERATOR_VAULT_TICKET: u8 = 5;
pub const DISC_NCN_VAULT_TICKET: u8 = 6;
pub const DISC_NCN_VAULT_SLASHER_TICKET: u8 = 7;
pub const DISC_VAULT: u8 = 2;

// ---------------------------------------------------------------------------
// PDAs (found with the host `find_program_address`, independent of the program).
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
fn put(data: &mut [u8], offset: usize, bytes: &[u8]) {
    data[offset..offset + bytes.len()].copy_from_slice(bytes);
}

fn header(len: usize, discriminator: u8) -> Vec<u8> {
    let mut data = vec![0u8; len];
    data[0] = discriminator;
    data
}

/// Restaking `Config` with some NCNs and operators counted already.
pub fn config_data(admin: &Pubkey, vault_program: &Pubkey, epoch_length: u64, bump: u8) -> Vec<u8> {
    config_data_with_counts(admin, vault_program, 7, 9, epoch_length, bump)
}

/// Restaking `Config`, every field given.
pub fn config_data_with_counts(
    admin: &Pubkey,
    vault_program: &Pubkey,
    ncn_count: u64,
    operator_count: u64,
    epoch_length: u64,
    bump: u8,
) -> Vec<u8> {
    let mut d = header(CONFIG_LEN, DISC_CONFIG);
    put(&mut d, 8, admin.as_ref());
    put(&mut d, 40, vault_program.as_ref());
    put(&mut d, 72, &ncn_count.to_le_bytes());
    put(&mut d, 80, &operator_count.to_le_bytes());
    put(&mut d, 88, &epoch_length.to_le_bytes());
    d[96] = bump;
    d
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
    /// Every admin role held by `admin`, as `InitializeNcn` leaves it.
    pub fn new(base: Pubkey, admin: Pubkey, bump: u8) -> Self {
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
            index: 3,
            operator_count: 4,
            vault_count: 5,
            slasher_count: 6,
            bump,
        }
    }

    pub fn data(&self) -> Vec<u8> {
        let mut d = header(NCN_LEN, DISC_NCN);
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
        for (i, k) in keys.iter().enumerate() {
            put(&mut d, 8 + 32 * i, k.as_ref());
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
            discriminator: u64::from(DISC_NCN),
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
    /// Every admin role held by `admin`, as `InitializeOperator` leaves it.
    pub fn new(base: Pubkey, admin: Pubkey, bump: u8) -> Self {
        Self {
            base,
            admin,
            ncn_admin: admin,
            vault_admin: admin,
            delegate_admin: admin,
            metadata_admin: admin,
            voter: admin,
            index: 2,
            ncn_count: 3,
            vault_count: 4,
            operator_fee_bps: 500,
            bump,
        }
    }

    pub fn data(&self) -> Vec<u8> {
        let mut d = header(OPERATOR_LEN, DISC_OPERATOR);
        let keys = [
            &self.base,
            &self.admin,
            &self.ncn_admin,
            &self.vault_admin,
            &self.delegate_admin,
            &self.metadata_admin,
            &self.voter,
        ];
        for (i, k) in keys.iter().enumerate() {
            put(&mut d, 8 + 32 * i, k.as_ref());
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
            discriminator: u64::from(DISC_OPERATOR),
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
}

/// A `SlotToggle` (48 bytes) written at `offset`.
fn put_toggle(d: &mut [u8], offset: usize, toggle: (u64, u64)) {
    put(d, offset, &toggle.0.to_le_bytes());
    put(d, offset + 8, &toggle.1.to_le_bytes());
}

/// `(slot_added, slot_removed)` of the toggle at `offset` of `data`.
pub fn read_toggle(data: &[u8], offset: usize) -> (u64, u64) {
    (
        u64::from_le_bytes(data[offset..offset + 8].try_into().unwrap()),
        u64::from_le_bytes(data[offset + 8..offset + 16].try_into().unwrap()),
    )
}

/// Offsets of the toggles in each account.
pub const NCN_OPERATOR_STATE_NCN_TOGGLE: usize = 80;
pub const NCN_OPERATOR_STATE_OPERATOR_TOGGLE: usize = 128;
pub const TICKET_TOGGLE: usize = 80;
pub const SLASHER_TICKET_TOGGLE: usize = 120;

/// `NcnOperatorState` with its two toggles `(slot_added, slot_removed)`.
pub fn ncn_operator_state_data(
    ncn: &Pubkey,
    operator: &Pubkey,
    index: u64,
    ncn_toggle: (u64, u64),
    operator_toggle: (u64, u64),
    bump: u8,
) -> Vec<u8> {
    let mut d = header(NCN_OPERATOR_STATE_LEN, DISC_NCN_OPERATOR_STATE);
    put(&mut d, 8, ncn.as_ref());
    put(&mut d, 40, operator.as_ref());
    put(&mut d, 72, &index.to_le_bytes());
    put_toggle(&mut d, NCN_OPERATOR_STATE_NCN_TOGGLE, ncn_toggle);
    put_toggle(&mut d, NCN_OPERATOR_STATE_OPERATOR_TOGGLE, operator_toggle);
    d[176] = bump;
    d
}

/// `NcnVaultTicket` / `OperatorVaultTicket` (same layout, different discriminator).
pub fn vault_ticket_data(
    discriminator: u8,
    owner: &Pubkey,
    vault: &Pubkey,
    index: u64,
    toggle: (u64, u64),
    bump: u8,
) -> Vec<u8> {
    let mut d = header(NCN_VAULT_TICKET_LEN, discriminator);
    put(&mut d, 8, owner.as_ref());
    put(&mut d, 40, vault.as_ref());
    put(&mut d, 72, &index.to_le_bytes());
    put_toggle(&mut d, TICKET_TOGGLE, toggle);
    d[128] = bump;
    d
}

/// `NcnVaultSlasherTicket`.
pub fn slasher_ticket_data(
    ncn: &Pubkey,
    vault: &Pubkey,
    slasher: &Pubkey,
    max_slashable_per_epoch: u64,
    index: u64,
    toggle: (u64, u64),
    bump: u8,
) -> Vec<u8> {
    let mut d = header(NCN_VAULT_SLASHER_TICKET_LEN, DISC_NCN_VAULT_SLASHER_TICKET);
    put(&mut d, 8, ncn.as_ref());
    put(&mut d, 40, vault.as_ref());
    put(&mut d, 72, slasher.as_ref());
    put(&mut d, 104, &max_slashable_per_epoch.to_le_bytes());
    put(&mut d, 112, &index.to_le_bytes());
    put_toggle(&mut d, SLASHER_TICKET_TOGGLE, toggle);
    d[168] = bump;
    d
}

/// A vault account of the vault program: only what the restaking program reads
/// (discriminator, base, bump); the rest is filler that must not matter.
pub fn vault_data(base: &Pubkey, bump: u8) -> Vec<u8> {
    let mut d = vec![0xA5u8; VAULT_LEN];
    d[0] = DISC_VAULT;
    d[1..8].fill(0);
    put(&mut d, 8, base.as_ref());
    d[VAULT_BUMP_OFFSET] = bump;
    d
}

/// Writes a toggle into an existing account's data.
pub fn set_toggle(data: &mut [u8], offset: usize, toggle: (u64, u64)) {
    put_toggle(data, offset, toggle);
}

// ---------------------------------------------------------------------------
// A world of accounts for the single-instruction tests.
// ---------------------------------------------------------------------------

/// Keys, bumps and account states of one NCN, one operator, one vault and the
/// tickets between them, every admin role held by the respective admin.
pub struct World {
    pub epoch_length: u64,
    pub config: Pubkey,
    pub config_bump: u8,
    pub config_admin: Pubkey,
    pub ncn: Pubkey,
    pub ncn_fields: NcnFields,
    pub operator: Pubkey,
    pub operator_fields: OperatorFields,
    pub vault: Pubkey,
    pub vault_base: Pubkey,
    pub vault_bump: u8,
    pub slasher: Pubkey,
    pub ncn_operator_state: Pubkey,
    pub ncn_operator_state_bump: u8,
    pub ncn_vault_ticket: Pubkey,
    pub ncn_vault_ticket_bump: u8,
    pub operator_vault_ticket: Pubkey,
    pub operator_vault_ticket_bump: u8,
    pub ncn_vault_slasher_ticket: Pubkey,
    pub ncn_vault_slasher_ticket_bump: u8,
    /// Current account states.
    pub accounts: HashMap<Pubkey, Account>,
}

impl World {
    /// A world whose toggles are all freshly created (inactive) at `created_at`.
    /// The same arguments give the same keys; see [`World::with_seed`].
    pub fn new(epoch_length: u64, created_at: u64) -> Self {
        Self::with_seed(epoch_length, created_at, 1)
    }

    /// [`World::new`] with keys derived from `seed`: two seeds give two
    /// unrelated NCNs, operators and vaults (the config is the same PDA).
    pub fn with_seed(epoch_length: u64, created_at: u64, seed: u8) -> Self {
        let key = |i: u8| {
            Pubkey::new_from_array([
                seed, i, 0x52, 0x32, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, i,
            ])
        };
        let (config, config_bump) = config_pda();
        let config_admin = key(1);
        let ncn_base = key(2);
        let (ncn, ncn_bump) = ncn_pda(&ncn_base);
        let ncn_fields = NcnFields::new(ncn_base, key(3), ncn_bump);
        let op_base = key(4);
        let (operator, operator_bump) = operator_pda(&op_base);
        let operator_fields = OperatorFields::new(op_base, key(5), operator_bump);
        let vault_base = key(6);
        let (vault, vault_bump) = vault_pda(&vault_base);
        let slasher = key(7);
        let (ncn_operator_state, ncn_operator_state_bump) = ncn_operator_state_pda(&ncn, &operator);
        let (ncn_vault_ticket, ncn_vault_ticket_bump) = ncn_vault_ticket_pda(&ncn, &vault);
        let (operator_vault_ticket, operator_vault_ticket_bump) =
            operator_vault_ticket_pda(&operator, &vault);
        let (ncn_vault_slasher_ticket, ncn_vault_slasher_ticket_bump) =
            ncn_vault_slasher_ticket_pda(&ncn, &vault, &slasher);
        let mut w = Self {
            epoch_length,
            config,
            config_bump,
            config_admin,
            ncn,
            ncn_fields,
            operator,
            operator_fields,
            vault,
            vault_base,
            vault_bump,
            slasher,
            ncn_operator_state,
            ncn_operator_state_bump,
            ncn_vault_ticket,
            ncn_vault_ticket_bump,
            operator_vault_ticket,
            operator_vault_ticket_bump,
            ncn_vault_slasher_ticket,
            ncn_vault_slasher_ticket_bump,
            accounts: HashMap::new(),
        };
        let created = (created_at, created_at);
        w.put_restaking(
            config,
            config_data(&config_admin, &VAULT_PROGRAM_ID, epoch_length, config_bump),
        );
        let ncn_data = w.ncn_fields.data();
        w.put_restaking(ncn, ncn_data);
        let operator_data = w.operator_fields.data();
        w.put_restaking(operator, operator_data);
        w.accounts.insert(
            vault,
            owned_account(&VAULT_PROGRAM_ID, vault_data(&vault_base, vault_bump)),
        );
        w.put_restaking(
            ncn_operator_state,
            ncn_operator_state_data(
                &ncn,
                &operator,
                1,
                created,
                created,
                ncn_operator_state_bump,
            ),
        );
        w.put_restaking(
            ncn_vault_ticket,
            vault_ticket_data(
                DISC_NCN_VAULT_TICKET,
                &ncn,
                &vault,
                2,
                created,
                ncn_vault_ticket_bump,
            ),
        );
        w.put_restaking(
            operator_vault_ticket,
            vault_ticket_data(
                DISC_OPERATOR_VAULT_TICKET,
                &operator,
                &vault,
                3,
                created,
                operator_vault_ticket_bump,
            ),
        );
        w.put_restaking(
            ncn_vault_slasher_ticket,
            slasher_ticket_data(
                &ncn,
                &vault,
                &slasher,
                1_000,
                4,
                created,
                ncn_vault_slasher_ticket_bump,
            ),
        );
        w
    }

    /// Stores a restaking-owned account.
    pub fn put_restaking(&mut self, key: Pubkey, data: Vec<u8>) {
        self.accounts
            .insert(key, owned_account(&RESTAKING_PROGRAM_ID, data));
    }

    pub fn ncn_admin(&self) -> Pubkey {
        self.ncn_fields.admin
    }

    pub fn operator_admin(&self) -> Pubkey {
        self.operator_fields.admin
    }

    /// Rewrites the NCN account from `ncn_fields`.
    pub fn store_ncn(&mut self) {
        let d = self.ncn_fields.data();
        self.put_restaking(self.ncn, d);
    }

    /// Rewrites the operator account from `operator_fields`.
    pub fn store_operator(&mut self) {
        let d = self.operator_fields.data();
        self.put_restaking(self.operator, d);
    }

    /// Sets a toggle of a stored account.
    pub fn set_toggle(&mut self, key: &Pubkey, offset: usize, toggle: (u64, u64)) {
        let account = self.accounts.get_mut(key).expect("unknown account");
        set_toggle(&mut account.data, offset, toggle);
    }

    /// The current state of `key`: a stored account, a program, or an empty wallet.
    pub fn get(&self, key: &Pubkey) -> Account {
        if let Some(a) = self.accounts.get(key) {
            return a.clone();
        }
        if *key == SYSTEM_PROGRAM_ID
            || *key == TOKEN_PROGRAM_ID
            || *key == crate::TOKEN_2022_PROGRAM_ID
        {
            return program_account(key).1;
        }
        system_account(0)
    }

    /// The accounts of `ix`, in order, as Mollusk takes them.
    pub fn accounts_for(&self, ix: &Instruction) -> Vec<(Pubkey, Account)> {
        let mut out: Vec<(Pubkey, Account)> = Vec::new();
        for meta in &ix.accounts {
            if out.iter().any(|(k, _)| *k == meta.pubkey) {
                continue;
            }
            out.push((meta.pubkey, self.get(&meta.pubkey)));
        }
        out
    }

    /// Runs `ix` at the current Mollusk slot; on success stores the resulting accounts.
    pub fn run(
        &mut self,
        mollusk: &Mollusk,
        ix: &Instruction,
    ) -> (InstructionResult, Vec<(Pubkey, Account)>) {
        let accounts = self.accounts_for(ix);
        let result = crate::oracle::process(mollusk, ix, &accounts);
        if result.program_result.is_ok() {
            for (k, a) in &result.resulting_accounts {
                if a.owner == RESTAKING_PROGRAM_ID
                    || a.owner == TOKEN_PROGRAM_ID
                    || self.accounts.contains_key(k)
                {
                    self.accounts.insert(*k, a.clone());
                }
            }
        }
        (result, accounts)
    }
}

// ---------------------------------------------------------------------------
// Instruction builders: the generated client (`jito-restaking-client`). The
// tag-taking helpers pick the client builder for the tag and check that the
// client encodes that tag.
// ---------------------------------------------------------------------------

/// Panics unless the client put `tag` first in the data.
#[track_caller]
fn tagged(ix: Instruction, tag: u8) -> Instruction {
    assert_eq!(ix.data.first(), Some(&tag), "client instruction tag");
    ix
}

/// The five-account toggle instructions: `[config, a, b, state (w), admin (s)]`
/// (tags 7–12, 15, 16).
pub fn toggle_ix(
    tag: u8,
    config: &Pubkey,
    a: &Pubkey,
    b: &Pubkey,
    state: &Pubkey,
    admin: &Pubkey,
) -> Instruction {
    let (config, a, b, state, admin) = (*config, *a, *b, *state, *admin);
    let ix = match tag {
        IX_WARMUP_NCN_VAULT_TICKET => WarmupNcnVaultTicketBuilder::new()
            .config(config)
            .ncn(a)
            .vault(b)
            .ncn_vault_ticket(state)
            .admin(admin)
            .instruction(),
        IX_COOLDOWN_NCN_VAULT_TICKET => CooldownNcnVaultTicketBuilder::new()
            .config(config)
            .ncn(a)
            .vault(b)
            .ncn_vault_ticket(state)
            .admin(admin)
            .instruction(),
        IX_NCN_WARMUP_OPERATOR => NcnWarmupOperatorBuilder::new()
            .config(config)
            .ncn(a)
            .operator(b)
            .ncn_operator_state(state)
            .admin(admin)
            .instruction(),
        IX_NCN_COOLDOWN_OPERATOR => NcnCooldownOperatorBuilder::new()
            .config(config)
            .ncn(a)
            .operator(b)
            .ncn_operator_state(state)
            .admin(admin)
            .instruction(),
        IX_OPERATOR_WARMUP_NCN => OperatorWarmupNcnBuilder::new()
            .config(config)
            .ncn(a)
            .operator(b)
            .ncn_operator_state(state)
            .admin(admin)
            .instruction(),
        IX_OPERATOR_COOLDOWN_NCN => OperatorCooldownNcnBuilder::new()
            .config(config)
            .ncn(a)
            .operator(b)
            .ncn_operator_state(state)
            .admin(admin)
            .instruction(),
        IX_WARMUP_OPERATOR_VAULT_TICKET => WarmupOperatorVaultTicketBuilder::new()
            .config(config)
            .operator(a)
            .vault(b)
            .operator_vault_ticket(state)
            .admin(admin)
            .instruction(),
        IX_COOLDOWN_OPERATOR_VAULT_TICKET => CooldownOperatorVaultTicketBuilder::new()
            .config(config)
            .operator(a)
            .vault(b)
            .operator_vault_ticket(state)
            .admin(admin)
            .instruction(),
        _ => panic!("tag {tag} is not a five-account toggle instruction"),
    };
    tagged(ix, tag)
}

pub fn warmup_ncn_vault_slasher_ticket_ix(
    config: &Pubkey,
    ncn: &Pubkey,
    vault: &Pubkey,
    slasher: &Pubkey,
    ncn_vault_ticket: &Pubkey,
    slasher_ticket: &Pubkey,
    admin: &Pubkey,
) -> Instruction {
    WarmupNcnVaultSlasherTicketBuilder::new()
        .config(*config)
        .ncn(*ncn)
        .vault(*vault)
        .slasher(*slasher)
        .ncn_vault_ticket(*ncn_vault_ticket)
        .ncn_vault_slasher_ticket(*slasher_ticket)
        .admin(*admin)
        .instruction()
}

pub fn cooldown_ncn_vault_slasher_ticket_ix(
    config: &Pubkey,
    ncn: &Pubkey,
    vault: &Pubkey,
    slasher: &Pubkey,
    slasher_ticket: &Pubkey,
    admin: &Pubkey,
) -> Instruction {
    CooldownNcnVaultSlasherTicketBuilder::new()
        .config(*config)
        .ncn(*ncn)
        .vault(*vault)
        .slasher(*slasher)
        .ncn_vault_slasher_ticket(*slasher_ticket)
        .admin(*admin)
        .instruction()
}

/// `NcnSetAdmin` / `OperatorSetAdmin`: `[account (w), old_admin (s), new_admin (s)]`.
pub fn set_admin_ix(
    tag: u8,
    account: &Pubkey,
    old_admin: &Pubkey,
    new_admin: &Pubkey,
) -> Instruction {
    let ix = match tag {
        IX_NCN_SET_ADMIN => NcnSetAdminBuilder::new()
            .ncn(*account)
            .old_admin(*old_admin)
            .new_admin(*new_admin)
            .instruction(),
        IX_OPERATOR_SET_ADMIN => OperatorSetAdminBuilder::new()
            .operator(*account)
            .old_admin(*old_admin)
            .new_admin(*new_admin)
            .instruction(),
        _ => panic!("tag {tag} is not a set-admin instruction"),
    };
    tagged(ix, tag)
}

/// `NcnAdminRole` by its index in the original enum.
const NCN_ROLES: [NcnAdminRole; 7] = [
    NcnAdminRole::OperatorAdmin,
    NcnAdminRole::VaultAdmin,
    NcnAdminRole::SlasherAdmin,
    NcnAdminRole::DelegateAdmin,
    NcnAdminRole::MetadataAdmin,
    NcnAdminRole::WeightTableAdmin,
    NcnAdminRole::NcnProgramAdmin,
];

/// `OperatorAdminRole` by its index in the original enum.
const OPERATOR_ROLES: [OperatorAdminRole; 5] = [
    OperatorAdminRole::NcnAdmin,
    OperatorAdminRole::VaultAdmin,
    OperatorAdminRole::VoterAdmin,
    OperatorAdminRole::DelegateAdmin,
    OperatorAdminRole::MetadataAdmin,
];

/// `NcnSetSecondaryAdmin` / `OperatorSetSecondaryAdmin`: `[account (w), admin (s), new_admin]`.
/// `role` is the index of a valid role; malformed role bytes are made by
/// editing the built instruction's data.
pub fn set_secondary_admin_ix(
    tag: u8,
    role: u8,
    account: &Pubkey,
    admin: &Pubkey,
    new_admin: &Pubkey,
) -> Instruction {
    let ix = match tag {
        IX_NCN_SET_SECONDARY_ADMIN => NcnSetSecondaryAdminBuilder::new()
            .ncn(*account)
            .admin(*admin)
            .new_admin(*new_admin)
            .ncn_admin_role(NCN_ROLES[usize::from(role)])
            .instruction(),
        IX_OPERATOR_SET_SECONDARY_ADMIN => OperatorSetSecondaryAdminBuilder::new()
            .operator(*account)
            .admin(*admin)
            .new_admin(*new_admin)
            .operator_admin_role(OPERATOR_ROLES[usize::from(role)])
            .instruction(),
        _ => panic!("tag {tag} is not a set-secondary-admin instruction"),
    };
    // The client writes the role as its one-byte enum index.
    assert_eq!(ix.data.get(1), Some(&role), "client role byte");
    tagged(ix, tag)
}

pub fn operator_set_fee_ix(
    config: &Pubkey,
    operator: &Pubkey,
    admin: &Pubkey,
    new_fee_bps: u16,
) -> Instruction {
    OperatorSetFeeBuilder::new()
        .config(*config)
        .operator(*operator)
        .admin(*admin)
        .new_fee_bps(new_fee_bps)
        .instruction()
}

/// `NcnDelegateTokenAccount` / `OperatorDelegateTokenAccount`.
pub fn delegate_token_account_ix(
    tag: u8,
    owner: &Pubkey,
    delegate_admin: &Pubkey,
    mint: &Pubkey,
    token_account: &Pubkey,
    delegate: &Pubkey,
    token_program: &Pubkey,
) -> Instruction {
    let ix = match tag {
        IX_NCN_DELEGATE_TOKEN_ACCOUNT => NcnDelegateTokenAccountBuilder::new()
            .ncn(*owner)
            .delegate_admin(*delegate_admin)
            .token_mint(*mint)
            .token_account(*token_account)
            .delegate(*delegate)
            .token_program(*token_program)
            .instruction(),
        IX_OPERATOR_DELEGATE_TOKEN_ACCOUNT => OperatorDelegateTokenAccountBuilder::new()
            .operator(*owner)
            .delegate_admin(*delegate_admin)
            .token_mint(*mint)
            .token_account(*token_account)
            .delegate(*delegate)
            .token_program(*token_program)
            .instruction(),
        _ => panic!("tag {tag} is not a delegate-token-account instruction"),
    };
    tagged(ix, tag)
}

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
    fee_bps: u16,
) -> Instruction {
    InitializeOperatorBuilder::new()
        .config(*config)
        .operator(*operator)
        .admin(*admin)
        .base(*base)
        .operator_fee_bps(fee_bps)
        .instruction()
}

/// `InitializeNcnVaultTicket`, `InitializeOperatorVaultTicket` and
/// `InitializeNcnOperatorState` share one account shape:
/// `[config, a (w), b, new (w), admin (s), payer (ws), system_program]`, except
/// that `InitializeNcnOperatorState` also writes `b`.
pub fn initialize_pair_ix(
    tag: u8,
    config: &Pubkey,
    a: &Pubkey,
    b: &Pubkey,
    new: &Pubkey,
    admin: &Pubkey,
    payer: &Pubkey,
) -> Instruction {
    let (config, a, b, new, admin, payer) = (*config, *a, *b, *new, *admin, *payer);
    let ix = match tag {
        IX_INITIALIZE_NCN_VAULT_TICKET => InitializeNcnVaultTicketBuilder::new()
            .config(config)
            .ncn(a)
            .vault(b)
            .ncn_vault_ticket(new)
            .admin(admin)
            .payer(payer)
            .instruction(),
        IX_INITIALIZE_OPERATOR_VAULT_TICKET => InitializeOperatorVaultTicketBuilder::new()
            .config(config)
            .operator(a)
            .vault(b)
            .operator_vault_ticket(new)
            .admin(admin)
            .payer(payer)
            .instruction(),
        IX_INITIALIZE_NCN_OPERATOR_STATE => InitializeNcnOperatorStateBuilder::new()
            .config(config)
            .ncn(a)
            .operator(b)
            .ncn_operator_state(new)
            .admin(admin)
            .payer(payer)
            .instruction(),
        _ => panic!("tag {tag} is not an initialize-pair instruction"),
    };
    tagged(ix, tag)
}

#[allow(clippy::too_many_arguments)]
pub fn initialize_ncn_vault_slasher_ticket_ix(
    config: &Pubkey,
    ncn: &Pubkey,
    vault: &Pubkey,
    slasher: &Pubkey,
    ncn_vault_ticket: &Pubkey,
    slasher_ticket: &Pubkey,
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
        .ncn_vault_slasher_ticket(*slasher_ticket)
        .admin(*admin)
        .payer(*payer)
        .max_slashable_per_epoch(max_slashable_per_epoch)
        .instruction()
}

/// Replaces the meta of `key` in `ix` (to drop a signer or writable flag).
pub fn with_meta(
    mut ix: Instruction,
    index: usize,
    is_signer: bool,
    is_writable: bool,
) -> Instruction {
    let key = ix.accounts[index].pubkey;
    ix.accounts[index] = AccountMeta {
        pubkey: key,
        is_signer,
        is_writable,
    };
    ix
}

/// Replaces the key at `index` of `ix`.
pub fn with_key(mut ix: Instruction, index: usize, key: Pubkey) -> Instruction {
    ix.accounts[index].pubkey = key;
    ix
}

// ---------------------------------------------------------------------------
// A ledger for multi-instruction scenarios.
// ---------------------------------------------------------------------------

/// Account states carried from one instruction to the next.
#[derive(Default)]
pub struct Ledger {
    pub accounts: HashMap<Pubkey, Account>,
}

impl Ledger {
    /// The current state of `key`: stored, a known program, or an empty wallet.
    pub fn get(&self, key: &Pubkey) -> Account {
        if let Some(a) = self.accounts.get(key) {
            return a.clone();
        }
        if *key == SYSTEM_PROGRAM_ID
            || *key == TOKEN_PROGRAM_ID
            || *key == crate::TOKEN_2022_PROGRAM_ID
        {
            return program_account(key).1;
        }
        system_account(0)
    }

    /// Runs `ix`; on success every resulting account is stored.
    pub fn run(&mut self, mollusk: &Mollusk, ix: &Instruction) -> InstructionResult {
        let mut accounts: Vec<(Pubkey, Account)> = Vec::new();
        for meta in &ix.accounts {
            if !accounts.iter().any(|(k, _)| *k == meta.pubkey) {
                accounts.push((meta.pubkey, self.get(&meta.pubkey)));
            }
        }
        let result = crate::oracle::process(mollusk, ix, &accounts);
        if result.program_result.is_ok() {
            for (k, a) in &result.resulting_accounts {
                if !a.executable {
                    self.accounts.insert(*k, a.clone());
                }
            }
        } else {
            // A failed instruction changes nothing.
            for ((k, before), (k2, after)) in accounts.iter().zip(&result.resulting_accounts) {
                assert_eq!(k, k2);
                assert_eq!(before, after, "account {k} changed by a failed instruction");
            }
        }
        result
    }

    /// Data of a stored account.
    pub fn data(&self, key: &Pubkey) -> &[u8] {
        &self
            .accounts
            .get(key)
            .unwrap_or_else(|| panic!("no account {key}"))
            .data
    }
}

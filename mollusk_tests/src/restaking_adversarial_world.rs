//! Builders for the restaking adversarial tests (negative matrix, randomized
//! sequences): deterministic keys with every admin role held by a different key,
//! account bytes laid out by hand at the original's offsets (restaking
//! accounts) or with `jito_vault_interface` (vault accounts, as the vault
//! program writes them), PDAs from the host `find_program_address` with the
//! original's literal seeds, and instructions built by the generated client
//! (`jito-restaking-client`).

use jito_core::account::AccountType;
use jito_restaking_client::{
    instructions::*,
    types::{NcnAdminRole, OperatorAdminRole},
};
use jito_vault_interface::state::Vault;

use crate::{
    mint_data, owned_account, program_account, system_account, token_account_data, Account,
    Instruction, Pubkey, RESTAKING_PROGRAM_ID, TOKEN_PROGRAM_ID, VAULT_PROGRAM_ID,
};

/// Lamports of every funded test wallet.
pub const WALLET_LAMPORTS: u64 = 10_000_000_000;

/// Instruction tags and custom error codes (the shared table).
pub use crate::codes::{restaking_err as err, restaking_tag as tag};

/// Discriminators, lengths and field offsets (whole account, header included).
pub mod layout {
    pub const CONFIG_DISC: u8 = 1;
    pub const NCN_DISC: u8 = 2;
    pub const OPERATOR_DISC: u8 = 3;
    pub const NCN_OPERATOR_STATE_DISC: u8 = 4;
    pub const OPERATOR_VAULT_TICKET_DISC: u8 = 5;
    pub const NCN_VAULT_TICKET_DISC: u8 = 6;
    pub const NCN_VAULT_SLASHER_TICKET_DISC: u8 = 7;
    pub const VAULT_DISC: u8 = 2;

    pub const CONFIG_LEN: usize = 360;
    pub const NCN_LEN: usize = 592;
    pub const OPERATOR_LEN: usize = 520;
    pub const NCN_OPERATOR_STATE_LEN: usize = 440;
    pub const VAULT_TICKET_LEN: usize = 392;
    pub const NCN_VAULT_SLASHER_TICKET_LEN: usize = 432;
    pub const VAULT_LEN: usize = 1111;

    // Config
    pub const CONFIG_ADMIN: usize = 8;
    pub const CONFIG_VAULT_PROGRAM: usize = 40;
    pub const CONFIG_NCN_COUNT: usize = 72;
    pub const CONFIG_OPERATOR_COUNT: usize = 80;
    pub const CONFIG_EPOCH_LENGTH: usize = 88;
    pub const CONFIG_BUMP: usize = 96;
    // Ncn
    pub const NCN_BASE: usize = 8;
    pub const NCN_ADMIN: usize = 40;
    pub const NCN_OPERATOR_ADMIN: usize = 72;
    pub const NCN_VAULT_ADMIN: usize = 104;
    pub const NCN_SLASHER_ADMIN: usize = 136;
    pub const NCN_DELEGATE_ADMIN: usize = 168;
    pub const NCN_METADATA_ADMIN: usize = 200;
    pub const NCN_WEIGHT_TABLE_ADMIN: usize = 232;
    pub const NCN_PROGRAM_ADMIN: usize = 264;
    pub const NCN_INDEX: usize = 296;
    pub const NCN_OPERATOR_COUNT: usize = 304;
    pub const NCN_VAULT_COUNT: usize = 312;
    pub const NCN_SLASHER_COUNT: usize = 320;
    pub const NCN_BUMP: usize = 328;
    // Operator
    pub const OPERATOR_BASE: usize = 8;
    pub const OPERATOR_ADMIN: usize = 40;
    pub const OPERATOR_NCN_ADMIN: usize = 72;
    pub const OPERATOR_VAULT_ADMIN: usize = 104;
    pub const OPERATOR_DELEGATE_ADMIN: usize = 136;
    pub const OPERATOR_METADATA_ADMIN: usize = 168;
    pub const OPERATOR_VOTER: usize = 200;
    pub const OPERATOR_INDEX: usize = 232;
    pub const OPERATOR_NCN_COUNT: usize = 240;
    pub const OPERATOR_VAULT_COUNT: usize = 248;
    pub const OPERATOR_FEE_BPS: usize = 256;
    pub const OPERATOR_BUMP: usize = 258;
    // NcnOperatorState
    pub const NOS_NCN: usize = 8;
    pub const NOS_OPERATOR: usize = 40;
    pub const NOS_INDEX: usize = 72;
    pub const NOS_NCN_TOGGLE: usize = 80;
    pub const NOS_OPERATOR_TOGGLE: usize = 128;
    pub const NOS_BUMP: usize = 176;
    // NcnVaultTicket / OperatorVaultTicket
    pub const TICKET_OWNER: usize = 8;
    pub const TICKET_VAULT: usize = 40;
    pub const TICKET_INDEX: usize = 72;
    pub const TICKET_TOGGLE: usize = 80;
    pub const TICKET_BUMP: usize = 128;
    // NcnVaultSlasherTicket
    pub const SLASHER_TICKET_NCN: usize = 8;
    pub const SLASHER_TICKET_VAULT: usize = 40;
    pub const SLASHER_TICKET_SLASHER: usize = 72;
    pub const SLASHER_TICKET_MAX: usize = 104;
    pub const SLASHER_TICKET_INDEX: usize = 112;
    pub const SLASHER_TICKET_TOGGLE: usize = 120;
    pub const SLASHER_TICKET_BUMP: usize = 168;
    // Vault (vault program)
    pub const VAULT_BASE: usize = 8;
    pub const VAULT_BUMP: usize = 850;
}

use layout::*;

/// A deterministic test key: `[0xAD, group, n, 0, …]`.
pub fn key(group: u8, n: u8) -> Pubkey {
    let mut bytes = [0u8; 32];
    bytes[0] = 0xAD;
    bytes[1] = group;
    bytes[2] = n;
    bytes[31] = 0x5E;
    Pubkey::new_from_array(bytes)
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

fn put(data: &mut [u8], offset: usize, bytes: &[u8]) {
    data[offset..offset + bytes.len()].copy_from_slice(bytes);
}

fn header(len: usize, disc: u8) -> Vec<u8> {
    let mut d = vec![0u8; len];
    d[0] = disc;
    d
}

/// `(slot_added, slot_removed)` of a `SlotToggle`.
pub type Toggle = (u64, u64);

fn put_toggle(d: &mut [u8], offset: usize, t: Toggle) {
    put(d, offset, &t.0.to_le_bytes());
    put(d, offset + 8, &t.1.to_le_bytes());
}

/// The toggle at `offset` of `data`.
pub fn read_toggle(data: &[u8], offset: usize) -> Toggle {
    (read_u64(data, offset), read_u64(data, offset + 8))
}

pub fn read_u64(data: &[u8], offset: usize) -> u64 {
    u64::from_le_bytes(data[offset..offset + 8].try_into().unwrap())
}

pub fn read_pubkey(data: &[u8], offset: usize) -> Pubkey {
    Pubkey::new_from_array(data[offset..offset + 32].try_into().unwrap())
}

pub fn config_bytes(
    admin: &Pubkey,
    vault_program: &Pubkey,
    ncn_count: u64,
    operator_count: u64,
    epoch_length: u64,
) -> Vec<u8> {
    let mut d = header(CONFIG_LEN, CONFIG_DISC);
    put(&mut d, CONFIG_ADMIN, admin.as_ref());
    put(&mut d, CONFIG_VAULT_PROGRAM, vault_program.as_ref());
    put(&mut d, CONFIG_NCN_COUNT, &ncn_count.to_le_bytes());
    put(&mut d, CONFIG_OPERATOR_COUNT, &operator_count.to_le_bytes());
    put(&mut d, CONFIG_EPOCH_LENGTH, &epoch_length.to_le_bytes());
    d[CONFIG_BUMP] = config_pda().1;
    d
}

/// An NCN whose admin roles are all different keys (group `0x20 + k`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NcnKeys {
    pub base: Pubkey,
    pub address: Pubkey,
    pub bump: u8,
    pub admin: Pubkey,
    pub operator_admin: Pubkey,
    pub vault_admin: Pubkey,
    pub slasher_admin: Pubkey,
    pub delegate_admin: Pubkey,
    pub metadata_admin: Pubkey,
    pub weight_table_admin: Pubkey,
    pub ncn_program_admin: Pubkey,
}

impl NcnKeys {
    pub fn new(k: u8) -> Self {
        let g = 0x20 + k;
        let base = key(g, 0);
        let (address, bump) = ncn_pda(&base);
        Self {
            base,
            address,
            bump,
            admin: key(g, 1),
            operator_admin: key(g, 2),
            vault_admin: key(g, 3),
            slasher_admin: key(g, 4),
            delegate_admin: key(g, 5),
            metadata_admin: key(g, 6),
            weight_table_admin: key(g, 7),
            ncn_program_admin: key(g, 8),
        }
    }

    pub fn bytes(
        &self,
        index: u64,
        operator_count: u64,
        vault_count: u64,
        slasher_count: u64,
    ) -> Vec<u8> {
        let mut d = header(NCN_LEN, NCN_DISC);
        put(&mut d, NCN_BASE, self.base.as_ref());
        put(&mut d, NCN_ADMIN, self.admin.as_ref());
        put(&mut d, NCN_OPERATOR_ADMIN, self.operator_admin.as_ref());
        put(&mut d, NCN_VAULT_ADMIN, self.vault_admin.as_ref());
        put(&mut d, NCN_SLASHER_ADMIN, self.slasher_admin.as_ref());
        put(&mut d, NCN_DELEGATE_ADMIN, self.delegate_admin.as_ref());
        put(&mut d, NCN_METADATA_ADMIN, self.metadata_admin.as_ref());
        put(
            &mut d,
            NCN_WEIGHT_TABLE_ADMIN,
            self.weight_table_admin.as_ref(),
        );
        put(&mut d, NCN_PROGRAM_ADMIN, self.ncn_program_admin.as_ref());
        put(&mut d, NCN_INDEX, &index.to_le_bytes());
        put(&mut d, NCN_OPERATOR_COUNT, &operator_count.to_le_bytes());
        put(&mut d, NCN_VAULT_COUNT, &vault_count.to_le_bytes());
        put(&mut d, NCN_SLASHER_COUNT, &slasher_count.to_le_bytes());
        d[NCN_BUMP] = self.bump;
        d
    }
}

/// An operator whose admin roles are all different keys (group `0x40 + k`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OperatorKeys {
    pub base: Pubkey,
    pub address: Pubkey,
    pub bump: u8,
    pub admin: Pubkey,
    pub ncn_admin: Pubkey,
    pub vault_admin: Pubkey,
    pub delegate_admin: Pubkey,
    pub metadata_admin: Pubkey,
    pub voter: Pubkey,
}

impl OperatorKeys {
    pub fn new(k: u8) -> Self {
        let g = 0x40 + k;
        let base = key(g, 0);
        let (address, bump) = operator_pda(&base);
        Self {
            base,
            address,
            bump,
            admin: key(g, 1),
            ncn_admin: key(g, 2),
            vault_admin: key(g, 3),
            delegate_admin: key(g, 4),
            metadata_admin: key(g, 5),
            voter: key(g, 6),
        }
    }

    pub fn bytes(&self, index: u64, ncn_count: u64, vault_count: u64, fee_bps: u16) -> Vec<u8> {
        let mut d = header(OPERATOR_LEN, OPERATOR_DISC);
        put(&mut d, OPERATOR_BASE, self.base.as_ref());
        put(&mut d, OPERATOR_ADMIN, self.admin.as_ref());
        put(&mut d, OPERATOR_NCN_ADMIN, self.ncn_admin.as_ref());
        put(&mut d, OPERATOR_VAULT_ADMIN, self.vault_admin.as_ref());
        put(
            &mut d,
            OPERATOR_DELEGATE_ADMIN,
            self.delegate_admin.as_ref(),
        );
        put(
            &mut d,
            OPERATOR_METADATA_ADMIN,
            self.metadata_admin.as_ref(),
        );
        put(&mut d, OPERATOR_VOTER, self.voter.as_ref());
        put(&mut d, OPERATOR_INDEX, &index.to_le_bytes());
        put(&mut d, OPERATOR_NCN_COUNT, &ncn_count.to_le_bytes());
        put(&mut d, OPERATOR_VAULT_COUNT, &vault_count.to_le_bytes());
        put(&mut d, OPERATOR_FEE_BPS, &fee_bps.to_le_bytes());
        d[OPERATOR_BUMP] = self.bump;
        d
    }
}

/// A vault of the vault program (group `0x60 + k`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VaultKeys {
    pub base: Pubkey,
    pub address: Pubkey,
    pub bump: u8,
    pub admin: Pubkey,
}

impl VaultKeys {
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

    /// The vault as the vault program's `InitializeVault` leaves it (built with
    /// `jito_vault_interface`), owned by the vault program.
    pub fn account(&self, index: u64, slot: u64) -> Account {
        let mut data = vec![0u8; Vault::LEN];
        let vault = Vault::init(&mut data).expect("vault length");
        let g = self.base.to_bytes()[1];
        vault
            .initialize(
                &key(g, 2),
                &key(g, 3),
                &self.admin,
                index,
                &self.base,
                10,
                20,
                30,
                40,
                self.bump,
                slot,
            )
            .expect("vault fees");
        assert_eq!(data.len(), VAULT_LEN);
        assert_eq!(data[0], VAULT_DISC);
        assert_eq!(data[VAULT_BASE..VAULT_BASE + 32], self.base.to_bytes());
        assert_eq!(data[VAULT_BUMP], self.bump);
        owned_account(&VAULT_PROGRAM_ID, data)
    }
}

pub fn ncn_operator_state_bytes(
    ncn: &Pubkey,
    operator: &Pubkey,
    index: u64,
    ncn_toggle: Toggle,
    operator_toggle: Toggle,
) -> Vec<u8> {
    let mut d = header(NCN_OPERATOR_STATE_LEN, NCN_OPERATOR_STATE_DISC);
    put(&mut d, NOS_NCN, ncn.as_ref());
    put(&mut d, NOS_OPERATOR, operator.as_ref());
    put(&mut d, NOS_INDEX, &index.to_le_bytes());
    put_toggle(&mut d, NOS_NCN_TOGGLE, ncn_toggle);
    put_toggle(&mut d, NOS_OPERATOR_TOGGLE, operator_toggle);
    d[NOS_BUMP] = ncn_operator_state_pda(ncn, operator).1;
    d
}

pub fn ncn_vault_ticket_bytes(ncn: &Pubkey, vault: &Pubkey, index: u64, toggle: Toggle) -> Vec<u8> {
    let mut d = header(VAULT_TICKET_LEN, NCN_VAULT_TICKET_DISC);
    put(&mut d, TICKET_OWNER, ncn.as_ref());
    put(&mut d, TICKET_VAULT, vault.as_ref());
    put(&mut d, TICKET_INDEX, &index.to_le_bytes());
    put_toggle(&mut d, TICKET_TOGGLE, toggle);
    d[TICKET_BUMP] = ncn_vault_ticket_pda(ncn, vault).1;
    d
}

pub fn operator_vault_ticket_bytes(
    operator: &Pubkey,
    vault: &Pubkey,
    index: u64,
    toggle: Toggle,
) -> Vec<u8> {
    let mut d = header(VAULT_TICKET_LEN, OPERATOR_VAULT_TICKET_DISC);
    put(&mut d, TICKET_OWNER, operator.as_ref());
    put(&mut d, TICKET_VAULT, vault.as_ref());
    put(&mut d, TICKET_INDEX, &index.to_le_bytes());
    put_toggle(&mut d, TICKET_TOGGLE, toggle);
    d[TICKET_BUMP] = operator_vault_ticket_pda(operator, vault).1;
    d
}

pub fn ncn_vault_slasher_ticket_bytes(
    ncn: &Pubkey,
    vault: &Pubkey,
    slasher: &Pubkey,
    max_slashable_per_epoch: u64,
    index: u64,
    toggle: Toggle,
) -> Vec<u8> {
    let mut d = header(NCN_VAULT_SLASHER_TICKET_LEN, NCN_VAULT_SLASHER_TICKET_DISC);
    put(&mut d, SLASHER_TICKET_NCN, ncn.as_ref());
    put(&mut d, SLASHER_TICKET_VAULT, vault.as_ref());
    put(&mut d, SLASHER_TICKET_SLASHER, slasher.as_ref());
    put(
        &mut d,
        SLASHER_TICKET_MAX,
        &max_slashable_per_epoch.to_le_bytes(),
    );
    put(&mut d, SLASHER_TICKET_INDEX, &index.to_le_bytes());
    put_toggle(&mut d, SLASHER_TICKET_TOGGLE, toggle);
    d[SLASHER_TICKET_BUMP] = ncn_vault_slasher_ticket_pda(ncn, vault, slasher).1;
    d
}

/// A restaking-owned, rent-exempt account holding `data`.
pub fn restaking_account(data: Vec<u8>) -> Account {
    owned_account(&RESTAKING_PROGRAM_ID, data)
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

/// `(key, account)` of a program passed as an instruction account.
pub fn program(id: &Pubkey) -> (Pubkey, Account) {
    program_account(id)
}

// ---------------------------------------------------------------------------
// Instructions: the generated client (`jito-restaking-client`), which follows
// the original sdk's account order and flags. The tag- and role-taking helpers
// pick the client builder for the byte and check that the client wrote it.
// ---------------------------------------------------------------------------

/// Panics unless the client put `tag` first in the data.
#[track_caller]
fn tagged(ix: Instruction, tag: u8) -> Instruction {
    assert_eq!(ix.data.first(), Some(&tag), "client instruction tag");
    ix
}

pub fn initialize_config(config: &Pubkey, admin: &Pubkey, vault_program: &Pubkey) -> Instruction {
    let ix = InitializeConfigBuilder::new()
        .config(*config)
        .admin(*admin)
        .vault_program(*vault_program)
        .instruction();
    tagged(ix, tag::INITIALIZE_CONFIG)
}

pub fn initialize_ncn(config: &Pubkey, ncn: &Pubkey, admin: &Pubkey, base: &Pubkey) -> Instruction {
    let ix = InitializeNcnBuilder::new()
        .config(*config)
        .ncn(*ncn)
        .admin(*admin)
        .base(*base)
        .instruction();
    tagged(ix, tag::INITIALIZE_NCN)
}

pub fn initialize_operator(
    config: &Pubkey,
    operator: &Pubkey,
    admin: &Pubkey,
    base: &Pubkey,
    fee_bps: u16,
) -> Instruction {
    let ix = InitializeOperatorBuilder::new()
        .config(*config)
        .operator(*operator)
        .admin(*admin)
        .base(*base)
        .operator_fee_bps(fee_bps)
        .instruction();
    tagged(ix, tag::INITIALIZE_OPERATOR)
}

#[allow(clippy::too_many_arguments)]
pub fn initialize_ncn_vault_slasher_ticket(
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
    let ix = InitializeNcnVaultSlasherTicketBuilder::new()
        .config(*config)
        .ncn(*ncn)
        .vault(*vault)
        .slasher(*slasher)
        .ncn_vault_ticket(*ncn_vault_ticket)
        .ncn_vault_slasher_ticket(*slasher_ticket)
        .admin(*admin)
        .payer(*payer)
        .max_slashable_per_epoch(max_slashable_per_epoch)
        .instruction();
    tagged(ix, tag::INITIALIZE_NCN_VAULT_SLASHER_TICKET)
}

/// `InitializeNcnVaultTicket` (4), `InitializeOperatorVaultTicket` (5) and
/// `InitializeNcnOperatorState` (6): `[config, a (w), b, new (w), admin (s),
/// payer (w, s), system_program]`, `b` writable only for tag 6.
pub fn initialize_pair(
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
        tag::INITIALIZE_NCN_VAULT_TICKET => InitializeNcnVaultTicketBuilder::new()
            .config(config)
            .ncn(a)
            .vault(b)
            .ncn_vault_ticket(new)
            .admin(admin)
            .payer(payer)
            .instruction(),
        tag::INITIALIZE_OPERATOR_VAULT_TICKET => InitializeOperatorVaultTicketBuilder::new()
            .config(config)
            .operator(a)
            .vault(b)
            .operator_vault_ticket(new)
            .admin(admin)
            .payer(payer)
            .instruction(),
        tag::INITIALIZE_NCN_OPERATOR_STATE => InitializeNcnOperatorStateBuilder::new()
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

/// Tags 7–12, 15, 16: `[config, a, b, state (w), admin (s)]`.
pub fn toggle(
    tag: u8,
    config: &Pubkey,
    a: &Pubkey,
    b: &Pubkey,
    state: &Pubkey,
    admin: &Pubkey,
) -> Instruction {
    let (config, a, b, state, admin) = (*config, *a, *b, *state, *admin);
    let ix = match tag {
        tag::WARMUP_NCN_VAULT_TICKET => WarmupNcnVaultTicketBuilder::new()
            .config(config)
            .ncn(a)
            .vault(b)
            .ncn_vault_ticket(state)
            .admin(admin)
            .instruction(),
        tag::COOLDOWN_NCN_VAULT_TICKET => CooldownNcnVaultTicketBuilder::new()
            .config(config)
            .ncn(a)
            .vault(b)
            .ncn_vault_ticket(state)
            .admin(admin)
            .instruction(),
        tag::NCN_WARMUP_OPERATOR => NcnWarmupOperatorBuilder::new()
            .config(config)
            .ncn(a)
            .operator(b)
            .ncn_operator_state(state)
            .admin(admin)
            .instruction(),
        tag::NCN_COOLDOWN_OPERATOR => NcnCooldownOperatorBuilder::new()
            .config(config)
            .ncn(a)
            .operator(b)
            .ncn_operator_state(state)
            .admin(admin)
            .instruction(),
        tag::OPERATOR_WARMUP_NCN => OperatorWarmupNcnBuilder::new()
            .config(config)
            .ncn(a)
            .operator(b)
            .ncn_operator_state(state)
            .admin(admin)
            .instruction(),
        tag::OPERATOR_COOLDOWN_NCN => OperatorCooldownNcnBuilder::new()
            .config(config)
            .ncn(a)
            .operator(b)
            .ncn_operator_state(state)
            .admin(admin)
            .instruction(),
        tag::WARMUP_OPERATOR_VAULT_TICKET => WarmupOperatorVaultTicketBuilder::new()
            .config(config)
            .operator(a)
            .vault(b)
            .operator_vault_ticket(state)
            .admin(admin)
            .instruction(),
        tag::COOLDOWN_OPERATOR_VAULT_TICKET => CooldownOperatorVaultTicketBuilder::new()
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

pub fn warmup_ncn_vault_slasher_ticket(
    config: &Pubkey,
    ncn: &Pubkey,
    vault: &Pubkey,
    slasher: &Pubkey,
    ncn_vault_ticket: &Pubkey,
    slasher_ticket: &Pubkey,
    admin: &Pubkey,
) -> Instruction {
    let ix = WarmupNcnVaultSlasherTicketBuilder::new()
        .config(*config)
        .ncn(*ncn)
        .vault(*vault)
        .slasher(*slasher)
        .ncn_vault_ticket(*ncn_vault_ticket)
        .ncn_vault_slasher_ticket(*slasher_ticket)
        .admin(*admin)
        .instruction();
    tagged(ix, tag::WARMUP_NCN_VAULT_SLASHER_TICKET)
}

pub fn cooldown_ncn_vault_slasher_ticket(
    config: &Pubkey,
    ncn: &Pubkey,
    vault: &Pubkey,
    slasher: &Pubkey,
    slasher_ticket: &Pubkey,
    admin: &Pubkey,
) -> Instruction {
    let ix = CooldownNcnVaultSlasherTicketBuilder::new()
        .config(*config)
        .ncn(*ncn)
        .vault(*vault)
        .slasher(*slasher)
        .ncn_vault_slasher_ticket(*slasher_ticket)
        .admin(*admin)
        .instruction();
    tagged(ix, tag::COOLDOWN_NCN_VAULT_SLASHER_TICKET)
}

/// `NcnSetAdmin` (17) / `OperatorSetAdmin` (19).
pub fn set_admin(tag: u8, account: &Pubkey, old_admin: &Pubkey, new_admin: &Pubkey) -> Instruction {
    let ix = match tag {
        tag::NCN_SET_ADMIN => NcnSetAdminBuilder::new()
            .ncn(*account)
            .old_admin(*old_admin)
            .new_admin(*new_admin)
            .instruction(),
        tag::OPERATOR_SET_ADMIN => OperatorSetAdminBuilder::new()
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

/// `NcnSetSecondaryAdmin` (18) / `OperatorSetSecondaryAdmin` (20). `role` is
/// the index of a valid role; malformed role bytes are made by mutating the
/// built instruction's data.
pub fn set_secondary_admin(
    tag: u8,
    role: u8,
    account: &Pubkey,
    admin: &Pubkey,
    new_admin: &Pubkey,
) -> Instruction {
    let ix = match tag {
        tag::NCN_SET_SECONDARY_ADMIN => NcnSetSecondaryAdminBuilder::new()
            .ncn(*account)
            .admin(*admin)
            .new_admin(*new_admin)
            .ncn_admin_role(NCN_ROLES[usize::from(role)])
            .instruction(),
        tag::OPERATOR_SET_SECONDARY_ADMIN => OperatorSetSecondaryAdminBuilder::new()
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

pub fn operator_set_fee(
    config: &Pubkey,
    operator: &Pubkey,
    admin: &Pubkey,
    fee_bps: u16,
) -> Instruction {
    let ix = OperatorSetFeeBuilder::new()
        .config(*config)
        .operator(*operator)
        .admin(*admin)
        .new_fee_bps(fee_bps)
        .instruction();
    tagged(ix, tag::OPERATOR_SET_FEE)
}

/// `NcnDelegateTokenAccount` (22) / `OperatorDelegateTokenAccount` (23).
pub fn delegate_token_account(
    tag: u8,
    owner: &Pubkey,
    delegate_admin: &Pubkey,
    mint: &Pubkey,
    token_account: &Pubkey,
    delegate: &Pubkey,
    token_program: &Pubkey,
) -> Instruction {
    let ix = match tag {
        tag::NCN_DELEGATE_TOKEN_ACCOUNT => NcnDelegateTokenAccountBuilder::new()
            .ncn(*owner)
            .delegate_admin(*delegate_admin)
            .token_mint(*mint)
            .token_account(*token_account)
            .delegate(*delegate)
            .token_program(*token_program)
            .instruction(),
        tag::OPERATOR_DELEGATE_TOKEN_ACCOUNT => OperatorDelegateTokenAccountBuilder::new()
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

pub fn set_config_admin(config: &Pubkey, old_admin: &Pubkey, new_admin: &Pubkey) -> Instruction {
    let ix = SetConfigAdminBuilder::new()
        .config(*config)
        .old_admin(*old_admin)
        .new_admin(*new_admin)
        .instruction();
    tagged(ix, tag::SET_CONFIG_ADMIN)
}

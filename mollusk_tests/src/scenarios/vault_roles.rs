//! Role key sets for the vault's adversarial tests (negative matrix, extreme amounts,
//! randomized sequences): deterministic keys with every admin role held by a different key,
//! the accounts of those keys (bytes from [`crate::layout_oracle`]), SPL Token accounts, and
//! the builders that take a [`VaultKeys`] (the plain-address ones are [`crate::world::vault`]).

use jito_vault_client::instructions::{
    CreateTokenMetadataBuilder, InitializeVaultBuilder, UpdateTokenMetadataBuilder,
};

use crate::layout_oracle::{
    ConfigState, Delegation, TicketModel, Toggle, TrackerState, VaultNcnSlasherOperatorTicketState,
    VaultNcnSlasherTicketState, VaultNcnTicketState, VaultOperatorDelegationState, VaultState,
};
use crate::{
    mint_data, mollusk, owned_account, system_account, token_account_data, Account, Instruction,
    Mollusk, Pubkey, RESTAKING_PROGRAM_ID, TOKEN_PROGRAM_ID, VAULT_PROGRAM_ID,
};

/// Short epochs so that tests can cross several.
pub const EPOCH_LENGTH: u64 = 100;
/// Lamports of every funded wallet.
pub const WALLET_LAMPORTS: u64 = 10_000_000_000;
pub use crate::pda::METAPLEX_ID;

/// Instruction tags (master numbering).
pub use crate::codes::vault_tag as tag;

/// Custom error codes: the shared table, and the few this world names otherwise.
pub mod err {
    pub use crate::codes::vault_err::*;
    pub use crate::codes::{
        token_err::{
            INSUFFICIENT_FUNDS as TOKEN_INSUFFICIENT_FUNDS, MINT_MISMATCH as TOKEN_MINT_MISMATCH,
            OVERFLOW as TOKEN_OVERFLOW,
        },
        vault_err::NON_ZERO_ADDITIONAL_ASSETS_NEEDED_FOR_WITHDRAWAL_AT_END_OF_UPDATE as NON_ZERO_ADDITIONAL_ASSETS_NEEDED,
    };
}

/// Byte offsets of fields read by the models (header included).
pub use crate::layout_oracle::vault_offsets as off;

/// A deterministic key: `[0xA2, group, n, 0, …, 0x2A]`.
pub fn key(group: u8, n: u8) -> Pubkey {
    crate::world::fixed_key(0xA2, group, n, 0x2A)
}

// ---------------------------------------------------------------------------
// PDAs (host `find_program_address`, literal seeds)
// ---------------------------------------------------------------------------

pub use crate::pda::{
    metadata_pda,
    vault::{
        burn_vault_pda, config_pda, tracker_pda, vault_ncn_slasher_operator_ticket_pda,
        vault_ncn_slasher_ticket_pda, vault_ncn_ticket_pda, vault_operator_delegation_pda,
        vault_pda, withdrawal_ticket_pda,
    },
};

/// SPL Token associated token address.
pub fn ata(owner: &Pubkey, mint: &Pubkey) -> Pubkey {
    crate::associated_token_address(owner, mint, &TOKEN_PROGRAM_ID)
}

// ---------------------------------------------------------------------------
// Keys
// ---------------------------------------------------------------------------

pub use super::roles::{ConfigKeys, VaultKeys};

impl ConfigKeys {
    /// The three roles in group `0x10`.
    pub fn new() -> Self {
        Self::distinct(|n| key(0x10, n))
    }
}

impl Default for ConfigKeys {
    fn default() -> Self {
        Self::new()
    }
}

impl VaultKeys {
    /// Every role a different key (group `0x30 + 2k`), the mints in group `0x31 + 2k`.
    pub fn new(k: u8) -> Self {
        let g = 0x30 + 2 * k;
        Self::distinct(|n| key(g, n), key(g + 1, 0), key(g + 1, 1))
    }
}

// ---------------------------------------------------------------------------
// Account bytes
// ---------------------------------------------------------------------------

/// A vault-owned, rent-exempt account.
pub fn vault_account(data: Vec<u8>) -> Account {
    owned_account(&VAULT_PROGRAM_ID, data)
}

/// The config: default fee limits, `epoch_length`, `program_fee_bps`.
pub fn config_bytes(
    keys: &ConfigKeys,
    epoch_length: u64,
    program_fee_bps: u16,
    num_vaults: u64,
) -> Vec<u8> {
    let mut c = ConfigState::initialized(
        keys.admin,
        RESTAKING_PROGRAM_ID,
        keys.program_fee_wallet,
        program_fee_bps,
    );
    c.fee_admin = keys.fee_admin;
    c.epoch_length = epoch_length;
    c.num_vaults = num_vaults;
    c.bump = keys.bump;
    c.to_bytes()
}

/// A vault initialised at slot 0 with every role set from `keys` (no mint/burn
/// admin), then adjusted by `f`.
pub fn vault_bytes(keys: &VaultKeys, f: impl FnOnce(&mut VaultState)) -> Vec<u8> {
    let mut v = VaultState::new(keys.base, keys.vrt_mint, keys.st_mint, keys.admin, 0);
    v.bump = keys.bump;
    v.delegation_admin = keys.delegation_admin;
    v.operator_admin = keys.operator_admin;
    v.ncn_admin = keys.ncn_admin;
    v.slasher_admin = keys.slasher_admin;
    v.capacity_admin = keys.capacity_admin;
    v.fee_admin = keys.fee_admin;
    v.delegate_asset_admin = keys.delegate_asset_admin;
    v.fee_wallet = keys.fee_wallet;
    v.metadata_admin = keys.metadata_admin;
    f(&mut v);
    v.to_bytes()
}

fn toggle(t: (u64, u64)) -> Toggle {
    Toggle {
        added: t.0,
        removed: t.1,
    }
}

pub fn vault_ncn_ticket_bytes(
    vault: &Pubkey,
    ncn: &Pubkey,
    index: u64,
    state: (u64, u64),
) -> Vec<u8> {
    VaultNcnTicketState {
        vault: *vault,
        ncn: *ncn,
        index,
        state: toggle(state),
        bump: vault_ncn_ticket_pda(vault, ncn).1,
    }
    .to_bytes()
}

pub fn vault_ncn_slasher_ticket_bytes(
    vault: &Pubkey,
    ncn: &Pubkey,
    slasher: &Pubkey,
    max_slashable_per_epoch: u64,
    index: u64,
    state: (u64, u64),
) -> Vec<u8> {
    VaultNcnSlasherTicketState {
        vault: *vault,
        ncn: *ncn,
        slasher: *slasher,
        max_slashable_per_epoch,
        index,
        state: toggle(state),
        bump: vault_ncn_slasher_ticket_pda(vault, ncn, slasher).1,
    }
    .to_bytes()
}

pub fn vault_ncn_slasher_operator_ticket_bytes(
    vault: &Pubkey,
    ncn: &Pubkey,
    slasher: &Pubkey,
    operator: &Pubkey,
    epoch: u64,
) -> Vec<u8> {
    VaultNcnSlasherOperatorTicketState {
        vault: *vault,
        ncn: *ncn,
        slasher: *slasher,
        operator: *operator,
        epoch,
        slashed: 0,
        bump: vault_ncn_slasher_operator_ticket_pda(vault, ncn, slasher, operator, epoch).1,
    }
    .to_bytes()
}

/// A delegation with `state` (staked, enqueued, cooling), last updated at `slot`.
pub fn vault_operator_delegation_bytes(
    vault: &Pubkey,
    operator: &Pubkey,
    index: u64,
    slot: u64,
    state: (u64, u64, u64),
) -> Vec<u8> {
    VaultOperatorDelegationState {
        vault: *vault,
        operator: *operator,
        delegation: Delegation::new(state.0, state.1, state.2),
        last_update_slot: slot,
        index,
        bump: vault_operator_delegation_pda(vault, operator).1,
    }
    .to_bytes()
}

pub fn withdrawal_ticket_bytes(
    vault: &Pubkey,
    staker: &Pubkey,
    base: &Pubkey,
    vrt_amount: u64,
    slot_unstaked: u64,
) -> Vec<u8> {
    TicketModel {
        vault: *vault,
        staker: *staker,
        base: *base,
        vrt_amount,
        slot_unstaked,
        bump: withdrawal_ticket_pda(vault, base).1,
    }
    .to_bytes()
}

/// A tracker of `ncn_epoch` with `last_updated_index` and an accumulated state.
pub fn tracker_bytes(
    vault: &Pubkey,
    ncn_epoch: u64,
    last_updated_index: u64,
    state: (u64, u64, u64),
    method: u8,
) -> Vec<u8> {
    TrackerState {
        vault: *vault,
        ncn_epoch,
        last_updated_index,
        delegation: Delegation::new(state.0, state.1, state.2),
        withdrawal_allocation_method: method,
    }
    .to_bytes()
}

/// An SPL Token mint.
pub fn mint_account(authority: Option<&Pubkey>, supply: u64) -> Account {
    owned_account(&TOKEN_PROGRAM_ID, mint_data(authority, supply, 9))
}

/// An SPL Token account.
pub fn token_account(mint: &Pubkey, owner: &Pubkey, amount: u64) -> Account {
    owned_account(&TOKEN_PROGRAM_ID, token_account_data(mint, owner, amount))
}

/// A funded wallet.
pub fn wallet() -> Account {
    system_account(WALLET_LAMPORTS)
}

/// An address with nothing at it.
pub fn empty() -> Account {
    system_account(0)
}

/// A Mollusk with both programs, the token programs and the Metaplex recorder.
pub fn mollusk_with_metaplex() -> Mollusk {
    let mut m = mollusk();
    crate::world::add_metaplex_recorder(&mut m);
    m
}

// ---------------------------------------------------------------------------
// Instructions (generated client, original sdk account order and flags)
// ---------------------------------------------------------------------------

fn initialize_vault_builder(config: &Pubkey, v: &VaultKeys) -> InitializeVaultBuilder {
    let burn_vault = burn_vault_pda(&v.base).0;
    let mut b = InitializeVaultBuilder::new();
    b.config(*config)
        .vault(v.address)
        .vrt_mint(v.vrt_mint)
        .st_mint(v.st_mint)
        .admin_st_token_account(ata(&v.admin, &v.st_mint))
        .vault_st_token_account(v.vault_st_ata)
        .burn_vault(burn_vault)
        .burn_vault_vrt_token_account(ata(&burn_vault, &v.vrt_mint))
        .admin(v.admin)
        .base(v.base)
        .token_program(TOKEN_PROGRAM_ID);
    b
}

/// `data` (from [`initialize_vault_data`], possibly mutated) replaces the
/// arguments of the client-built instruction.
pub fn initialize_vault(config: &Pubkey, v: &VaultKeys, data: Vec<u8>) -> Instruction {
    let mut ix = initialize_vault_builder(config, v)
        .deposit_fee_bps(0)
        .withdrawal_fee_bps(0)
        .reward_fee_bps(0)
        .decimals(0)
        .initialize_token_amount(0)
        .instruction();
    ix.data = data;
    ix
}

/// Data of CreateTokenMetadata (tag 30) or UpdateTokenMetadata (tag 31), from
/// the client's builders.
pub fn metadata_data(t: u8, name: &str, symbol: &str, uri: &str) -> Vec<u8> {
    let v = VaultKeys::new(0);
    let data = match t {
        tag::CREATE_TOKEN_METADATA => {
            create_token_metadata_builder(&v, &ANY, &ANY, name, symbol, uri)
                .instruction()
                .data
        }
        tag::UPDATE_TOKEN_METADATA => {
            update_token_metadata_builder(&v, &ANY, name, symbol, uri)
                .instruction()
                .data
        }
        other => panic!("tag {other} is not a metadata instruction"),
    };
    assert_eq!(data[0], t, "client tag");
    data
}

fn create_token_metadata_builder(
    v: &VaultKeys,
    admin: &Pubkey,
    payer: &Pubkey,
    name: &str,
    symbol: &str,
    uri: &str,
) -> CreateTokenMetadataBuilder {
    let mut b = CreateTokenMetadataBuilder::new();
    b.vault(v.address)
        .admin(*admin)
        .vrt_mint(v.vrt_mint)
        .payer(*payer)
        .metadata(metadata_pda(&v.vrt_mint))
        .mpl_token_metadata_program(METAPLEX_ID)
        .name(name.to_owned())
        .symbol(symbol.to_owned())
        .uri(uri.to_owned());
    b
}

fn update_token_metadata_builder(
    v: &VaultKeys,
    admin: &Pubkey,
    name: &str,
    symbol: &str,
    uri: &str,
) -> UpdateTokenMetadataBuilder {
    let mut b = UpdateTokenMetadataBuilder::new();
    b.vault(v.address)
        .admin(*admin)
        .vrt_mint(v.vrt_mint)
        .metadata(metadata_pda(&v.vrt_mint))
        .mpl_token_metadata_program(METAPLEX_ID)
        .name(name.to_owned())
        .symbol(symbol.to_owned())
        .uri(uri.to_owned());
    b
}

/// `data` (from [`metadata_data`], possibly mutated) replaces the arguments of
/// the client-built instruction.
pub fn create_token_metadata(
    v: &VaultKeys,
    admin: &Pubkey,
    payer: &Pubkey,
    data: Vec<u8>,
) -> Instruction {
    let mut ix = create_token_metadata_builder(v, admin, payer, "", "", "").instruction();
    ix.data = data;
    ix
}

/// `data` (from [`metadata_data`], possibly mutated) replaces the arguments of
/// the client-built instruction. The VRT mint is writable, as the sdk passes it.
pub fn update_token_metadata(v: &VaultKeys, admin: &Pubkey, data: Vec<u8>) -> Instruction {
    let mut ix = sdk_writable(
        update_token_metadata_builder(v, admin, "", "", "").instruction(),
        2,
    );
    ix.data = data;
    ix
}

pub use crate::world::{vault::*, World};

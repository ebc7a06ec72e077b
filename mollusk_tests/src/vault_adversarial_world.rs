//! World for the vault's adversarial tests (negative matrix, extreme amounts,
//! randomized sequences): deterministic keys with every admin role held by a
//! different key, account bytes for every vault account type (written through
//! `jito_vault_interface`, the restaking accounts through
//! [`crate::restaking_adversarial_world`]), SPL Token accounts, builders of all
//! 34 vault instructions in the original sdk's account order and flags, and a
//! small account store that commits successful instructions. Instructions are
//! built with the generated Rust client (`jito-vault-client`).

use std::collections::BTreeMap;

use jito_core::account::AccountType;
use jito_vault_client::{
    instructions::{
        AddDelegationBuilder, BurnWithdrawalTicketBuilder, ChangeWithdrawalTicketOwnerBuilder,
        CloseVaultUpdateStateTrackerBuilder, CooldownDelegationBuilder,
        CooldownVaultNcnSlasherTicketBuilder, CooldownVaultNcnTicketBuilder,
        CrankVaultUpdateStateTrackerBuilder, CreateTokenMetadataBuilder,
        DelegateTokenAccountBuilder, EnqueueWithdrawalBuilder, InitializeConfigBuilder,
        InitializeVaultBuilder, InitializeVaultNcnSlasherOperatorTicketBuilder,
        InitializeVaultNcnSlasherTicketBuilder, InitializeVaultNcnTicketBuilder,
        InitializeVaultOperatorDelegationBuilder, InitializeVaultUpdateStateTrackerBuilder,
        InitializeVaultWithMintBuilder, MintToBuilder, RevokeDelegateTokenAccountBuilder,
        SetAdminBuilder, SetConfigAdminBuilder, SetConfigSecondaryAdminBuilder,
        SetDepositCapacityBuilder, SetFees, SetFeesInstructionArgs, SetIsPausedBuilder,
        SetProgramFeeBuilder, SetProgramFeeWalletBuilder, SetSecondaryAdminBuilder,
        UpdateTokenMetadataBuilder, UpdateVaultBalanceBuilder, WarmupVaultNcnSlasherTicketBuilder,
        WarmupVaultNcnTicketBuilder,
    },
    types::{ConfigAdminRole, VaultAdminRole, WithdrawalAllocationMethod},
};
use jito_vault_interface::state::{
    Config, DelegationState, Vault, VaultNcnSlasherOperatorTicket, VaultNcnSlasherTicket,
    VaultNcnTicket, VaultOperatorDelegation, VaultStakerWithdrawalTicket, VaultUpdateStateTracker,
};

use crate::{
    instruction, mint_data, mollusk, owned_account, program_account,
    restaking_adversarial_world as raw, system_account, token_account_data, Account, AccountMeta,
    Instruction, InstructionResult, Mollusk, Pubkey, ASSOCIATED_TOKEN_PROGRAM_ID,
    RESTAKING_PROGRAM_ID, SYSTEM_PROGRAM_ID, TOKEN_2022_PROGRAM_ID, TOKEN_PROGRAM_ID,
    VAULT_PROGRAM_ID,
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
    pub use crate::codes::vault_err::NON_ZERO_ADDITIONAL_ASSETS_NEEDED_FOR_WITHDRAWAL_AT_END_OF_UPDATE as NON_ZERO_ADDITIONAL_ASSETS_NEEDED;
    pub use crate::codes::vault_err::*;
    pub const TOKEN_OVERFLOW: u32 = 14;
    pub const TOKEN_MINT_MISMATCH: u32 = 3;
    pub const TOKEN_INSUFFICIENT_FUNDS: u32 = 1;
}

/// Byte offsets of fields read by the models (header included).
pub mod off {
    pub const CONFIG_ADMIN: usize = 8;
    pub const CONFIG_RESTAKING_PROGRAM: usize = 40;
    pub const CONFIG_EPOCH_LENGTH: usize = 72;
    pub const CONFIG_PROGRAM_FEE_WALLET: usize = 96;
    pub const CONFIG_FEE_ADMIN: usize = 128;
    pub const VAULT_BASE: usize = 8;
    pub const VAULT_VRT_MINT: usize = 40;
    pub const VAULT_SUPPORTED_MINT: usize = 72;
    pub const VAULT_BUMP: usize = 850;
    pub const TICKET_VAULT: usize = 8;
    pub const TICKET_STAKER: usize = 40;
    pub const TICKET_BASE: usize = 72;
    pub const TICKET_BUMP: usize = 120;
    pub const VAULT_NCN_TICKET_TOGGLE: usize = 80;
    pub const VAULT_NCN_SLASHER_TICKET_TOGGLE: usize = 120;
}

/// A deterministic key: `[0xA2, group, n, 0, …, 0x2A]`.
pub fn key(group: u8, n: u8) -> Pubkey {
    let mut bytes = [0u8; 32];
    bytes[0] = 0xA2;
    bytes[1] = group;
    bytes[2] = n;
    bytes[31] = 0x2A;
    Pubkey::new_from_array(bytes)
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

/// The vault config and its three roles.
#[derive(Clone, Debug)]
pub struct ConfigKeys {
    pub address: Pubkey,
    pub bump: u8,
    pub admin: Pubkey,
    pub fee_admin: Pubkey,
    pub program_fee_wallet: Pubkey,
}

impl ConfigKeys {
    pub fn new() -> Self {
        let (address, bump) = config_pda();
        Self {
            address,
            bump,
            admin: key(0x10, 1),
            fee_admin: key(0x10, 2),
            program_fee_wallet: key(0x10, 3),
        }
    }
}

impl Default for ConfigKeys {
    fn default() -> Self {
        Self::new()
    }
}

/// A vault with every admin role held by a different key (group `0x30 + 2k`),
/// its mints (group `0x31 + 2k`) and its token accounts.
#[derive(Clone, Debug)]
pub struct VaultKeys {
    pub base: Pubkey,
    pub address: Pubkey,
    pub bump: u8,
    pub vrt_mint: Pubkey,
    pub st_mint: Pubkey,
    pub admin: Pubkey,
    pub delegation_admin: Pubkey,
    pub operator_admin: Pubkey,
    pub ncn_admin: Pubkey,
    pub slasher_admin: Pubkey,
    pub capacity_admin: Pubkey,
    pub fee_admin: Pubkey,
    pub delegate_asset_admin: Pubkey,
    pub fee_wallet: Pubkey,
    pub mint_burn_admin: Pubkey,
    pub metadata_admin: Pubkey,
    /// The vault's supported-token ATA.
    pub vault_st_ata: Pubkey,
}

impl VaultKeys {
    pub fn new(k: u8) -> Self {
        let g = 0x30 + 2 * k;
        let base = key(g, 0);
        let (address, bump) = vault_pda(&base);
        let vrt_mint = key(g + 1, 0);
        let st_mint = key(g + 1, 1);
        Self {
            base,
            address,
            bump,
            vrt_mint,
            st_mint,
            admin: key(g, 1),
            delegation_admin: key(g, 2),
            operator_admin: key(g, 3),
            ncn_admin: key(g, 4),
            slasher_admin: key(g, 5),
            capacity_admin: key(g, 6),
            fee_admin: key(g, 7),
            delegate_asset_admin: key(g, 8),
            fee_wallet: key(g, 9),
            mint_burn_admin: key(g, 10),
            metadata_admin: key(g, 11),
            vault_st_ata: ata(&address, &st_mint),
        }
    }

    /// The fee wallet's VRT ATA.
    pub fn fee_vrt_ata(&self) -> Pubkey {
        ata(&self.fee_wallet, &self.vrt_mint)
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
    let mut data = vec![0u8; Config::LEN];
    let c = Config::init(&mut data).unwrap();
    c.initialize(
        &keys.admin,
        &RESTAKING_PROGRAM_ID,
        &keys.program_fee_wallet,
        program_fee_bps,
        keys.bump,
    );
    c.fee_admin = keys.fee_admin;
    c.set_epoch_length(epoch_length);
    c.set_num_vaults(num_vaults);
    data
}

/// A vault initialised at slot 0 with every role set from `keys` (no mint/burn
/// admin), then adjusted by `f`.
pub fn vault_bytes(keys: &VaultKeys, f: impl FnOnce(&mut Vault)) -> Vec<u8> {
    let mut data = vec![0u8; Vault::LEN];
    let v = Vault::init(&mut data).unwrap();
    v.initialize(
        &keys.vrt_mint,
        &keys.st_mint,
        &keys.admin,
        0,
        &keys.base,
        0,
        0,
        0,
        0,
        keys.bump,
        0,
    )
    .unwrap();
    v.delegation_admin = keys.delegation_admin;
    v.operator_admin = keys.operator_admin;
    v.ncn_admin = keys.ncn_admin;
    v.slasher_admin = keys.slasher_admin;
    v.capacity_admin = keys.capacity_admin;
    v.fee_admin = keys.fee_admin;
    v.delegate_asset_admin = keys.delegate_asset_admin;
    v.fee_wallet = keys.fee_wallet;
    v.metadata_admin = keys.metadata_admin;
    f(v);
    data
}

/// Writes a `SlotToggle` `(slot_added, slot_removed)` at `offset`.
pub fn put_toggle(data: &mut [u8], offset: usize, toggle: (u64, u64)) {
    data[offset..offset + 8].copy_from_slice(&toggle.0.to_le_bytes());
    data[offset + 8..offset + 16].copy_from_slice(&toggle.1.to_le_bytes());
}

pub fn vault_ncn_ticket_bytes(
    vault: &Pubkey,
    ncn: &Pubkey,
    index: u64,
    toggle: (u64, u64),
) -> Vec<u8> {
    let mut data = vec![0u8; VaultNcnTicket::LEN];
    let t = VaultNcnTicket::init(&mut data).unwrap();
    t.initialize(vault, ncn, index, vault_ncn_ticket_pda(vault, ncn).1, 0);
    put_toggle(&mut data, off::VAULT_NCN_TICKET_TOGGLE, toggle);
    data
}

pub fn vault_ncn_slasher_ticket_bytes(
    vault: &Pubkey,
    ncn: &Pubkey,
    slasher: &Pubkey,
    max_slashable: u64,
    index: u64,
    toggle: (u64, u64),
) -> Vec<u8> {
    let mut data = vec![0u8; VaultNcnSlasherTicket::LEN];
    let t = VaultNcnSlasherTicket::init(&mut data).unwrap();
    t.initialize(
        vault,
        ncn,
        slasher,
        max_slashable,
        index,
        vault_ncn_slasher_ticket_pda(vault, ncn, slasher).1,
        0,
    );
    put_toggle(&mut data, off::VAULT_NCN_SLASHER_TICKET_TOGGLE, toggle);
    data
}

pub fn vault_ncn_slasher_operator_ticket_bytes(
    vault: &Pubkey,
    ncn: &Pubkey,
    slasher: &Pubkey,
    operator: &Pubkey,
    epoch: u64,
) -> Vec<u8> {
    let mut data = vec![0u8; VaultNcnSlasherOperatorTicket::LEN];
    let t = VaultNcnSlasherOperatorTicket::init(&mut data).unwrap();
    t.initialize(
        vault,
        ncn,
        slasher,
        operator,
        epoch,
        vault_ncn_slasher_operator_ticket_pda(vault, ncn, slasher, operator, epoch).1,
    );
    data
}

/// A delegation with `state` (staked, enqueued, cooling), last updated at `slot`.
pub fn vault_operator_delegation_bytes(
    vault: &Pubkey,
    operator: &Pubkey,
    index: u64,
    slot: u64,
    state: (u64, u64, u64),
) -> Vec<u8> {
    let mut data = vec![0u8; VaultOperatorDelegation::LEN];
    let d = VaultOperatorDelegation::init(&mut data).unwrap();
    d.initialize(
        vault,
        operator,
        index,
        vault_operator_delegation_pda(vault, operator).1,
        slot,
    );
    d.delegation_state = DelegationState::new(state.0, state.1, state.2);
    data
}

pub fn withdrawal_ticket_bytes(
    vault: &Pubkey,
    staker: &Pubkey,
    base: &Pubkey,
    vrt_amount: u64,
    slot_unstaked: u64,
) -> Vec<u8> {
    let mut data = vec![0u8; VaultStakerWithdrawalTicket::LEN];
    let t = VaultStakerWithdrawalTicket::init(&mut data).unwrap();
    t.initialize(
        vault,
        staker,
        base,
        vrt_amount,
        slot_unstaked,
        withdrawal_ticket_pda(vault, base).1,
    );
    data
}

/// A tracker of `ncn_epoch` with `last_updated_index` and an accumulated state.
pub fn tracker_bytes(
    vault: &Pubkey,
    ncn_epoch: u64,
    last_updated_index: u64,
    state: (u64, u64, u64),
    method: u8,
) -> Vec<u8> {
    let mut data = vec![0u8; VaultUpdateStateTracker::LEN];
    let t = VaultUpdateStateTracker::init(&mut data).unwrap();
    t.initialize(vault, ncn_epoch, method);
    t.set_last_updated_index(last_updated_index);
    t.delegation_state = DelegationState::new(state.0, state.1, state.2);
    data
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

/// The restaking NCN of A1's world, as the vault reads it.
pub fn ncn_account(ncn: &raw::NcnKeys) -> Account {
    raw::restaking_account(ncn.bytes(0, 1, 1, 1))
}

/// The restaking operator of A1's world, as the vault reads it.
pub fn operator_account(operator: &raw::OperatorKeys) -> Account {
    raw::restaking_account(operator.bytes(0, 1, 1, 0))
}

/// Program accounts for the ids the programs take as instruction accounts.
pub fn is_program(key: &Pubkey) -> bool {
    [
        SYSTEM_PROGRAM_ID,
        TOKEN_PROGRAM_ID,
        TOKEN_2022_PROGRAM_ID,
        ASSOCIATED_TOKEN_PROGRAM_ID,
        VAULT_PROGRAM_ID,
        RESTAKING_PROGRAM_ID,
        METAPLEX_ID,
    ]
    .contains(key)
}

/// A Mollusk with both programs, the token programs and the Metaplex recorder.
pub fn mollusk_with_metaplex() -> Mollusk {
    let mut m = mollusk();
    let path = crate::sbf_out_dir().join("metaplex_recorder.so");
    let elf = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read {} ({e}); run scripts/build-sbf.sh",
            path.display()
        )
    });
    m.add_program_with_loader_and_elf(
        &METAPLEX_ID,
        &mollusk_svm::program::loader_keys::LOADER_V3,
        &elf,
    );
    m
}

/// The account for a program id passed as an instruction account.
pub fn program(id: &Pubkey) -> Account {
    program_account(id).1
}

// ---------------------------------------------------------------------------
// Instructions (generated client, original sdk account order and flags)
// ---------------------------------------------------------------------------

pub fn r(k: &Pubkey) -> AccountMeta {
    AccountMeta::new_readonly(*k, false)
}
pub fn w(k: &Pubkey) -> AccountMeta {
    AccountMeta::new(*k, false)
}
pub fn rs(k: &Pubkey) -> AccountMeta {
    AccountMeta::new_readonly(*k, true)
}
pub fn ws(k: &Pubkey) -> AccountMeta {
    AccountMeta::new(*k, true)
}

/// A placeholder address for builders whose data alone is wanted.
const ANY: Pubkey = Pubkey::new_from_array([0; 32]);

/// Makes account `i` writable where the sdk passes it writable although the
/// original's Shank annotation (so the IDL and the client) has it read-only.
fn sdk_writable(mut ix: Instruction, i: usize) -> Instruction {
    assert!(
        !ix.accounts[i].is_writable,
        "the client already has it writable"
    );
    ix.accounts[i].is_writable = true;
    ix
}

pub fn initialize_config(
    config: &Pubkey,
    admin: &Pubkey,
    restaking_program: &Pubkey,
    program_fee_wallet: &Pubkey,
    program_fee_bps: u16,
) -> Instruction {
    InitializeConfigBuilder::new()
        .config(*config)
        .admin(*admin)
        .restaking_program(*restaking_program)
        .program_fee_wallet(*program_fee_wallet)
        .program_fee_bps(program_fee_bps)
        .instruction()
}

/// Data of InitializeVault.
pub fn initialize_vault_data(
    deposit_fee_bps: u16,
    withdrawal_fee_bps: u16,
    reward_fee_bps: u16,
    decimals: u8,
    initialize_token_amount: u64,
) -> Vec<u8> {
    initialize_vault_builder(&ConfigKeys::new().address, &VaultKeys::new(0))
        .deposit_fee_bps(deposit_fee_bps)
        .withdrawal_fee_bps(withdrawal_fee_bps)
        .reward_fee_bps(reward_fee_bps)
        .decimals(decimals)
        .initialize_token_amount(initialize_token_amount)
        .instruction()
        .data
}

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

pub fn initialize_vault_with_mint() -> Instruction {
    InitializeVaultWithMintBuilder::new().instruction()
}

#[allow(clippy::too_many_arguments)]
pub fn initialize_vault_operator_delegation(
    config: &Pubkey,
    vault: &Pubkey,
    operator: &Pubkey,
    operator_vault_ticket: &Pubkey,
    delegation: &Pubkey,
    admin: &Pubkey,
    payer: &Pubkey,
) -> Instruction {
    InitializeVaultOperatorDelegationBuilder::new()
        .config(*config)
        .vault(*vault)
        .operator(*operator)
        .operator_vault_ticket(*operator_vault_ticket)
        .vault_operator_delegation(*delegation)
        .admin(*admin)
        .payer(*payer)
        .instruction()
}

#[allow(clippy::too_many_arguments)]
pub fn initialize_vault_ncn_ticket(
    config: &Pubkey,
    vault: &Pubkey,
    ncn: &Pubkey,
    ncn_vault_ticket: &Pubkey,
    vault_ncn_ticket: &Pubkey,
    admin: &Pubkey,
    payer: &Pubkey,
) -> Instruction {
    InitializeVaultNcnTicketBuilder::new()
        .config(*config)
        .vault(*vault)
        .ncn(*ncn)
        .ncn_vault_ticket(*ncn_vault_ticket)
        .vault_ncn_ticket(*vault_ncn_ticket)
        .admin(*admin)
        .payer(*payer)
        .instruction()
}

#[allow(clippy::too_many_arguments)]
pub fn initialize_vault_ncn_slasher_operator_ticket(
    config: &Pubkey,
    vault: &Pubkey,
    ncn: &Pubkey,
    slasher: &Pubkey,
    operator: &Pubkey,
    vault_ncn_slasher_ticket: &Pubkey,
    ticket: &Pubkey,
    payer: &Pubkey,
) -> Instruction {
    InitializeVaultNcnSlasherOperatorTicketBuilder::new()
        .config(*config)
        .vault(*vault)
        .ncn(*ncn)
        .slasher(*slasher)
        .operator(*operator)
        .vault_ncn_slasher_ticket(*vault_ncn_slasher_ticket)
        .vault_ncn_slasher_operator_ticket(*ticket)
        .payer(*payer)
        .instruction()
}

/// The vault is writable (its slasher count changes), as the sdk passes it and
/// the interface's IDL annotates.
#[allow(clippy::too_many_arguments)]
pub fn initialize_vault_ncn_slasher_ticket(
    config: &Pubkey,
    vault: &Pubkey,
    ncn: &Pubkey,
    slasher: &Pubkey,
    ncn_slasher_ticket: &Pubkey,
    ticket: &Pubkey,
    admin: &Pubkey,
    payer: &Pubkey,
) -> Instruction {
    InitializeVaultNcnSlasherTicketBuilder::new()
        .config(*config)
        .vault(*vault)
        .ncn(*ncn)
        .slasher(*slasher)
        .ncn_slasher_ticket(*ncn_slasher_ticket)
        .vault_slasher_ticket(*ticket)
        .admin(*admin)
        .payer(*payer)
        .instruction()
}

/// Warmup (tag 7) / Cooldown (tag 8) of a VaultNcnTicket.
pub fn vault_ncn_ticket_toggle(
    t: u8,
    config: &Pubkey,
    vault: &Pubkey,
    ncn: &Pubkey,
    ticket: &Pubkey,
    admin: &Pubkey,
) -> Instruction {
    let ix = match t {
        tag::WARMUP_VAULT_NCN_TICKET => WarmupVaultNcnTicketBuilder::new()
            .config(*config)
            .vault(*vault)
            .ncn(*ncn)
            .vault_ncn_ticket(*ticket)
            .admin(*admin)
            .instruction(),
        tag::COOLDOWN_VAULT_NCN_TICKET => CooldownVaultNcnTicketBuilder::new()
            .config(*config)
            .vault(*vault)
            .ncn(*ncn)
            .vault_ncn_ticket(*ticket)
            .admin(*admin)
            .instruction(),
        other => panic!("tag {other} does not toggle a VaultNcnTicket"),
    };
    assert_eq!(ix.data[0], t, "client tag");
    ix
}

/// Warmup (tag 9) / Cooldown (tag 10) of a VaultNcnSlasherTicket.
pub fn vault_ncn_slasher_ticket_toggle(
    t: u8,
    config: &Pubkey,
    vault: &Pubkey,
    ncn: &Pubkey,
    slasher: &Pubkey,
    ticket: &Pubkey,
    admin: &Pubkey,
) -> Instruction {
    let ix = match t {
        tag::WARMUP_VAULT_NCN_SLASHER_TICKET => WarmupVaultNcnSlasherTicketBuilder::new()
            .config(*config)
            .vault(*vault)
            .ncn(*ncn)
            .slasher(*slasher)
            .vault_slasher_ticket(*ticket)
            .admin(*admin)
            .instruction(),
        tag::COOLDOWN_VAULT_NCN_SLASHER_TICKET => CooldownVaultNcnSlasherTicketBuilder::new()
            .config(*config)
            .vault(*vault)
            .ncn(*ncn)
            .slasher(*slasher)
            .vault_ncn_slasher_ticket(*ticket)
            .admin(*admin)
            .instruction(),
        other => panic!("tag {other} does not toggle a VaultNcnSlasherTicket"),
    };
    assert_eq!(ix.data[0], t, "client tag");
    ix
}

/// The config is writable, as the sdk passes it.
#[allow(clippy::too_many_arguments)]
pub fn mint_to(
    config: &Pubkey,
    v: &VaultKeys,
    depositor: &Pubkey,
    fee_wallet: &Pubkey,
    amount_in: u64,
    min_amount_out: u64,
    mint_signer: Option<&Pubkey>,
) -> Instruction {
    let ix = MintToBuilder::new()
        .config(*config)
        .vault(v.address)
        .vrt_mint(v.vrt_mint)
        .depositor(*depositor)
        .depositor_token_account(ata(depositor, &v.st_mint))
        .vault_token_account(v.vault_st_ata)
        .depositor_vrt_token_account(ata(depositor, &v.vrt_mint))
        .vault_fee_token_account(ata(fee_wallet, &v.vrt_mint))
        .token_program(TOKEN_PROGRAM_ID)
        .mint_signer(mint_signer.copied())
        .amount_in(amount_in)
        .min_amount_out(min_amount_out)
        .instruction();
    sdk_writable(ix, 0)
}

pub fn enqueue_withdrawal(
    config: &Pubkey,
    v: &VaultKeys,
    staker: &Pubkey,
    ticket_base: &Pubkey,
    amount: u64,
    burn_signer: Option<&Pubkey>,
) -> Instruction {
    let ticket = withdrawal_ticket_pda(&v.address, ticket_base).0;
    EnqueueWithdrawalBuilder::new()
        .config(*config)
        .vault(v.address)
        .vault_staker_withdrawal_ticket(ticket)
        .vault_staker_withdrawal_ticket_token_account(ata(&ticket, &v.vrt_mint))
        .staker(*staker)
        .staker_vrt_token_account(ata(staker, &v.vrt_mint))
        .base(*ticket_base)
        .token_program(TOKEN_PROGRAM_ID)
        .burn_signer(burn_signer.copied())
        .amount(amount)
        .instruction()
}

/// The vault is writable, as the sdk passes it.
pub fn change_withdrawal_ticket_owner(
    config: &Pubkey,
    vault: &Pubkey,
    ticket: &Pubkey,
    old_owner: &Pubkey,
    new_owner: &Pubkey,
) -> Instruction {
    let ix = ChangeWithdrawalTicketOwnerBuilder::new()
        .config(*config)
        .vault(*vault)
        .vault_staker_withdrawal_ticket(*ticket)
        .old_owner(*old_owner)
        .new_owner(*new_owner)
        .instruction();
    sdk_writable(ix, 1)
}

pub fn burn_withdrawal_ticket(
    config: &Pubkey,
    v: &VaultKeys,
    staker: &Pubkey,
    ticket: &Pubkey,
    vault_fee_wallet: &Pubkey,
    program_fee_wallet: &Pubkey,
    burn_signer: Option<&Pubkey>,
) -> Instruction {
    BurnWithdrawalTicketBuilder::new()
        .config(*config)
        .vault(v.address)
        .vault_token_account(v.vault_st_ata)
        .vrt_mint(v.vrt_mint)
        .staker(*staker)
        .staker_token_account(ata(staker, &v.st_mint))
        .vault_staker_withdrawal_ticket(*ticket)
        .vault_staker_withdrawal_ticket_token_account(ata(ticket, &v.vrt_mint))
        .vault_fee_token_account(ata(vault_fee_wallet, &v.vrt_mint))
        .program_fee_token_account(ata(program_fee_wallet, &v.vrt_mint))
        .token_program(TOKEN_PROGRAM_ID)
        .burn_signer(burn_signer.copied())
        .instruction()
}

pub fn set_deposit_capacity(
    config: &Pubkey,
    vault: &Pubkey,
    admin: &Pubkey,
    amount: u64,
) -> Instruction {
    SetDepositCapacityBuilder::new()
        .config(*config)
        .vault(*vault)
        .admin(*admin)
        .amount(amount)
        .instruction()
}

/// Borsh `Option<u16>` as the client serialises SetFees' first argument,
/// appended to `out`.
pub fn option_u16(out: &mut Vec<u8>, x: Option<u16>) {
    let data = set_fees(&ANY, &ANY, &ANY, x, None, None).data;
    // The tag, this option, then the two `None` bytes of the other fees.
    out.extend_from_slice(&data[1..data.len() - 2]);
}

pub fn set_fees(
    config: &Pubkey,
    vault: &Pubkey,
    admin: &Pubkey,
    deposit: Option<u16>,
    withdrawal: Option<u16>,
    reward: Option<u16>,
) -> Instruction {
    // The builder's fee setters take only present values; the accounts struct
    // takes the three options as they are.
    SetFees {
        config: *config,
        vault: *vault,
        admin: *admin,
    }
    .instruction(SetFeesInstructionArgs {
        deposit_fee_bps: deposit,
        withdrawal_fee_bps: withdrawal,
        reward_fee_bps: reward,
    })
}

pub fn set_program_fee(config: &Pubkey, admin: &Pubkey, bps: u16) -> Instruction {
    SetProgramFeeBuilder::new()
        .config(*config)
        .admin(*admin)
        .new_fee_bps(bps)
        .instruction()
}

pub fn set_program_fee_wallet(
    config: &Pubkey,
    fee_admin: &Pubkey,
    new_wallet: &Pubkey,
) -> Instruction {
    SetProgramFeeWalletBuilder::new()
        .config(*config)
        .program_fee_admin(*fee_admin)
        .new_fee_wallet(*new_wallet)
        .instruction()
}

pub fn set_is_paused(config: &Pubkey, vault: &Pubkey, admin: &Pubkey, paused: bool) -> Instruction {
    SetIsPausedBuilder::new()
        .config(*config)
        .vault(*vault)
        .admin(*admin)
        .is_paused(paused)
        .instruction()
}

#[allow(clippy::too_many_arguments)]
pub fn delegate_token_account(
    config: &Pubkey,
    vault: &Pubkey,
    admin: &Pubkey,
    mint: &Pubkey,
    token_account: &Pubkey,
    delegate: &Pubkey,
    token_program: &Pubkey,
) -> Instruction {
    DelegateTokenAccountBuilder::new()
        .config(*config)
        .vault(*vault)
        .delegate_asset_admin(*admin)
        .token_mint(*mint)
        .token_account(*token_account)
        .delegate(*delegate)
        .token_program(*token_program)
        .instruction()
}

pub fn revoke_delegate_token_account(
    config: &Pubkey,
    vault: &Pubkey,
    admin: &Pubkey,
    mint: &Pubkey,
    token_account: &Pubkey,
    token_program: &Pubkey,
) -> Instruction {
    RevokeDelegateTokenAccountBuilder::new()
        .config(*config)
        .vault(*vault)
        .delegate_asset_admin(*admin)
        .token_mint(*mint)
        .token_account(*token_account)
        .token_program(*token_program)
        .instruction()
}

pub fn set_admin(
    config: &Pubkey,
    vault: &Pubkey,
    old_admin: &Pubkey,
    new_admin: &Pubkey,
) -> Instruction {
    SetAdminBuilder::new()
        .config(*config)
        .vault(*vault)
        .old_admin(*old_admin)
        .new_admin(*new_admin)
        .instruction()
}

/// `role`: the `VaultAdminRole` tag (0 DelegationAdmin … 9 MetadataAdmin); a
/// value past the last role is written over the client's role byte (mutation).
pub fn set_secondary_admin(
    config: &Pubkey,
    vault: &Pubkey,
    admin: &Pubkey,
    new_admin: &Pubkey,
    role: u8,
) -> Instruction {
    let client_role = crate::codes::vault_admin_role(role);
    let mut ix = SetSecondaryAdminBuilder::new()
        .config(*config)
        .vault(*vault)
        .admin(*admin)
        .new_admin(*new_admin)
        .vault_admin_role(client_role.unwrap_or(VaultAdminRole::DelegationAdmin))
        .instruction();
    match client_role {
        Some(_) => assert_eq!(ix.data[1], role, "client role byte"),
        None => ix.data[1] = role,
    }
    ix
}

/// AddDelegation (tag 24) / CooldownDelegation (tag 25).
pub fn delegation_change(
    t: u8,
    config: &Pubkey,
    vault: &Pubkey,
    operator: &Pubkey,
    delegation: &Pubkey,
    admin: &Pubkey,
    amount: u64,
) -> Instruction {
    let ix = match t {
        tag::ADD_DELEGATION => AddDelegationBuilder::new()
            .config(*config)
            .vault(*vault)
            .operator(*operator)
            .vault_operator_delegation(*delegation)
            .admin(*admin)
            .amount(amount)
            .instruction(),
        tag::COOLDOWN_DELEGATION => CooldownDelegationBuilder::new()
            .config(*config)
            .vault(*vault)
            .operator(*operator)
            .vault_operator_delegation(*delegation)
            .admin(*admin)
            .amount(amount)
            .instruction(),
        other => panic!("tag {other} does not change a delegation"),
    };
    assert_eq!(ix.data[0], t, "client tag");
    ix
}

pub fn update_vault_balance(config: &Pubkey, v: &VaultKeys, fee_wallet: &Pubkey) -> Instruction {
    UpdateVaultBalanceBuilder::new()
        .config(*config)
        .vault(v.address)
        .vault_token_account(v.vault_st_ata)
        .vrt_mint(v.vrt_mint)
        .vault_fee_token_account(ata(fee_wallet, &v.vrt_mint))
        .token_program(TOKEN_PROGRAM_ID)
        .instruction()
}

/// `method`: the `WithdrawalAllocationMethod` tag (0 Greedy); another value is
/// written over the client's method byte (mutation). The payer is a writable
/// signer, as the sdk passes it.
pub fn initialize_vault_update_state_tracker(
    config: &Pubkey,
    vault: &Pubkey,
    tracker: &Pubkey,
    payer: &Pubkey,
    method: u8,
) -> Instruction {
    let mut ix = InitializeVaultUpdateStateTrackerBuilder::new()
        .config(*config)
        .vault(*vault)
        .vault_update_state_tracker(*tracker)
        .payer(*payer)
        .withdrawal_allocation_method(WithdrawalAllocationMethod::Greedy)
        .instruction();
    if method == 0 {
        assert_eq!(ix.data[1], method, "client method byte");
    } else {
        ix.data[1] = method;
    }
    ix
}

pub fn crank_vault_update_state_tracker(
    config: &Pubkey,
    vault: &Pubkey,
    operator: &Pubkey,
    delegation: &Pubkey,
    tracker: &Pubkey,
) -> Instruction {
    CrankVaultUpdateStateTrackerBuilder::new()
        .config(*config)
        .vault(*vault)
        .operator(*operator)
        .vault_operator_delegation(*delegation)
        .vault_update_state_tracker(*tracker)
        .instruction()
}

pub fn close_vault_update_state_tracker(
    config: &Pubkey,
    vault: &Pubkey,
    tracker: &Pubkey,
    payer: &Pubkey,
    ncn_epoch: u64,
) -> Instruction {
    CloseVaultUpdateStateTrackerBuilder::new()
        .config(*config)
        .vault(*vault)
        .vault_update_state_tracker(*tracker)
        .payer(*payer)
        .ncn_epoch(ncn_epoch)
        .instruction()
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

pub fn set_config_admin(config: &Pubkey, old_admin: &Pubkey, new_admin: &Pubkey) -> Instruction {
    SetConfigAdminBuilder::new()
        .config(*config)
        .old_admin(*old_admin)
        .new_admin(*new_admin)
        .instruction()
}

/// `role`: 0 = FeeAdmin; another value is written over the client's role
/// byte (mutation).
pub fn set_config_secondary_admin(
    config: &Pubkey,
    admin: &Pubkey,
    new_admin: &Pubkey,
    role: u8,
) -> Instruction {
    let mut ix = SetConfigSecondaryAdminBuilder::new()
        .config(*config)
        .admin(*admin)
        .new_admin(*new_admin)
        .config_admin_role(ConfigAdminRole::FeeAdmin)
        .instruction();
    if role == 0 {
        assert_eq!(ix.data[1], role, "client role byte");
    } else {
        ix.data[1] = role;
    }
    ix
}

/// An SPL Token `Transfer` (tag 3).
pub fn spl_transfer(
    source: &Pubkey,
    destination: &Pubkey,
    owner: &Pubkey,
    amount: u64,
) -> Instruction {
    let mut data = vec![3];
    data.extend_from_slice(&amount.to_le_bytes());
    instruction(
        &TOKEN_PROGRAM_ID,
        data,
        vec![w(source), w(destination), rs(owner)],
    )
}

// ---------------------------------------------------------------------------
// Account store
// ---------------------------------------------------------------------------

/// Mollusk plus an account store: successful instructions are committed.
pub struct Store {
    pub mollusk: Mollusk,
    pub accounts: BTreeMap<Pubkey, Account>,
}

impl Store {
    pub fn new(mollusk: Mollusk) -> Self {
        Self {
            mollusk,
            accounts: BTreeMap::new(),
        }
    }

    pub fn set(&mut self, key: Pubkey, account: Account) {
        self.accounts.insert(key, account);
    }

    pub fn get(&self, key: &Pubkey) -> Option<&Account> {
        self.accounts.get(key)
    }

    /// The account at `key`: stored, a program, or an empty system account.
    pub fn account(&self, key: &Pubkey) -> Account {
        if let Some(a) = self.accounts.get(key) {
            return a.clone();
        }
        if is_program(key) {
            return program(key);
        }
        empty()
    }

    pub fn warp(&mut self, slot: u64) {
        self.mollusk.warp_to_slot(slot);
    }

    pub fn slot(&self) -> u64 {
        self.mollusk.sysvars.clock.slot
    }

    /// The accounts of `ix`, one per key, in meta order.
    pub fn accounts_for(&self, ix: &Instruction) -> Vec<(Pubkey, Account)> {
        let mut out: Vec<(Pubkey, Account)> = Vec::new();
        for meta in &ix.accounts {
            if !out.iter().any(|(k, _)| *k == meta.pubkey) {
                out.push((meta.pubkey, self.account(&meta.pubkey)));
            }
        }
        out
    }

    /// Runs `ix` without committing.
    pub fn run(&self, ix: &Instruction) -> (InstructionResult, Vec<(Pubkey, Account)>) {
        let accounts = self.accounts_for(ix);
        let result = crate::oracle::process(&self.mollusk, ix, &accounts);
        (result, accounts)
    }

    /// Runs `ix` and commits its accounts when it succeeds.
    pub fn apply(&mut self, ix: &Instruction) -> InstructionResult {
        let (result, _) = self.run(ix);
        if result.program_result.is_ok() {
            for (k, a) in &result.resulting_accounts {
                if !is_program(k) {
                    self.accounts.insert(*k, a.clone());
                }
            }
        }
        result
    }

    /// Runs `ix`, panics unless it succeeds, commits.
    #[track_caller]
    pub fn exec(&mut self, ix: &Instruction) -> InstructionResult {
        let result = self.apply(ix);
        crate::assert_success(&result);
        result
    }

    pub fn token_amount(&self, key: &Pubkey) -> u64 {
        crate::token_amount(&self.account(key))
    }

    pub fn mint_supply(&self, key: &Pubkey) -> u64 {
        crate::mint_supply(&self.account(key))
    }
}

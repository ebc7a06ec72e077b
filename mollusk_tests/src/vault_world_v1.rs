//! Test world for the vault's deposit / withdrawal / token / metadata
//! instructions: independent byte models of the vault accounts, PDA helpers,
//! instructions built with the generated Rust client (`jito-vault-client`) and
//! a small account store around Mollusk.
//!
//! The models below lay out every account byte by hand, in the original's field
//! order, without using the interface crate, so that tests compare the program's
//! output with an independent expectation. Accounts are read back with the
//! client's decoders ([`VaultModel::from_bytes`], [`TicketModel::decode`]), and
//! every vault account a successful [`World::exec`] changes is decoded by the
//! client and laid out again by hand to the same bytes.

use std::collections::BTreeMap;

use jito_vault_client::{
    accounts as client,
    instructions::{
        BurnWithdrawalTicketBuilder, ChangeWithdrawalTicketOwnerBuilder,
        CloseVaultUpdateStateTrackerBuilder, CreateTokenMetadataBuilder,
        DelegateTokenAccountBuilder, EnqueueWithdrawalBuilder, InitializeVaultBuilder,
        InitializeVaultUpdateStateTrackerBuilder, MintToBuilder, RevokeDelegateTokenAccountBuilder,
        SetDepositCapacityBuilder, SetIsPausedBuilder, SetSecondaryAdminBuilder,
        UpdateTokenMetadataBuilder, UpdateVaultBalanceBuilder,
    },
    types::WithdrawalAllocationMethod,
};

use crate::{
    mint_data, mollusk, program_account, system_account, token_account_data, Account, AccountMeta,
    Instruction, InstructionResult, Mollusk, Pubkey, ASSOCIATED_TOKEN_PROGRAM_ID,
    SYSTEM_PROGRAM_ID, TOKEN_PROGRAM_ID, VAULT_PROGRAM_ID,
};

pub use crate::pda::METAPLEX_ID;

/// The original's default epoch length.
pub const DEFAULT_EPOCH_LENGTH: u64 = 432_000;
/// The original's default initial deposit used by its test clients.
pub const INITIAL_AMOUNT: u64 = 10_000;

pub const CONFIG_LEN: usize = 8 + 382;
pub const VAULT_LEN: usize = 8 + 1103;
pub use crate::layout_oracle::{TicketModel, TICKET_LEN};

// Instruction tags (master numbering).
pub const TAG_INITIALIZE_VAULT: u8 = crate::codes::vault_tag::INITIALIZE_VAULT;
pub const TAG_INITIALIZE_VAULT_WITH_MINT: u8 = crate::codes::vault_tag::INITIALIZE_VAULT_WITH_MINT;
pub const TAG_MINT_TO: u8 = crate::codes::vault_tag::MINT_TO;
pub const TAG_ENQUEUE_WITHDRAWAL: u8 = crate::codes::vault_tag::ENQUEUE_WITHDRAWAL;
pub const TAG_CHANGE_WITHDRAWAL_TICKET_OWNER: u8 =
    crate::codes::vault_tag::CHANGE_WITHDRAWAL_TICKET_OWNER;
pub const TAG_BURN_WITHDRAWAL_TICKET: u8 = crate::codes::vault_tag::BURN_WITHDRAWAL_TICKET;
pub const TAG_DELEGATE_TOKEN_ACCOUNT: u8 = crate::codes::vault_tag::DELEGATE_TOKEN_ACCOUNT;
pub const TAG_REVOKE_DELEGATE_TOKEN_ACCOUNT: u8 =
    crate::codes::vault_tag::REVOKE_DELEGATE_TOKEN_ACCOUNT;
pub const TAG_UPDATE_VAULT_BALANCE: u8 = crate::codes::vault_tag::UPDATE_VAULT_BALANCE;
pub const TAG_CREATE_TOKEN_METADATA: u8 = crate::codes::vault_tag::CREATE_TOKEN_METADATA;
pub const TAG_UPDATE_TOKEN_METADATA: u8 = crate::codes::vault_tag::UPDATE_TOKEN_METADATA;

// ---------------------------------------------------------------------------
// PDAs
// ---------------------------------------------------------------------------

pub use crate::pda::{
    metadata_pda as metadata_address,
    vault::{
        burn_vault_pda as burn_vault_address, config_pda as config_address,
        vault_pda as vault_address, withdrawal_ticket_pda as ticket_address,
    },
};

/// SPL Token associated token address.
pub fn ata(owner: &Pubkey, mint: &Pubkey) -> Pubkey {
    crate::associated_token_address(owner, mint, &TOKEN_PROGRAM_ID)
}

// ---------------------------------------------------------------------------
// Byte models
// ---------------------------------------------------------------------------

fn header(discriminator: u8) -> Vec<u8> {
    let mut v = vec![0u8; 8];
    v[0] = discriminator;
    v
}

/// The vault `Config` account, field by field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigModel {
    pub admin: Pubkey,
    pub restaking_program: Pubkey,
    pub epoch_length: u64,
    pub num_vaults: u64,
    pub deposit_withdrawal_fee_cap_bps: u16,
    pub fee_rate_of_change_bps: u16,
    pub fee_bump_bps: u16,
    pub program_fee_bps: u16,
    pub program_fee_wallet: Pubkey,
    pub fee_admin: Pubkey,
    pub bump: u8,
}

impl ConfigModel {
    pub fn new(admin: Pubkey, program_fee_wallet: Pubkey, program_fee_bps: u16) -> Self {
        Self {
            admin,
            restaking_program: crate::RESTAKING_PROGRAM_ID,
            epoch_length: DEFAULT_EPOCH_LENGTH,
            num_vaults: 0,
            deposit_withdrawal_fee_cap_bps: 2_000,
            fee_rate_of_change_bps: 2_500,
            fee_bump_bps: 10,
            program_fee_bps,
            program_fee_wallet,
            fee_admin: admin,
            bump: config_address().1,
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v = header(1);
        v.extend_from_slice(self.admin.as_ref());
        v.extend_from_slice(self.restaking_program.as_ref());
        v.extend_from_slice(&self.epoch_length.to_le_bytes());
        v.extend_from_slice(&self.num_vaults.to_le_bytes());
        v.extend_from_slice(&self.deposit_withdrawal_fee_cap_bps.to_le_bytes());
        v.extend_from_slice(&self.fee_rate_of_change_bps.to_le_bytes());
        v.extend_from_slice(&self.fee_bump_bps.to_le_bytes());
        v.extend_from_slice(&self.program_fee_bps.to_le_bytes());
        v.extend_from_slice(self.program_fee_wallet.as_ref());
        v.extend_from_slice(self.fee_admin.as_ref());
        v.push(self.bump);
        v.extend_from_slice(&[0u8; 229]);
        assert_eq!(v.len(), CONFIG_LEN);
        v
    }
}

/// The `Vault` account, field by field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VaultModel {
    pub base: Pubkey,
    pub vrt_mint: Pubkey,
    pub supported_mint: Pubkey,
    pub vrt_supply: u64,
    pub tokens_deposited: u64,
    pub deposit_capacity: u64,
    pub staked_amount: u64,
    pub enqueued_for_cooldown_amount: u64,
    pub cooling_down_amount: u64,
    pub additional_assets_need_unstaking: u64,
    pub vrt_enqueued_for_cooldown_amount: u64,
    pub vrt_cooling_down_amount: u64,
    pub vrt_ready_to_claim_amount: u64,
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
    pub vault_index: u64,
    pub ncn_count: u64,
    pub operator_count: u64,
    pub slasher_count: u64,
    pub last_fee_change_slot: u64,
    pub last_full_state_update_slot: u64,
    pub deposit_fee_bps: u16,
    pub withdrawal_fee_bps: u16,
    pub next_withdrawal_fee_bps: u16,
    pub reward_fee_bps: u16,
    pub program_fee_bps: u16,
    pub bump: u8,
    pub is_paused: bool,
    pub last_start_state_update_slot: u64,
}

impl VaultModel {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v = header(2);
        for k in [&self.base, &self.vrt_mint, &self.supported_mint] {
            v.extend_from_slice(k.as_ref());
        }
        for n in [
            self.vrt_supply,
            self.tokens_deposited,
            self.deposit_capacity,
            self.staked_amount,
            self.enqueued_for_cooldown_amount,
            self.cooling_down_amount,
        ] {
            v.extend_from_slice(&n.to_le_bytes());
        }
        v.extend_from_slice(&[0u8; 256]);
        for n in [
            self.additional_assets_need_unstaking,
            self.vrt_enqueued_for_cooldown_amount,
            self.vrt_cooling_down_amount,
            self.vrt_ready_to_claim_amount,
        ] {
            v.extend_from_slice(&n.to_le_bytes());
        }
        for k in [
            &self.admin,
            &self.delegation_admin,
            &self.operator_admin,
            &self.ncn_admin,
            &self.slasher_admin,
            &self.capacity_admin,
            &self.fee_admin,
            &self.delegate_asset_admin,
            &self.fee_wallet,
            &self.mint_burn_admin,
            &self.metadata_admin,
        ] {
            v.extend_from_slice(k.as_ref());
        }
        for n in [
            self.vault_index,
            self.ncn_count,
            self.operator_count,
            self.slasher_count,
            self.last_fee_change_slot,
            self.last_full_state_update_slot,
        ] {
            v.extend_from_slice(&n.to_le_bytes());
        }
        for n in [
            self.deposit_fee_bps,
            self.withdrawal_fee_bps,
            self.next_withdrawal_fee_bps,
            self.reward_fee_bps,
            self.program_fee_bps,
        ] {
            v.extend_from_slice(&n.to_le_bytes());
        }
        v.push(self.bump);
        v.push(self.is_paused as u8);
        v.extend_from_slice(&self.last_start_state_update_slot.to_le_bytes());
        v.extend_from_slice(&[0u8; 251]);
        assert_eq!(v.len(), VAULT_LEN);
        v
    }

    /// The fields of a vault the client decoded.
    pub fn from_client(v: &client::Vault) -> Self {
        Self {
            base: v.base,
            vrt_mint: v.vrt_mint,
            supported_mint: v.supported_mint,
            vrt_supply: v.vrt_supply,
            tokens_deposited: v.tokens_deposited,
            deposit_capacity: v.deposit_capacity,
            staked_amount: v.delegation_state.staked_amount,
            enqueued_for_cooldown_amount: v.delegation_state.enqueued_for_cooldown_amount,
            cooling_down_amount: v.delegation_state.cooling_down_amount,
            additional_assets_need_unstaking: v.additional_assets_need_unstaking,
            vrt_enqueued_for_cooldown_amount: v.vrt_enqueued_for_cooldown_amount,
            vrt_cooling_down_amount: v.vrt_cooling_down_amount,
            vrt_ready_to_claim_amount: v.vrt_ready_to_claim_amount,
            admin: v.admin,
            delegation_admin: v.delegation_admin,
            operator_admin: v.operator_admin,
            ncn_admin: v.ncn_admin,
            slasher_admin: v.slasher_admin,
            capacity_admin: v.capacity_admin,
            fee_admin: v.fee_admin,
            delegate_asset_admin: v.delegate_asset_admin,
            fee_wallet: v.fee_wallet,
            mint_burn_admin: v.mint_burn_admin,
            metadata_admin: v.metadata_admin,
            vault_index: v.vault_index,
            ncn_count: v.ncn_count,
            operator_count: v.operator_count,
            slasher_count: v.slasher_count,
            last_fee_change_slot: v.last_fee_change_slot,
            last_full_state_update_slot: v.last_full_state_update_slot,
            deposit_fee_bps: v.deposit_fee_bps,
            withdrawal_fee_bps: v.withdrawal_fee_bps,
            next_withdrawal_fee_bps: v.next_withdrawal_fee_bps,
            reward_fee_bps: v.reward_fee_bps,
            program_fee_bps: v.program_fee_bps,
            bump: v.bump,
            is_paused: v.is_paused,
            last_start_state_update_slot: v.last_start_state_update_slot,
        }
    }

    /// Parses account bytes with the generated client's `Vault` decoder (tests
    /// use it to start from a program-written vault).
    #[track_caller]
    pub fn from_bytes(d: &[u8]) -> Self {
        assert_eq!(d.len(), VAULT_LEN);
        assert_eq!(&d[..8], &[2, 0, 0, 0, 0, 0, 0, 0]);
        let decoded = client::Vault::from_bytes(d).expect("client decodes the vault");
        assert_eq!(decoded.discriminator, client::VAULT_DISCRIMINATOR);
        let model = Self::from_client(&decoded);
        // Reserved bytes are zero, so the decoded fields laid out by hand give
        // back every byte: the client's and the hand layout agree.
        assert_eq!(model.to_bytes(), d);
        model
    }
}

// ---------------------------------------------------------------------------
// Fee / exchange-rate math of the original, restated for expectations
// ---------------------------------------------------------------------------

pub fn fee_ceil(amount: u64, bps: u16) -> u64 {
    ((amount as u128 * bps as u128).div_ceil(10_000)) as u64
}

/// VRT minted for `amount` supported tokens (before the deposit fee).
pub fn vrt_for(amount: u64, vrt_supply: u64, tokens_deposited: u64) -> u64 {
    if tokens_deposited == 0 {
        amount
    } else {
        (amount as u128 * vrt_supply as u128 / tokens_deposited as u128) as u64
    }
}

// ---------------------------------------------------------------------------
// Instruction data (from the generated client's builders)
// ---------------------------------------------------------------------------

/// A placeholder address for builders whose data alone is wanted.
const ANY: Pubkey = Pubkey::new_from_array([0; 32]);

pub fn initialize_vault_data(
    deposit_fee_bps: u16,
    withdrawal_fee_bps: u16,
    reward_fee_bps: u16,
    decimals: u8,
    initialize_token_amount: u64,
) -> Vec<u8> {
    InitializeVaultBuilder::new()
        .config(ANY)
        .vault(ANY)
        .vrt_mint(ANY)
        .st_mint(ANY)
        .admin_st_token_account(ANY)
        .vault_st_token_account(ANY)
        .burn_vault(ANY)
        .burn_vault_vrt_token_account(ANY)
        .admin(ANY)
        .base(ANY)
        .deposit_fee_bps(deposit_fee_bps)
        .withdrawal_fee_bps(withdrawal_fee_bps)
        .reward_fee_bps(reward_fee_bps)
        .decimals(decimals)
        .initialize_token_amount(initialize_token_amount)
        .instruction()
        .data
}

pub fn mint_to_data(amount_in: u64, min_amount_out: u64) -> Vec<u8> {
    MintToBuilder::new()
        .config(ANY)
        .vault(ANY)
        .vrt_mint(ANY)
        .depositor(ANY)
        .depositor_token_account(ANY)
        .vault_token_account(ANY)
        .depositor_vrt_token_account(ANY)
        .vault_fee_token_account(ANY)
        .amount_in(amount_in)
        .min_amount_out(min_amount_out)
        .instruction()
        .data
}

pub fn enqueue_withdrawal_data(amount: u64) -> Vec<u8> {
    EnqueueWithdrawalBuilder::new()
        .config(ANY)
        .vault(ANY)
        .vault_staker_withdrawal_ticket(ANY)
        .vault_staker_withdrawal_ticket_token_account(ANY)
        .staker(ANY)
        .staker_vrt_token_account(ANY)
        .base(ANY)
        .amount(amount)
        .instruction()
        .data
}

/// Borsh: `u32` length then the UTF-8 bytes. Only for the expected bytes of the
/// Metaplex CPI (another program's instruction, the tests' independent oracle).
pub fn borsh_string(out: &mut Vec<u8>, s: &[u8]) {
    out.extend_from_slice(&(s.len() as u32).to_le_bytes());
    out.extend_from_slice(s);
}

/// A `String` the client can take for `bytes`: the text itself when it is
/// UTF-8, else the same number of placeholder bytes (see [`patch_strings`]).
fn client_string(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => "?".repeat(bytes.len()),
    }
}

/// Malformed-data mutation: after the client built a metadata instruction from
/// placeholder strings of the same lengths, writes the raw (non-UTF-8) bytes
/// over them in place; the client's tag and length prefixes stay.
fn patch_strings(data: &mut [u8], strings: [&[u8]; 3]) {
    if strings.iter().all(|s| std::str::from_utf8(s).is_ok()) {
        return;
    }
    let mut offset = 1;
    for s in strings {
        offset += 4;
        data[offset..offset + s.len()].copy_from_slice(s);
        offset += s.len();
    }
    assert_eq!(offset, data.len());
}

/// Data of CreateTokenMetadata (tag 30) or UpdateTokenMetadata (tag 31).
pub fn metadata_ix_data(tag: u8, name: &[u8], symbol: &[u8], uri: &[u8]) -> Vec<u8> {
    let mut data = match tag {
        TAG_CREATE_TOKEN_METADATA => {
            CreateTokenMetadataBuilder::new()
                .vault(ANY)
                .admin(ANY)
                .vrt_mint(ANY)
                .payer(ANY)
                .metadata(ANY)
                .name(client_string(name))
                .symbol(client_string(symbol))
                .uri(client_string(uri))
                .instruction()
                .data
        }
        TAG_UPDATE_TOKEN_METADATA => {
            UpdateTokenMetadataBuilder::new()
                .vault(ANY)
                .admin(ANY)
                .vrt_mint(ANY)
                .metadata(ANY)
                .name(client_string(name))
                .symbol(client_string(symbol))
                .uri(client_string(uri))
                .instruction()
                .data
        }
        other => panic!("tag {other} is not a metadata instruction"),
    };
    patch_strings(&mut data, [name, symbol, uri]);
    data
}

// ---------------------------------------------------------------------------
// Account helpers
// ---------------------------------------------------------------------------

pub fn token_account(mint: &Pubkey, owner: &Pubkey, amount: u64) -> Account {
    crate::owned_account(&TOKEN_PROGRAM_ID, token_account_data(mint, owner, amount))
}

pub fn mint_account(authority: Option<&Pubkey>, supply: u64, decimals: u8) -> Account {
    crate::owned_account(&TOKEN_PROGRAM_ID, mint_data(authority, supply, decimals))
}

pub fn vault_owned(data: Vec<u8>) -> Account {
    crate::owned_account(&VAULT_PROGRAM_ID, data)
}

/// Token account bytes with a delegate.
pub fn token_account_with_delegate(
    mint: &Pubkey,
    owner: &Pubkey,
    amount: u64,
    delegate: &Pubkey,
    delegated_amount: u64,
) -> Vec<u8> {
    let mut d = token_account_data(mint, owner, amount);
    d[72] = 1;
    d[76..108].copy_from_slice(delegate.as_ref());
    d[121..129].copy_from_slice(&delegated_amount.to_le_bytes());
    d
}

// ---------------------------------------------------------------------------
// World
// ---------------------------------------------------------------------------

/// Mollusk plus an account store: successful instructions are committed.
pub struct World {
    pub mollusk: Mollusk,
    pub accounts: BTreeMap<Pubkey, Account>,
}

impl World {
    pub fn new() -> Self {
        let mut mollusk = mollusk();
        let recorder = crate::sbf_out_dir().join("metaplex_recorder.so");
        let elf = std::fs::read(&recorder).unwrap_or_else(|e| {
            panic!(
                "cannot read {} ({e}); run scripts/build-sbf.sh",
                recorder.display()
            )
        });
        mollusk.add_program_with_loader_and_elf(
            &METAPLEX_ID,
            &mollusk_svm::program::loader_keys::LOADER_V3,
            &elf,
        );
        let mut accounts = BTreeMap::new();
        for id in [
            SYSTEM_PROGRAM_ID,
            TOKEN_PROGRAM_ID,
            crate::TOKEN_2022_PROGRAM_ID,
            ASSOCIATED_TOKEN_PROGRAM_ID,
            VAULT_PROGRAM_ID,
            METAPLEX_ID,
            crate::MEMO_PROGRAM_ID,
        ] {
            let (k, a) = program_account(&id);
            accounts.insert(k, a);
        }
        Self { mollusk, accounts }
    }

    pub fn set(&mut self, key: Pubkey, account: Account) {
        self.accounts.insert(key, account);
    }

    pub fn get(&self, key: &Pubkey) -> &Account {
        self.accounts
            .get(key)
            .unwrap_or_else(|| panic!("no account {key}"))
    }

    pub fn warp(&mut self, slot: u64) {
        self.mollusk.warp_to_slot(slot);
    }

    pub fn slot(&self) -> u64 {
        self.mollusk.sysvars.clock.slot
    }

    /// The accounts of `ix`, in order, from the store (missing ones are empty wallets).
    pub fn accounts_for(&self, ix: &Instruction) -> Vec<(Pubkey, Account)> {
        let mut seen = Vec::<Pubkey>::new();
        let mut out = Vec::new();
        for meta in &ix.accounts {
            if seen.contains(&meta.pubkey) {
                continue;
            }
            seen.push(meta.pubkey);
            let acc = self
                .accounts
                .get(&meta.pubkey)
                .cloned()
                .unwrap_or_else(|| system_account(0));
            out.push((meta.pubkey, acc));
        }
        out
    }

    /// Runs `ix` without committing.
    pub fn run(&self, ix: &Instruction) -> (InstructionResult, Vec<(Pubkey, Account)>) {
        let accounts = self.accounts_for(ix);
        let result = crate::oracle::process(&self.mollusk, ix, &accounts);
        (result, accounts)
    }

    /// Runs `ix`, panics unless it succeeds, commits the accounts.
    /// Every vault-program account the instruction changed is decoded with the
    /// generated client and checked against the hand layout.
    #[track_caller]
    pub fn exec(&mut self, ix: &Instruction) -> InstructionResult {
        let (result, before) = self.run(ix);
        crate::assert_success(&result);
        crate::vault_world_v2::assert_client_decodes_changes(&before, &result);
        for (k, a) in &result.resulting_accounts {
            self.accounts.insert(*k, a.clone());
        }
        result
    }

    pub fn vault(&self, key: &Pubkey) -> VaultModel {
        VaultModel::from_bytes(&self.get(key).data)
    }

    pub fn token_amount(&self, key: &Pubkey) -> u64 {
        crate::token_amount(self.get(key))
    }
}

impl Default for World {
    fn default() -> Self {
        Self::new()
    }
}

pub fn w(key: &Pubkey) -> AccountMeta {
    AccountMeta::new(*key, false)
}
pub fn r(key: &Pubkey) -> AccountMeta {
    AccountMeta::new_readonly(*key, false)
}
pub fn ws(key: &Pubkey) -> AccountMeta {
    AccountMeta::new(*key, true)
}
pub fn rs(key: &Pubkey) -> AccountMeta {
    AccountMeta::new_readonly(*key, true)
}

pub fn vault_ix(data: Vec<u8>, accounts: Vec<AccountMeta>) -> Instruction {
    crate::instruction(&VAULT_PROGRAM_ID, data, accounts)
}

/// Everything a test needs about one initialized vault.
#[derive(Clone, Debug)]
pub struct VaultSetup {
    pub config: Pubkey,
    pub config_admin: Pubkey,
    pub program_fee_wallet: Pubkey,
    pub vault: Pubkey,
    pub base: Pubkey,
    pub vrt_mint: Pubkey,
    pub st_mint: Pubkey,
    pub admin: Pubkey,
    pub admin_st_ata: Pubkey,
    pub vault_st_ata: Pubkey,
    pub burn_vault: Pubkey,
    pub burn_vault_vrt_ata: Pubkey,
    pub decimals: u8,
}

pub const ADMIN_LAMPORTS: u64 = 100_000_000_000;

impl VaultSetup {
    /// Fresh keys for one vault.
    pub fn keys() -> Self {
        let base = Pubkey::new_unique();
        let vault = vault_address(&base).0;
        let vrt_mint = Pubkey::new_unique();
        let st_mint = Pubkey::new_unique();
        let admin = Pubkey::new_unique();
        let burn_vault = burn_vault_address(&base).0;
        Self {
            config: config_address().0,
            config_admin: Pubkey::new_unique(),
            program_fee_wallet: Pubkey::new_unique(),
            vault,
            base,
            vrt_mint,
            st_mint,
            admin,
            admin_st_ata: ata(&admin, &st_mint),
            vault_st_ata: ata(&vault, &st_mint),
            burn_vault,
            burn_vault_vrt_ata: ata(&burn_vault, &vrt_mint),
            decimals: 9,
        }
    }

    /// Puts the pre-InitializeVault accounts in the world: config, ST mint,
    /// the admin's and the vault's ST accounts, a funded admin.
    pub fn install_prerequisites(&self, world: &mut World, config: &ConfigModel, admin_st: u64) {
        world.set(self.config, vault_owned(config.to_bytes()));
        world.set(
            self.st_mint,
            mint_account(Some(&Pubkey::new_unique()), 1_000_000_000_000, 6),
        );
        world.set(
            self.admin_st_ata,
            token_account(&self.st_mint, &self.admin, admin_st),
        );
        world.set(
            self.vault_st_ata,
            token_account(&self.st_mint, &self.vault, 0),
        );
        world.set(self.admin, system_account(ADMIN_LAMPORTS));
        world.set(self.base, system_account(0));
        world.set(self.vrt_mint, system_account(0));
        world.set(self.burn_vault, system_account(0));
        world.set(self.burn_vault_vrt_ata, system_account(0));
        world.set(self.vault, system_account(0));
    }

    pub fn initialize_vault_ix(
        &self,
        deposit_fee_bps: u16,
        withdrawal_fee_bps: u16,
        reward_fee_bps: u16,
        initialize_token_amount: u64,
    ) -> Instruction {
        InitializeVaultBuilder::new()
            .config(self.config)
            .vault(self.vault)
            .vrt_mint(self.vrt_mint)
            .st_mint(self.st_mint)
            .admin_st_token_account(self.admin_st_ata)
            .vault_st_token_account(self.vault_st_ata)
            .burn_vault(self.burn_vault)
            .burn_vault_vrt_token_account(self.burn_vault_vrt_ata)
            .admin(self.admin)
            .base(self.base)
            .deposit_fee_bps(deposit_fee_bps)
            .withdrawal_fee_bps(withdrawal_fee_bps)
            .reward_fee_bps(reward_fee_bps)
            .decimals(self.decimals)
            .initialize_token_amount(initialize_token_amount)
            .instruction()
    }

    /// A world with one vault initialized through `InitializeVault`, at `slot`.
    pub fn world(
        config: &ConfigModel,
        slot: u64,
        deposit_fee_bps: u16,
        withdrawal_fee_bps: u16,
        reward_fee_bps: u16,
    ) -> (World, Self) {
        let mut world = World::new();
        world.warp(slot);
        let setup = Self::keys();
        setup.install_prerequisites(&mut world, config, INITIAL_AMOUNT * 10);
        let ix = setup.initialize_vault_ix(
            deposit_fee_bps,
            withdrawal_fee_bps,
            reward_fee_bps,
            INITIAL_AMOUNT,
        );
        world.exec(&ix);
        (world, setup)
    }

    /// The vault as InitializeVault leaves it (independent expectation).
    #[allow(clippy::too_many_arguments)]
    pub fn expected_new_vault(
        &self,
        vault_index: u64,
        deposit_fee_bps: u16,
        withdrawal_fee_bps: u16,
        reward_fee_bps: u16,
        program_fee_bps: u16,
        slot: u64,
        initial: u64,
    ) -> VaultModel {
        let a = self.admin;
        VaultModel {
            base: self.base,
            vrt_mint: self.vrt_mint,
            supported_mint: self.st_mint,
            vrt_supply: initial,
            tokens_deposited: initial,
            deposit_capacity: u64::MAX,
            staked_amount: 0,
            enqueued_for_cooldown_amount: 0,
            cooling_down_amount: 0,
            additional_assets_need_unstaking: 0,
            vrt_enqueued_for_cooldown_amount: 0,
            vrt_cooling_down_amount: 0,
            vrt_ready_to_claim_amount: 0,
            admin: a,
            delegation_admin: a,
            operator_admin: a,
            ncn_admin: a,
            slasher_admin: a,
            capacity_admin: a,
            fee_admin: a,
            delegate_asset_admin: a,
            fee_wallet: a,
            mint_burn_admin: Pubkey::default(),
            metadata_admin: a,
            vault_index,
            ncn_count: 0,
            operator_count: 0,
            slasher_count: 0,
            last_fee_change_slot: slot,
            last_full_state_update_slot: slot,
            deposit_fee_bps,
            withdrawal_fee_bps,
            next_withdrawal_fee_bps: withdrawal_fee_bps,
            reward_fee_bps,
            program_fee_bps,
            bump: vault_address(&self.base).1,
            is_paused: false,
            last_start_state_update_slot: slot,
        }
    }

    /// Rewrites the stored vault through its model.
    pub fn edit_vault(&self, world: &mut World, f: impl FnOnce(&mut VaultModel)) {
        let mut model = world.vault(&self.vault);
        f(&mut model);
        let mut acc = world.get(&self.vault).clone();
        acc.data = model.to_bytes();
        world.set(self.vault, acc);
    }

    /// A depositor with `st` supported tokens in its ATA and an empty VRT ATA.
    pub fn add_depositor(&self, world: &mut World, st: u64) -> Pubkey {
        let depositor = Pubkey::new_unique();
        world.set(depositor, system_account(10_000_000_000));
        world.set(
            ata(&depositor, &self.st_mint),
            token_account(&self.st_mint, &depositor, st),
        );
        world.set(
            ata(&depositor, &self.vrt_mint),
            token_account(&self.vrt_mint, &depositor, 0),
        );
        self.ensure_vrt_ata(world, &depositor);
        depositor
    }

    /// Creates the VRT ATA of `owner` if absent.
    pub fn ensure_vrt_ata(&self, world: &mut World, owner: &Pubkey) -> Pubkey {
        let key = ata(owner, &self.vrt_mint);
        if !world.accounts.contains_key(&key) {
            world.set(key, token_account(&self.vrt_mint, owner, 0));
        }
        key
    }

    /// Creates the ST ATA of `owner` if absent.
    pub fn ensure_st_ata(&self, world: &mut World, owner: &Pubkey) -> Pubkey {
        let key = ata(owner, &self.st_mint);
        if !world.accounts.contains_key(&key) {
            world.set(key, token_account(&self.st_mint, owner, 0));
        }
        key
    }

    pub fn mint_to_ix(
        &self,
        depositor: &Pubkey,
        fee_wallet: &Pubkey,
        amount_in: u64,
        min_amount_out: u64,
        mint_signer: Option<&Pubkey>,
    ) -> Instruction {
        MintToBuilder::new()
            .config(self.config)
            .vault(self.vault)
            .vrt_mint(self.vrt_mint)
            .depositor(*depositor)
            .depositor_token_account(ata(depositor, &self.st_mint))
            .vault_token_account(self.vault_st_ata)
            .depositor_vrt_token_account(ata(depositor, &self.vrt_mint))
            .vault_fee_token_account(ata(fee_wallet, &self.vrt_mint))
            .mint_signer(mint_signer.copied())
            .amount_in(amount_in)
            .min_amount_out(min_amount_out)
            .instruction()
    }

    pub fn enqueue_ix(
        &self,
        staker: &Pubkey,
        ticket_base: &Pubkey,
        amount: u64,
        burn_signer: Option<&Pubkey>,
    ) -> Instruction {
        let ticket = ticket_address(&self.vault, ticket_base).0;
        EnqueueWithdrawalBuilder::new()
            .config(self.config)
            .vault(self.vault)
            .vault_staker_withdrawal_ticket(ticket)
            .vault_staker_withdrawal_ticket_token_account(ata(&ticket, &self.vrt_mint))
            .staker(*staker)
            .staker_vrt_token_account(ata(staker, &self.vrt_mint))
            .base(*ticket_base)
            .burn_signer(burn_signer.copied())
            .amount(amount)
            .instruction()
    }

    pub fn change_owner_ix(
        &self,
        ticket: &Pubkey,
        old_owner: &Pubkey,
        new_owner: &Pubkey,
    ) -> Instruction {
        ChangeWithdrawalTicketOwnerBuilder::new()
            .config(self.config)
            .vault(self.vault)
            .vault_staker_withdrawal_ticket(*ticket)
            .old_owner(*old_owner)
            .new_owner(*new_owner)
            .instruction()
    }

    pub fn burn_ix(
        &self,
        staker: &Pubkey,
        ticket: &Pubkey,
        vault_fee_wallet: &Pubkey,
        program_fee_wallet: &Pubkey,
        burn_signer: Option<&Pubkey>,
    ) -> Instruction {
        BurnWithdrawalTicketBuilder::new()
            .config(self.config)
            .vault(self.vault)
            .vault_token_account(self.vault_st_ata)
            .vrt_mint(self.vrt_mint)
            .staker(*staker)
            .staker_token_account(ata(staker, &self.st_mint))
            .vault_staker_withdrawal_ticket(*ticket)
            .vault_staker_withdrawal_ticket_token_account(ata(ticket, &self.vrt_mint))
            .vault_fee_token_account(ata(vault_fee_wallet, &self.vrt_mint))
            .program_fee_token_account(ata(program_fee_wallet, &self.vrt_mint))
            .burn_signer(burn_signer.copied())
            .instruction()
    }

    pub fn update_balance_ix(&self, fee_wallet: &Pubkey) -> Instruction {
        UpdateVaultBalanceBuilder::new()
            .config(self.config)
            .vault(self.vault)
            .vault_token_account(self.vault_st_ata)
            .vrt_mint(self.vrt_mint)
            .vault_fee_token_account(ata(fee_wallet, &self.vrt_mint))
            .instruction()
    }
}

// ---------------------------------------------------------------------------
// Instruction tweaks for failure tests
// ---------------------------------------------------------------------------

/// `ix` with account `i` no longer a signer.
pub fn unsign(mut ix: Instruction, i: usize) -> Instruction {
    ix.accounts[i].is_signer = false;
    ix
}

/// `ix` with account `i` read-only.
pub fn make_readonly(mut ix: Instruction, i: usize) -> Instruction {
    ix.accounts[i].is_writable = false;
    ix
}

/// `ix` with account `i` replaced by `key` (same flags).
pub fn replace(mut ix: Instruction, i: usize, key: &Pubkey) -> Instruction {
    ix.accounts[i].pubkey = *key;
    ix
}

/// `ix` with its last account removed.
pub fn drop_last(mut ix: Instruction) -> Instruction {
    ix.accounts.pop();
    ix
}

// ---------------------------------------------------------------------------
// Epoch update through the real update-tracker instructions
// ---------------------------------------------------------------------------

pub const TAG_INITIALIZE_VAULT_UPDATE_STATE_TRACKER: u8 =
    crate::codes::vault_tag::INITIALIZE_VAULT_UPDATE_STATE_TRACKER;
pub const TAG_CLOSE_VAULT_UPDATE_STATE_TRACKER: u8 =
    crate::codes::vault_tag::CLOSE_VAULT_UPDATE_STATE_TRACKER;

pub fn tracker_address(vault: &Pubkey, ncn_epoch: u64) -> Pubkey {
    crate::pda::vault::tracker_pda(vault, ncn_epoch).0
}

impl VaultSetup {
    /// Runs InitializeVaultUpdateStateTracker then CloseVaultUpdateStateTracker
    /// (a vault without operators needs no crank) for the current epoch.
    pub fn full_update(&self, world: &mut World, epoch_length: u64) {
        let epoch = world.slot() / epoch_length;
        let tracker = tracker_address(&self.vault, epoch);
        let payer = Pubkey::new_unique();
        world.set(payer, system_account(1_000_000_000));
        world.exec(
            &InitializeVaultUpdateStateTrackerBuilder::new()
                .config(self.config)
                .vault(self.vault)
                .vault_update_state_tracker(tracker)
                .payer(payer)
                .withdrawal_allocation_method(WithdrawalAllocationMethod::Greedy)
                .instruction(),
        );
        world.exec(
            &CloseVaultUpdateStateTrackerBuilder::new()
                .config(self.config)
                .vault(self.vault)
                .vault_update_state_tracker(tracker)
                .payer(payer)
                .ncn_epoch(epoch)
                .instruction(),
        );
    }
}

// ---------------------------------------------------------------------------
// Admin instructions used to set up states (owned by the admin processors)
// ---------------------------------------------------------------------------

pub const TAG_SET_DEPOSIT_CAPACITY: u8 = crate::codes::vault_tag::SET_DEPOSIT_CAPACITY;
pub const TAG_SET_IS_PAUSED: u8 = crate::codes::vault_tag::SET_IS_PAUSED;
pub const TAG_SET_SECONDARY_ADMIN: u8 = crate::codes::vault_tag::SET_SECONDARY_ADMIN;

impl VaultSetup {
    pub fn set_paused(&self, world: &mut World, paused: bool) {
        world.exec(
            &SetIsPausedBuilder::new()
                .config(self.config)
                .vault(self.vault)
                .admin(self.admin)
                .is_paused(paused)
                .instruction(),
        );
    }

    pub fn set_capacity(&self, world: &mut World, capacity: u64) {
        world.exec(
            &SetDepositCapacityBuilder::new()
                .config(self.config)
                .vault(self.vault)
                .admin(self.admin)
                .amount(capacity)
                .instruction(),
        );
    }

    /// SetSecondaryAdmin: `role` is the original's VaultAdminRole index
    /// (5 FeeWallet, 6 MintBurnAdmin, 7 DelegateAssetAdmin).
    pub fn set_secondary_admin(&self, world: &mut World, role: u8, new_admin: &Pubkey) {
        let role = crate::codes::vault_admin_role(role).expect("a vault admin role");
        world.exec(
            &SetSecondaryAdminBuilder::new()
                .config(self.config)
                .vault(self.vault)
                .admin(self.admin)
                .new_admin(*new_admin)
                .vault_admin_role(role)
                .instruction(),
        );
    }

    /// A MintTo of `amount` by `depositor` with no slippage bound.
    pub fn deposit(&self, world: &mut World, depositor: &Pubkey, amount: u64) -> InstructionResult {
        let fee_wallet = world.vault(&self.vault).fee_wallet;
        self.ensure_vrt_ata(world, &fee_wallet);
        let ix = self.mint_to_ix(depositor, &fee_wallet, amount, 0, None);
        world.exec(&ix)
    }

    /// Creates the ticket's VRT ATA and runs EnqueueWithdrawal; returns the ticket.
    pub fn enqueue(
        &self,
        world: &mut World,
        staker: &Pubkey,
        amount: u64,
    ) -> (Pubkey, Pubkey, InstructionResult) {
        let ticket_base = Pubkey::new_unique();
        world.set(ticket_base, system_account(0));
        let ticket = ticket_address(&self.vault, &ticket_base).0;
        world.set(ticket, system_account(0));
        self.ensure_vrt_ata(world, &ticket);
        let result = world.exec(&self.enqueue_ix(staker, &ticket_base, amount, None));
        (ticket, ticket_base, result)
    }
}

/// The standard world of the tests: config with `epoch_length` and
/// `program_fee_bps`, one vault initialized at `slot` with the given fees.
pub fn standard_world(
    epoch_length: u64,
    program_fee_bps: u16,
    slot: u64,
    deposit_fee_bps: u16,
    withdrawal_fee_bps: u16,
    reward_fee_bps: u16,
) -> (World, VaultSetup) {
    let keys = VaultSetup::keys();
    let mut config = ConfigModel::new(keys.config_admin, keys.program_fee_wallet, program_fee_bps);
    config.epoch_length = epoch_length;
    let mut world = World::new();
    world.warp(slot);
    keys.install_prerequisites(&mut world, &config, INITIAL_AMOUNT * 10);
    world.exec(&keys.initialize_vault_ix(
        deposit_fee_bps,
        withdrawal_fee_bps,
        reward_fee_bps,
        INITIAL_AMOUNT,
    ));
    world.set(keys.program_fee_wallet, system_account(10_000_000_000));
    keys.ensure_vrt_ata(&mut world, &keys.program_fee_wallet.clone());
    keys.ensure_vrt_ata(&mut world, &keys.admin.clone());
    (world, keys)
}

/// An SPL Token `Transfer` (tag 3) — how a rewarder sends tokens to the vault.
pub fn spl_transfer_ix(
    source: &Pubkey,
    destination: &Pubkey,
    owner: &Pubkey,
    amount: u64,
) -> Instruction {
    let mut data = vec![3];
    data.extend_from_slice(&amount.to_le_bytes());
    crate::instruction(
        &TOKEN_PROGRAM_ID,
        data,
        vec![w(source), w(destination), rs(owner)],
    )
}

impl VaultSetup {
    /// A rewarder sends `amount` supported tokens straight to the vault's token account.
    pub fn send_rewards(&self, world: &mut World, amount: u64) {
        let rewarder = Pubkey::new_unique();
        let source = ata(&rewarder, &self.st_mint);
        world.set(rewarder, system_account(1_000_000));
        world.set(source, token_account(&self.st_mint, &rewarder, amount));
        world.exec(&spl_transfer_ix(
            &source,
            &self.vault_st_ata,
            &rewarder,
            amount,
        ));
    }

    pub fn delegate_ix(
        &self,
        admin: &Pubkey,
        mint: &Pubkey,
        token_account: &Pubkey,
        delegate: &Pubkey,
        token_program: &Pubkey,
    ) -> Instruction {
        DelegateTokenAccountBuilder::new()
            .config(self.config)
            .vault(self.vault)
            .delegate_asset_admin(*admin)
            .token_mint(*mint)
            .token_account(*token_account)
            .delegate(*delegate)
            .token_program(*token_program)
            .instruction()
    }

    pub fn revoke_ix(
        &self,
        admin: &Pubkey,
        mint: &Pubkey,
        token_account: &Pubkey,
        token_program: &Pubkey,
    ) -> Instruction {
        RevokeDelegateTokenAccountBuilder::new()
            .config(self.config)
            .vault(self.vault)
            .delegate_asset_admin(*admin)
            .token_mint(*mint)
            .token_account(*token_account)
            .token_program(*token_program)
            .instruction()
    }

    pub fn create_metadata_ix(
        &self,
        admin: &Pubkey,
        payer: &Pubkey,
        name: &[u8],
        symbol: &[u8],
        uri: &[u8],
    ) -> Instruction {
        let mut ix = CreateTokenMetadataBuilder::new()
            .vault(self.vault)
            .admin(*admin)
            .vrt_mint(self.vrt_mint)
            .payer(*payer)
            .metadata(metadata_address(&self.vrt_mint))
            .name(client_string(name))
            .symbol(client_string(symbol))
            .uri(client_string(uri))
            .instruction();
        patch_strings(&mut ix.data, [name, symbol, uri]);
        ix
    }

    pub fn update_metadata_ix(
        &self,
        admin: &Pubkey,
        name: &[u8],
        symbol: &[u8],
        uri: &[u8],
    ) -> Instruction {
        let mut ix = UpdateTokenMetadataBuilder::new()
            .vault(self.vault)
            .admin(*admin)
            .vrt_mint(self.vrt_mint)
            .metadata(metadata_address(&self.vrt_mint))
            .name(client_string(name))
            .symbol(client_string(symbol))
            .uri(client_string(uri))
            .instruction();
        patch_strings(&mut ix.data, [name, symbol, uri]);
        ix
    }
}

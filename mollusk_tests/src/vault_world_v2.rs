//! World builders for the vault ticket, delegation and update-state-tracker
//! tests (`vault_tickets`, `vault_delegation`, `vault_crank`).
//!
//! Every account is laid out by hand from the original's byte offsets (header
//! included), independently of the interface crates, so that the tests check
//! the programs' bytes against a second description of the layouts.
//!
//! Instructions are built with the generated Rust client (`jito-vault-client`);
//! vault accounts are read with the client's decoders, and every vault account
//! a successful instruction changes is decoded by the client and laid out again
//! by hand to the same bytes ([`assert_client_decodes`]).

use std::collections::BTreeMap;

use jito_vault_client::{
    accounts as client,
    instructions::{
        AddDelegationBuilder, BatchCrankVaultUpdateStateTracker,
        CloseVaultUpdateStateTrackerBuilder, CooldownDelegationBuilder,
        CooldownVaultNcnSlasherTicketBuilder, CooldownVaultNcnTicketBuilder,
        CrankVaultUpdateStateTrackerBuilder, InitializeVaultNcnSlasherOperatorTicketBuilder,
        InitializeVaultNcnSlasherTicketBuilder, InitializeVaultNcnTicketBuilder,
        InitializeVaultOperatorDelegationBuilder, InitializeVaultUpdateStateTrackerBuilder,
        WarmupVaultNcnSlasherTicketBuilder, WarmupVaultNcnTicketBuilder,
    },
    types::{DelegationState, SlotToggle, WithdrawalAllocationMethod},
};

use crate::{
    assert_success, owned_account, program_account, rent_exempt, system_account, Account,
    Instruction, InstructionResult, Mollusk, Pubkey, RESTAKING_PROGRAM_ID, SYSTEM_PROGRAM_ID,
    VAULT_PROGRAM_ID,
};

/// Epoch length written into the vault config of every world.
pub const EPOCH_LENGTH: u64 = 100;
/// Clock slot at which every world starts (epoch 10).
pub const START_SLOT: u64 = 1_000;

/// Instruction tags (the shared table).
pub use crate::codes::vault_tag as tag;

/// Custom error codes: the shared table, and the few this world names otherwise.
pub mod err {
    pub use crate::codes::vault_err::*;
    pub const BAD_EPOCH_LENGTH: u32 = 0;
    pub use crate::codes::vault_err::NON_ZERO_ADDITIONAL_ASSETS_NEEDED_FOR_WITHDRAWAL_AT_END_OF_UPDATE as NON_ZERO_ADDITIONAL_ASSETS_NEEDED;
}

// ---------------------------------------------------------------------------
// Byte helpers
// ---------------------------------------------------------------------------

pub fn put_u64(data: &mut [u8], off: usize, v: u64) {
    data[off..off + 8].copy_from_slice(&v.to_le_bytes());
}

pub fn put_u16(data: &mut [u8], off: usize, v: u16) {
    data[off..off + 2].copy_from_slice(&v.to_le_bytes());
}

pub fn put_key(data: &mut [u8], off: usize, k: &Pubkey) {
    data[off..off + 32].copy_from_slice(k.as_ref());
}

pub fn get_u64(data: &[u8], off: usize) -> u64 {
    u64::from_le_bytes(data[off..off + 8].try_into().unwrap())
}

pub fn get_u16(data: &[u8], off: usize) -> u16 {
    u16::from_le_bytes(data[off..off + 2].try_into().unwrap())
}

pub fn get_key(data: &[u8], off: usize) -> Pubkey {
    Pubkey::new_from_array(data[off..off + 32].try_into().unwrap())
}

/// A fixed, distinct test key.
pub fn key(n: u8) -> Pubkey {
    let mut bytes = [n; 32];
    bytes[0] = 0xA5;
    bytes[31] = n.wrapping_mul(7);
    Pubkey::new_from_array(bytes)
}

/// A fixed key derived from two numbers (for worlds with many operators).
pub fn key2(a: u8, b: u8) -> Pubkey {
    let mut bytes = [a; 32];
    bytes[0] = 0x5A;
    bytes[1] = b;
    Pubkey::new_from_array(bytes)
}

// ---------------------------------------------------------------------------
// Shared sub-structures
// ---------------------------------------------------------------------------

/// `DelegationState`: three u64 then 256 reserved bytes (280 bytes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Delegation {
    pub staked: u64,
    pub enqueued: u64,
    pub cooling: u64,
}

impl Delegation {
    pub const fn new(staked: u64, enqueued: u64, cooling: u64) -> Self {
        Self {
            staked,
            enqueued,
            cooling,
        }
    }
    pub fn write(&self, data: &mut [u8], off: usize) {
        put_u64(data, off, self.staked);
        put_u64(data, off + 8, self.enqueued);
        put_u64(data, off + 16, self.cooling);
    }
    pub fn read(data: &[u8], off: usize) -> Self {
        Self {
            staked: get_u64(data, off),
            enqueued: get_u64(data, off + 8),
            cooling: get_u64(data, off + 16),
        }
    }
    /// The amounts of a client-decoded `DelegationState`.
    pub fn from_client(d: &DelegationState) -> Self {
        Self::new(
            d.staked_amount,
            d.enqueued_for_cooldown_amount,
            d.cooling_down_amount,
        )
    }
    pub fn total(&self) -> u64 {
        self.staked + self.enqueued + self.cooling
    }
    /// One epoch passes, as the original's `DelegationState::update`.
    pub fn update(&mut self) {
        self.cooling = self.enqueued;
        self.enqueued = 0;
    }
    pub fn add(&mut self, other: &Self) {
        self.staked += other.staked;
        self.enqueued += other.enqueued;
        self.cooling += other.cooling;
    }
}

/// `SlotToggle`: slot_added, slot_removed, 32 reserved (48 bytes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Toggle {
    pub added: u64,
    pub removed: u64,
}

impl Toggle {
    pub const fn new(slot: u64) -> Self {
        Self {
            added: slot,
            removed: slot,
        }
    }
    pub fn write(&self, data: &mut [u8], off: usize) {
        put_u64(data, off, self.added);
        put_u64(data, off + 8, self.removed);
    }
    pub fn read(data: &[u8], off: usize) -> Self {
        Self {
            added: get_u64(data, off),
            removed: get_u64(data, off + 8),
        }
    }
    /// The slots of a client-decoded `SlotToggle`.
    pub fn from_client(t: &SlotToggle) -> Self {
        Self {
            added: t.slot_added,
            removed: t.slot_removed,
        }
    }
    /// Added in an earlier epoch than two before `slot`, never removed: active.
    pub fn active_at(slot: u64) -> Self {
        Self {
            added: slot - 3 * EPOCH_LENGTH,
            removed: 0,
        }
    }
}

fn header(len: usize, discriminator: u8) -> Vec<u8> {
    let mut data = vec![0u8; len];
    data[0] = discriminator;
    data
}

// ---------------------------------------------------------------------------
// Vault program accounts
// ---------------------------------------------------------------------------

/// Vault `Config` (390 bytes).
#[derive(Clone, Debug, PartialEq)]
pub struct VaultConfigState {
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

impl VaultConfigState {
    pub const LEN: usize = 390;
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut d = header(Self::LEN, 1);
        put_key(&mut d, 8, &self.admin);
        put_key(&mut d, 40, &self.restaking_program);
        put_u64(&mut d, 72, self.epoch_length);
        put_u64(&mut d, 80, self.num_vaults);
        put_u16(&mut d, 88, self.deposit_withdrawal_fee_cap_bps);
        put_u16(&mut d, 90, self.fee_rate_of_change_bps);
        put_u16(&mut d, 92, self.fee_bump_bps);
        put_u16(&mut d, 94, self.program_fee_bps);
        put_key(&mut d, 96, &self.program_fee_wallet);
        put_key(&mut d, 128, &self.fee_admin);
        d[160] = self.bump;
        d
    }
    pub fn from_client(c: &client::Config) -> Self {
        Self {
            admin: c.admin,
            restaking_program: c.restaking_program,
            epoch_length: c.epoch_length,
            num_vaults: c.num_vaults,
            deposit_withdrawal_fee_cap_bps: c.deposit_withdrawal_fee_cap_bps,
            fee_rate_of_change_bps: c.fee_rate_of_change_bps,
            fee_bump_bps: c.fee_bump_bps,
            program_fee_bps: c.program_fee_bps,
            program_fee_wallet: c.program_fee_wallet,
            fee_admin: c.fee_admin,
            bump: c.bump,
        }
    }
}

/// `Vault` (1111 bytes).
#[derive(Clone, Debug, PartialEq)]
pub struct VaultState {
    pub base: Pubkey,
    pub vrt_mint: Pubkey,
    pub supported_mint: Pubkey,
    pub vrt_supply: u64,
    pub tokens_deposited: u64,
    pub deposit_capacity: u64,
    pub delegation: Delegation,
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

impl VaultState {
    pub const LEN: usize = 1111;
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut d = header(Self::LEN, 2);
        put_key(&mut d, 8, &self.base);
        put_key(&mut d, 40, &self.vrt_mint);
        put_key(&mut d, 72, &self.supported_mint);
        put_u64(&mut d, 104, self.vrt_supply);
        put_u64(&mut d, 112, self.tokens_deposited);
        put_u64(&mut d, 120, self.deposit_capacity);
        self.delegation.write(&mut d, 128);
        put_u64(&mut d, 408, self.additional_assets_need_unstaking);
        put_u64(&mut d, 416, self.vrt_enqueued_for_cooldown_amount);
        put_u64(&mut d, 424, self.vrt_cooling_down_amount);
        put_u64(&mut d, 432, self.vrt_ready_to_claim_amount);
        put_key(&mut d, 440, &self.admin);
        put_key(&mut d, 472, &self.delegation_admin);
        put_key(&mut d, 504, &self.operator_admin);
        put_key(&mut d, 536, &self.ncn_admin);
        put_key(&mut d, 568, &self.slasher_admin);
        put_key(&mut d, 600, &self.capacity_admin);
        put_key(&mut d, 632, &self.fee_admin);
        put_key(&mut d, 664, &self.delegate_asset_admin);
        put_key(&mut d, 696, &self.fee_wallet);
        put_key(&mut d, 728, &self.mint_burn_admin);
        put_key(&mut d, 760, &self.metadata_admin);
        put_u64(&mut d, 792, self.vault_index);
        put_u64(&mut d, 800, self.ncn_count);
        put_u64(&mut d, 808, self.operator_count);
        put_u64(&mut d, 816, self.slasher_count);
        put_u64(&mut d, 824, self.last_fee_change_slot);
        put_u64(&mut d, 832, self.last_full_state_update_slot);
        put_u16(&mut d, 840, self.deposit_fee_bps);
        put_u16(&mut d, 842, self.withdrawal_fee_bps);
        put_u16(&mut d, 844, self.next_withdrawal_fee_bps);
        put_u16(&mut d, 846, self.reward_fee_bps);
        put_u16(&mut d, 848, self.program_fee_bps);
        d[850] = self.bump;
        d[851] = self.is_paused as u8;
        put_u64(&mut d, 852, self.last_start_state_update_slot);
        d
    }

    /// Reads vault bytes with the generated client's decoder.
    #[track_caller]
    pub fn from_bytes(d: &[u8]) -> Self {
        assert_eq!(d.len(), Self::LEN);
        assert_eq!(d[0], 2);
        Self::from_client(&client::Vault::from_bytes(d).expect("client decodes the vault"))
    }

    pub fn from_client(v: &client::Vault) -> Self {
        Self {
            base: v.base,
            vrt_mint: v.vrt_mint,
            supported_mint: v.supported_mint,
            vrt_supply: v.vrt_supply,
            tokens_deposited: v.tokens_deposited,
            deposit_capacity: v.deposit_capacity,
            delegation: Delegation::from_client(&v.delegation_state),
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
}

/// `VaultNcnTicket` (392 bytes).
#[derive(Clone, Debug, PartialEq)]
pub struct VaultNcnTicketState {
    pub vault: Pubkey,
    pub ncn: Pubkey,
    pub index: u64,
    pub state: Toggle,
    pub bump: u8,
}

impl VaultNcnTicketState {
    pub const LEN: usize = 392;
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut d = header(Self::LEN, 3);
        put_key(&mut d, 8, &self.vault);
        put_key(&mut d, 40, &self.ncn);
        put_u64(&mut d, 72, self.index);
        self.state.write(&mut d, 80);
        d[128] = self.bump;
        d
    }
    pub fn from_client(t: &client::VaultNcnTicket) -> Self {
        Self {
            vault: t.vault,
            ncn: t.ncn,
            index: t.index,
            state: Toggle::from_client(&t.state),
            bump: t.bump,
        }
    }
}

/// `VaultOperatorDelegation` (632 bytes).
#[derive(Clone, Debug, PartialEq)]
pub struct VaultOperatorDelegationState {
    pub vault: Pubkey,
    pub operator: Pubkey,
    pub delegation: Delegation,
    pub last_update_slot: u64,
    pub index: u64,
    pub bump: u8,
}

impl VaultOperatorDelegationState {
    pub const LEN: usize = 632;
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut d = header(Self::LEN, 4);
        put_key(&mut d, 8, &self.vault);
        put_key(&mut d, 40, &self.operator);
        self.delegation.write(&mut d, 72);
        put_u64(&mut d, 352, self.last_update_slot);
        put_u64(&mut d, 360, self.index);
        d[368] = self.bump;
        d
    }
    /// Reads delegation bytes with the generated client's decoder.
    #[track_caller]
    pub fn from_bytes(d: &[u8]) -> Self {
        assert_eq!(d.len(), Self::LEN);
        assert_eq!(d[0], 4);
        Self::from_client(
            &client::VaultOperatorDelegation::from_bytes(d)
                .expect("client decodes the operator delegation"),
        )
    }
    pub fn from_client(v: &client::VaultOperatorDelegation) -> Self {
        Self {
            vault: v.vault,
            operator: v.operator,
            delegation: Delegation::from_client(&v.delegation_state),
            last_update_slot: v.last_update_slot,
            index: v.index,
            bump: v.bump,
        }
    }
}

/// `VaultNcnSlasherTicket` (432 bytes).
#[derive(Clone, Debug, PartialEq)]
pub struct VaultNcnSlasherTicketState {
    pub vault: Pubkey,
    pub ncn: Pubkey,
    pub slasher: Pubkey,
    pub max_slashable_per_epoch: u64,
    pub index: u64,
    pub state: Toggle,
    pub bump: u8,
}

impl VaultNcnSlasherTicketState {
    pub const LEN: usize = 432;
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut d = header(Self::LEN, 5);
        put_key(&mut d, 8, &self.vault);
        put_key(&mut d, 40, &self.ncn);
        put_key(&mut d, 72, &self.slasher);
        put_u64(&mut d, 104, self.max_slashable_per_epoch);
        put_u64(&mut d, 112, self.index);
        self.state.write(&mut d, 120);
        d[168] = self.bump;
        d
    }
    pub fn from_client(t: &client::VaultNcnSlasherTicket) -> Self {
        Self {
            vault: t.vault,
            ncn: t.ncn,
            slasher: t.slasher,
            max_slashable_per_epoch: t.max_slashable_per_epoch,
            index: t.index,
            state: Toggle::from_client(&t.state),
            bump: t.bump,
        }
    }
}

/// `VaultNcnSlasherOperatorTicket` (416 bytes).
#[derive(Clone, Debug, PartialEq)]
pub struct VaultNcnSlasherOperatorTicketState {
    pub vault: Pubkey,
    pub ncn: Pubkey,
    pub slasher: Pubkey,
    pub operator: Pubkey,
    pub epoch: u64,
    pub slashed: u64,
    pub bump: u8,
}

impl VaultNcnSlasherOperatorTicketState {
    pub const LEN: usize = 416;
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut d = header(Self::LEN, 6);
        put_key(&mut d, 8, &self.vault);
        put_key(&mut d, 40, &self.ncn);
        put_key(&mut d, 72, &self.slasher);
        put_key(&mut d, 104, &self.operator);
        put_u64(&mut d, 136, self.epoch);
        put_u64(&mut d, 144, self.slashed);
        d[152] = self.bump;
        d
    }
    pub fn from_client(t: &client::VaultNcnSlasherOperatorTicket) -> Self {
        Self {
            vault: t.vault,
            ncn: t.ncn,
            slasher: t.slasher,
            operator: t.operator,
            epoch: t.epoch,
            slashed: t.slashed,
            bump: t.bump,
        }
    }
}

/// `VaultUpdateStateTracker` (600 bytes).
#[derive(Clone, Debug, PartialEq)]
pub struct TrackerState {
    pub vault: Pubkey,
    pub ncn_epoch: u64,
    pub last_updated_index: u64,
    pub delegation: Delegation,
    pub withdrawal_allocation_method: u8,
}

impl TrackerState {
    pub const LEN: usize = 600;
    pub fn new(vault: Pubkey, ncn_epoch: u64) -> Self {
        Self {
            vault,
            ncn_epoch,
            last_updated_index: u64::MAX,
            delegation: Delegation::default(),
            withdrawal_allocation_method: 0,
        }
    }
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut d = header(Self::LEN, 8);
        put_key(&mut d, 8, &self.vault);
        put_u64(&mut d, 40, self.ncn_epoch);
        put_u64(&mut d, 48, self.last_updated_index);
        self.delegation.write(&mut d, 56);
        d[336] = self.withdrawal_allocation_method;
        d
    }
    /// Reads tracker bytes with the generated client's decoder.
    #[track_caller]
    pub fn from_bytes(d: &[u8]) -> Self {
        assert_eq!(d.len(), Self::LEN);
        assert_eq!(d[0], 8);
        Self::from_client(
            &client::VaultUpdateStateTracker::from_bytes(d).expect("client decodes the tracker"),
        )
    }
    pub fn from_client(t: &client::VaultUpdateStateTracker) -> Self {
        Self {
            vault: t.vault,
            ncn_epoch: t.ncn_epoch,
            last_updated_index: t.last_updated_index,
            delegation: Delegation::from_client(&t.delegation_state),
            withdrawal_allocation_method: t.withdrawal_allocation_method,
        }
    }
}

// ---------------------------------------------------------------------------
// Client decoding of written accounts
// ---------------------------------------------------------------------------

/// Decodes vault-program account bytes with the generated client's account type
/// of their discriminator, and checks the decoded fields: laid out again by hand
/// (the models above), they must give back every byte. Returns the account
/// type's name.
#[track_caller]
pub fn assert_client_decodes(data: &[u8]) -> &'static str {
    fn decoded<T>(data: &[u8], len: usize, r: Result<T, std::io::Error>, name: &str) -> T {
        assert_eq!(data.len(), len, "{name} length");
        r.unwrap_or_else(|e| panic!("client cannot decode the {name}: {e}"))
    }
    let (name, relaid, discriminator) = match data.first() {
        Some(1) => {
            let c = decoded(
                data,
                client::Config::LEN,
                client::Config::from_bytes(data),
                "config",
            );
            (
                "Config",
                VaultConfigState::from_client(&c).to_bytes(),
                c.discriminator,
            )
        }
        Some(2) => {
            let v = decoded(
                data,
                client::Vault::LEN,
                client::Vault::from_bytes(data),
                "vault",
            );
            (
                "Vault",
                VaultState::from_client(&v).to_bytes(),
                v.discriminator,
            )
        }
        Some(3) => {
            let t = decoded(
                data,
                client::VaultNcnTicket::LEN,
                client::VaultNcnTicket::from_bytes(data),
                "NCN ticket",
            );
            (
                "VaultNcnTicket",
                VaultNcnTicketState::from_client(&t).to_bytes(),
                t.discriminator,
            )
        }
        Some(4) => {
            let v = decoded(
                data,
                client::VaultOperatorDelegation::LEN,
                client::VaultOperatorDelegation::from_bytes(data),
                "operator delegation",
            );
            (
                "VaultOperatorDelegation",
                VaultOperatorDelegationState::from_client(&v).to_bytes(),
                v.discriminator,
            )
        }
        Some(5) => {
            let t = decoded(
                data,
                client::VaultNcnSlasherTicket::LEN,
                client::VaultNcnSlasherTicket::from_bytes(data),
                "slasher ticket",
            );
            (
                "VaultNcnSlasherTicket",
                VaultNcnSlasherTicketState::from_client(&t).to_bytes(),
                t.discriminator,
            )
        }
        Some(6) => {
            let t = decoded(
                data,
                client::VaultNcnSlasherOperatorTicket::LEN,
                client::VaultNcnSlasherOperatorTicket::from_bytes(data),
                "slasher operator ticket",
            );
            (
                "VaultNcnSlasherOperatorTicket",
                VaultNcnSlasherOperatorTicketState::from_client(&t).to_bytes(),
                t.discriminator,
            )
        }
        Some(7) => {
            let t = crate::layout_oracle::TicketModel::decode(data);
            ("VaultStakerWithdrawalTicket", t.to_bytes(), 7)
        }
        Some(8) => {
            let t = decoded(
                data,
                client::VaultUpdateStateTracker::LEN,
                client::VaultUpdateStateTracker::from_bytes(data),
                "update state tracker",
            );
            (
                "VaultUpdateStateTracker",
                TrackerState::from_client(&t).to_bytes(),
                t.discriminator,
            )
        }
        other => panic!("no vault account has discriminator {other:?}"),
    };
    assert_eq!(discriminator, data[0] as u64, "{name} discriminator");
    assert_eq!(
        relaid, data,
        "{name}: client-decoded fields re-laid by hand"
    );
    name
}

/// Runs [`assert_client_decodes`] on every vault-program account with data
/// that `result` changed from `before`.
#[track_caller]
pub fn assert_client_decodes_changes(before: &[(Pubkey, Account)], result: &InstructionResult) {
    for (k, after) in &result.resulting_accounts {
        let unchanged = before.iter().any(|(b, account)| b == k && account == after);
        if after.owner == VAULT_PROGRAM_ID && !after.data.is_empty() && !unchanged {
            assert_client_decodes(&after.data);
        }
    }
}

// ---------------------------------------------------------------------------
// Restaking program accounts
// ---------------------------------------------------------------------------

/// Restaking `Ncn` (592 bytes): base, 8 admins, 4 counters, bump.
pub fn ncn_bytes(base: &Pubkey, admin: &Pubkey, bump: u8) -> Vec<u8> {
    let mut d = header(592, 2);
    put_key(&mut d, 8, base);
    for i in 0..8 {
        put_key(&mut d, 40 + 32 * i, admin);
    }
    d[328] = bump;
    d
}

/// Restaking `Operator` (520 bytes): base, 6 admins, counters, fee, bump.
pub fn operator_bytes(base: &Pubkey, admin: &Pubkey, index: u64, bump: u8) -> Vec<u8> {
    let mut d = header(520, 3);
    put_key(&mut d, 8, base);
    for i in 0..6 {
        put_key(&mut d, 40 + 32 * i, admin);
    }
    put_u64(&mut d, 232, index);
    d[258] = bump;
    d
}

/// Restaking `NcnVaultTicket` / `OperatorVaultTicket` (392 bytes, same layout).
pub fn restaking_pair_ticket_bytes(
    discriminator: u8,
    first: &Pubkey,
    vault: &Pubkey,
    state: Toggle,
    bump: u8,
) -> Vec<u8> {
    let mut d = header(392, discriminator);
    put_key(&mut d, 8, first);
    put_key(&mut d, 40, vault);
    state.write(&mut d, 80);
    d[128] = bump;
    d
}

/// Restaking `NcnVaultSlasherTicket` (432 bytes).
pub fn ncn_vault_slasher_ticket_bytes(
    ncn: &Pubkey,
    vault: &Pubkey,
    slasher: &Pubkey,
    max_slashable_per_epoch: u64,
    state: Toggle,
    bump: u8,
) -> Vec<u8> {
    let mut d = header(432, 7);
    put_key(&mut d, 8, ncn);
    put_key(&mut d, 40, vault);
    put_key(&mut d, 72, slasher);
    put_u64(&mut d, 104, max_slashable_per_epoch);
    state.write(&mut d, 120);
    d[168] = bump;
    d
}

// ---------------------------------------------------------------------------
// PDAs
// ---------------------------------------------------------------------------

pub use crate::pda::{
    restaking::{
        ncn_pda, ncn_vault_slasher_ticket_pda, ncn_vault_ticket_pda, operator_pda,
        operator_vault_ticket_pda,
    },
    vault::{
        config_pda as vault_config_pda, tracker_pda, vault_ncn_slasher_operator_ticket_pda,
        vault_ncn_slasher_ticket_pda, vault_ncn_ticket_pda, vault_operator_delegation_pda,
        vault_pda,
    },
};

// ---------------------------------------------------------------------------
// Instructions (built with the generated client, `jito-vault-client`)
// ---------------------------------------------------------------------------

#[allow(clippy::too_many_arguments)]
pub fn ix_initialize_vault_operator_delegation(
    config: &Pubkey,
    vault: &Pubkey,
    operator: &Pubkey,
    operator_vault_ticket: &Pubkey,
    vault_operator_delegation: &Pubkey,
    admin: &Pubkey,
    payer: &Pubkey,
) -> Instruction {
    InitializeVaultOperatorDelegationBuilder::new()
        .config(*config)
        .vault(*vault)
        .operator(*operator)
        .operator_vault_ticket(*operator_vault_ticket)
        .vault_operator_delegation(*vault_operator_delegation)
        .admin(*admin)
        .payer(*payer)
        .instruction()
}

#[allow(clippy::too_many_arguments)]
pub fn ix_initialize_vault_ncn_ticket(
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
pub fn ix_initialize_vault_ncn_slasher_operator_ticket(
    config: &Pubkey,
    vault: &Pubkey,
    ncn: &Pubkey,
    slasher: &Pubkey,
    operator: &Pubkey,
    vault_ncn_slasher_ticket: &Pubkey,
    vault_ncn_slasher_operator_ticket: &Pubkey,
    payer: &Pubkey,
) -> Instruction {
    InitializeVaultNcnSlasherOperatorTicketBuilder::new()
        .config(*config)
        .vault(*vault)
        .ncn(*ncn)
        .slasher(*slasher)
        .operator(*operator)
        .vault_ncn_slasher_ticket(*vault_ncn_slasher_ticket)
        .vault_ncn_slasher_operator_ticket(*vault_ncn_slasher_operator_ticket)
        .payer(*payer)
        .instruction()
}

/// The vault is writable (its slasher count changes), as the original program
/// requires and the interface's IDL annotates.
#[allow(clippy::too_many_arguments)]
pub fn ix_initialize_vault_ncn_slasher_ticket(
    config: &Pubkey,
    vault: &Pubkey,
    ncn: &Pubkey,
    slasher: &Pubkey,
    ncn_slasher_ticket: &Pubkey,
    vault_slasher_ticket: &Pubkey,
    admin: &Pubkey,
    payer: &Pubkey,
) -> Instruction {
    InitializeVaultNcnSlasherTicketBuilder::new()
        .config(*config)
        .vault(*vault)
        .ncn(*ncn)
        .slasher(*slasher)
        .ncn_slasher_ticket(*ncn_slasher_ticket)
        .vault_slasher_ticket(*vault_slasher_ticket)
        .admin(*admin)
        .payer(*payer)
        .instruction()
}

pub fn ix_warmup_vault_ncn_ticket(
    config: &Pubkey,
    vault: &Pubkey,
    ncn: &Pubkey,
    vault_ncn_ticket: &Pubkey,
    admin: &Pubkey,
) -> Instruction {
    WarmupVaultNcnTicketBuilder::new()
        .config(*config)
        .vault(*vault)
        .ncn(*ncn)
        .vault_ncn_ticket(*vault_ncn_ticket)
        .admin(*admin)
        .instruction()
}

pub fn ix_cooldown_vault_ncn_ticket(
    config: &Pubkey,
    vault: &Pubkey,
    ncn: &Pubkey,
    vault_ncn_ticket: &Pubkey,
    admin: &Pubkey,
) -> Instruction {
    CooldownVaultNcnTicketBuilder::new()
        .config(*config)
        .vault(*vault)
        .ncn(*ncn)
        .vault_ncn_ticket(*vault_ncn_ticket)
        .admin(*admin)
        .instruction()
}

pub fn ix_warmup_vault_ncn_slasher_ticket(
    config: &Pubkey,
    vault: &Pubkey,
    ncn: &Pubkey,
    slasher: &Pubkey,
    vault_slasher_ticket: &Pubkey,
    admin: &Pubkey,
) -> Instruction {
    WarmupVaultNcnSlasherTicketBuilder::new()
        .config(*config)
        .vault(*vault)
        .ncn(*ncn)
        .slasher(*slasher)
        .vault_slasher_ticket(*vault_slasher_ticket)
        .admin(*admin)
        .instruction()
}

pub fn ix_cooldown_vault_ncn_slasher_ticket(
    config: &Pubkey,
    vault: &Pubkey,
    ncn: &Pubkey,
    slasher: &Pubkey,
    vault_slasher_ticket: &Pubkey,
    admin: &Pubkey,
) -> Instruction {
    CooldownVaultNcnSlasherTicketBuilder::new()
        .config(*config)
        .vault(*vault)
        .ncn(*ncn)
        .slasher(*slasher)
        .vault_ncn_slasher_ticket(*vault_slasher_ticket)
        .admin(*admin)
        .instruction()
}

pub fn ix_add_delegation(
    config: &Pubkey,
    vault: &Pubkey,
    operator: &Pubkey,
    vault_operator_delegation: &Pubkey,
    admin: &Pubkey,
    amount: u64,
) -> Instruction {
    AddDelegationBuilder::new()
        .config(*config)
        .vault(*vault)
        .operator(*operator)
        .vault_operator_delegation(*vault_operator_delegation)
        .admin(*admin)
        .amount(amount)
        .instruction()
}

pub fn ix_cooldown_delegation(
    config: &Pubkey,
    vault: &Pubkey,
    operator: &Pubkey,
    vault_operator_delegation: &Pubkey,
    admin: &Pubkey,
    amount: u64,
) -> Instruction {
    CooldownDelegationBuilder::new()
        .config(*config)
        .vault(*vault)
        .operator(*operator)
        .vault_operator_delegation(*vault_operator_delegation)
        .admin(*admin)
        .amount(amount)
        .instruction()
}

/// The payer signs (it funds the CreateAccount CPI), as the interface's IDL
/// annotates. `method` 0 is Greedy, the only method; another value is written
/// over the built instruction's method byte, for the malformed-argument tests.
pub fn ix_initialize_vault_update_state_tracker(
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
    ix.data[1] = method;
    ix
}

pub fn ix_crank_vault_update_state_tracker(
    config: &Pubkey,
    vault: &Pubkey,
    operator: &Pubkey,
    vault_operator_delegation: &Pubkey,
    tracker: &Pubkey,
) -> Instruction {
    CrankVaultUpdateStateTrackerBuilder::new()
        .config(*config)
        .vault(*vault)
        .operator(*operator)
        .vault_operator_delegation(*vault_operator_delegation)
        .vault_update_state_tracker(*tracker)
        .instruction()
}

/// BatchCrankVaultUpdateStateTracker over `delegations`, in the order given
/// (writable remaining accounts after config, vault and tracker).
pub fn ix_batch_crank_vault_update_state_tracker(
    config: &Pubkey,
    vault: &Pubkey,
    tracker: &Pubkey,
    delegations: &[Pubkey],
) -> Instruction {
    let metas: Vec<solana_instruction::AccountMeta> = delegations
        .iter()
        .map(|d| solana_instruction::AccountMeta::new(*d, false))
        .collect();
    BatchCrankVaultUpdateStateTracker {
        config: *config,
        vault: *vault,
        vault_update_state_tracker: *tracker,
    }
    .instruction_with_remaining_accounts(&metas)
}

pub fn ix_close_vault_update_state_tracker(
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

// ---------------------------------------------------------------------------
// The world: a Mollusk plus an account store
// ---------------------------------------------------------------------------

/// An operator registered with the world's vault.
#[derive(Clone, Debug)]
pub struct OperatorKeys {
    pub base: Pubkey,
    pub operator: Pubkey,
    pub operator_vault_ticket: Pubkey,
    pub vault_operator_delegation: Pubkey,
}

/// An NCN registered with the world's vault.
#[derive(Clone, Debug)]
pub struct NcnKeys {
    pub base: Pubkey,
    pub ncn: Pubkey,
    pub ncn_vault_ticket: Pubkey,
    pub vault_ncn_ticket: Pubkey,
}

/// A vault config, a vault and its admins, restaking accounts added on demand,
/// and the store of every account's current state.
pub struct World {
    pub mollusk: Mollusk,
    pub store: BTreeMap<Pubkey, Account>,
    pub config: Pubkey,
    pub vault: Pubkey,
    pub vault_base: Pubkey,
    pub admin: Pubkey,
    pub ncn_admin: Pubkey,
    pub slasher_admin: Pubkey,
    pub operator_admin: Pubkey,
    pub delegation_admin: Pubkey,
    pub payer: Pubkey,
}

pub const PAYER_LAMPORTS: u64 = 10_000_000_000;

impl World {
    /// Config (epoch length [`EPOCH_LENGTH`], program fee 7 bps) and a vault
    /// fully updated at [`START_SLOT`] holding 100_000 tokens and VRT.
    pub fn new() -> Self {
        let mut mollusk = crate::mollusk();
        mollusk.sysvars.clock.slot = START_SLOT;
        let (config, config_bump) = vault_config_pda();
        let vault_base = key(200);
        let (vault, vault_bump) = vault_pda(&vault_base);
        let mut w = Self {
            mollusk,
            store: BTreeMap::new(),
            config,
            vault,
            vault_base,
            admin: key(201),
            ncn_admin: key(202),
            slasher_admin: key(203),
            operator_admin: key(204),
            delegation_admin: key(205),
            payer: key(206),
        };
        let config_state = VaultConfigState {
            admin: w.admin,
            restaking_program: RESTAKING_PROGRAM_ID,
            epoch_length: EPOCH_LENGTH,
            num_vaults: 1,
            deposit_withdrawal_fee_cap_bps: 2_000,
            fee_rate_of_change_bps: 2_500,
            fee_bump_bps: 10,
            program_fee_bps: 7,
            program_fee_wallet: key(207),
            fee_admin: w.admin,
            bump: config_bump,
        };
        w.put_owned(config, &VAULT_PROGRAM_ID, config_state.to_bytes());
        let vault_state = VaultState {
            base: vault_base,
            vrt_mint: key(208),
            supported_mint: key(209),
            vrt_supply: 100_000,
            tokens_deposited: 100_000,
            deposit_capacity: u64::MAX,
            delegation: Delegation::default(),
            additional_assets_need_unstaking: 0,
            vrt_enqueued_for_cooldown_amount: 0,
            vrt_cooling_down_amount: 0,
            vrt_ready_to_claim_amount: 0,
            admin: w.admin,
            delegation_admin: w.delegation_admin,
            operator_admin: w.operator_admin,
            ncn_admin: w.ncn_admin,
            slasher_admin: w.slasher_admin,
            capacity_admin: w.admin,
            fee_admin: w.admin,
            delegate_asset_admin: w.admin,
            fee_wallet: key(210),
            mint_burn_admin: Pubkey::default(),
            metadata_admin: w.admin,
            vault_index: 0,
            ncn_count: 0,
            operator_count: 0,
            slasher_count: 0,
            last_fee_change_slot: 0,
            last_full_state_update_slot: START_SLOT,
            deposit_fee_bps: 0,
            withdrawal_fee_bps: 10,
            next_withdrawal_fee_bps: 20,
            reward_fee_bps: 0,
            program_fee_bps: 5,
            bump: vault_bump,
            is_paused: false,
            last_start_state_update_slot: START_SLOT,
        };
        w.put_owned(vault, &VAULT_PROGRAM_ID, vault_state.to_bytes());
        for k in [
            w.admin,
            w.ncn_admin,
            w.slasher_admin,
            w.operator_admin,
            w.delegation_admin,
        ] {
            w.store.insert(k, system_account(0));
        }
        w.store.insert(w.payer, system_account(PAYER_LAMPORTS));
        w
    }

    pub fn slot(&self) -> u64 {
        self.mollusk.sysvars.clock.slot
    }

    pub fn set_slot(&mut self, slot: u64) {
        self.mollusk.sysvars.clock.slot = slot;
    }

    pub fn epoch(&self) -> u64 {
        self.slot() / EPOCH_LENGTH
    }

    pub fn put_owned(&mut self, k: Pubkey, owner: &Pubkey, data: Vec<u8>) {
        self.store.insert(k, owned_account(owner, data));
    }

    pub fn get(&self, k: &Pubkey) -> &Account {
        self.store
            .get(k)
            .unwrap_or_else(|| panic!("no account {k}"))
    }

    pub fn vault_state(&self) -> VaultState {
        VaultState::from_bytes(&self.get(&self.vault).data)
    }

    pub fn set_vault(&mut self, f: impl FnOnce(&mut VaultState)) {
        let mut v = self.vault_state();
        f(&mut v);
        self.store.get_mut(&self.vault).unwrap().data = v.to_bytes();
    }

    pub fn vod_state(&self, operator: &OperatorKeys) -> VaultOperatorDelegationState {
        VaultOperatorDelegationState::from_bytes(
            &self.get(&operator.vault_operator_delegation).data,
        )
    }

    pub fn set_vod(
        &mut self,
        operator: &OperatorKeys,
        f: impl FnOnce(&mut VaultOperatorDelegationState),
    ) {
        let mut s = self.vod_state(operator);
        f(&mut s);
        self.store
            .get_mut(&operator.vault_operator_delegation)
            .unwrap()
            .data = s.to_bytes();
    }

    pub fn set_config(&mut self, f: impl FnOnce(&mut Vec<u8>)) {
        f(&mut self.store.get_mut(&self.config).unwrap().data);
    }

    /// A restaking NCN whose NcnVaultTicket for the vault is `ticket_state`.
    pub fn add_ncn(&mut self, n: u8, ticket_state: Toggle) -> NcnKeys {
        let base = key2(n, 1);
        let (ncn, bump) = ncn_pda(&base);
        self.put_owned(
            ncn,
            &RESTAKING_PROGRAM_ID,
            ncn_bytes(&base, &key2(n, 2), bump),
        );
        let (ncn_vault_ticket, t_bump) = ncn_vault_ticket_pda(&ncn, &self.vault);
        self.put_owned(
            ncn_vault_ticket,
            &RESTAKING_PROGRAM_ID,
            restaking_pair_ticket_bytes(6, &ncn, &self.vault, ticket_state, t_bump),
        );
        let vault_ncn_ticket = vault_ncn_ticket_pda(&self.vault, &ncn).0;
        self.store.insert(vault_ncn_ticket, system_account(0));
        NcnKeys {
            base,
            ncn,
            ncn_vault_ticket,
            vault_ncn_ticket,
        }
    }

    /// A restaking operator with an OperatorVaultTicket for the vault; the
    /// VaultOperatorDelegation address is left empty.
    pub fn add_operator(&mut self, n: u8, index: u64) -> OperatorKeys {
        let base = key2(n, 3);
        let (operator, bump) = operator_pda(&base);
        self.put_owned(
            operator,
            &RESTAKING_PROGRAM_ID,
            operator_bytes(&base, &key2(n, 4), index, bump),
        );
        let (operator_vault_ticket, t_bump) = operator_vault_ticket_pda(&operator, &self.vault);
        self.put_owned(
            operator_vault_ticket,
            &RESTAKING_PROGRAM_ID,
            restaking_pair_ticket_bytes(
                5,
                &operator,
                &self.vault,
                Toggle::active_at(self.slot()),
                t_bump,
            ),
        );
        let vault_operator_delegation = vault_operator_delegation_pda(&self.vault, &operator).0;
        self.store
            .insert(vault_operator_delegation, system_account(0));
        OperatorKeys {
            base,
            operator,
            operator_vault_ticket,
            vault_operator_delegation,
        }
    }

    /// An operator with its VaultOperatorDelegation written directly (index =
    /// the vault's operator count, which is incremented), delegation `d`.
    pub fn add_delegated_operator(
        &mut self,
        n: u8,
        d: Delegation,
        last_update_slot: u64,
    ) -> OperatorKeys {
        let index = self.vault_state().operator_count;
        let op = self.add_operator(n, index);
        let (_, bump) = vault_operator_delegation_pda(&self.vault, &op.operator);
        let state = VaultOperatorDelegationState {
            vault: self.vault,
            operator: op.operator,
            delegation: d,
            last_update_slot,
            index,
            bump,
        };
        self.put_owned(
            op.vault_operator_delegation,
            &VAULT_PROGRAM_ID,
            state.to_bytes(),
        );
        self.set_vault(|v| {
            v.operator_count += 1;
            v.delegation.add(&d);
        });
        op
    }

    /// Writes a tracker for `ncn_epoch` directly.
    pub fn put_tracker(&mut self, state: &TrackerState) -> Pubkey {
        let k = tracker_pda(&state.vault, state.ncn_epoch).0;
        self.put_owned(k, &VAULT_PROGRAM_ID, state.to_bytes());
        k
    }

    /// Accounts of `ix` from the store (the system program as a program account).
    pub fn accounts_for(&self, ix: &Instruction) -> Vec<(Pubkey, Account)> {
        let mut out: Vec<(Pubkey, Account)> = Vec::new();
        for meta in &ix.accounts {
            if out.iter().any(|(k, _)| *k == meta.pubkey) {
                continue;
            }
            if meta.pubkey == SYSTEM_PROGRAM_ID {
                out.push(program_account(&SYSTEM_PROGRAM_ID));
                continue;
            }
            let account = self
                .store
                .get(&meta.pubkey)
                .cloned()
                .unwrap_or_else(|| system_account(0));
            out.push((meta.pubkey, account));
        }
        out
    }

    /// Runs `ix` against `accounts` without touching the store.
    pub fn run_with(&self, ix: &Instruction, accounts: &[(Pubkey, Account)]) -> InstructionResult {
        crate::oracle::process(&self.mollusk, ix, accounts)
    }

    /// Runs `ix` against the store without committing.
    pub fn run(&self, ix: &Instruction) -> (InstructionResult, Vec<(Pubkey, Account)>) {
        let accounts = self.accounts_for(ix);
        (self.run_with(ix, &accounts), accounts)
    }

    /// Runs `ix`, requires success and commits every resulting account.
    /// Every vault account it changed is decoded with the generated client.
    #[track_caller]
    pub fn exec(&mut self, ix: &Instruction) -> InstructionResult {
        let (result, before) = self.run(ix);
        assert_success(&result);
        assert_client_decodes_changes(&before, &result);
        self.commit(&result);
        result
    }

    /// Runs `ix`; on success commits every resulting account (decoded by the
    /// client) and returns `Ok`, on failure checks that nothing changed and
    /// returns the error.
    #[track_caller]
    pub fn try_exec(&mut self, ix: &Instruction) -> Result<(), crate::ProgramError> {
        let (result, before) = self.run(ix);
        match &result.program_result {
            mollusk_svm::result::ProgramResult::Success => {
                assert_client_decodes_changes(&before, &result);
                self.commit(&result);
                Ok(())
            }
            mollusk_svm::result::ProgramResult::Failure(e) => {
                crate::assert_error(&result, &before, e.clone());
                Err(e.clone())
            }
            other => panic!("instruction did not complete: {other:?}"),
        }
    }

    pub fn commit(&mut self, result: &InstructionResult) {
        for (k, a) in &result.resulting_accounts {
            if *k == SYSTEM_PROGRAM_ID {
                continue;
            }
            self.store.insert(*k, a.clone());
        }
    }
}

impl Default for World {
    fn default() -> Self {
        Self::new()
    }
}

/// Replaces the account `k` in an account list.
pub fn replace(accounts: &mut [(Pubkey, Account)], k: &Pubkey, f: impl FnOnce(&mut Account)) {
    let (_, a) = accounts
        .iter_mut()
        .find(|(key, _)| key == k)
        .expect("account in list");
    f(a);
}

/// The account list and instruction with meta `i` re-pointed at `new_key`
/// holding `account`.
pub fn swap_account(
    ix: &Instruction,
    accounts: &[(Pubkey, Account)],
    i: usize,
    new_key: Pubkey,
    account: Account,
) -> (Instruction, Vec<(Pubkey, Account)>) {
    let mut ix = ix.clone();
    let old = ix.accounts[i].pubkey;
    ix.accounts[i].pubkey = new_key;
    let mut accounts: Vec<(Pubkey, Account)> = accounts
        .iter()
        .filter(|(k, _)| *k != old || ix.accounts.iter().any(|m| m.pubkey == old))
        .cloned()
        .collect();
    accounts.retain(|(k, _)| *k != new_key);
    accounts.push((new_key, account));
    (ix, accounts)
}

/// Rent-exempt lamports of a created account of `len` bytes.
pub fn rent(len: usize) -> u64 {
    rent_exempt(len)
}

// ---------------------------------------------------------------------------
// Failure-case builder
// ---------------------------------------------------------------------------

/// An instruction with the accounts it runs against, mutated one way per
/// failure case.
#[derive(Clone)]
pub struct Tx {
    pub ix: Instruction,
    pub accounts: Vec<(Pubkey, Account)>,
}

impl Tx {
    pub fn new(world: &World, ix: Instruction) -> Self {
        let accounts = world.accounts_for(&ix);
        Self { ix, accounts }
    }

    fn account_mut(&mut self, i: usize) -> &mut Account {
        let k = self.ix.accounts[i].pubkey;
        &mut self
            .accounts
            .iter_mut()
            .find(|(key, _)| *key == k)
            .expect("account")
            .1
    }

    /// Account `i` owned by `owner`.
    pub fn owner(mut self, i: usize, owner: &Pubkey) -> Self {
        self.account_mut(i).owner = *owner;
        self
    }

    /// Account `i` with its data changed by `f`.
    pub fn data(mut self, i: usize, f: impl FnOnce(&mut Vec<u8>)) -> Self {
        f(&mut self.account_mut(i).data);
        self
    }

    /// Account `i` replaced wholesale.
    pub fn account(mut self, i: usize, account: Account) -> Self {
        *self.account_mut(i) = account;
        self
    }

    /// Account `i` passed read-only.
    pub fn readonly(mut self, i: usize) -> Self {
        self.ix.accounts[i].is_writable = false;
        self
    }

    /// Account `i` passed without signature.
    pub fn unsigned(mut self, i: usize) -> Self {
        self.ix.accounts[i].is_signer = false;
        self
    }

    /// Account `i` re-pointed at `new_key` holding `account`.
    pub fn rekey(self, i: usize, new_key: Pubkey, account: Account) -> Self {
        let (ix, accounts) = swap_account(&self.ix, &self.accounts, i, new_key, account);
        Self { ix, accounts }
    }

    /// Account `i` re-pointed at `new_key`, keeping its current account.
    pub fn moved(self, i: usize, new_key: Pubkey) -> Self {
        let k = self.ix.accounts[i].pubkey;
        let account = self
            .accounts
            .iter()
            .find(|(key, _)| *key == k)
            .unwrap()
            .1
            .clone();
        self.rekey(i, new_key, account)
    }

    /// The last account left out.
    pub fn drop_last(mut self) -> Self {
        let meta = self.ix.accounts.pop().unwrap();
        if !self.ix.accounts.iter().any(|m| m.pubkey == meta.pubkey) {
            self.accounts.retain(|(k, _)| *k != meta.pubkey);
        }
        self
    }

    /// Instruction data replaced.
    pub fn ix_data(mut self, data: Vec<u8>) -> Self {
        self.ix.data = data;
        self
    }

    /// Malformed data: one more byte after the built instruction data.
    pub fn data_push(mut self, byte: u8) -> Self {
        self.ix.data.push(byte);
        self
    }

    /// Malformed data: the built instruction data cut to `len` bytes.
    pub fn data_truncate(mut self, len: usize) -> Self {
        self.ix.data.truncate(len);
        self
    }

    /// Malformed data: byte `i` of the built instruction data set to `byte`.
    pub fn data_byte(mut self, i: usize, byte: u8) -> Self {
        self.ix.data[i] = byte;
        self
    }

    pub fn run(&self, world: &World) -> InstructionResult {
        world.run_with(&self.ix, &self.accounts)
    }

    /// Runs and checks the failure: exact error, no account changed.
    #[track_caller]
    pub fn fails(&self, world: &World, expected: crate::ProgramError) {
        let result = self.run(world);
        crate::assert_error(&result, &self.accounts, expected);
    }

    #[track_caller]
    pub fn fails_custom(&self, world: &World, code: u32) {
        self.fails(world, crate::ProgramError::Custom(code));
    }
}

/// The resulting data of `k`.
pub fn data_of<'a>(result: &'a InstructionResult, k: &Pubkey) -> &'a [u8] {
    &crate::account(result, k).data
}

/// Checks a successful result: every account in `changed` ends exactly as
/// given (data, owner, lamports), every other account is unchanged.
#[track_caller]
pub fn assert_changes(
    result: &InstructionResult,
    before: &[(Pubkey, Account)],
    changed: &[(Pubkey, Account)],
) {
    assert_success(result);
    assert_eq!(result.resulting_accounts.len(), before.len());
    for ((k, b), (k2, a)) in before.iter().zip(&result.resulting_accounts) {
        assert_eq!(k, k2);
        match changed.iter().find(|(c, _)| c == k) {
            Some((_, expected)) => {
                assert_eq!(a.owner, expected.owner, "owner of {k}");
                assert_eq!(a.lamports, expected.lamports, "lamports of {k}");
                assert_eq!(a.data, expected.data, "data of {k}");
                assert_eq!(a.executable, expected.executable, "executable of {k}");
                if a.owner == VAULT_PROGRAM_ID && !a.data.is_empty() {
                    assert_client_decodes(&a.data);
                }
            }
            None => assert_eq!(a, b, "account {k} changed"),
        }
    }
}

/// An account of the vault program holding `data` with `lamports`.
pub fn vault_account(data: Vec<u8>, lamports: u64) -> Account {
    Account {
        lamports,
        data,
        owner: VAULT_PROGRAM_ID,
        executable: false,
        rent_epoch: 0,
    }
}

/// `account` with `data`.
pub fn with_data(account: &Account, data: Vec<u8>) -> Account {
    Account {
        data,
        ..account.clone()
    }
}

/// `account` with `lamports`.
pub fn with_lamports(account: &Account, lamports: u64) -> Account {
    Account {
        lamports,
        ..account.clone()
    }
}

impl World {
    /// Moves the clock to `slot` and marks the vault fully updated there, so
    /// that instructions requiring an up-to-date vault pass.
    pub fn warp_updated(&mut self, slot: u64) {
        self.set_slot(slot);
        self.set_vault(|v| {
            v.last_full_state_update_slot = slot;
            v.last_start_state_update_slot = slot;
        });
    }

    /// A slasher key and the restaking NcnVaultSlasherTicket for (`ncn`, vault, slasher).
    pub fn add_ncn_slasher(
        &mut self,
        ncn: &NcnKeys,
        n: u8,
        max_slashable_per_epoch: u64,
    ) -> SlasherKeys {
        let slasher = key2(n, 5);
        let (ncn_slasher_ticket, bump) =
            ncn_vault_slasher_ticket_pda(&ncn.ncn, &self.vault, &slasher);
        self.put_owned(
            ncn_slasher_ticket,
            &RESTAKING_PROGRAM_ID,
            ncn_vault_slasher_ticket_bytes(
                &ncn.ncn,
                &self.vault,
                &slasher,
                max_slashable_per_epoch,
                Toggle::active_at(self.slot()),
                bump,
            ),
        );
        let vault_slasher_ticket = vault_ncn_slasher_ticket_pda(&self.vault, &ncn.ncn, &slasher).0;
        self.store.insert(vault_slasher_ticket, system_account(0));
        self.store.insert(slasher, system_account(0));
        SlasherKeys {
            slasher,
            ncn_slasher_ticket,
            vault_slasher_ticket,
        }
    }

    /// Writes the vault's NCN ticket for `ncn` directly.
    pub fn put_vault_ncn_ticket(
        &mut self,
        ncn: &NcnKeys,
        index: u64,
        state: Toggle,
    ) -> VaultNcnTicketState {
        let (k, bump) = vault_ncn_ticket_pda(&self.vault, &ncn.ncn);
        let s = VaultNcnTicketState {
            vault: self.vault,
            ncn: ncn.ncn,
            index,
            state,
            bump,
        };
        self.put_owned(k, &VAULT_PROGRAM_ID, s.to_bytes());
        s
    }

    /// Writes the vault's slasher ticket directly.
    pub fn put_vault_slasher_ticket(
        &mut self,
        ncn: &NcnKeys,
        slasher: &SlasherKeys,
        max_slashable_per_epoch: u64,
        index: u64,
        state: Toggle,
    ) -> VaultNcnSlasherTicketState {
        let (k, bump) = vault_ncn_slasher_ticket_pda(&self.vault, &ncn.ncn, &slasher.slasher);
        let s = VaultNcnSlasherTicketState {
            vault: self.vault,
            ncn: ncn.ncn,
            slasher: slasher.slasher,
            max_slashable_per_epoch,
            index,
            state,
            bump,
        };
        self.put_owned(k, &VAULT_PROGRAM_ID, s.to_bytes());
        s
    }
}

/// A slasher registered by an NCN for the world's vault.
#[derive(Clone, Debug)]
pub struct SlasherKeys {
    pub slasher: Pubkey,
    pub ncn_slasher_ticket: Pubkey,
    pub vault_slasher_ticket: Pubkey,
}

impl Tx {
    /// The vault at meta `i` changed by `f`.
    pub fn vault(self, i: usize, f: impl FnOnce(&mut VaultState)) -> Self {
        self.data(i, |d| {
            let mut v = VaultState::from_bytes(d);
            f(&mut v);
            *d = v.to_bytes();
        })
    }

    /// The vault config at meta `i` with epoch length `epoch_length`.
    pub fn epoch_length(self, i: usize, epoch_length: u64) -> Self {
        self.data(i, |d| put_u64(d, 72, epoch_length))
    }

    /// The account at meta `i` with a wrong discriminator.
    pub fn discriminator(self, i: usize, discriminator: u8) -> Self {
        self.data(i, |d| d[0] = discriminator)
    }

    /// The current account at meta `i`.
    pub fn get(&self, i: usize) -> &Account {
        let k = self.ix.accounts[i].pubkey;
        &self.accounts.iter().find(|(key, _)| *key == k).unwrap().1
    }

    pub fn key(&self, i: usize) -> Pubkey {
        self.ix.accounts[i].pubkey
    }
}

/// One failure case: a name, the mutated transaction and the expected error.
pub struct Case {
    pub name: &'static str,
    pub tx: Tx,
    pub expected: crate::ProgramError,
}

pub fn case(name: &'static str, tx: Tx, expected: crate::ProgramError) -> Case {
    Case { name, tx, expected }
}

pub fn custom(name: &'static str, tx: Tx, code: u32) -> Case {
    Case {
        name,
        tx,
        expected: crate::ProgramError::Custom(code),
    }
}

/// Runs every case: each must fail with exactly its error and change nothing.
#[track_caller]
pub fn check_cases(world: &World, cases: Vec<Case>) {
    for c in cases {
        let result = c.tx.run(world);
        match &result.program_result {
            mollusk_svm::result::ProgramResult::Failure(err) if *err == c.expected => {}
            other => panic!(
                "case `{}`: expected {:?}, got {:?}",
                c.name, c.expected, other
            ),
        }
        crate::assert_error(&result, &c.tx.accounts, c.expected.clone());
    }
}

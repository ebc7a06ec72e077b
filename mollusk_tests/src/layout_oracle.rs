//! The layout oracle: every account's bytes laid out by hand, field by field at the original's
//! offsets (jito-foundation/restaking at 8109c879), one description per account type, apart from
//! the interface crates on purpose: the tests compare the programs' bytes (and the generated
//! clients' decoding, [`assert_client_decodes`]) with this second, independent description.
//! A new account type gets its layout here, nowhere else.

use jito_restaking_client::accounts as rclient;
use jito_vault_client::{
    accounts as client,
    types::{DelegationState, SlotToggle},
};

use crate::{
    owned_account,
    pda::{
        restaking,
        vault::{config_pda, vault_pda},
    },
    Account, InstructionResult, Pubkey, RESTAKING_PROGRAM_ID, VAULT_PROGRAM_ID,
};

/// `DEFAULT_SLOTS_PER_EPOCH`, the epoch length InitializeConfig writes.
pub const DEFAULT_EPOCH_LENGTH: u64 = 432_000;

pub fn put_u64(data: &mut [u8], off: usize, v: u64) {
    data[off..off + 8].copy_from_slice(&v.to_le_bytes());
}

pub fn put_u16(data: &mut [u8], off: usize, v: u16) {
    data[off..off + 2].copy_from_slice(&v.to_le_bytes());
}

pub fn put_key(data: &mut [u8], off: usize, k: &Pubkey) {
    data[off..off + 32].copy_from_slice(k.as_ref());
}

pub fn put_bytes(data: &mut [u8], off: usize, bytes: &[u8]) {
    data[off..off + bytes.len()].copy_from_slice(bytes);
}

pub fn get_u64(data: &[u8], off: usize) -> u64 {
    u64::from_le_bytes(data[off..off + 8].try_into().unwrap())
}

pub fn get_key(data: &[u8], off: usize) -> Pubkey {
    Pubkey::new_from_array(data[off..off + 32].try_into().unwrap())
}

/// A zeroed account of `len` bytes with the discriminator in its 8-byte header.
pub fn header(len: usize, discriminator: u8) -> Vec<u8> {
    let mut data = vec![0u8; len];
    data[0] = discriminator;
    data
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
}

// ---------------------------------------------------------------------------
// Vault program accounts
// ---------------------------------------------------------------------------

/// Vault `Config` (390 bytes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigState {
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

impl ConfigState {
    pub const LEN: usize = 390;

    /// The config InitializeConfig writes (canonical bump, default limits and epoch length).
    pub fn initialized(
        admin: Pubkey,
        restaking_program: Pubkey,
        program_fee_wallet: Pubkey,
        program_fee_bps: u16,
    ) -> Self {
        Self {
            admin,
            restaking_program,
            epoch_length: DEFAULT_EPOCH_LENGTH,
            num_vaults: 0,
            deposit_withdrawal_fee_cap_bps: 2_000,
            fee_rate_of_change_bps: 2_500,
            fee_bump_bps: 10,
            program_fee_bps,
            program_fee_wallet,
            fee_admin: admin,
            bump: config_pda().1,
        }
    }

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

    /// A rent-exempt config account owned by the vault program.
    pub fn to_account(&self) -> Account {
        owned_account(&VAULT_PROGRAM_ID, self.to_bytes())
    }

    /// `(config PDA, account)`.
    pub fn keyed(&self) -> (Pubkey, Account) {
        (config_pda().0, self.to_account())
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

    /// Decodes config bytes with the generated client; the decoded fields, laid out again by
    /// hand, must give back every byte.
    #[track_caller]
    pub fn decode(data: &[u8]) -> Self {
        assert_eq!(data.len(), client::Config::LEN, "config length");
        let c = client::Config::from_bytes(data).expect("client decodes the config");
        assert_eq!(c.discriminator, client::CONFIG_DISCRIMINATOR);
        let state = Self::from_client(&c);
        assert_eq!(
            state.to_bytes(),
            data,
            "client-decoded config re-laid by hand"
        );
        state
    }
}

/// `Vault` (1111 bytes).
#[derive(Clone, Debug, PartialEq, Eq)]
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

    /// Decodes vault bytes with the generated client; the decoded fields, laid out again by hand,
    /// must give back every byte.
    #[track_caller]
    pub fn from_bytes(d: &[u8]) -> Self {
        assert_eq!(d.len(), Self::LEN, "vault length");
        let v = client::Vault::from_bytes(d).expect("client decodes the vault");
        assert_eq!(v.discriminator, client::VAULT_DISCRIMINATOR);
        let state = Self::from_client(&v);
        assert_eq!(state.to_bytes(), d, "client-decoded vault re-laid by hand");
        state
    }

    /// [`VaultState::from_bytes`].
    #[track_caller]
    pub fn decode(d: &[u8]) -> Self {
        Self::from_bytes(d)
    }

    /// A vault as the original's `Vault::new` makes it at `slot`: every admin role and the fee
    /// wallet are `admin`, no mint/burn admin, unlimited capacity, no supply; canonical bump.
    pub fn new(
        base: Pubkey,
        vrt_mint: Pubkey,
        supported_mint: Pubkey,
        admin: Pubkey,
        slot: u64,
    ) -> Self {
        Self {
            base,
            vrt_mint,
            supported_mint,
            vrt_supply: 0,
            tokens_deposited: 0,
            deposit_capacity: u64::MAX,
            delegation: Delegation::default(),
            additional_assets_need_unstaking: 0,
            vrt_enqueued_for_cooldown_amount: 0,
            vrt_cooling_down_amount: 0,
            vrt_ready_to_claim_amount: 0,
            admin,
            delegation_admin: admin,
            operator_admin: admin,
            ncn_admin: admin,
            slasher_admin: admin,
            capacity_admin: admin,
            fee_admin: admin,
            delegate_asset_admin: admin,
            fee_wallet: admin,
            mint_burn_admin: Pubkey::default(),
            metadata_admin: admin,
            vault_index: 0,
            ncn_count: 0,
            operator_count: 0,
            slasher_count: 0,
            last_fee_change_slot: slot,
            last_full_state_update_slot: slot,
            deposit_fee_bps: 0,
            withdrawal_fee_bps: 0,
            next_withdrawal_fee_bps: 0,
            reward_fee_bps: 0,
            program_fee_bps: 0,
            bump: vault_pda(&base).1,
            is_paused: false,
            last_start_state_update_slot: slot,
        }
    }

    /// The vault's address (PDA of its base).
    pub fn address(&self) -> Pubkey {
        vault_pda(&self.base).0
    }

    /// A rent-exempt vault account owned by the vault program.
    pub fn to_account(&self) -> Account {
        owned_account(&VAULT_PROGRAM_ID, self.to_bytes())
    }

    /// `(vault PDA, account)`.
    pub fn keyed(&self) -> (Pubkey, Account) {
        (self.address(), self.to_account())
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
#[derive(Clone, Debug, PartialEq, Eq)]
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
#[derive(Clone, Debug, PartialEq, Eq)]
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
#[derive(Clone, Debug, PartialEq, Eq)]
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
#[derive(Clone, Debug, PartialEq, Eq)]
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
#[derive(Clone, Debug, PartialEq, Eq)]
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

/// Length of a `VaultStakerWithdrawalTicket` (header included).
pub const TICKET_LEN: usize = 8 + 376;

/// The `VaultStakerWithdrawalTicket` account, field by field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TicketModel {
    pub vault: Pubkey,
    pub staker: Pubkey,
    pub base: Pubkey,
    pub vrt_amount: u64,
    pub slot_unstaked: u64,
    pub bump: u8,
}

impl TicketModel {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v = vec![0u8; 8];
        v[0] = 7;
        v.extend_from_slice(self.vault.as_ref());
        v.extend_from_slice(self.staker.as_ref());
        v.extend_from_slice(self.base.as_ref());
        v.extend_from_slice(&self.vrt_amount.to_le_bytes());
        v.extend_from_slice(&self.slot_unstaked.to_le_bytes());
        v.push(self.bump);
        v.extend_from_slice(&[0u8; 263]);
        assert_eq!(v.len(), TICKET_LEN);
        v
    }

    /// The fields of a ticket the client decoded.
    pub fn from_client(t: &client::VaultStakerWithdrawalTicket) -> Self {
        Self {
            vault: t.vault,
            staker: t.staker,
            base: t.base,
            vrt_amount: t.vrt_amount,
            slot_unstaked: t.slot_unstaked,
            bump: t.bump,
        }
    }

    /// Decodes ticket bytes with the generated client; the decoded fields, laid
    /// out again by hand, must give back every byte.
    #[track_caller]
    pub fn decode(d: &[u8]) -> Self {
        assert_eq!(d.len(), client::VaultStakerWithdrawalTicket::LEN);
        let t = client::VaultStakerWithdrawalTicket::from_bytes(d)
            .expect("client decodes the withdrawal ticket");
        assert_eq!(
            t.discriminator,
            client::VAULT_STAKER_WITHDRAWAL_TICKET_DISCRIMINATOR
        );
        let model = Self::from_client(&t);
        assert_eq!(model.to_bytes(), d, "client-decoded ticket re-laid by hand");
        model
    }
}

/// Field offsets of the vault accounts (whole account, header included), for tests that
/// mutate single fields.
pub mod vault_offsets {
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

// ---------------------------------------------------------------------------
// Restaking program accounts
// ---------------------------------------------------------------------------

/// Discriminators, lengths and field offsets of the restaking accounts (whole account, header
/// included), for tests that mutate single fields.
pub mod restaking_layout {
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

/// Restaking `Config` (360 bytes), fields in the original's order.
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
            bump: restaking::config_pda().1,
        }
    }

    pub fn bytes(&self) -> Vec<u8> {
        let mut d = header(360, 1);
        put_bytes(&mut d, 8, self.admin.as_ref());
        put_bytes(&mut d, 40, self.vault_program.as_ref());
        put_bytes(&mut d, 72, &self.ncn_count.to_le_bytes());
        put_bytes(&mut d, 80, &self.operator_count.to_le_bytes());
        put_bytes(&mut d, 88, &self.epoch_length.to_le_bytes());
        d[96] = self.bump;
        d
    }

    /// The account as the generated client should decode it.
    pub fn client(&self) -> rclient::Config {
        rclient::Config {
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

/// Restaking `Ncn` (592 bytes), in the original's order.
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
            bump: restaking::ncn_pda(&base).1,
        }
    }

    pub fn address(&self) -> Pubkey {
        restaking::ncn_pda(&self.base).0
    }

    pub fn bytes(&self) -> Vec<u8> {
        let mut d = header(592, 2);
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
            put_bytes(&mut d, 8 + 32 * i, key.as_ref());
        }
        put_bytes(&mut d, 296, &self.index.to_le_bytes());
        put_bytes(&mut d, 304, &self.operator_count.to_le_bytes());
        put_bytes(&mut d, 312, &self.vault_count.to_le_bytes());
        put_bytes(&mut d, 320, &self.slasher_count.to_le_bytes());
        d[328] = self.bump;
        d
    }

    /// The account as the generated client should decode it.
    pub fn client(&self) -> rclient::Ncn {
        rclient::Ncn {
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

/// Restaking `Operator` (520 bytes), in the original's order.
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
            bump: restaking::operator_pda(&base).1,
        }
    }

    pub fn address(&self) -> Pubkey {
        restaking::operator_pda(&self.base).0
    }

    pub fn bytes(&self) -> Vec<u8> {
        let mut d = header(520, 3);
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
            put_bytes(&mut d, 8 + 32 * i, key.as_ref());
        }
        put_bytes(&mut d, 232, &self.index.to_le_bytes());
        put_bytes(&mut d, 240, &self.ncn_count.to_le_bytes());
        put_bytes(&mut d, 248, &self.vault_count.to_le_bytes());
        put_bytes(&mut d, 256, &self.operator_fee_bps.to_le_bytes());
        d[258] = self.bump;
        d
    }

    /// The account as the generated client should decode it.
    pub fn client(&self) -> rclient::Operator {
        rclient::Operator {
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

/// Restaking `Config`, every field given.
pub fn restaking_config_data(
    admin: &Pubkey,
    vault_program: &Pubkey,
    ncn_count: u64,
    operator_count: u64,
    epoch_length: u64,
    bump: u8,
) -> Vec<u8> {
    ConfigFields {
        admin: *admin,
        vault_program: *vault_program,
        ncn_count,
        operator_count,
        epoch_length,
        bump,
    }
    .bytes()
}

/// Writes a restaking `SlotToggle` `(slot_added, slot_removed)` (48 bytes, 32 reserved) at
/// `offset`.
pub fn put_toggle(data: &mut [u8], offset: usize, toggle: (u64, u64)) {
    put_u64(data, offset, toggle.0);
    put_u64(data, offset + 8, toggle.1);
}

/// `(slot_added, slot_removed)` of the toggle at `offset` of `data`.
pub fn read_toggle(data: &[u8], offset: usize) -> (u64, u64) {
    (get_u64(data, offset), get_u64(data, offset + 8))
}

/// Offsets of the toggles in the restaking accounts.
pub const NCN_OPERATOR_STATE_NCN_TOGGLE: usize = 80;
pub const NCN_OPERATOR_STATE_OPERATOR_TOGGLE: usize = 128;
pub const TICKET_TOGGLE: usize = 80;
pub const SLASHER_TICKET_TOGGLE: usize = 120;

/// Restaking `NcnOperatorState` (440 bytes) with its two toggles.
pub fn ncn_operator_state_data(
    ncn: &Pubkey,
    operator: &Pubkey,
    index: u64,
    ncn_toggle: (u64, u64),
    operator_toggle: (u64, u64),
    bump: u8,
) -> Vec<u8> {
    let mut d = header(440, 4);
    put_key(&mut d, 8, ncn);
    put_key(&mut d, 40, operator);
    put_u64(&mut d, 72, index);
    put_toggle(&mut d, NCN_OPERATOR_STATE_NCN_TOGGLE, ncn_toggle);
    put_toggle(&mut d, NCN_OPERATOR_STATE_OPERATOR_TOGGLE, operator_toggle);
    d[176] = bump;
    d
}

/// Restaking `NcnVaultTicket` (discriminator 6) / `OperatorVaultTicket` (5): one layout of 392
/// bytes, `owner` the NCN or the operator.
pub fn vault_ticket_data(
    discriminator: u8,
    owner: &Pubkey,
    vault: &Pubkey,
    index: u64,
    toggle: (u64, u64),
    bump: u8,
) -> Vec<u8> {
    let mut d = header(392, discriminator);
    put_key(&mut d, 8, owner);
    put_key(&mut d, 40, vault);
    put_u64(&mut d, 72, index);
    put_toggle(&mut d, TICKET_TOGGLE, toggle);
    d[128] = bump;
    d
}

/// Restaking `NcnVaultSlasherTicket` (432 bytes).
pub fn slasher_ticket_data(
    ncn: &Pubkey,
    vault: &Pubkey,
    slasher: &Pubkey,
    max_slashable_per_epoch: u64,
    index: u64,
    toggle: (u64, u64),
    bump: u8,
) -> Vec<u8> {
    let mut d = header(432, 7);
    put_key(&mut d, 8, ncn);
    put_key(&mut d, 40, vault);
    put_key(&mut d, 72, slasher);
    put_u64(&mut d, 104, max_slashable_per_epoch);
    put_u64(&mut d, 112, index);
    put_toggle(&mut d, SLASHER_TICKET_TOGGLE, toggle);
    d[168] = bump;
    d
}

/// [`ncn_operator_state_data`] at its canonical PDA bump.
pub fn ncn_operator_state_bytes(
    ncn: &Pubkey,
    operator: &Pubkey,
    index: u64,
    ncn_toggle: (u64, u64),
    operator_toggle: (u64, u64),
) -> Vec<u8> {
    let bump = restaking::ncn_operator_state_pda(ncn, operator).1;
    ncn_operator_state_data(ncn, operator, index, ncn_toggle, operator_toggle, bump)
}

/// `NcnVaultTicket` ([`vault_ticket_data`]) at its canonical PDA bump.
pub fn ncn_vault_ticket_bytes(
    ncn: &Pubkey,
    vault: &Pubkey,
    index: u64,
    toggle: (u64, u64),
) -> Vec<u8> {
    let bump = restaking::ncn_vault_ticket_pda(ncn, vault).1;
    vault_ticket_data(6, ncn, vault, index, toggle, bump)
}

/// `OperatorVaultTicket` ([`vault_ticket_data`]) at its canonical PDA bump.
pub fn operator_vault_ticket_bytes(
    operator: &Pubkey,
    vault: &Pubkey,
    index: u64,
    toggle: (u64, u64),
) -> Vec<u8> {
    let bump = restaking::operator_vault_ticket_pda(operator, vault).1;
    vault_ticket_data(5, operator, vault, index, toggle, bump)
}

/// [`slasher_ticket_data`] at its canonical PDA bump.
pub fn ncn_vault_slasher_ticket_bytes(
    ncn: &Pubkey,
    vault: &Pubkey,
    slasher: &Pubkey,
    max_slashable_per_epoch: u64,
    index: u64,
    toggle: (u64, u64),
) -> Vec<u8> {
    let bump = restaking::ncn_vault_slasher_ticket_pda(ncn, vault, slasher).1;
    slasher_ticket_data(
        ncn,
        vault,
        slasher,
        max_slashable_per_epoch,
        index,
        toggle,
        bump,
    )
}

/// A vault account as the restaking program reads it: discriminator 2, its base at offset 8 and
/// bump at 850; the rest is filler (0xA5) that must not matter.
pub fn vault_stub_data(base: &Pubkey, bump: u8) -> Vec<u8> {
    let mut d = vec![0xA5u8; VaultState::LEN];
    d[0] = 2;
    d[1..8].fill(0);
    put_key(&mut d, 8, base);
    d[850] = bump;
    d
}

// ---------------------------------------------------------------------------
// NCN program accounts (jito-foundation/ncn-template at 32209a1)
// ---------------------------------------------------------------------------

/// Layouts of the NCN program's accounts as the template's structs lay them out, each as the
/// instruction that creates (or completes) it leaves it; the tests patch later states at the
/// offsets each function lists.
pub mod ncn_layout {
    use super::{header, put_bytes, put_key, put_u16, put_u64};
    use crate::Pubkey;

    /// `FeeConfig::PROTOCOL_FEE_WALLET` and the protocol's fee (bps) of the template.
    pub const PROTOCOL_FEE_WALLET: Pubkey =
        Pubkey::from_str_const("5eosrve6LktMZgVNszYzebgmmC7BjLK8NoWyRQtcmGTF");
    pub const PROTOCOL_FEE_BPS: u16 = 400;

    /// An epoch account's place: its NCN, epoch and the slot it was created in.
    #[derive(Clone, Copy, Debug)]
    pub struct At {
        pub ncn: Pubkey,
        pub epoch: u64,
        pub slot: u64,
    }

    /// `Config` (193 bytes): header, ncn 8, tie_breaker 40, valid_slots 72,
    /// epochs_before_stall 80, epochs_after_consensus_before_close 88, starting_valid_epoch 96,
    /// fee_config 104 (protocol wallet, NCN wallet, fee_1 at 168, fee_2 at 180: activation
    /// epoch, protocol bps, NCN bps), bump 192. `timing`: (valid_slots_after_consensus,
    /// epochs_before_stall, epochs_after_consensus_before_close).
    pub fn config(
        ncn: &Pubkey,
        tie_breaker: &Pubkey,
        ncn_fee_wallet: &Pubkey,
        timing: (u64, u64, u64),
        ncn_fee_bps: u16,
        epoch: u64,
        bump: u8,
    ) -> Vec<u8> {
        let mut d = header(193, 0x01);
        put_key(&mut d, 8, ncn);
        put_key(&mut d, 40, tie_breaker);
        put_u64(&mut d, 72, timing.0);
        put_u64(&mut d, 80, timing.1);
        put_u64(&mut d, 88, timing.2);
        put_u64(&mut d, 96, epoch);
        put_key(&mut d, 104, &PROTOCOL_FEE_WALLET);
        put_key(&mut d, 136, ncn_fee_wallet);
        for fees in [168, 180] {
            put_u64(&mut d, fees, epoch);
            put_u16(&mut d, fees + 8, PROTOCOL_FEE_BPS);
            put_u16(&mut d, fees + 10, ncn_fee_bps);
        }
        d[192] = bump;
        d
    }

    /// `VaultRegistry` (10,281 bytes): header, ncn 8, bump 40, 64 `StMintEntry` (mint,
    /// 32 reserved, u128 weight) from 41, 64 `VaultEntry` (vault, mint, index, slot) from 5,161;
    /// empty vault entries have index and slot `u64::MAX`.
    pub fn vault_registry(
        ncn: &Pubkey,
        bump: u8,
        mints: &[(Pubkey, u128)],
        vaults: &[(Pubkey, Pubkey, u64, u64)],
    ) -> Vec<u8> {
        let mut d = header(10_281, 0x02);
        put_key(&mut d, 8, ncn);
        d[40] = bump;
        for (i, (mint, weight)) in mints.iter().enumerate() {
            put_key(&mut d, 41 + 80 * i, mint);
            put_bytes(&mut d, 41 + 80 * i + 64, &weight.to_le_bytes());
        }
        for i in 0..64 {
            let at = 5_161 + 80 * i;
            let empty = (Pubkey::default(), Pubkey::default(), u64::MAX, u64::MAX);
            let (vault, mint, index, slot) = vaults.get(i).copied().unwrap_or(empty);
            put_key(&mut d, at, &vault);
            put_key(&mut d, at + 32, &mint);
            put_u64(&mut d, at + 64, index);
            put_u64(&mut d, at + 72, slot);
        }
        d
    }

    /// `EpochState` (8,904 bytes) as `InitializeEpochState` leaves it: header, ncn 8, epoch 40,
    /// bump 48, slot_created 49, was_tie_breaker_set 57, slot_consensus_reached 58
    /// (`u64::MAX`), operator_count 66, vault_count 74, account_status 82 (epoch_state byte
    /// `Created`), set_weight_progress 599 (tally, total); everything else zero.
    pub fn epoch_state(at: At, bump: u8) -> Vec<u8> {
        let mut d = header(8_904, 0x50);
        put_key(&mut d, 8, &at.ncn);
        put_u64(&mut d, 40, at.epoch);
        d[48] = bump;
        put_u64(&mut d, 49, at.slot);
        put_u64(&mut d, 58, u64::MAX);
        d[82] = 1;
        d
    }

    /// `WeightTable` (12,353 bytes): header, ncn 8, epoch 40, slot_created 48, vault_count 56,
    /// bump 64, the registry's 64 vault entries from 65, 64 `WeightEntry` from 5,185 (the
    /// registry's mint entry, u128 weight, slot_set, slot_updated).
    pub fn weight_table(
        at: At,
        bump: u8,
        registry: &[u8],
        vault_count: u64,
        weights: &[(u128, u64, u64)],
    ) -> Vec<u8> {
        let mut d = header(12_353, 0x10);
        put_key(&mut d, 8, &at.ncn);
        put_u64(&mut d, 40, at.epoch);
        put_u64(&mut d, 48, at.slot);
        put_u64(&mut d, 56, vault_count);
        d[64] = bump;
        put_bytes(&mut d, 65, &registry[5_161..5_161 + 5_120]);
        for i in 0..64 {
            let e = 5_185 + 112 * i;
            put_bytes(&mut d, e, &registry[41 + 80 * i..41 + 80 * (i + 1)]);
            if let Some((weight, set, updated)) = weights.get(i) {
                put_bytes(&mut d, e + 80, &weight.to_le_bytes());
                put_u64(&mut d, e + 96, *set);
                put_u64(&mut d, e + 104, *updated);
            }
        }
        d
    }

    /// `EpochSnapshot` (125 bytes) as `InitializeEpochSnapshot` leaves it with `registered`
    /// operators: header, ncn 8, epoch 40, bump 48, slot_created 49, operator_count 65,
    /// vault_count 73, operators_registered 81, fees 113 (activation epoch, protocol bps, NCN
    /// bps).
    pub fn epoch_snapshot(
        at: At,
        bump: u8,
        (operators, vaults, registered): (u64, u64, u64),
        ncn_fee_bps: u16,
    ) -> Vec<u8> {
        let mut d = header(125, 0x11);
        put_key(&mut d, 8, &at.ncn);
        put_u64(&mut d, 40, at.epoch);
        d[48] = bump;
        put_u64(&mut d, 49, at.slot);
        put_u64(&mut d, 65, operators);
        put_u64(&mut d, 73, vaults);
        put_u64(&mut d, 81, registered);
        put_u64(&mut d, 113, at.epoch);
        put_u16(&mut d, 121, PROTOCOL_FEE_BPS);
        put_u16(&mut d, 123, ncn_fee_bps);
        d
    }

    /// `OperatorSnapshot` (3,740 bytes) of an inactive operator: header, operator 8, ncn 40,
    /// epoch 72, bump 80, slot_created 81, slot_finalized 89 (the creation slot: an inactive
    /// operator is final at once), is_active 97, ncn_operator_index 98, operator_index 106,
    /// fee 114, delegation count 116, registered 124, valid 132, stake weight 140, 64 vault
    /// stake weights (vault, index = `u64::MAX` when empty, u128) from 156. An active one:
    /// [`active_operator`].
    pub fn operator_snapshot(
        operator: &Pubkey,
        at: At,
        bump: u8,
        (ncn_operator_index, operator_index): (u64, u64),
    ) -> Vec<u8> {
        let mut d = header(3_740, 0x12);
        put_key(&mut d, 8, operator);
        put_key(&mut d, 40, &at.ncn);
        put_u64(&mut d, 72, at.epoch);
        d[80] = bump;
        put_u64(&mut d, 81, at.slot);
        put_u64(&mut d, 89, at.slot);
        put_u64(&mut d, 98, ncn_operator_index);
        put_u64(&mut d, 106, operator_index);
        for i in 0..64 {
            put_u64(&mut d, 156 + 56 * i + 32, u64::MAX);
        }
        d
    }

    /// The operator snapshot of an active operator with `fee_bps` and `delegations`: not final.
    pub fn active_operator(mut d: Vec<u8>, fee_bps: u16, delegations: u64) -> Vec<u8> {
        put_u64(&mut d, 89, 0);
        d[97] = 1;
        put_u16(&mut d, 114, fee_bps);
        put_u64(&mut d, 116, delegations);
        d
    }

    /// `BallotBox` (22,099 bytes) as `ReallocBallotBox` completes it: header, ncn 8, epoch 40,
    /// bump 48, slot_created 49, slot_consensus_reached 57 (`u64::MAX`), operators_voted 65,
    /// unique_ballots 73, winning ballot 81 (weather, is_valid), 256 `OperatorVote` (operator,
    /// slot, u128 weight, u16 ballot index = `u16::MAX`) from 83, 256 `BallotTally` (u16
    /// index = `u16::MAX`, ballot, u128 weight, u64 tally) from 14,931.
    pub fn ballot_box(at: At, bump: u8) -> Vec<u8> {
        let mut d = header(22_099, 0x20);
        put_key(&mut d, 8, &at.ncn);
        put_u64(&mut d, 40, at.epoch);
        d[48] = bump;
        put_u64(&mut d, 49, at.slot);
        put_u64(&mut d, 57, u64::MAX);
        for i in 0..256 {
            put_u16(&mut d, 83 + 58 * i + 56, u16::MAX);
            put_u16(&mut d, 14_931 + 28 * i, u16::MAX);
        }
        d
    }

    /// `ConsensusResult` (74 bytes): header, ncn 8, epoch 40, vote weight 48, total weight 56,
    /// consensus slot 64, bump 72, weather status 73; `recorded`: (weather, vote weight, total
    /// weight, slot).
    pub fn consensus_result(
        ncn: &Pubkey,
        epoch: u64,
        bump: u8,
        recorded: Option<(u8, u64, u64, u64)>,
    ) -> Vec<u8> {
        let mut d = header(74, 0x21);
        put_key(&mut d, 8, ncn);
        put_u64(&mut d, 40, epoch);
        d[72] = bump;
        if let Some((weather, vote, total, slot)) = recorded {
            put_u64(&mut d, 48, vote);
            put_u64(&mut d, 56, total);
            put_u64(&mut d, 64, slot);
            d[73] = weather;
        }
        d
    }

    /// `NcnRewardRouter` (10,483 bytes), complete, with `processed` lamports routed (57, 73),
    /// of which `protocol` (219) and `ncn` (227) wait for their wallets: header, ncn 8, epoch
    /// 40, bump 48, slot_created 49, last_vote_index 209 (`u16::MAX` unless mid-routing),
    /// 211 `u64::MAX`.
    pub fn ncn_reward_router(
        at: At,
        bump: u8,
        processed: u64,
        (protocol, ncn): (u64, u64),
        routing: Option<u16>,
    ) -> Vec<u8> {
        let mut d = header(10_483, 0x40);
        put_key(&mut d, 8, &at.ncn);
        put_u64(&mut d, 40, at.epoch);
        d[48] = bump;
        put_u64(&mut d, 49, at.slot);
        put_u64(&mut d, 57, processed);
        put_u64(&mut d, 73, processed);
        put_u16(&mut d, 209, routing.unwrap_or(u16::MAX));
        put_u64(&mut d, 211, u64::MAX);
        put_u64(&mut d, 219, protocol);
        put_u64(&mut d, 227, ncn);
        d
    }

    /// `OperatorVaultRewardRouter` (2,699 bytes) with `processed` lamports routed (97, 113),
    /// `operator_rewards` (121) for the operator, `routes` (vault, rewards) from 139, and
    /// mid-routing (129: 7, else `u64::MAX`) if `routing`: header, operator 8, ncn 40, epoch
    /// 72, bump 80, slot_created 81, ncn_operator_index 89, 137 `u16::MAX`.
    #[allow(clippy::too_many_arguments)]
    pub fn operator_vault_reward_router(
        operator: &Pubkey,
        at: At,
        bump: u8,
        ncn_operator_index: u64,
        processed: u64,
        operator_rewards: u64,
        routes: &[(Pubkey, u64)],
        routing: bool,
    ) -> Vec<u8> {
        let mut d = header(2_699, 0x41);
        put_key(&mut d, 8, operator);
        put_key(&mut d, 40, &at.ncn);
        put_u64(&mut d, 72, at.epoch);
        d[80] = bump;
        put_u64(&mut d, 81, at.slot);
        put_u64(&mut d, 89, ncn_operator_index);
        put_u64(&mut d, 97, processed);
        put_u64(&mut d, 113, processed);
        put_u64(&mut d, 121, operator_rewards);
        put_u64(&mut d, 129, if routing { 7 } else { u64::MAX });
        put_u16(&mut d, 137, u16::MAX);
        for (i, (vault, rewards)) in routes.iter().enumerate() {
            put_key(&mut d, 139 + 40 * i, vault);
            put_u64(&mut d, 139 + 40 * i + 32, *rewards);
        }
        d
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
                ConfigState::from_client(&c).to_bytes(),
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
            let t = TicketModel::decode(data);
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

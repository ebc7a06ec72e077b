//! Test world for the vault program's configuration and admin instructions,
//! reusable (read-only) by the other vault tests.
//!
//! * [`ConfigState`] and [`VaultState`] hold every field of the original
//!   `Config` and `Vault` with public fields; `to_bytes` lays them out by hand,
//!   field after field in the original's order, without the interface crate, so
//!   tests compare the program's output with an independent expectation, and
//!   `to_account` writes the account directly (any state, in one line).
//! * PDAs come from the host `find_program_address` with the literal seeds.
//! * Instructions are built with the generated Rust client (`jito-vault-client`),
//!   and [`ConfigState::decode`] / [`VaultState::decode`] read accounts with the
//!   client's decoders (checked against the hand layout).

use jito_vault_client::{
    accounts as client,
    instructions::{
        InitializeConfigBuilder, SetAdminBuilder, SetConfigAdminBuilder,
        SetConfigSecondaryAdminBuilder, SetDepositCapacityBuilder, SetFees, SetFeesInstructionArgs,
        SetIsPausedBuilder, SetProgramFeeBuilder, SetProgramFeeWalletBuilder,
        SetSecondaryAdminBuilder,
    },
    types::{ConfigAdminRole, VaultAdminRole},
};

use crate::{
    owned_account, program_account, system_account, Account, AccountMeta, Instruction, Pubkey,
    SYSTEM_PROGRAM_ID, VAULT_PROGRAM_ID,
};

/// `DEFAULT_SLOTS_PER_EPOCH`, the epoch length InitializeConfig writes.
pub const DEFAULT_EPOCH_LENGTH: u64 = 432_000;
/// Lamports every test wallet starts with.
pub const WALLET_LAMPORTS: u64 = 10_000_000_000;

/// Whole account lengths (8-byte header + the original struct).
pub mod len {
    pub const CONFIG: usize = 8 + 382;
    pub const VAULT: usize = 8 + 1103;
}

/// Instruction tags and custom error codes (the shared table).
pub use crate::codes::{vault_err as err, vault_tag as tag};

// ---------------------------------------------------------------------------
// PDAs
// ---------------------------------------------------------------------------

pub use crate::pda::vault::{burn_vault_pda, config_pda, vault_pda};

/// A PDA of the vault program whose bump is not the canonical one, with that bump
/// (for "wrong PDA" tests).
pub fn non_canonical_pda(seeds: &[&[u8]]) -> (Pubkey, u8) {
    let (_, canonical) = Pubkey::find_program_address(seeds, &VAULT_PROGRAM_ID);
    (0..canonical)
        .rev()
        .find_map(|bump| {
            let mut with_bump: Vec<&[u8]> = seeds.to_vec();
            let b = [bump];
            with_bump.push(&b);
            Pubkey::create_program_address(&with_bump, &VAULT_PROGRAM_ID)
                .ok()
                .map(|k| (k, bump))
        })
        .expect("a non-canonical bump")
}

// ---------------------------------------------------------------------------
// Byte writer
// ---------------------------------------------------------------------------

/// Appends fields in order, little-endian, after the 8-byte header.
struct Writer(Vec<u8>);

impl Writer {
    fn new(discriminator: u8) -> Self {
        let mut v = vec![0u8; 8];
        v[0] = discriminator;
        Self(v)
    }
    fn key(&mut self, k: &Pubkey) -> &mut Self {
        self.0.extend_from_slice(k.as_ref());
        self
    }
    fn u64(&mut self, x: u64) -> &mut Self {
        self.0.extend_from_slice(&x.to_le_bytes());
        self
    }
    fn u16(&mut self, x: u16) -> &mut Self {
        self.0.extend_from_slice(&x.to_le_bytes());
        self
    }
    fn u8(&mut self, x: u8) -> &mut Self {
        self.0.push(x);
        self
    }
    fn zeros(&mut self, n: usize) -> &mut Self {
        self.0.extend(std::iter::repeat_n(0u8, n));
        self
    }
    fn finish(&mut self, expected_len: usize) -> Vec<u8> {
        assert_eq!(self.0.len(), expected_len, "layout length");
        std::mem::take(&mut self.0)
    }
}

// ---------------------------------------------------------------------------
// Config
// ---------------------------------------------------------------------------

/// Every field of the original vault `Config`.
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
    /// The config InitializeConfig writes (canonical bump, default limits).
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

    /// The account bytes: header then the fields at the original offsets.
    pub fn to_bytes(&self) -> Vec<u8> {
        Writer::new(1)
            .key(&self.admin)
            .key(&self.restaking_program)
            .u64(self.epoch_length)
            .u64(self.num_vaults)
            .u16(self.deposit_withdrawal_fee_cap_bps)
            .u16(self.fee_rate_of_change_bps)
            .u16(self.fee_bump_bps)
            .u16(self.program_fee_bps)
            .key(&self.program_fee_wallet)
            .key(&self.fee_admin)
            .u8(self.bump)
            .zeros(229)
            .finish(len::CONFIG)
    }

    /// A rent-exempt config account owned by the vault program.
    pub fn to_account(&self) -> Account {
        owned_account(&VAULT_PROGRAM_ID, self.to_bytes())
    }

    /// `(config PDA, account)`.
    pub fn keyed(&self) -> (Pubkey, Account) {
        (config_pda().0, self.to_account())
    }

    /// The fields of a config the client decoded.
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

    /// Decodes config account bytes with the generated client; the decoded
    /// fields, laid out again by hand, must give back every byte.
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

// ---------------------------------------------------------------------------
// Vault
// ---------------------------------------------------------------------------

/// Every field of the original `Vault` (the delegation state's three amounts;
/// its reserved bytes and the vault's are zero).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VaultState {
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

impl VaultState {
    /// A vault as the original's `Vault::new` makes it at `slot`: every admin
    /// role and the fee wallet are `admin`, no mint/burn admin, unlimited
    /// capacity, no supply; canonical PDA bump of `base`.
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
            staked_amount: 0,
            enqueued_for_cooldown_amount: 0,
            cooling_down_amount: 0,
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

    /// The account bytes: header then the fields at the original offsets.
    pub fn to_bytes(&self) -> Vec<u8> {
        Writer::new(2)
            .key(&self.base)
            .key(&self.vrt_mint)
            .key(&self.supported_mint)
            .u64(self.vrt_supply)
            .u64(self.tokens_deposited)
            .u64(self.deposit_capacity)
            .u64(self.staked_amount)
            .u64(self.enqueued_for_cooldown_amount)
            .u64(self.cooling_down_amount)
            .zeros(256)
            .u64(self.additional_assets_need_unstaking)
            .u64(self.vrt_enqueued_for_cooldown_amount)
            .u64(self.vrt_cooling_down_amount)
            .u64(self.vrt_ready_to_claim_amount)
            .key(&self.admin)
            .key(&self.delegation_admin)
            .key(&self.operator_admin)
            .key(&self.ncn_admin)
            .key(&self.slasher_admin)
            .key(&self.capacity_admin)
            .key(&self.fee_admin)
            .key(&self.delegate_asset_admin)
            .key(&self.fee_wallet)
            .key(&self.mint_burn_admin)
            .key(&self.metadata_admin)
            .u64(self.vault_index)
            .u64(self.ncn_count)
            .u64(self.operator_count)
            .u64(self.slasher_count)
            .u64(self.last_fee_change_slot)
            .u64(self.last_full_state_update_slot)
            .u16(self.deposit_fee_bps)
            .u16(self.withdrawal_fee_bps)
            .u16(self.next_withdrawal_fee_bps)
            .u16(self.reward_fee_bps)
            .u16(self.program_fee_bps)
            .u8(self.bump)
            .u8(self.is_paused as u8)
            .u64(self.last_start_state_update_slot)
            .zeros(251)
            .finish(len::VAULT)
    }

    /// A rent-exempt vault account owned by the vault program.
    pub fn to_account(&self) -> Account {
        owned_account(&VAULT_PROGRAM_ID, self.to_bytes())
    }

    /// `(vault PDA, account)`.
    pub fn keyed(&self) -> (Pubkey, Account) {
        (self.address(), self.to_account())
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

    /// Decodes vault account bytes with the generated client; the decoded
    /// fields, laid out again by hand, must give back every byte.
    #[track_caller]
    pub fn decode(data: &[u8]) -> Self {
        assert_eq!(data.len(), client::Vault::LEN, "vault length");
        let v = client::Vault::from_bytes(data).expect("client decodes the vault");
        assert_eq!(v.discriminator, client::VAULT_DISCRIMINATOR);
        let state = Self::from_client(&v);
        assert_eq!(
            state.to_bytes(),
            data,
            "client-decoded vault re-laid by hand"
        );
        state
    }
}

// ---------------------------------------------------------------------------
// Accounts
// ---------------------------------------------------------------------------

/// A funded wallet.
pub fn wallet() -> (Pubkey, Account) {
    (Pubkey::new_unique(), system_account(WALLET_LAMPORTS))
}

/// A key with no account content (a plain reference such as a new admin).
pub fn bare_key() -> (Pubkey, Account) {
    (Pubkey::new_unique(), Account::default())
}

/// The system program as an instruction account.
pub fn system_program() -> (Pubkey, Account) {
    program_account(&SYSTEM_PROGRAM_ID)
}

// ---------------------------------------------------------------------------
// Instructions (built with the generated client, `jito-vault-client`)
// ---------------------------------------------------------------------------

pub use crate::codes::vault_admin_role;

/// Borsh `Option<u16>`, as the client serialises SetFees' first argument.
pub fn option_u16(x: Option<u16>) -> Vec<u8> {
    let k = Pubkey::default();
    let data = set_fees_ix(&k, &k, &k, x, None, None).data;
    // The tag, this option, then the two `None` bytes of the other fees.
    data[1..data.len() - 2].to_vec()
}

pub fn initialize_config_ix(
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

pub fn set_program_fee_ix(config: &Pubkey, admin: &Pubkey, new_fee_bps: u16) -> Instruction {
    SetProgramFeeBuilder::new()
        .config(*config)
        .admin(*admin)
        .new_fee_bps(new_fee_bps)
        .instruction()
}

pub fn set_program_fee_wallet_ix(
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

pub fn set_config_admin_ix(config: &Pubkey, old_admin: &Pubkey, new_admin: &Pubkey) -> Instruction {
    SetConfigAdminBuilder::new()
        .config(*config)
        .old_admin(*old_admin)
        .new_admin(*new_admin)
        .instruction()
}

/// `role`: 0 = FeeAdmin. Another value (no such role) is written over the
/// built instruction's role byte, for the malformed-argument tests.
pub fn set_config_secondary_admin_ix(
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
    ix.data[1] = role;
    ix
}

pub fn set_admin_ix(
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

/// `role`: the `VaultAdminRole` tag (0 DelegationAdmin … 9 MetadataAdmin). A
/// value past the last role is written over the built instruction's role byte,
/// for the malformed-argument tests.
pub fn set_secondary_admin_ix(
    config: &Pubkey,
    vault: &Pubkey,
    admin: &Pubkey,
    new_admin: &Pubkey,
    role: u8,
) -> Instruction {
    let mut ix = SetSecondaryAdminBuilder::new()
        .config(*config)
        .vault(*vault)
        .admin(*admin)
        .new_admin(*new_admin)
        .vault_admin_role(vault_admin_role(role).unwrap_or(VaultAdminRole::DelegationAdmin))
        .instruction();
    if vault_admin_role(role).is_none() {
        ix.data[1] = role;
    }
    ix
}

pub fn set_fees_ix(
    config: &Pubkey,
    vault: &Pubkey,
    fee_admin: &Pubkey,
    deposit_fee_bps: Option<u16>,
    withdrawal_fee_bps: Option<u16>,
    reward_fee_bps: Option<u16>,
) -> Instruction {
    // The builder's fee setters take only present values; the accounts struct
    // takes the three options as they are.
    SetFees {
        config: *config,
        vault: *vault,
        admin: *fee_admin,
    }
    .instruction(SetFeesInstructionArgs {
        deposit_fee_bps,
        withdrawal_fee_bps,
        reward_fee_bps,
    })
}

pub fn set_is_paused_ix(
    config: &Pubkey,
    vault: &Pubkey,
    admin: &Pubkey,
    is_paused: bool,
) -> Instruction {
    SetIsPausedBuilder::new()
        .config(*config)
        .vault(*vault)
        .admin(*admin)
        .is_paused(is_paused)
        .instruction()
}

pub fn set_deposit_capacity_ix(
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

// ---------------------------------------------------------------------------
// Instruction tweaks for failure tests
// ---------------------------------------------------------------------------

/// The same instruction with account `i` not signing.
pub fn unsigned(mut ix: Instruction, i: usize) -> Instruction {
    ix.accounts[i].is_signer = false;
    ix
}

/// The same instruction with account `i` read-only.
pub fn readonly(mut ix: Instruction, i: usize) -> Instruction {
    ix.accounts[i].is_writable = false;
    ix
}

/// The same instruction with its last account removed.
pub fn drop_last_account(mut ix: Instruction) -> Instruction {
    ix.accounts.pop();
    ix
}

/// The same instruction with one more (read-only) account at the end.
pub fn extra_account(mut ix: Instruction, key: &Pubkey) -> Instruction {
    ix.accounts.push(AccountMeta::new_readonly(*key, false));
    ix
}

/// The same instruction with other data after the tag.
pub fn with_args(mut ix: Instruction, args: &[u8]) -> Instruction {
    ix.data.truncate(1);
    ix.data.extend_from_slice(args);
    ix
}

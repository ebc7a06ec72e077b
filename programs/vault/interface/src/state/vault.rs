//! The vault: holds the supported token, mints and burns VRT, tracks delegations.

use jito_core::{
    account::{check_based, AccountType},
    get_epoch,
    loader::load_signer,
    unlikely,
};
use pinocchio::{
    address::address_eq, cpi::Seed, error::ProgramError, AccountView, Address as Pubkey,
    ProgramResult,
};
use shank::ShankAccount;

use crate::{
    bps_fee_ceil, error::VaultError, instruction::VaultAdminRole, mul_div_floor, mul_div_u128,
    state::config::Config, state::delegation_state::DelegationState, MAX_BPS,
};

/// Result of a VRT burn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BurnSummary {
    /// VRT transferred to the vault fee wallet.
    pub vault_fee_amount: u64,
    /// VRT transferred to the program fee wallet.
    pub program_fee_amount: u64,
    /// VRT burned.
    pub burn_amount: u64,
    /// Supported tokens returned to the staker.
    pub out_amount: u64,
}

/// Result of a VRT mint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MintSummary {
    pub vrt_to_depositor: u64,
    pub vrt_to_fee_wallet: u64,
}

/// The vault account (discriminator 2, 1,111 bytes with the header).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankAccount)]
pub struct Vault {
    /// The base account of the VRT
    pub base: Pubkey,
    /// Mint of the VRT token
    pub vrt_mint: Pubkey,
    /// Mint of the token that is supported by the VRT
    pub supported_mint: Pubkey,
    /// The total number of VRT in circulation
    #[idl_type("u64")]
    vrt_supply: [u8; 8],
    /// The total number of tokens deposited
    #[idl_type("u64")]
    tokens_deposited: [u8; 8],
    /// The maximum deposit capacity allowed in the mint_to instruction.
    /// The deposited assets in the vault may exceed the deposit_capacity during other operations, such as vault balance updates.
    #[idl_type("u64")]
    deposit_capacity: [u8; 8],
    /// Rolled-up stake state for all operators in the set
    pub delegation_state: DelegationState,
    /// The amount of additional assets that need unstaking to fulfill VRT withdrawals
    #[idl_type("u64")]
    additional_assets_need_unstaking: [u8; 8],
    /// The amount of VRT tokens in VaultStakerWithdrawalTickets enqueued for cooldown
    #[idl_type("u64")]
    vrt_enqueued_for_cooldown_amount: [u8; 8],
    /// The amount of VRT tokens cooling down
    #[idl_type("u64")]
    vrt_cooling_down_amount: [u8; 8],
    /// The amount of VRT tokens ready to claim
    #[idl_type("u64")]
    vrt_ready_to_claim_amount: [u8; 8],
    /// Vault admin
    pub admin: Pubkey,
    /// The delegation admin responsible for adding and removing delegations from operators.
    pub delegation_admin: Pubkey,
    /// The operator admin responsible for adding and removing operators.
    pub operator_admin: Pubkey,
    /// The node consensus network admin responsible for adding and removing support for NCNs.
    pub ncn_admin: Pubkey,
    /// The admin responsible for adding and removing slashers.
    pub slasher_admin: Pubkey,
    /// The admin responsible for setting the capacity
    pub capacity_admin: Pubkey,
    /// The admin responsible for setting the fees
    pub fee_admin: Pubkey,
    /// The delegate_admin responsible for delegating assets
    pub delegate_asset_admin: Pubkey,
    /// Fee wallet account
    pub fee_wallet: Pubkey,
    /// Optional mint signer
    pub mint_burn_admin: Pubkey,
    /// ( For future use ) Authority to update the vault's metadata
    pub metadata_admin: Pubkey,
    /// The index of the vault in the vault list
    #[idl_type("u64")]
    vault_index: [u8; 8],
    /// Number of VaultNcnTicket accounts tracked by this vault
    #[idl_type("u64")]
    ncn_count: [u8; 8],
    /// Number of VaultOperatorDelegation accounts tracked by this vault
    #[idl_type("u64")]
    operator_count: [u8; 8],
    /// Number of VaultNcnSlasherTicket accounts tracked by this vault
    #[idl_type("u64")]
    slasher_count: [u8; 8],
    /// The slot of the last fee change
    #[idl_type("u64")]
    last_fee_change_slot: [u8; 8],
    /// The slot of the last time the delegations were updated
    #[idl_type("u64")]
    last_full_state_update_slot: [u8; 8],
    /// The deposit fee in basis points
    #[idl_type("u16")]
    deposit_fee_bps: [u8; 2],
    /// The withdrawal fee in basis points
    #[idl_type("u16")]
    withdrawal_fee_bps: [u8; 2],
    /// The next epoch's withdrawal fee in basis points
    #[idl_type("u16")]
    next_withdrawal_fee_bps: [u8; 2],
    /// Fee for each epoch
    #[idl_type("u16")]
    reward_fee_bps: [u8; 2],
    /// (Copied from Config) The program fee in basis points
    #[idl_type("u16")]
    program_fee_bps: [u8; 2],
    /// The bump seed for the PDA
    pub bump: u8,
    /// Whether the vault is paused
    #[idl_type("bool")]
    is_paused: u8,
    /// last
    #[idl_type("u64")]
    last_start_state_update_slot: [u8; 8],
    /// Reserved space
    reserved: [u8; 251],
}

// SAFETY: `#[repr(C)]`, only byte arrays, `u8`, `Address` and `DelegationState`
// (itself only byte arrays), so alignment 1 and every bit pattern is valid.
unsafe impl AccountType for Vault {
    const DISCRIMINATOR: u8 = 2;
}

/// Little-endian getter and setter pairs for `[u8; 8]` / `[u8; 2]` fields.
macro_rules! le_accessors {
    ($($field:ident, $setter:ident: $ty:ty;)*) => {
        $(
            #[inline(always)]
            pub fn $field(&self) -> $ty {
                <$ty>::from_le_bytes(self.$field)
            }

            #[inline(always)]
            pub fn $setter(&mut self, value: $ty) {
                self.$field = value.to_le_bytes();
            }
        )*
    };
}

impl Vault {
    /// Largest accepted distance between the effective and the configured reward fee.
    pub const MAX_REWARD_DELTA_BPS: u16 = 50;
    pub const MIN_WITHDRAWAL_SLIPPAGE_BPS: u16 = 50;
    pub const DEFAULT_INITIALIZATION_TOKEN_AMOUNT: u64 = 10_000;

    /// PDA seed.
    pub const SEED: &'static [u8] = b"vault";

    /// Seeds of the vault PDA of `base` (without bump).
    #[inline(always)]
    pub fn seeds(base: &Pubkey) -> [&[u8]; 2] {
        [Self::SEED, base.as_ref()]
    }

    /// Signer seeds of the vault PDA of `base`.
    #[inline(always)]
    pub fn signer_seeds<'a>(base: &'a Pubkey, bump: &'a [u8; 1]) -> [Seed<'a>; 3] {
        [
            Seed::from(Self::SEED),
            Seed::from(base.as_ref()),
            Seed::from(bump.as_ref()),
        ]
    }

    /// The original `Vault::load`: owner, length, writable, discriminator; the
    /// original's PDA check of the stored base and bump always holds for an
    /// existing account (`jito_core::account`).
    #[inline(always)]
    pub fn load(
        program_id: &Pubkey,
        account: &AccountView,
        expect_writable: bool,
    ) -> ProgramResult {
        check_based::<Self>(program_id, account, expect_writable)
    }

    /// Writes the fields of a freshly created (zeroed) vault, as `Vault::new`:
    /// every secondary admin and the fee wallet start as `admin`, no mint/burn
    /// admin, unlimited capacity. Fees above 10_000 bps are refused
    /// (`VaultFeeCapExceeded`) before anything is written.
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    pub fn initialize(
        &mut self,
        vrt_mint: &Pubkey,
        supported_mint: &Pubkey,
        admin: &Pubkey,
        vault_index: u64,
        base: &Pubkey,
        deposit_fee_bps: u16,
        withdrawal_fee_bps: u16,
        reward_fee_bps: u16,
        program_fee_bps: u16,
        bump: u8,
        current_slot: u64,
    ) -> Result<(), VaultError> {
        if unlikely(
            deposit_fee_bps > MAX_BPS || withdrawal_fee_bps > MAX_BPS || reward_fee_bps > MAX_BPS,
        ) {
            return Err(VaultError::VaultFeeCapExceeded);
        }
        self.base = *base;
        self.vrt_mint = *vrt_mint;
        self.supported_mint = *supported_mint;
        self.vrt_supply = [0; 8];
        self.tokens_deposited = [0; 8];
        self.deposit_capacity = u64::MAX.to_le_bytes();
        self.delegation_state = DelegationState::default();
        self.additional_assets_need_unstaking = [0; 8];
        self.vrt_enqueued_for_cooldown_amount = [0; 8];
        self.vrt_cooling_down_amount = [0; 8];
        self.vrt_ready_to_claim_amount = [0; 8];
        self.admin = *admin;
        self.delegation_admin = *admin;
        self.operator_admin = *admin;
        self.ncn_admin = *admin;
        self.slasher_admin = *admin;
        self.capacity_admin = *admin;
        self.fee_admin = *admin;
        self.delegate_asset_admin = *admin;
        self.fee_wallet = *admin;
        self.mint_burn_admin = Pubkey::new_from_array([0; 32]);
        self.metadata_admin = *admin;
        self.vault_index = vault_index.to_le_bytes();
        self.ncn_count = [0; 8];
        self.operator_count = [0; 8];
        self.slasher_count = [0; 8];
        self.last_fee_change_slot = current_slot.to_le_bytes();
        self.last_full_state_update_slot = current_slot.to_le_bytes();
        self.deposit_fee_bps = deposit_fee_bps.to_le_bytes();
        self.withdrawal_fee_bps = withdrawal_fee_bps.to_le_bytes();
        self.next_withdrawal_fee_bps = withdrawal_fee_bps.to_le_bytes();
        self.reward_fee_bps = reward_fee_bps.to_le_bytes();
        self.program_fee_bps = program_fee_bps.to_le_bytes();
        self.bump = bump;
        self.is_paused = 0;
        self.last_start_state_update_slot = current_slot.to_le_bytes();
        Ok(())
    }

    le_accessors! {
        vrt_supply, set_vrt_supply: u64;
        tokens_deposited, set_tokens_deposited: u64;
        deposit_capacity, set_deposit_capacity: u64;
        additional_assets_need_unstaking, set_additional_assets_need_unstaking: u64;
        vrt_enqueued_for_cooldown_amount, set_vrt_enqueued_for_cooldown_amount: u64;
        vrt_cooling_down_amount, set_vrt_cooling_down_amount: u64;
        vrt_ready_to_claim_amount, set_vrt_ready_to_claim_amount: u64;
        vault_index, set_vault_index: u64;
        ncn_count, set_ncn_count: u64;
        operator_count, set_operator_count: u64;
        slasher_count, set_slasher_count: u64;
        last_fee_change_slot, set_last_fee_change_slot: u64;
        last_full_state_update_slot, set_last_full_state_update_slot: u64;
        last_start_state_update_slot, set_last_start_state_update_slot: u64;
        deposit_fee_bps, set_deposit_fee_bps_unchecked: u16;
        withdrawal_fee_bps, set_withdrawal_fee_bps_unchecked: u16;
        next_withdrawal_fee_bps, set_next_withdrawal_fee_bps_unchecked: u16;
        reward_fee_bps, set_reward_fee_bps_unchecked: u16;
        program_fee_bps, set_program_fee_bps_unchecked: u16;
    }

    /// The original's name for [`Vault::set_deposit_capacity`].
    #[inline(always)]
    pub fn set_capacity(&mut self, capacity: u64) {
        self.set_deposit_capacity(capacity);
    }

    /// Reserved bytes (all zero in accounts written by the program).
    #[inline(always)]
    pub fn reserved(&self) -> &[u8; 251] {
        &self.reserved
    }

    // ------------------------------------------------------------------
    // Counters
    // ------------------------------------------------------------------

    #[inline(always)]
    pub fn increment_tokens_deposited(&mut self, amount: u64) -> Result<(), VaultError> {
        let v = self
            .tokens_deposited()
            .checked_add(amount)
            .ok_or(VaultError::VaultOverflow)?;
        self.set_tokens_deposited(v);
        Ok(())
    }

    #[inline(always)]
    pub fn decrement_tokens_deposited(&mut self, amount: u64) -> Result<(), VaultError> {
        let v = self
            .tokens_deposited()
            .checked_sub(amount)
            .ok_or(VaultError::VaultUnderflow)?;
        self.set_tokens_deposited(v);
        Ok(())
    }

    #[inline(always)]
    pub fn increment_vrt_supply(&mut self, amount: u64) -> Result<(), VaultError> {
        let v = self
            .vrt_supply()
            .checked_add(amount)
            .ok_or(VaultError::VaultOverflow)?;
        self.set_vrt_supply(v);
        Ok(())
    }

    #[inline(always)]
    pub fn decrement_vrt_supply(&mut self, amount: u64) -> Result<(), VaultError> {
        let v = self
            .vrt_supply()
            .checked_sub(amount)
            .ok_or(VaultError::VaultUnderflow)?;
        self.set_vrt_supply(v);
        Ok(())
    }

    #[inline(always)]
    pub fn increment_slasher_count(&mut self) -> Result<(), VaultError> {
        let v = self
            .slasher_count()
            .checked_add(1)
            .ok_or(VaultError::SlasherOverflow)?;
        self.set_slasher_count(v);
        Ok(())
    }

    #[inline(always)]
    pub fn increment_ncn_count(&mut self) -> Result<(), VaultError> {
        let v = self
            .ncn_count()
            .checked_add(1)
            .ok_or(VaultError::NcnOverflow)?;
        self.set_ncn_count(v);
        Ok(())
    }

    #[inline(always)]
    pub fn increment_operator_count(&mut self) -> Result<(), VaultError> {
        let v = self
            .operator_count()
            .checked_add(1)
            .ok_or(VaultError::OperatorOverflow)?;
        self.set_operator_count(v);
        Ok(())
    }

    #[inline(always)]
    pub fn increment_vrt_ready_to_claim_amount(&mut self, amount: u64) -> Result<(), VaultError> {
        let v = self
            .vrt_ready_to_claim_amount()
            .checked_add(amount)
            .ok_or(VaultError::VaultOverflow)?;
        self.set_vrt_ready_to_claim_amount(v);
        Ok(())
    }

    #[inline(always)]
    pub fn decrement_vrt_ready_to_claim_amount(&mut self, amount: u64) -> Result<(), VaultError> {
        let v = self
            .vrt_ready_to_claim_amount()
            .checked_sub(amount)
            .ok_or(VaultError::VaultUnderflow)?;
        self.set_vrt_ready_to_claim_amount(v);
        Ok(())
    }

    #[inline(always)]
    pub fn increment_vrt_enqueued_for_cooldown_amount(
        &mut self,
        amount: u64,
    ) -> Result<(), VaultError> {
        let v = self
            .vrt_enqueued_for_cooldown_amount()
            .checked_add(amount)
            .ok_or(VaultError::VaultOverflow)?;
        self.set_vrt_enqueued_for_cooldown_amount(v);
        Ok(())
    }

    #[inline(always)]
    pub fn decrement_additional_assets_need_unstaking(
        &mut self,
        amount: u64,
    ) -> Result<(), VaultError> {
        let v = self
            .additional_assets_need_unstaking()
            .checked_sub(amount)
            .ok_or(VaultError::VaultUnderflow)?;
        self.set_additional_assets_need_unstaking(v);
        Ok(())
    }

    // ------------------------------------------------------------------
    // Pause, mint and admins
    // ------------------------------------------------------------------

    /// Any non-zero byte reads as paused, as the original's `PodBool`.
    #[inline(always)]
    pub fn is_paused(&self) -> bool {
        self.is_paused != 0
    }

    #[inline(always)]
    pub fn set_is_paused(&mut self, is_paused: bool) {
        self.is_paused = is_paused as u8;
    }

    /// `VaultIsPaused` when paused.
    #[inline(always)]
    pub fn check_is_paused(&self) -> Result<(), VaultError> {
        if unlikely(self.is_paused()) {
            return Err(VaultError::VaultIsPaused);
        }
        Ok(())
    }

    /// Only for InitializeVault: sets the deposit fee, requiring `base` to sign
    /// (`MissingRequiredSignature`) and the fee to be at most 10_000 (`VaultFeeCapExceeded`).
    #[inline(always)]
    pub fn initialize_vault_override_deposit_fee_bps(
        &mut self,
        deposit_fee_bps: u16,
        base: &AccountView,
    ) -> ProgramResult {
        if unlikely(!base.is_signer()) {
            return Err(ProgramError::MissingRequiredSignature);
        }
        if unlikely(deposit_fee_bps > MAX_BPS) {
            return Err(VaultError::VaultFeeCapExceeded.into());
        }
        self.set_deposit_fee_bps_unchecked(deposit_fee_bps);
        Ok(())
    }

    /// The initial-supply rule of InitializeVault: with the deposit fee forced
    /// to zero, minting `initialize_token_amount` must give exactly that many VRT
    /// to the depositor and none to the fee wallet (`VaultInitialAmountFailed`);
    /// then the requested deposit fee is set. A zero amount is refused first.
    pub fn mint_initial_supply(
        &mut self,
        initialize_token_amount: u64,
        deposit_fee_bps: u16,
        base: &AccountView,
    ) -> ProgramResult {
        if unlikely(initialize_token_amount == 0) {
            return Err(VaultError::VaultInitialAmountFailed.into());
        }
        self.initialize_vault_override_deposit_fee_bps(0, base)?;
        let summary = self.mint_with_fee(initialize_token_amount, initialize_token_amount)?;
        if unlikely(
            summary.vrt_to_depositor != initialize_token_amount || summary.vrt_to_fee_wallet != 0,
        ) {
            return Err(VaultError::VaultInitialAmountFailed.into());
        }
        self.initialize_vault_override_deposit_fee_bps(deposit_fee_bps, base)
    }

    /// `vrt_mint` is the vault's VRT mint (`InvalidAccountData`).
    #[inline(always)]
    pub fn check_vrt_mint(&self, vrt_mint: &Pubkey) -> Result<(), ProgramError> {
        if unlikely(!address_eq(&self.vrt_mint, vrt_mint)) {
            return Err(ProgramError::InvalidAccountData);
        }
        Ok(())
    }

    /// `admin` is the vault admin (`VaultAdminInvalid`).
    #[inline(always)]
    pub fn check_admin(&self, admin: &Pubkey) -> Result<(), VaultError> {
        check_key(&self.admin, admin, VaultError::VaultAdminInvalid)
    }

    #[inline(always)]
    pub fn check_delegation_admin(&self, delegation_admin: &Pubkey) -> Result<(), VaultError> {
        check_key(
            &self.delegation_admin,
            delegation_admin,
            VaultError::VaultDelegationAdminInvalid,
        )
    }

    #[inline(always)]
    pub fn check_operator_admin(&self, operator_admin: &Pubkey) -> Result<(), VaultError> {
        check_key(
            &self.operator_admin,
            operator_admin,
            VaultError::VaultOperatorAdminInvalid,
        )
    }

    #[inline(always)]
    pub fn check_ncn_admin(&self, ncn_admin: &Pubkey) -> Result<(), VaultError> {
        check_key(&self.ncn_admin, ncn_admin, VaultError::VaultNcnAdminInvalid)
    }

    #[inline(always)]
    pub fn check_slasher_admin(&self, slasher_admin: &Pubkey) -> Result<(), VaultError> {
        check_key(
            &self.slasher_admin,
            slasher_admin,
            VaultError::VaultSlasherAdminInvalid,
        )
    }

    #[inline(always)]
    pub fn check_capacity_admin(&self, capacity_admin: &Pubkey) -> Result<(), VaultError> {
        check_key(
            &self.capacity_admin,
            capacity_admin,
            VaultError::VaultCapacityAdminInvalid,
        )
    }

    #[inline(always)]
    pub fn check_fee_admin(&self, fee_admin: &Pubkey) -> Result<(), VaultError> {
        check_key(&self.fee_admin, fee_admin, VaultError::VaultFeeAdminInvalid)
    }

    #[inline(always)]
    pub fn check_delegate_asset_admin(
        &self,
        delegate_asset_admin: &Pubkey,
    ) -> Result<(), VaultError> {
        check_key(
            &self.delegate_asset_admin,
            delegate_asset_admin,
            VaultError::VaultDelegateAssetAdminInvalid,
        )
    }

    /// The field `SetSecondaryAdmin` writes for `role`: one offset from a
    /// table in the role's order, no branch per role.
    #[inline(always)]
    pub fn secondary_admin_mut(&mut self, role: VaultAdminRole) -> &mut Pubkey {
        use core::mem::offset_of;
        const FIELD: [usize; 10] = [
            offset_of!(Vault, delegation_admin),
            offset_of!(Vault, operator_admin),
            offset_of!(Vault, ncn_admin),
            offset_of!(Vault, slasher_admin),
            offset_of!(Vault, capacity_admin),
            offset_of!(Vault, fee_wallet),
            offset_of!(Vault, mint_burn_admin),
            offset_of!(Vault, delegate_asset_admin),
            offset_of!(Vault, fee_admin),
            offset_of!(Vault, metadata_admin),
        ];
        // `VaultAdminRole` has exactly the ten variants 0..=9 (`repr(u8)`),
        // so the index is in bounds.
        let offset = FIELD[role as usize];
        // SAFETY: `offset` is the offset of a `Pubkey` field of `Vault`
        // (alignment 1, any bit pattern), reached through `&mut self`.
        unsafe { &mut *((self as *mut Self as *mut u8).add(offset) as *mut Pubkey) }
    }

    /// Every secondary admin (and the fee wallet) equal to `old_admin` becomes `new_admin`.
    #[inline(always)]
    pub fn update_secondary_admin(&mut self, old_admin: &Pubkey, new_admin: &Pubkey) {
        self.replace_secondary_admins(&jito_core::Replace::new(old_admin, new_admin));
    }

    /// [`Vault::update_secondary_admin`] with the two keys already read (SetAdmin
    /// reads them once for the admin and every role).
    #[inline(always)]
    pub fn replace_secondary_admins(&mut self, replace: &jito_core::Replace) {
        replace.apply(&mut self.delegation_admin);
        replace.apply(&mut self.operator_admin);
        replace.apply(&mut self.ncn_admin);
        replace.apply(&mut self.slasher_admin);
        replace.apply(&mut self.capacity_admin);
        replace.apply(&mut self.fee_wallet);
        replace.apply(&mut self.mint_burn_admin);
        replace.apply(&mut self.delegate_asset_admin);
        replace.apply(&mut self.fee_admin);
        replace.apply(&mut self.metadata_admin);
    }

    /// With a mint/burn admin set, the optional account must be it and sign
    /// (`VaultMintBurnAdminInvalid` otherwise, including when missing).
    #[inline(never)]
    pub fn check_mint_burn_admin(
        &self,
        mint_burn_admin: Option<&AccountView>,
    ) -> Result<(), VaultError> {
        if self.mint_burn_admin == Pubkey::new_from_array([0; 32]) {
            return Ok(());
        }
        let Some(signer) = mint_burn_admin else {
            return Err(VaultError::VaultMintBurnAdminInvalid);
        };
        if unlikely(
            load_signer(signer, false).is_err()
                || !address_eq(signer.address(), &self.mint_burn_admin),
        ) {
            return Err(VaultError::VaultMintBurnAdminInvalid);
        }
        Ok(())
    }

    // ------------------------------------------------------------------
    // Epoch checks
    // ------------------------------------------------------------------

    /// The last full update happened in an earlier epoch than `slot`'s.
    #[inline(always)]
    pub fn is_update_needed(&self, slot: u64, epoch_length: u64) -> Result<bool, ProgramError> {
        let last_updated_epoch = get_epoch(self.last_full_state_update_slot(), epoch_length)?;
        let current_epoch = get_epoch(slot, epoch_length)?;
        Ok(last_updated_epoch < current_epoch)
    }

    /// `VaultUpdateNeeded` when [`Vault::is_update_needed`].
    #[inline(never)]
    pub fn check_update_state_ok(&self, slot: u64, epoch_length: u64) -> Result<(), ProgramError> {
        if unlikely(self.is_update_needed(slot, epoch_length)?) {
            return Err(VaultError::VaultUpdateNeeded.into());
        }
        Ok(())
    }

    /// Fees change at most once per epoch, and a full epoch must pass between
    /// changes (`VaultFeeChangeTooSoon`).
    #[inline(always)]
    pub fn check_can_modify_fees(&self, slot: u64, epoch_length: u64) -> Result<(), ProgramError> {
        let current_epoch = get_epoch(slot, epoch_length)?;
        let last_fee_change_epoch = get_epoch(self.last_fee_change_slot(), epoch_length)?;
        let earliest = last_fee_change_epoch
            .checked_add(1)
            .ok_or(VaultError::ArithmeticOverflow)?;
        if unlikely(current_epoch <= earliest) {
            return Err(VaultError::VaultFeeChangeTooSoon.into());
        }
        Ok(())
    }

    /// SetFees' fee changes: the original's `set_deposit_fee_bps`,
    /// `set_next_withdrawal_fee_bps` and `set_reward_fee_bps` in that order,
    /// each fee given, with the config's limits checked once instead of per fee.
    ///
    /// The same errors in the same cases, proof: every check of the original
    /// before the rate-of-change check returns `VaultFeeCapExceeded`, so their
    /// order within one fee does not matter; the config part of them (`cap`,
    /// `bump` or `rate` above `MAX_BPS`) is checked by the first fee given
    /// (deposit or withdrawal: the reward fee checks none of it) before that
    /// fee can return anything else, so checking it once ahead of the deposit
    /// and withdrawal fees, when either is given, returns what the original
    /// returns. With `cap <= MAX_BPS`, `new > MAX_BPS` implies `new > cap`.
    /// A fee is written once checked, as in the original (an error after it
    /// fails the transaction, which discards the write).
    #[inline(always)]
    pub fn set_fees(
        &mut self,
        deposit_fee_bps: Option<u16>,
        withdrawal_fee_bps: Option<u16>,
        reward_fee_bps: Option<u16>,
        fee_cap_bps: u16,
        fee_bump_bps: u16,
        fee_rate_of_change_bps: u16,
    ) -> Result<(), ProgramError> {
        if (deposit_fee_bps.is_some() || withdrawal_fee_bps.is_some())
            && unlikely(
                fee_cap_bps > MAX_BPS || fee_bump_bps > MAX_BPS || fee_rate_of_change_bps > MAX_BPS,
            )
        {
            return Err(VaultError::VaultFeeCapExceeded.into());
        }
        if let Some(fee) = deposit_fee_bps {
            let fee = Self::checked_fee_change(
                self.deposit_fee_bps(),
                fee,
                fee_cap_bps,
                fee_bump_bps,
                fee_rate_of_change_bps,
            )?;
            self.set_deposit_fee_bps_unchecked(fee);
        }
        // Checked against the current withdrawal fee, as the original.
        if let Some(fee) = withdrawal_fee_bps {
            let fee = Self::checked_fee_change(
                self.withdrawal_fee_bps(),
                fee,
                fee_cap_bps,
                fee_bump_bps,
                fee_rate_of_change_bps,
            )?;
            self.set_next_withdrawal_fee_bps_unchecked(fee);
        }
        if let Some(fee) = reward_fee_bps {
            if unlikely(fee > MAX_BPS) {
                return Err(VaultError::VaultFeeCapExceeded.into());
            }
            self.set_reward_fee_bps_unchecked(fee);
        }
        Ok(())
    }

    /// [`Vault::check_fee_change_ok`] after the fee setters' own cap checks,
    /// for limits already checked to be at most `MAX_BPS` ([`Vault::set_fees`]):
    /// `VaultFeeCapExceeded` for a fee above the cap or a current fee above
    /// `MAX_BPS`, `VaultFeeBumpTooLarge` for a rise above both the flat bump and
    /// the rate of change. Returns `new_fee_bps`.
    #[inline(always)]
    fn checked_fee_change(
        current_fee_bps: u16,
        new_fee_bps: u16,
        fee_cap_bps: u16,
        fee_bump_bps: u16,
        fee_rate_of_change_bps: u16,
    ) -> Result<u16, ProgramError> {
        if unlikely(new_fee_bps > fee_cap_bps || current_fee_bps > MAX_BPS) {
            return Err(VaultError::VaultFeeCapExceeded.into());
        }
        let (current, new) = (current_fee_bps as u32, new_fee_bps as u32);
        // `new - current > bump` of the saturating difference (all <= 10_000:
        // no overflow in u32).
        if unlikely(new > current + fee_bump_bps as u32) {
            // The original's `delta * MAX_BPS / current > rate` (floor; from a
            // zero fee `u64::MAX`, always above the rate), without the division:
            // `floor(x / c) > r` exactly when `x >= (r + 1) * c`, which for
            // `c = 0` always holds. At most 10_000 * 10_001: no overflow in u32.
            if (new - current) * MAX_BPS as u32 >= (fee_rate_of_change_bps as u32 + 1) * current {
                return Err(VaultError::VaultFeeBumpTooLarge.into());
            }
        }
        Ok(new_fee_bps)
    }

    // ------------------------------------------------------------------
    // Fees
    // ------------------------------------------------------------------

    /// Sets the current withdrawal fee (`VaultFeeCapExceeded` above 10_000).
    #[inline(always)]
    pub fn set_withdrawal_fee_bps(&mut self, withdrawal_fee_bps: u16) -> Result<(), VaultError> {
        if unlikely(withdrawal_fee_bps > MAX_BPS) {
            return Err(VaultError::VaultFeeCapExceeded);
        }
        self.set_withdrawal_fee_bps_unchecked(withdrawal_fee_bps);
        Ok(())
    }

    /// Sets the program fee copied from the config (`InvalidInstructionData` above 10_000).
    #[inline(always)]
    pub fn set_program_fee_bps(&mut self, program_fee_bps: u16) -> Result<(), ProgramError> {
        if unlikely(program_fee_bps > MAX_BPS) {
            return Err(ProgramError::InvalidInstructionData);
        }
        self.set_program_fee_bps_unchecked(program_fee_bps);
        Ok(())
    }

    /// Schedules the withdrawal fee of the next epoch, within the config's cap
    /// and rate-of-change limits.
    pub fn set_next_withdrawal_fee_bps(
        &mut self,
        withdrawal_fee_bps: u16,
        deposit_withdrawal_fee_cap_bps: u16,
        fee_bump_bps: u16,
        fee_rate_of_change_bps: u16,
    ) -> Result<(), VaultError> {
        if withdrawal_fee_bps > MAX_BPS || withdrawal_fee_bps > deposit_withdrawal_fee_cap_bps {
            return Err(VaultError::VaultFeeCapExceeded);
        }
        Self::check_fee_change_ok(
            self.withdrawal_fee_bps(),
            withdrawal_fee_bps,
            deposit_withdrawal_fee_cap_bps,
            fee_bump_bps,
            fee_rate_of_change_bps,
        )?;
        self.set_next_withdrawal_fee_bps_unchecked(withdrawal_fee_bps);
        Ok(())
    }

    /// Sets the deposit fee within the config's cap and rate-of-change limits.
    pub fn set_deposit_fee_bps(
        &mut self,
        deposit_fee_bps: u16,
        deposit_withdrawal_fee_cap_bps: u16,
        fee_bump_bps: u16,
        fee_rate_of_change_bps: u16,
    ) -> Result<(), VaultError> {
        if deposit_fee_bps > MAX_BPS || deposit_fee_bps > deposit_withdrawal_fee_cap_bps {
            return Err(VaultError::VaultFeeCapExceeded);
        }
        Self::check_fee_change_ok(
            self.deposit_fee_bps(),
            deposit_fee_bps,
            deposit_withdrawal_fee_cap_bps,
            fee_bump_bps,
            fee_rate_of_change_bps,
        )?;
        self.set_deposit_fee_bps_unchecked(deposit_fee_bps);
        Ok(())
    }

    /// Sets the reward fee (`VaultFeeCapExceeded` above 10_000).
    #[inline(always)]
    pub fn set_reward_fee_bps(&mut self, reward_fee_bps: u16) -> Result<(), VaultError> {
        if unlikely(reward_fee_bps > MAX_BPS) {
            return Err(VaultError::VaultFeeCapExceeded);
        }
        self.set_reward_fee_bps_unchecked(reward_fee_bps);
        Ok(())
    }

    /// A fee may rise by at most `fee_bump_bps` flat, or else by at most
    /// `fee_rate_of_change_bps` relative to the current fee
    /// (`VaultFeeBumpTooLarge`), and never above the cap (`VaultFeeCapExceeded`).
    pub fn check_fee_change_ok(
        current_fee_bps: u16,
        new_fee_bps: u16,
        fee_cap_bps: u16,
        fee_bump_bps: u16,
        fee_rate_of_change_bps: u16,
    ) -> Result<(), VaultError> {
        if current_fee_bps > MAX_BPS
            || new_fee_bps > MAX_BPS
            || fee_cap_bps > MAX_BPS
            || fee_bump_bps > MAX_BPS
            || fee_rate_of_change_bps > MAX_BPS
        {
            return Err(VaultError::VaultFeeCapExceeded);
        }
        let fee_delta = new_fee_bps.saturating_sub(current_fee_bps);
        if new_fee_bps > fee_cap_bps {
            return Err(VaultError::VaultFeeCapExceeded);
        }
        if fee_delta > fee_bump_bps {
            // Relative increase in bps of the current fee; from zero it is unbounded.
            let increase_bps = (fee_delta as u64 * MAX_BPS as u64)
                .checked_div(current_fee_bps as u64)
                .unwrap_or(u64::MAX);
            if increase_bps > fee_rate_of_change_bps as u64 {
                return Err(VaultError::VaultFeeBumpTooLarge);
            }
        }
        Ok(())
    }

    // ------------------------------------------------------------------
    // Exchange rate, minting and burning
    // ------------------------------------------------------------------

    /// Reward fee in supported tokens on the growth from `tokens_deposited` to
    /// `new_st_supply`, rounded up (`VaultOverflow`).
    #[inline(always)]
    pub fn calculate_st_reward_fee(&self, new_st_supply: u64) -> Result<u64, VaultError> {
        let st_rewards = new_st_supply.saturating_sub(self.tokens_deposited());
        if st_rewards == 0 {
            return Ok(0);
        }
        bps_fee_ceil(st_rewards, self.reward_fee_bps())
    }

    /// The reward fee actually minted (`vrt_reward_fee`) is within
    /// `max_delta_bps` of the configured reward fee.
    pub fn check_reward_fee_effective_rate(
        &self,
        st_rewards: u64,
        vrt_reward_fee: u64,
        max_delta_bps: u16,
    ) -> Result<(), VaultError> {
        if max_delta_bps > MAX_BPS {
            return Err(VaultError::VaultFeeCapExceeded);
        }
        if (st_rewards == 0 || self.reward_fee_bps() == 0) && vrt_reward_fee == 0 {
            return Ok(());
        }
        if vrt_reward_fee == 0 {
            return Err(VaultError::VaultRewardFeeIsZero);
        }
        // The original's `u128` quotients (`x * 10_000 / y`, a zero divisor
        // `VaultOverflow`), in words while the divisor fits one
        // ([`mul_div_u128`]); a divisor of 2^64 or more keeps the `u128` division.
        let precision = MAX_BPS as u64;
        let scaled_div = |x: u64, divisor: u128| match u64::try_from(divisor) {
            Ok(divisor) => mul_div_u128(x, precision, divisor),
            Err(_) => Some(x as u128 * precision as u128 / divisor),
        };
        // Supported tokens per VRT, scaled by 10_000 (floor).
        let st_vrt_ratio = mul_div_u128(self.tokens_deposited(), precision, self.vrt_supply())
            .ok_or(VaultError::VaultOverflow)?;
        let rewards_in_vrt =
            scaled_div(st_rewards, st_vrt_ratio).ok_or(VaultError::VaultOverflow)?;
        let effective_rate_bps = scaled_div(vrt_reward_fee, rewards_in_vrt)
            .and_then(|v| u16::try_from(v).ok())
            .ok_or(VaultError::VaultOverflow)?;
        let delta = effective_rate_bps.abs_diff(self.reward_fee_bps());
        if delta > max_delta_bps {
            return Err(VaultError::VaultRewardFeeDeltaTooLarge);
        }
        Ok(())
    }

    /// VRT minted for `amount` supported tokens: one for one in an empty vault,
    /// else pro rata `amount * vrt_supply / tokens_deposited`, rounded down (`VaultOverflow`).
    #[inline(always)]
    pub fn calculate_vrt_mint_amount(&self, amount: u64) -> Result<u64, VaultError> {
        let tokens_deposited = self.tokens_deposited();
        if tokens_deposited == 0 {
            return Ok(amount);
        }
        mul_div_floor(amount, self.vrt_supply(), tokens_deposited).ok_or(VaultError::VaultOverflow)
    }

    /// Supported tokens returned for burning `vrt_amount` VRT:
    /// `vrt_amount * tokens_deposited / vrt_supply`, rounded down (`VaultOverflow`,
    /// also for a zero supply).
    #[inline(always)]
    pub fn calculate_assets_returned_amount(&self, vrt_amount: u64) -> Result<u64, VaultError> {
        mul_div_floor(vrt_amount, self.tokens_deposited(), self.vrt_supply())
            .ok_or(VaultError::VaultOverflow)
    }

    /// Deposit fee in VRT, rounded up.
    #[inline(always)]
    pub fn calculate_deposit_fee(&self, vrt_amount: u64) -> Result<u64, VaultError> {
        bps_fee_ceil(vrt_amount, self.deposit_fee_bps())
    }

    /// Withdrawal fee in VRT, rounded up.
    #[inline(always)]
    pub fn calculate_withdrawal_fee(&self, vrt_amount: u64) -> Result<u64, VaultError> {
        bps_fee_ceil(vrt_amount, self.withdrawal_fee_bps())
    }

    /// Deposits `amount_in` supported tokens: checks capacity and slippage, adds
    /// the minted VRT to the supply and the tokens to the deposits. Inlined
    /// into its two callers (MintTo; InitializeVault, where the fee-free
    /// initial mint folds most of it away).
    #[inline(always)]
    pub fn mint_with_fee(
        &mut self,
        amount_in: u64,
        min_amount_out: u64,
    ) -> Result<MintSummary, VaultError> {
        if amount_in == 0 {
            return Err(VaultError::VaultMintZero);
        }
        let tokens_after = self
            .tokens_deposited()
            .checked_add(amount_in)
            .ok_or(VaultError::VaultOverflow)?;
        if tokens_after > self.deposit_capacity() {
            return Err(VaultError::VaultCapacityExceeded);
        }
        let vrt_mint_amount = self.calculate_vrt_mint_amount(amount_in)?;
        let vrt_to_fee_wallet = self.calculate_deposit_fee(vrt_mint_amount)?;
        let vrt_to_depositor = vrt_mint_amount
            .checked_sub(vrt_to_fee_wallet)
            .ok_or(VaultError::VaultUnderflow)?;
        if vrt_to_depositor < min_amount_out {
            return Err(VaultError::SlippageError);
        }
        let vrt_supply = self
            .vrt_supply()
            .checked_add(vrt_mint_amount)
            .ok_or(VaultError::VaultOverflow)?;
        self.set_vrt_supply(vrt_supply);
        self.set_tokens_deposited(tokens_after);
        Ok(MintSummary {
            vrt_to_depositor,
            vrt_to_fee_wallet,
        })
    }

    /// Splits a burn of `amount_in` VRT into program fee, vault fee, burned VRT
    /// and returned tokens. The program fee has priority when both fees exceed
    /// the amount; a staker who is a fee wallet pays no fee to itself.
    pub fn calculate_burn_summary(
        &self,
        is_staker_program_fee_wallet: bool,
        is_staker_vault_fee_wallet: bool,
        amount_in: u64,
    ) -> Result<BurnSummary, VaultError> {
        let mut program_fee_amount =
            Config::calculate_program_fee(self.program_fee_bps(), amount_in)?;
        let mut vault_fee_amount = self.calculate_withdrawal_fee(amount_in)?;
        if program_fee_amount
            .checked_add(vault_fee_amount)
            .ok_or(VaultError::VaultOverflow)?
            > amount_in
        {
            vault_fee_amount = amount_in
                .checked_sub(program_fee_amount)
                .ok_or(VaultError::VaultUnderflow)?;
        }
        if is_staker_program_fee_wallet {
            program_fee_amount = 0;
        }
        if is_staker_vault_fee_wallet {
            vault_fee_amount = 0;
        }
        let burn_amount = amount_in
            .checked_sub(program_fee_amount)
            .and_then(|x| x.checked_sub(vault_fee_amount))
            .ok_or(VaultError::VaultUnderflow)?;
        let out_amount = self.calculate_assets_returned_amount(burn_amount)?;
        Ok(BurnSummary {
            vault_fee_amount,
            program_fee_amount,
            burn_amount,
            out_amount,
        })
    }

    /// Burns `amount_in` VRT: the returned tokens must come from undelegated
    /// assets (`VaultUnderflow`); the supply and deposits shrink.
    pub fn burn_with_fee(
        &mut self,
        is_staker_program_fee_wallet: bool,
        is_staker_vault_fee_wallet: bool,
        amount_in: u64,
    ) -> Result<BurnSummary, VaultError> {
        if amount_in == 0 {
            return Err(VaultError::VaultBurnZero);
        }
        if amount_in > self.vrt_supply() {
            return Err(VaultError::VaultInsufficientFunds);
        }
        let summary = self.calculate_burn_summary(
            is_staker_program_fee_wallet,
            is_staker_vault_fee_wallet,
            amount_in,
        )?;
        let total_security = self.delegation_state.total_security()?;
        let max_withdrawable = self
            .tokens_deposited()
            .checked_sub(total_security)
            .ok_or(VaultError::VaultUnderflow)?;
        if summary.out_amount > max_withdrawable {
            return Err(VaultError::VaultUnderflow);
        }
        let vrt_supply = self
            .vrt_supply()
            .checked_sub(summary.burn_amount)
            .ok_or(VaultError::VaultUnderflow)?;
        let tokens_deposited = self
            .tokens_deposited()
            .checked_sub(summary.out_amount)
            .ok_or(VaultError::VaultUnderflow)?;
        self.set_vrt_supply(vrt_supply);
        self.set_tokens_deposited(tokens_deposited);
        Ok(summary)
    }

    /// Supported tokens to keep for all VRT queued, cooling down or ready to
    /// claim (what burning them would return, after fees).
    pub fn calculate_supported_assets_requested_for_withdrawal(&self) -> Result<u64, VaultError> {
        if self.vrt_supply() == 0 {
            return Ok(0);
        }
        let vrt_reserve = self
            .vrt_enqueued_for_cooldown_amount()
            .checked_add(self.vrt_cooling_down_amount())
            .and_then(|x| x.checked_add(self.vrt_ready_to_claim_amount()))
            .ok_or(VaultError::VaultOverflow)?;
        Ok(self
            .calculate_burn_summary(false, false, vrt_reserve)?
            .out_amount)
    }

    /// Supported tokens that still have to be undelegated to cover the
    /// withdrawal reserve once the delegation state is rolled forward to `slot`'s epoch.
    pub fn calculate_additional_supported_assets_needed_to_unstake(
        &self,
        slot: u64,
        epoch_length: u64,
    ) -> Result<u64, ProgramError> {
        let requested = self.calculate_supported_assets_requested_for_withdrawal()?;
        let last_epoch_update = get_epoch(self.last_full_state_update_slot(), epoch_length)?;
        let current_epoch = get_epoch(slot, epoch_length)?;
        let epoch_diff = current_epoch
            .checked_sub(last_epoch_update)
            .ok_or(VaultError::ArithmeticUnderflow)?;
        // The delegation state as it will be after the update, without copying it.
        let ds = &self.delegation_state;
        let (staked, enqueued, cooling) = match epoch_diff {
            0 => (
                ds.staked_amount(),
                ds.enqueued_for_cooldown_amount(),
                ds.cooling_down_amount(),
            ),
            1 => (ds.staked_amount(), 0, ds.enqueued_for_cooldown_amount()),
            _ => (ds.staked_amount(), 0, 0),
        };
        let total_delegated = DelegationState::new(staked, enqueued, cooling).total_security()?;
        let undelegated = self
            .tokens_deposited()
            .checked_sub(total_delegated)
            .ok_or(VaultError::VaultUnderflow)?;
        let withdrawing = enqueued
            .checked_add(cooling)
            .ok_or(VaultError::VaultOverflow)?;
        let available = undelegated
            .checked_add(withdrawing)
            .ok_or(VaultError::VaultOverflow)?;
        Ok(requested.saturating_sub(available))
    }

    /// Delegates `amount` of the vault's free assets (deposits minus delegated
    /// minus the withdrawal reserve; `VaultInsufficientFunds` beyond that).
    pub fn delegate(&mut self, amount: u64) -> Result<(), VaultError> {
        if amount == 0 {
            return Err(VaultError::VaultDelegationZero);
        }
        if self.tokens_deposited() == 0 || self.vrt_supply() == 0 {
            return Err(VaultError::VaultUnderflow);
        }
        let reserve = self.calculate_supported_assets_requested_for_withdrawal()?;
        let total_security = self.delegation_state.total_security()?;
        let available = self
            .tokens_deposited()
            .checked_sub(total_security)
            .and_then(|x| x.checked_sub(reserve))
            .ok_or(VaultError::VaultUnderflow)?;
        if amount > available {
            return Err(VaultError::VaultInsufficientFunds);
        }
        self.delegation_state.delegate(amount)
    }

    // ------------------------------------------------------------------
    // Composite steps of the processors
    // ------------------------------------------------------------------

    /// UpdateVaultBalance: books the vault token balance `new_st_balance`, takes
    /// the reward fee on the growth as newly minted VRT and checks its effective
    /// rate. Returns the VRT to mint to the fee wallet.
    pub fn apply_rewards(&mut self, new_st_balance: u64) -> Result<u64, VaultError> {
        let st_rewards = new_st_balance.saturating_sub(self.tokens_deposited());
        let st_reward_fee = self.calculate_st_reward_fee(new_st_balance)?;
        let st_balance_after_fees = new_st_balance
            .checked_sub(st_reward_fee)
            .ok_or(VaultError::ArithmeticUnderflow)?;
        // The fee is priced at the rate after the other rewards, as the original.
        self.set_tokens_deposited(st_balance_after_fees);
        let vrt_reward_fee = self.calculate_vrt_mint_amount(st_reward_fee)?;
        self.set_tokens_deposited(new_st_balance);
        self.increment_vrt_supply(vrt_reward_fee)?;
        self.check_reward_fee_effective_rate(
            st_rewards,
            vrt_reward_fee,
            Self::MAX_REWARD_DELTA_BPS,
        )?;
        Ok(vrt_reward_fee)
    }

    /// The last update that was started also finished (same epoch).
    #[inline(always)]
    pub fn last_update_was_completed(&self, epoch_length: u64) -> Result<bool, ProgramError> {
        let last_start_epoch = get_epoch(self.last_start_state_update_slot(), epoch_length)?;
        let last_full_epoch = get_epoch(self.last_full_state_update_slot(), epoch_length)?;
        Ok(last_full_epoch == last_start_epoch)
    }

    /// InitializeVaultUpdateStateTracker, after the tracker is created: unless
    /// recovering from an unfinished update, the next withdrawal fee and the
    /// config's program fee take effect and the assets to unstake are computed
    /// afresh; then the update start slot is recorded.
    pub fn begin_state_update(
        &mut self,
        slot: u64,
        epoch_length: u64,
        config_program_fee_bps: u16,
    ) -> ProgramResult {
        let additional = if !self.last_update_was_completed(epoch_length)? {
            self.additional_assets_need_unstaking()
        } else {
            self.set_withdrawal_fee_bps(self.next_withdrawal_fee_bps())?;
            self.set_program_fee_bps(config_program_fee_bps)?;
            self.calculate_additional_supported_assets_needed_to_unstake(slot, epoch_length)?
        };
        self.set_additional_assets_need_unstaking(additional);
        self.set_last_start_state_update_slot(slot);
        Ok(())
    }

    /// CrankVaultUpdateStateTracker, greedy allocation: unless the operator was
    /// already partially updated, cool down as much of its stake as the vault
    /// still needs to unstake.
    #[inline(always)]
    pub fn allocate_withdrawal_greedy(
        &mut self,
        operator_delegation_state: &mut DelegationState,
        has_been_partially_updated: bool,
    ) -> Result<(), VaultError> {
        let needed = self.additional_assets_need_unstaking();
        let staked = operator_delegation_state.staked_amount();
        if !has_been_partially_updated && needed > 0 && staked > 0 {
            let amount = staked.min(needed);
            operator_delegation_state.cooldown(amount)?;
            self.decrement_additional_assets_need_unstaking(amount)?;
        }
        Ok(())
    }

    /// CloseVaultUpdateStateTracker for the current epoch, after its checks:
    /// takes the tracker's rolled-up delegation state, records the full update
    /// at `slot` and moves the VRT withdrawal buckets forward one step per epoch
    /// elapsed since the last full update (at most two).
    pub fn finish_state_update(
        &mut self,
        delegation_state: &DelegationState,
        slot: u64,
        epoch_length: u64,
    ) -> ProgramResult {
        let current_epoch = get_epoch(slot, epoch_length)?;
        let last_updated_epoch = get_epoch(self.last_full_state_update_slot(), epoch_length)?;
        self.delegation_state = *delegation_state;
        self.set_last_full_state_update_slot(slot);
        let epoch_diff = current_epoch
            .checked_sub(last_updated_epoch)
            .ok_or(VaultError::VaultUnderflow)?;
        for _ in 0..epoch_diff.min(2) {
            self.increment_vrt_ready_to_claim_amount(self.vrt_cooling_down_amount())?;
            self.set_vrt_cooling_down_amount(self.vrt_enqueued_for_cooldown_amount());
            self.set_vrt_enqueued_for_cooldown_amount(0);
        }
        Ok(())
    }
}

#[inline(never)]
fn check_key(expected: &Pubkey, actual: &Pubkey, error: VaultError) -> Result<(), VaultError> {
    if unlikely(!address_eq(expected, actual)) {
        return Err(error);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(b: u8) -> Pubkey {
        Pubkey::new_from_array([b; 32])
    }

    #[test]
    fn secondary_admin_mut_writes_each_roles_field() {
        let mut vault: Vault = unsafe { core::mem::zeroed() };
        for raw in 0u8..10 {
            let role = VaultAdminRole::try_from(raw).unwrap();
            *vault.secondary_admin_mut(role) = key(raw + 1);
        }
        let k = |role: VaultAdminRole| key(role as u8 + 1);
        assert_eq!(vault.delegation_admin, k(VaultAdminRole::DelegationAdmin));
        assert_eq!(vault.operator_admin, k(VaultAdminRole::OperatorAdmin));
        assert_eq!(vault.ncn_admin, k(VaultAdminRole::NcnAdmin));
        assert_eq!(vault.slasher_admin, k(VaultAdminRole::SlasherAdmin));
        assert_eq!(vault.capacity_admin, k(VaultAdminRole::CapacityAdmin));
        assert_eq!(vault.fee_wallet, k(VaultAdminRole::FeeWallet));
        assert_eq!(vault.mint_burn_admin, k(VaultAdminRole::MintBurnAdmin));
        assert_eq!(
            vault.delegate_asset_admin,
            k(VaultAdminRole::DelegateAssetAdmin)
        );
        assert_eq!(vault.fee_admin, k(VaultAdminRole::FeeAdmin));
        assert_eq!(vault.metadata_admin, k(VaultAdminRole::MetadataAdmin));
        assert_eq!(vault.admin, Pubkey::default());
    }

    fn new_vault(
        deposit_fee: u16,
        withdrawal_fee: u16,
        reward_fee: u16,
        program_fee: u16,
    ) -> Vault {
        // SAFETY: every bit pattern is a valid `Vault`.
        let mut v: Vault = unsafe { core::mem::zeroed() };
        v.initialize(
            &key(1),
            &key(2),
            &key(3),
            0,
            &key(4),
            deposit_fee,
            withdrawal_fee,
            reward_fee,
            program_fee,
            255,
            0,
        )
        .unwrap();
        v
    }

    fn test_vault(
        deposit_fee: u16,
        withdrawal_fee: u16,
        program_fee: u16,
        tokens_deposited: u64,
        vrt_supply: u64,
        ds: DelegationState,
    ) -> Vault {
        let mut v = new_vault(deposit_fee, withdrawal_fee, 0, program_fee);
        v.set_tokens_deposited(tokens_deposited);
        v.set_vrt_supply(vrt_supply);
        v.delegation_state = ds;
        v
    }

    /// The original's effective-rate check in `u128`, the reference of the
    /// word arithmetic.
    fn reference_effective_rate(
        tokens_deposited: u64,
        vrt_supply: u64,
        reward_fee_bps: u16,
        st_rewards: u64,
        vrt_reward_fee: u64,
        max_delta_bps: u16,
    ) -> Result<(), VaultError> {
        if max_delta_bps > MAX_BPS {
            return Err(VaultError::VaultFeeCapExceeded);
        }
        if (st_rewards == 0 || reward_fee_bps == 0) && vrt_reward_fee == 0 {
            return Ok(());
        }
        if vrt_reward_fee == 0 {
            return Err(VaultError::VaultRewardFeeIsZero);
        }
        let p = MAX_BPS as u128;
        let ratio = (tokens_deposited as u128 * p)
            .checked_div(vrt_supply as u128)
            .ok_or(VaultError::VaultOverflow)?;
        let in_vrt = (st_rewards as u128 * p)
            .checked_div(ratio)
            .ok_or(VaultError::VaultOverflow)?;
        let rate = (vrt_reward_fee as u128 * p)
            .checked_div(in_vrt)
            .and_then(|v| u16::try_from(v).ok())
            .ok_or(VaultError::VaultOverflow)?;
        if rate.abs_diff(reward_fee_bps) > max_delta_bps {
            return Err(VaultError::VaultRewardFeeDeltaTooLarge);
        }
        Ok(())
    }

    #[test]
    fn effective_rate_matches_the_u128_reference() {
        let mut state = 11u64;
        let mut next = || {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
            z >> (z % 64)
        };
        for round in 0..200_000u32 {
            let (td, vs, rewards) = (next(), next(), next());
            let bps = (next() % 10_001) as u16;
            // Half the rounds with a fee near the configured rate.
            let fee = if round % 2 == 0 {
                next()
            } else {
                ((rewards as u128 * bps as u128 / 10_000) as u64).wrapping_add(next() % 3)
            };
            let mut v = new_vault(0, 0, bps, 0);
            v.set_tokens_deposited(td);
            v.set_vrt_supply(vs);
            for max_delta in [0u16, 50, 10_000] {
                assert_eq!(
                    v.check_reward_fee_effective_rate(rewards, fee, max_delta),
                    reference_effective_rate(td, vs, bps, rewards, fee, max_delta),
                    "{td} {vs} {bps} {rewards} {fee} {max_delta}"
                );
            }
        }
    }

    fn ds(a: u64, b: u64, c: u64) -> DelegationState {
        DelegationState::new(a, b, c)
    }

    /// A signer-flag-only account view for the checks that read `is_signer` and the address.
    struct FakeAccount {
        raw: std::vec::Vec<u64>,
    }

    extern crate std;

    impl FakeAccount {
        fn new(address: Pubkey, is_signer: bool) -> Self {
            use pinocchio::account::RuntimeAccount;
            let words = core::mem::size_of::<RuntimeAccount>().div_ceil(8) + 1;
            let mut raw = std::vec![0u64; words];
            // SAFETY: the buffer is large enough and 8-byte aligned for `RuntimeAccount`.
            let acc = unsafe { &mut *(raw.as_mut_ptr() as *mut RuntimeAccount) };
            acc.borrow_state = u8::MAX;
            acc.is_signer = is_signer as u8;
            acc.address = address;
            Self { raw }
        }

        fn view(&mut self) -> AccountView {
            // SAFETY: `raw` holds a valid `RuntimeAccount` with no data.
            unsafe { AccountView::new_unchecked(self.raw.as_mut_ptr() as *mut _) }
        }
    }

    #[test]
    fn size_matches_original() {
        assert_eq!(core::mem::size_of::<Vault>(), 1103);
        assert_eq!(Vault::LEN, 1111);
        assert_eq!(core::mem::align_of::<Vault>(), 1);
    }

    #[test]
    fn initialize_sets_all_fields() {
        let v = new_vault(1, 2, 3, 4);
        assert_eq!(v.base, key(4));
        assert_eq!(v.vrt_mint, key(1));
        assert_eq!(v.supported_mint, key(2));
        for a in [
            v.admin,
            v.delegation_admin,
            v.operator_admin,
            v.ncn_admin,
            v.slasher_admin,
            v.capacity_admin,
            v.fee_admin,
            v.delegate_asset_admin,
            v.fee_wallet,
            v.metadata_admin,
        ] {
            assert_eq!(a, key(3));
        }
        assert_eq!(v.mint_burn_admin, key(0));
        assert_eq!(v.deposit_capacity(), u64::MAX);
        assert_eq!(v.deposit_fee_bps(), 1);
        assert_eq!(v.withdrawal_fee_bps(), 2);
        assert_eq!(v.next_withdrawal_fee_bps(), 2);
        assert_eq!(v.reward_fee_bps(), 3);
        assert_eq!(v.program_fee_bps(), 4);
        assert_eq!(v.bump, 255);
        assert!(!v.is_paused());
        assert_eq!(v.reserved(), &[0; 251]);
        let mut z: Vault = unsafe { core::mem::zeroed() };
        for (d, w, r) in [
            (MAX_BPS + 1, 0, 0),
            (0, MAX_BPS + 1, 0),
            (0, 0, MAX_BPS + 1),
        ] {
            assert_eq!(
                z.initialize(&key(1), &key(1), &key(1), 0, &key(1), d, w, r, 0, 0, 0),
                Err(VaultError::VaultFeeCapExceeded)
            );
        }
        assert_eq!(z.base, key(0));
    }

    #[test]
    fn field_offsets_match_original() {
        let mut v: Vault = unsafe { core::mem::zeroed() };
        v.set_vrt_supply(0x0102030405060708);
        v.delegation_state.set_staked_amount(9);
        v.set_last_full_state_update_slot(11);
        v.set_program_fee_bps_unchecked(0x0a0b);
        v.bump = 0xee;
        v.set_is_paused(true);
        v.set_last_start_state_update_slot(0x77);
        let bytes: [u8; 1103] = unsafe { core::mem::transmute(v) };
        assert_eq!(&bytes[96..104], &0x0102030405060708u64.to_le_bytes());
        assert_eq!(&bytes[120..128], &9u64.to_le_bytes());
        // 96 + 24 + 280 + 32 + 11 * 32 + 5 * 8 = 824
        assert_eq!(&bytes[824..832], &11u64.to_le_bytes());
        assert_eq!(&bytes[840..842], &0x0a0bu16.to_le_bytes());
        assert_eq!(bytes[842], 0xee);
        assert_eq!(bytes[843], 1);
        assert_eq!(&bytes[844..852], &0x77u64.to_le_bytes());
    }

    #[test]
    fn update_secondary_admin_replaces_matching_roles_only() {
        let mut v = new_vault(0, 0, 0, 0);
        v.mint_burn_admin = key(3);
        v.ncn_admin = key(9);
        v.update_secondary_admin(&key(3), &key(5));
        assert_eq!(v.admin, key(3));
        assert_eq!(v.ncn_admin, key(9));
        for a in [
            v.delegation_admin,
            v.operator_admin,
            v.slasher_admin,
            v.capacity_admin,
            v.fee_admin,
            v.delegate_asset_admin,
            v.fee_wallet,
            v.mint_burn_admin,
            v.metadata_admin,
        ] {
            assert_eq!(a, key(5));
        }
    }

    #[test]
    fn admin_checks_return_their_errors() {
        let v = new_vault(0, 0, 0, 0);
        let k = key(3);
        let bad = key(8);
        assert_eq!(v.check_admin(&k), Ok(()));
        assert_eq!(v.check_admin(&bad), Err(VaultError::VaultAdminInvalid));
        assert_eq!(
            v.check_delegation_admin(&bad),
            Err(VaultError::VaultDelegationAdminInvalid)
        );
        assert_eq!(
            v.check_operator_admin(&bad),
            Err(VaultError::VaultOperatorAdminInvalid)
        );
        assert_eq!(
            v.check_ncn_admin(&bad),
            Err(VaultError::VaultNcnAdminInvalid)
        );
        assert_eq!(
            v.check_slasher_admin(&bad),
            Err(VaultError::VaultSlasherAdminInvalid)
        );
        assert_eq!(
            v.check_capacity_admin(&bad),
            Err(VaultError::VaultCapacityAdminInvalid)
        );
        assert_eq!(
            v.check_fee_admin(&bad),
            Err(VaultError::VaultFeeAdminInvalid)
        );
        assert_eq!(
            v.check_delegate_asset_admin(&bad),
            Err(VaultError::VaultDelegateAssetAdminInvalid)
        );
        assert_eq!(v.check_vrt_mint(&key(1)), Ok(()));
        assert_eq!(
            v.check_vrt_mint(&bad),
            Err(ProgramError::InvalidAccountData)
        );
    }

    #[test]
    fn pause() {
        let mut v = new_vault(0, 0, 0, 0);
        assert_eq!(v.check_is_paused(), Ok(()));
        v.set_is_paused(true);
        assert_eq!(v.check_is_paused(), Err(VaultError::VaultIsPaused));
        v.is_paused = 7;
        assert!(v.is_paused());
    }

    #[test]
    fn mint_burn_admin() {
        let mut v = new_vault(0, 0, 0, 0);
        assert_eq!(v.check_mint_burn_admin(None), Ok(()));
        v.mint_burn_admin = key(6);
        assert_eq!(
            v.check_mint_burn_admin(None),
            Err(VaultError::VaultMintBurnAdminInvalid)
        );
        let mut not_signer = FakeAccount::new(key(6), false);
        assert_eq!(
            v.check_mint_burn_admin(Some(&not_signer.view())),
            Err(VaultError::VaultMintBurnAdminInvalid)
        );
        let mut wrong = FakeAccount::new(key(7), true);
        assert_eq!(
            v.check_mint_burn_admin(Some(&wrong.view())),
            Err(VaultError::VaultMintBurnAdminInvalid)
        );
        let mut good = FakeAccount::new(key(6), true);
        assert_eq!(v.check_mint_burn_admin(Some(&good.view())), Ok(()));
    }

    #[test]
    fn override_deposit_fee_and_initial_supply() {
        let mut v = new_vault(0, 0, 0, 0);
        let mut unsigned = FakeAccount::new(key(4), false);
        let mut signed = FakeAccount::new(key(4), true);
        assert_eq!(
            v.initialize_vault_override_deposit_fee_bps(100, &unsigned.view()),
            Err(ProgramError::MissingRequiredSignature)
        );
        assert_eq!(
            v.initialize_vault_override_deposit_fee_bps(MAX_BPS + 1, &signed.view()),
            Err(VaultError::VaultFeeCapExceeded.into())
        );
        v.initialize_vault_override_deposit_fee_bps(MAX_BPS, &signed.view())
            .unwrap();
        assert_eq!(v.deposit_fee_bps(), MAX_BPS);

        let mut v = new_vault(1_000, 0, 0, 0);
        assert_eq!(
            v.mint_initial_supply(0, 1_000, &signed.view()),
            Err(VaultError::VaultInitialAmountFailed.into())
        );
        v.mint_initial_supply(10_000, 1_000, &signed.view())
            .unwrap();
        assert_eq!(v.tokens_deposited(), 10_000);
        assert_eq!(v.vrt_supply(), 10_000);
        assert_eq!(v.deposit_fee_bps(), 1_000);
        // A capacity below the amount fails like a normal mint.
        let mut v = new_vault(0, 0, 0, 0);
        v.set_deposit_capacity(5);
        assert_eq!(
            v.mint_initial_supply(6, 0, &signed.view()),
            Err(VaultError::VaultCapacityExceeded.into())
        );
    }

    // ---------------- minting ----------------

    #[test]
    fn mint_simple_and_with_fee() {
        let mut v = test_vault(0, 0, 0, 0, 0, ds(0, 0, 0));
        assert_eq!(
            v.mint_with_fee(100, 100),
            Ok(MintSummary {
                vrt_to_depositor: 100,
                vrt_to_fee_wallet: 0
            })
        );
        let mut v = test_vault(100, 0, 0, 0, 0, ds(0, 0, 0));
        assert_eq!(
            v.mint_with_fee(100, 99),
            Ok(MintSummary {
                vrt_to_depositor: 99,
                vrt_to_fee_wallet: 1
            })
        );
        assert_eq!((v.tokens_deposited(), v.vrt_supply()), (100, 100));
        let mut v = test_vault(100, 0, 0, 0, 0, ds(0, 0, 0));
        assert_eq!(v.mint_with_fee(100, 100), Err(VaultError::SlippageError));
        assert_eq!((v.tokens_deposited(), v.vrt_supply()), (0, 0));
    }

    #[test]
    fn mint_ratio_after_slash_and_reward() {
        let mut v = test_vault(0, 0, 0, 90, 100, ds(0, 0, 0));
        assert_eq!(v.mint_with_fee(100, 111).unwrap().vrt_to_depositor, 111);
        assert_eq!((v.tokens_deposited(), v.vrt_supply()), (190, 211));
        let mut v = test_vault(0, 0, 0, 200, 100, ds(0, 0, 0));
        assert_eq!(v.mint_with_fee(100, 50).unwrap().vrt_to_depositor, 50);
        assert_eq!((v.tokens_deposited(), v.vrt_supply()), (300, 150));
    }

    #[test]
    fn mint_edges() {
        let mut v = test_vault(0, 0, 0, 1000, 1000, ds(0, 0, 0));
        assert_eq!(v.mint_with_fee(0, 0), Err(VaultError::VaultMintZero));
        let mut v = test_vault(0, 0, 0, 900, 1000, ds(0, 0, 0));
        v.set_capacity(1000);
        assert_eq!(v.mint_with_fee(100, 111).unwrap().vrt_to_depositor, 111);
        assert_eq!(
            v.mint_with_fee(1, 1),
            Err(VaultError::VaultCapacityExceeded)
        );
        let mut v = test_vault(0, 0, 0, 1_000_000, 1_000_000, ds(0, 0, 0));
        assert_eq!(v.mint_with_fee(1, 1).unwrap().vrt_to_depositor, 1);
        let mut v = test_vault(500, 0, 0, 0, 0, ds(0, 0, 0));
        assert_eq!(
            v.mint_with_fee(1000, 950),
            Ok(MintSummary {
                vrt_to_depositor: 950,
                vrt_to_fee_wallet: 50
            })
        );
        let mut v = test_vault(100, 0, 0, 0, 0, ds(0, 0, 0));
        assert_eq!(v.mint_with_fee(1000, 990).unwrap().vrt_to_depositor, 990);
        assert_eq!(v.mint_with_fee(1000, 991), Err(VaultError::SlippageError));
        // A 1 bps fee on 1 VRT rounds up to the whole VRT.
        let mut v = test_vault(1, 0, 0, 0, 0, ds(0, 0, 0));
        assert_eq!(
            v.mint_with_fee(1, 0),
            Ok(MintSummary {
                vrt_to_depositor: 0,
                vrt_to_fee_wallet: 1
            })
        );
        // Overflow of deposits and of the exchange rate.
        let mut v = test_vault(0, 0, 0, u64::MAX, 1, ds(0, 0, 0));
        assert_eq!(v.mint_with_fee(1, 0), Err(VaultError::VaultOverflow));
        let mut v = test_vault(0, 0, 0, 1, u64::MAX, ds(0, 0, 0));
        assert_eq!(v.mint_with_fee(2, 0), Err(VaultError::VaultOverflow));
        let mut v = test_vault(0, 0, 0, 1, u64::MAX, ds(0, 0, 0));
        assert_eq!(v.mint_with_fee(1, 0), Err(VaultError::VaultOverflow));
        let mut v = test_vault(0, 0, 0, 2, u64::MAX - 1, ds(0, 0, 0));
        assert_eq!(v.calculate_vrt_mint_amount(2), Ok(u64::MAX - 1));
        assert_eq!(v.mint_with_fee(1, 0), Err(VaultError::VaultOverflow));
    }

    #[test]
    fn vrt_mint_amount_rounds_down() {
        let v = test_vault(0, 0, 0, 3, 2, ds(0, 0, 0));
        assert_eq!(v.calculate_vrt_mint_amount(1), Ok(0));
        assert_eq!(v.calculate_vrt_mint_amount(2), Ok(1));
        assert_eq!(
            v.calculate_vrt_mint_amount(u64::MAX),
            Ok(((u64::MAX as u128 * 2) / 3) as u64)
        );
        let empty = test_vault(0, 0, 0, 0, 77, ds(0, 0, 0));
        assert_eq!(empty.calculate_vrt_mint_amount(u64::MAX), Ok(u64::MAX));
        let v = test_vault(0, 0, 0, u64::MAX, u64::MAX, ds(0, 0, 0));
        assert_eq!(v.calculate_vrt_mint_amount(u64::MAX), Ok(u64::MAX));
        assert_eq!(v.calculate_assets_returned_amount(u64::MAX), Ok(u64::MAX));
        let v = test_vault(0, 0, 0, 2, 3, ds(0, 0, 0));
        assert_eq!(v.calculate_assets_returned_amount(1), Ok(0));
        let v = test_vault(0, 0, 0, 2, 0, ds(0, 0, 0));
        assert_eq!(
            v.calculate_assets_returned_amount(1),
            Err(VaultError::VaultOverflow)
        );
    }

    // ---------------- burning ----------------

    fn burn(
        v: &mut Vault,
        p: bool,
        f: bool,
        amount: u64,
    ) -> Result<(u64, u64, u64, u64), VaultError> {
        v.burn_with_fee(p, f, amount).map(|s| {
            (
                s.vault_fee_amount,
                s.program_fee_amount,
                s.burn_amount,
                s.out_amount,
            )
        })
    }

    #[test]
    fn burn_fees_and_fee_wallets() {
        let mut v = test_vault(0, 100, 0, 100, 100, ds(0, 0, 0));
        assert_eq!(burn(&mut v, false, false, 100), Ok((1, 0, 99, 99)));
        let mut v = test_vault(0, 100, 100, 100, 100, ds(0, 0, 0));
        assert_eq!(burn(&mut v, true, false, 100), Ok((1, 0, 99, 99)));
        let mut v = test_vault(0, 100, 100, 100, 100, ds(0, 0, 0));
        assert_eq!(burn(&mut v, false, true, 100), Ok((0, 1, 99, 99)));
        let mut v = test_vault(0, 100, 100, 100, 100, ds(0, 0, 0));
        assert_eq!(burn(&mut v, true, true, 100), Ok((0, 0, 100, 100)));
        let mut v = test_vault(0, 100, 200, 100, 100, ds(0, 0, 0));
        assert_eq!(burn(&mut v, false, false, 100), Ok((1, 2, 97, 97)));
        // Program fee first when both fees exceed the amount.
        let mut v = test_vault(0, 1500, 9000, 100, 100, ds(0, 0, 0));
        assert_eq!(burn(&mut v, false, false, 100), Ok((10, 90, 0, 0)));
        let mut v = test_vault(0, 0, 10_000, 100, 100, ds(0, 0, 0));
        assert_eq!(burn(&mut v, false, false, 100), Ok((0, 100, 0, 0)));
        let mut v = test_vault(0, 500, 0, 10_000, 10_000, ds(0, 0, 0));
        assert_eq!(burn(&mut v, false, false, 1000), Ok((50, 0, 950, 950)));
    }

    #[test]
    fn burn_limits() {
        let mut v = test_vault(0, 100, 0, 100, 100, ds(0, 0, 0));
        assert_eq!(
            burn(&mut v, false, false, 101),
            Err(VaultError::VaultInsufficientFunds)
        );
        assert_eq!(
            burn(&mut v, false, false, 0),
            Err(VaultError::VaultBurnZero)
        );
        let mut v = test_vault(0, 0, 0, 100, 100, ds(10, 10, 0));
        assert_eq!(burn(&mut v, false, false, 50), Ok((0, 0, 50, 50)));
        assert_eq!((v.tokens_deposited(), v.vrt_supply()), (50, 50));
        let mut v = test_vault(0, 0, 0, 100, 100, ds(50, 0, 0));
        assert_eq!(
            burn(&mut v, false, false, 51),
            Err(VaultError::VaultUnderflow)
        );
        assert_eq!((v.tokens_deposited(), v.vrt_supply()), (100, 100));
        let mut v = test_vault(0, 0, 0, 100, 100, ds(100, 0, 0));
        assert_eq!(
            burn(&mut v, false, false, 1),
            Err(VaultError::VaultUnderflow)
        );
        let mut v = test_vault(0, 0, 0, 100, 100, ds(u64::MAX, 1, 0));
        assert_eq!(
            burn(&mut v, false, false, 1),
            Err(VaultError::VaultSecurityOverflow)
        );
        let mut v = test_vault(0, 0, 0, 1_000_000, 1_000_000, ds(0, 0, 0));
        assert_eq!(burn(&mut v, false, false, 1), Ok((0, 0, 1, 1)));
        assert_eq!((v.tokens_deposited(), v.vrt_supply()), (999_999, 999_999));
        let mut v = test_vault(0, 100, 0, u64::MAX, u64::MAX, ds(0, 0, 0));
        let fee = ((u64::MAX as u128 * 100).div_ceil(10_000)) as u64;
        assert_eq!(
            burn(&mut v, false, false, u64::MAX),
            Ok((fee, 0, u64::MAX - fee, u64::MAX - fee))
        );
        // The rounded-up 1 bps fee takes the only VRT.
        let mut v = test_vault(0, 1, 0, 0, 0, ds(0, 0, 0));
        v.mint_with_fee(1, 1).unwrap();
        assert_eq!(burn(&mut v, false, false, 1), Ok((1, 0, 0, 0)));
    }

    // ---------------- delegation and reserves ----------------

    #[test]
    fn delegate_respects_reserves() {
        let mut v = test_vault(0, 0, 0, 1000, 1000, ds(0, 0, 0));
        assert_eq!(v.delegate(0), Err(VaultError::VaultDelegationZero));
        assert_eq!(v.delegate(1001), Err(VaultError::VaultInsufficientFunds));
        v.delegate(1000).unwrap();
        assert_eq!(v.delegation_state, ds(1000, 0, 0));
        let mut v = test_vault(0, 0, 0, 1000, 1000, ds(500, 200, 200));
        assert_eq!(v.delegate(101), Err(VaultError::VaultInsufficientFunds));
        let mut v = test_vault(0, 0, 0, 1000, 1000, ds(500, 200, 100));
        v.delegate(100).unwrap();
        let mut v = test_vault(0, 0, 0, 1000, 1000, ds(0, 0, 0));
        v.increment_vrt_ready_to_claim_amount(100).unwrap();
        assert_eq!(v.delegate(901), Err(VaultError::VaultInsufficientFunds));
        v.delegate(900).unwrap();
        let mut v = test_vault(0, 0, 0, 1000, 1000, ds(100, 100, 100));
        v.increment_vrt_ready_to_claim_amount(100).unwrap();
        assert_eq!(v.delegate(601), Err(VaultError::VaultInsufficientFunds));
        v.delegate(400).unwrap();
        let mut v = test_vault(0, 0, 0, 900, 1000, ds(0, 500, 0));
        v.increment_vrt_ready_to_claim_amount(500).unwrap();
        assert_eq!(v.delegate(100), Err(VaultError::VaultUnderflow));
        let mut v = test_vault(0, 0, 0, 0, 1000, ds(0, 0, 0));
        assert_eq!(v.delegate(1), Err(VaultError::VaultUnderflow));
        let mut v = test_vault(0, 0, 0, 1000, 0, ds(0, 0, 0));
        assert_eq!(v.delegate(1), Err(VaultError::VaultUnderflow));
    }

    #[test]
    fn withdrawal_reserve() {
        let mut v = test_vault(0, 0, 0, 1000, 1000, ds(0, 0, 0));
        v.set_vrt_cooling_down_amount(100);
        assert_eq!(
            v.calculate_supported_assets_requested_for_withdrawal(),
            Ok(100)
        );
        let mut v = test_vault(0, 100, 0, 1000, 1000, ds(0, 0, 0));
        v.set_vrt_cooling_down_amount(100);
        // The 1% withdrawal fee stays in the vault: 99 tokens are reserved.
        assert_eq!(
            v.calculate_supported_assets_requested_for_withdrawal(),
            Ok(99)
        );
        let mut v = test_vault(0, 100, 0, 1000, 1000, ds(0, 0, 0));
        v.set_vrt_enqueued_for_cooldown_amount(50);
        v.set_vrt_cooling_down_amount(25);
        v.set_vrt_ready_to_claim_amount(25);
        assert_eq!(
            v.calculate_supported_assets_requested_for_withdrawal(),
            Ok(99)
        );
        let mut v = test_vault(0, 0, 0, 1000, 0, ds(0, 0, 0));
        v.set_vrt_cooling_down_amount(100);
        assert_eq!(
            v.calculate_supported_assets_requested_for_withdrawal(),
            Ok(0)
        );
        let mut v = test_vault(0, 0, 0, 1000, 1000, ds(0, 0, 0));
        v.set_vrt_cooling_down_amount(u64::MAX);
        v.set_vrt_ready_to_claim_amount(1);
        assert_eq!(
            v.calculate_supported_assets_requested_for_withdrawal(),
            Err(VaultError::VaultOverflow)
        );
    }

    #[test]
    fn assets_needed_to_unstake() {
        let mut v = test_vault(0, 0, 0, 1000, 1000, ds(1000, 0, 0));
        v.set_vrt_cooling_down_amount(100);
        assert_eq!(
            v.calculate_additional_supported_assets_needed_to_unstake(100, 100),
            Ok(100)
        );
        v.delegation_state = ds(900, 0, 100);
        assert_eq!(
            v.calculate_additional_supported_assets_needed_to_unstake(100, 100),
            Ok(0)
        );
        v.set_vrt_cooling_down_amount(200);
        assert_eq!(
            v.calculate_additional_supported_assets_needed_to_unstake(100, 100),
            Ok(100)
        );

        let mut v = test_vault(0, 0, 0, 1000, 1000, ds(900, 0, 100));
        v.set_vrt_cooling_down_amount(100);
        assert_eq!(
            v.calculate_additional_supported_assets_needed_to_unstake(100, 100),
            Ok(0)
        );
        assert_eq!(
            v.calculate_additional_supported_assets_needed_to_unstake(200, 100),
            Ok(0)
        );

        let mut v = test_vault(0, 0, 0, 1000, 1000, ds(800, 100, 100));
        v.set_vrt_cooling_down_amount(300);
        assert_eq!(
            v.calculate_additional_supported_assets_needed_to_unstake(100, 100),
            Ok(100)
        );
        assert_eq!(
            v.calculate_additional_supported_assets_needed_to_unstake(200, 100),
            Ok(100)
        );
        v.increment_vrt_supply(100).unwrap();
        v.increment_tokens_deposited(100).unwrap();
        assert_eq!(
            v.calculate_additional_supported_assets_needed_to_unstake(200, 100),
            Ok(0)
        );
        // Same epoch: nothing rolls forward.
        let mut v = test_vault(0, 0, 0, 1000, 1000, ds(800, 100, 100));
        v.set_vrt_cooling_down_amount(300);
        assert_eq!(
            v.calculate_additional_supported_assets_needed_to_unstake(99, 100),
            Ok(100)
        );
        // A slot before the last update is an underflow, a zero epoch length an error.
        v.set_last_full_state_update_slot(500);
        assert_eq!(
            v.calculate_additional_supported_assets_needed_to_unstake(100, 100),
            Err(VaultError::ArithmeticUnderflow.into())
        );
        assert_eq!(
            v.calculate_additional_supported_assets_needed_to_unstake(600, 0),
            Err(ProgramError::Custom(0))
        );
    }

    // ---------------- rewards ----------------

    /// What UpdateVaultBalance does, with a signed reward.
    fn check_fee(
        st: u64,
        vrt: u64,
        st_rewards: i64,
        reward_fee: u16,
        max_delta: u16,
    ) -> Result<(), VaultError> {
        let mut v = new_vault(0, 0, reward_fee, 0);
        v.set_tokens_deposited(st);
        v.set_vrt_supply(vrt);
        let new_st = (st as i64 + st_rewards) as u64;
        let fee = v.calculate_st_reward_fee(new_st)?;
        v.set_tokens_deposited(new_st - fee);
        let vrt_fee = v.calculate_vrt_mint_amount(fee)?;
        v.set_tokens_deposited(new_st);
        v.increment_vrt_supply(vrt_fee)?;
        v.check_reward_fee_effective_rate(st_rewards.max(0) as u64, vrt_fee, max_delta)
    }

    #[test]
    fn reward_fee_in_st() {
        let mut v = new_vault(0, 0, 1000, 0);
        assert_eq!(v.calculate_st_reward_fee(1000), Ok(100));
        v.set_tokens_deposited(1000);
        assert_eq!(v.calculate_st_reward_fee(0), Ok(0));
        assert_eq!(v.calculate_st_reward_fee(1001), Ok(1));
        let v = new_vault(0, 0, 10_000, 0);
        assert_eq!(v.calculate_st_reward_fee(1000), Ok(1000));
        assert_eq!(v.calculate_st_reward_fee(u64::MAX), Ok(u64::MAX));
    }

    #[test]
    fn apply_rewards_matches_the_original_example() {
        // 1000 ST / 1000 VRT, 1000 ST of rewards, 10% fee: 52 VRT to the fee wallet.
        let mut v = new_vault(0, 0, 1000, 0);
        v.set_tokens_deposited(1000);
        v.set_vrt_supply(1000);
        assert_eq!(v.apply_rewards(2000), Ok(52));
        assert_eq!((v.tokens_deposited(), v.vrt_supply()), (2000, 1052));
        // No growth: nothing minted, losses are booked.
        assert_eq!(v.apply_rewards(1500), Ok(0));
        assert_eq!((v.tokens_deposited(), v.vrt_supply()), (1500, 1052));
    }

    #[test]
    fn reward_fee_effective_rate() {
        assert_eq!(check_fee(1000, 1000, 1000, 1000, 60), Ok(()));
        assert_eq!(
            check_fee(
                100_000_000_000_000,
                95_000_000_000_000,
                5_000_000_000,
                1000,
                50
            ),
            Ok(())
        );
        assert_eq!(check_fee(1000, 1000, 10_000, 10_000, 50), Ok(()));
        assert_eq!(check_fee(1000, 1000, 1_000_000_000, 1000, 50), Ok(()));
        assert_eq!(check_fee(1000, 1000, 0, 1000, 50), Ok(()));
        assert_eq!(check_fee(1000, 1000, -500, 1000, 50), Ok(()));
        assert_eq!(check_fee(1000, 1000, 1000, 0, 50), Ok(()));
        assert_eq!(
            check_fee(100_000_000_000_000, 95_000_000_000_000, 50, 1000, 50),
            Err(VaultError::VaultRewardFeeDeltaTooLarge)
        );
        assert_eq!(
            check_fee(1000, 1000, 2, 1000, 50),
            Err(VaultError::VaultRewardFeeIsZero)
        );
        assert_eq!(
            check_fee(10_000, 10_000, 1000, 1000, MAX_BPS + 1),
            Err(VaultError::VaultFeeCapExceeded)
        );
    }

    // ---------------- fee changes ----------------

    #[test]
    fn fee_change_window() {
        let mut v = new_vault(0, 0, 0, 0);
        v.set_last_fee_change_slot(1);
        assert_eq!(v.check_can_modify_fees(200, 100), Ok(()));
        assert_eq!(
            v.check_can_modify_fees(199, 100),
            Err(VaultError::VaultFeeChangeTooSoon.into())
        );
        assert_eq!(
            v.check_can_modify_fees(101, 100),
            Err(VaultError::VaultFeeChangeTooSoon.into())
        );
        assert_eq!(
            v.check_can_modify_fees(100, 100),
            Err(VaultError::VaultFeeChangeTooSoon.into())
        );
        v.set_last_fee_change_slot(101);
        assert_eq!(
            v.check_can_modify_fees(102, 100),
            Err(VaultError::VaultFeeChangeTooSoon.into())
        );
        assert_eq!(v.check_can_modify_fees(1, 0), Err(ProgramError::Custom(0)));
        v.set_last_fee_change_slot(u64::MAX);
        assert_eq!(
            v.check_can_modify_fees(u64::MAX, 1),
            Err(VaultError::ArithmeticOverflow.into())
        );
    }

    #[test]
    fn fee_change_limits() {
        let ok = |c, n, cap, bump, rate| Vault::check_fee_change_ok(c, n, cap, bump, rate);
        assert_eq!(ok(100, 125, 3000, 10, 2500), Ok(()));
        assert_eq!(
            ok(100, 126, 3000, 10, 2500),
            Err(VaultError::VaultFeeBumpTooLarge)
        );
        assert_eq!(ok(1, 10, 3000, 10, 2500), Ok(()));
        assert_eq!(
            ok(1, 13, 3000, 10, 2500),
            Err(VaultError::VaultFeeBumpTooLarge)
        );
        assert_eq!(ok(0, 10, 3000, 10, 2500), Ok(()));
        assert_eq!(
            ok(0, 11, 3000, 10, 2500),
            Err(VaultError::VaultFeeBumpTooLarge)
        );
        assert_eq!(ok(100, 100, 3000, 10, 2500), Ok(()));
        assert_eq!(ok(100, 0, 3000, 10, 2500), Ok(()));
        assert_eq!(ok(MAX_BPS - 1, MAX_BPS, MAX_BPS, 10, 2500), Ok(()));
        assert_eq!(ok(MAX_BPS, 0, 3000, 10, 2500), Ok(()));
        assert_eq!(
            ok(0, u16::MAX, u16::MAX, 10, 2500),
            Err(VaultError::VaultFeeCapExceeded)
        );
        assert_eq!(ok(2999, 3000, 3000, 10, 2500), Ok(()));
        assert_eq!(
            ok(2999, 3001, 3000, 10, 2500),
            Err(VaultError::VaultFeeCapExceeded)
        );
        assert_eq!(
            ok(0, 0, 0, MAX_BPS + 1, 0),
            Err(VaultError::VaultFeeCapExceeded)
        );
    }

    /// `set_fees` (limits checked once) returns what the original's setters
    /// called in SetFees' order return, and leaves the same fees on success,
    /// over edge values of every input (forged states included).
    #[test]
    fn set_fees_matches_the_original_setters() {
        const V: [u16; 14] = [
            0,
            1,
            9,
            10,
            11,
            100,
            125,
            126,
            2999,
            3000,
            3001,
            10_000,
            10_001,
            u16::MAX,
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut pick = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..300_000 {
            let mut fee = || match pick(V.len() + 1) {
                0 => None,
                i => Some(V[i - 1]),
            };
            let (d, w, r) = (fee(), fee(), fee());
            let (cap, bump, rate) = (V[pick(V.len())], V[pick(V.len())], V[pick(V.len())]);
            let mut v = new_vault(0, 0, 0, 0);
            v.set_deposit_fee_bps_unchecked(V[pick(V.len())]);
            v.set_withdrawal_fee_bps_unchecked(V[pick(V.len())]);
            v.set_next_withdrawal_fee_bps_unchecked(V[pick(V.len())]);
            v.set_reward_fee_bps_unchecked(V[pick(V.len())]);
            let mut original = v;
            let expected: Result<(), ProgramError> = (|| {
                if let Some(fee) = d {
                    original.set_deposit_fee_bps(fee, cap, bump, rate)?;
                }
                if let Some(fee) = w {
                    original.set_next_withdrawal_fee_bps(fee, cap, bump, rate)?;
                }
                if let Some(fee) = r {
                    original.set_reward_fee_bps(fee)?;
                }
                Ok(())
            })();
            let got = v.set_fees(d, w, r, cap, bump, rate);
            assert_eq!(got, expected, "{d:?} {w:?} {r:?} {cap} {bump} {rate} {v:?}");
            if got.is_ok() {
                assert_eq!(v, original);
            }
        }
    }

    #[test]
    fn fee_setters() {
        let mut v = new_vault(100, 100, 0, 0);
        assert_eq!(
            v.set_deposit_fee_bps(126, 3000, 10, 2500),
            Err(VaultError::VaultFeeBumpTooLarge)
        );
        assert_eq!(
            v.set_deposit_fee_bps(3001, 3000, 10, 2500),
            Err(VaultError::VaultFeeCapExceeded)
        );
        assert_eq!(
            v.set_deposit_fee_bps(MAX_BPS + 1, u16::MAX, 10, 2500),
            Err(VaultError::VaultFeeCapExceeded)
        );
        assert_eq!(v.deposit_fee_bps(), 100);
        v.set_deposit_fee_bps(125, 3000, 10, 2500).unwrap();
        assert_eq!(v.deposit_fee_bps(), 125);
        // The next withdrawal fee is checked against the current one, not the next.
        v.set_next_withdrawal_fee_bps(125, 3000, 10, 2500).unwrap();
        v.set_next_withdrawal_fee_bps(120, 3000, 10, 2500).unwrap();
        assert_eq!(v.withdrawal_fee_bps(), 100);
        assert_eq!(v.next_withdrawal_fee_bps(), 120);
        assert_eq!(
            v.set_next_withdrawal_fee_bps(126, 3000, 10, 2500),
            Err(VaultError::VaultFeeBumpTooLarge)
        );
        assert_eq!(v.set_reward_fee_bps(MAX_BPS), Ok(()));
        assert_eq!(
            v.set_reward_fee_bps(MAX_BPS + 1),
            Err(VaultError::VaultFeeCapExceeded)
        );
        assert_eq!(v.set_withdrawal_fee_bps(MAX_BPS), Ok(()));
        assert_eq!(
            v.set_withdrawal_fee_bps(MAX_BPS + 1),
            Err(VaultError::VaultFeeCapExceeded)
        );
        assert_eq!(v.set_program_fee_bps(0), Ok(()));
        assert_eq!(v.set_program_fee_bps(MAX_BPS), Ok(()));
        assert_eq!(
            v.set_program_fee_bps(MAX_BPS + 1),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(v.program_fee_bps(), MAX_BPS);
    }

    // ---------------- epoch update ----------------

    #[test]
    fn update_needed() {
        let mut v = new_vault(0, 0, 0, 0);
        v.set_last_full_state_update_slot(150);
        assert_eq!(v.is_update_needed(199, 100), Ok(false));
        assert_eq!(v.check_update_state_ok(199, 100), Ok(()));
        assert_eq!(v.is_update_needed(200, 100), Ok(true));
        assert_eq!(
            v.check_update_state_ok(200, 100),
            Err(VaultError::VaultUpdateNeeded.into())
        );
        assert_eq!(v.is_update_needed(0, 100), Ok(false));
        assert_eq!(v.is_update_needed(0, 0), Err(ProgramError::Custom(0)));
    }

    #[test]
    fn begin_update_fresh_and_recovering() {
        let mut v = test_vault(0, 100, 0, 1000, 1000, ds(1000, 0, 0));
        v.set_next_withdrawal_fee_bps_unchecked(120);
        v.set_vrt_cooling_down_amount(100);
        v.set_last_full_state_update_slot(50);
        v.set_last_start_state_update_slot(50);
        v.begin_state_update(150, 100, 30).unwrap();
        assert_eq!(v.withdrawal_fee_bps(), 120);
        assert_eq!(v.program_fee_bps(), 30);
        // 100 VRT minus the 1.2% and 0.3% fees (2 + 1, rounded up): 97 tokens to unstake.
        assert_eq!(v.additional_assets_need_unstaking(), 97);
        assert_eq!(v.last_start_state_update_slot(), 150);
        // An update started (epoch 1) but not finished: keep the remaining amount.
        v.set_additional_assets_need_unstaking(40);
        v.set_next_withdrawal_fee_bps_unchecked(0);
        v.begin_state_update(250, 100, 0).unwrap();
        assert_eq!(v.additional_assets_need_unstaking(), 40);
        assert_eq!(v.withdrawal_fee_bps(), 120);
        assert_eq!(v.program_fee_bps(), 30);
        assert_eq!(v.last_start_state_update_slot(), 250);
        assert_eq!(
            v.begin_state_update(250, 100, MAX_BPS + 1),
            Ok(()),
            "the program fee is not read when recovering"
        );
        let mut w = test_vault(0, 0, 0, 0, 0, ds(0, 0, 0));
        assert_eq!(
            w.begin_state_update(250, 100, MAX_BPS + 1),
            Err(ProgramError::InvalidInstructionData)
        );
    }

    #[test]
    fn greedy_allocation() {
        let mut v = new_vault(0, 0, 0, 0);
        v.set_additional_assets_need_unstaking(30);
        let mut op = ds(20, 0, 0);
        v.allocate_withdrawal_greedy(&mut op, false).unwrap();
        assert_eq!(op, ds(0, 20, 0));
        assert_eq!(v.additional_assets_need_unstaking(), 10);
        let mut op2 = ds(50, 1, 2);
        v.allocate_withdrawal_greedy(&mut op2, true).unwrap();
        assert_eq!(op2, ds(50, 1, 2));
        v.allocate_withdrawal_greedy(&mut op2, false).unwrap();
        assert_eq!(op2, ds(40, 11, 2));
        assert_eq!(v.additional_assets_need_unstaking(), 0);
        v.allocate_withdrawal_greedy(&mut op2, false).unwrap();
        assert_eq!(op2, ds(40, 11, 2));
        let mut full = ds(5, u64::MAX, 0);
        v.set_additional_assets_need_unstaking(1);
        assert_eq!(
            v.allocate_withdrawal_greedy(&mut full, false),
            Err(VaultError::VaultSecurityOverflow)
        );
    }

    #[test]
    fn finish_update_rolls_vrt_buckets() {
        let mut v = new_vault(0, 0, 0, 0);
        v.set_vrt_enqueued_for_cooldown_amount(5);
        v.set_vrt_cooling_down_amount(7);
        v.set_vrt_ready_to_claim_amount(1);
        v.set_last_full_state_update_slot(100);
        v.finish_state_update(&ds(3, 2, 1), 250, 100).unwrap();
        assert_eq!(v.delegation_state, ds(3, 2, 1));
        assert_eq!(v.last_full_state_update_slot(), 250);
        assert_eq!(v.vrt_ready_to_claim_amount(), 8);
        assert_eq!(v.vrt_cooling_down_amount(), 5);
        assert_eq!(v.vrt_enqueued_for_cooldown_amount(), 0);
        // Two or more epochs: both steps.
        v.set_vrt_enqueued_for_cooldown_amount(4);
        v.finish_state_update(&ds(0, 0, 0), 950, 100).unwrap();
        assert_eq!(v.vrt_ready_to_claim_amount(), 17);
        assert_eq!(v.vrt_cooling_down_amount(), 0);
        // Same epoch: no step.
        v.set_vrt_cooling_down_amount(3);
        v.finish_state_update(&ds(0, 0, 0), 951, 100).unwrap();
        assert_eq!(v.vrt_ready_to_claim_amount(), 17);
        assert_eq!(
            v.finish_state_update(&ds(0, 0, 0), 10, 100),
            Err(VaultError::VaultUnderflow.into())
        );
    }

    #[test]
    fn counters_overflow_with_their_errors() {
        let mut v = new_vault(0, 0, 0, 0);
        v.set_ncn_count(u64::MAX);
        v.set_operator_count(u64::MAX);
        v.set_slasher_count(u64::MAX);
        assert_eq!(v.increment_ncn_count(), Err(VaultError::NcnOverflow));
        assert_eq!(
            v.increment_operator_count(),
            Err(VaultError::OperatorOverflow)
        );
        assert_eq!(
            v.increment_slasher_count(),
            Err(VaultError::SlasherOverflow)
        );
        assert_eq!(
            v.decrement_tokens_deposited(1),
            Err(VaultError::VaultUnderflow)
        );
        assert_eq!(v.decrement_vrt_supply(1), Err(VaultError::VaultUnderflow));
        assert_eq!(
            v.decrement_vrt_ready_to_claim_amount(1),
            Err(VaultError::VaultUnderflow)
        );
        assert_eq!(
            v.decrement_additional_assets_need_unstaking(1),
            Err(VaultError::VaultUnderflow)
        );
        v.set_vrt_enqueued_for_cooldown_amount(u64::MAX);
        assert_eq!(
            v.increment_vrt_enqueued_for_cooldown_amount(1),
            Err(VaultError::VaultOverflow)
        );
    }

    #[test]
    fn restaking_raw_offsets_match_the_struct() {
        // The restaking program reads a vault at raw offsets (it does not
        // depend on this crate): tie them to the struct.
        use crate::restaking::vault as rv;
        use core::mem::offset_of;
        use jito_core::account::HEADER_LEN;
        assert_eq!(rv::VAULT_BASE_OFFSET, HEADER_LEN + offset_of!(Vault, base));
        assert_eq!(rv::VAULT_BUMP_OFFSET, HEADER_LEN + offset_of!(Vault, bump));
        assert_eq!(rv::VAULT_LEN, Vault::LEN);
        assert_eq!(rv::VAULT_DISCRIMINATOR, Vault::DISCRIMINATOR);
    }
}

//! Snapshots of an epoch's stake: the epoch snapshot (PDA `["epoch_snapshot", ncn, epoch_le]`)
//! and one operator snapshot per operator (PDA `["operator_snapshot", operator, ncn,
//! epoch_le]`) with the stake weight of each of its vault delegations.

use jito_core::{
    account::{check_account, AccountType},
    unlikely,
};
use pinocchio::Address as Pubkey;
use pinocchio::{address::address_eq, error::ProgramError, AccountView, Address, ProgramResult};
use shank::{ShankAccount, ShankType};

use super::{discriminator, le_fields, mul_u64, pod_bool, Fees};
use crate::{constants::MAX_VAULTS, error::NcnProgramError};

/// PDA seed prefix of the epoch snapshot: `["epoch_snapshot", ncn, epoch (u64 LE)]`.
pub const EPOCH_SNAPSHOT_SEED: &[u8] = b"epoch_snapshot";
/// PDA seed prefix of an operator snapshot: `["operator_snapshot", operator, ncn, epoch]`.
pub const OPERATOR_SNAPSHOT_SEED: &[u8] = b"operator_snapshot";

/// A stake weight (template `StakeWeights`: one `PodU128`).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ShankType)]
pub struct StakeWeights {
    #[idl_type("u128")]
    stake_weight: [u8; 16],
}

impl StakeWeights {
    pub const fn new(stake_weight: u128) -> Self {
        Self {
            stake_weight: stake_weight.to_le_bytes(),
        }
    }

    le_fields! {
        stake_weight, set_stake_weight: u128;
    }

    /// The template's stake weight of a delegation: its total security (staked, enqueued for
    /// cooldown and cooling down) times the mint's weight. The template computes it with
    /// `PreciseNumber`, which is exact here (both are integers); a product above `u128::MAX`
    /// makes its `as_u128` panic, here `CastToImpreciseNumberError`.
    pub fn of_delegation(total_security: u64, weight: u128) -> Result<Self, NcnProgramError> {
        // A weight below 2^64 (every practical one) multiplies in 64-bit pieces and cannot
        // overflow; a larger one takes the checked 128-bit product.
        if let Ok(weight) = u64::try_from(weight) {
            return Ok(Self::new(mul_u64(total_security, weight)));
        }
        (total_security as u128)
            .checked_mul(weight)
            .map(Self::new)
            .ok_or(NcnProgramError::CastToImpreciseNumberError)
    }

    /// Adds `other` (`ArithmeticOverflow`).
    pub fn increment(&mut self, other: &Self) -> Result<(), NcnProgramError> {
        let sum = self
            .stake_weight()
            .checked_add(other.stake_weight())
            .ok_or(NcnProgramError::ArithmeticOverflow)?;
        self.set_stake_weight(sum);
        Ok(())
    }
}

/// The epoch snapshot (discriminator 0x11, 125 bytes with header).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankAccount)]
pub struct EpochSnapshot {
    pub ncn: Pubkey,
    #[idl_type("u64")]
    epoch: [u8; 8],
    pub bump: u8,
    #[idl_type("u64")]
    slot_created: [u8; 8],
    #[idl_type("u64")]
    slot_finalized: [u8; 8],
    #[idl_type("u64")]
    operator_count: [u8; 8],
    #[idl_type("u64")]
    vault_count: [u8; 8],
    #[idl_type("u64")]
    operators_registered: [u8; 8],
    #[idl_type("u64")]
    valid_operator_vault_delegations: [u8; 8],
    pub stake_weights: StakeWeights,
    pub fees: Fees,
}

// SAFETY: `#[repr(C)]`, only byte fields (alignment 1), valid for every bit pattern.
unsafe impl AccountType for EpochSnapshot {
    const DISCRIMINATOR: u8 = discriminator::EPOCH_SNAPSHOT;
}

impl EpochSnapshot {
    pub const SEED: &'static [u8] = EPOCH_SNAPSHOT_SEED;

    /// Seeds of the PDA (without bump); `epoch` is the epoch's little-endian bytes.
    #[inline(always)]
    pub fn seeds<'a>(ncn: &'a Address, epoch: &'a [u8; 8]) -> [&'a [u8]; 3] {
        [EPOCH_SNAPSHOT_SEED, ncn.as_ref(), epoch]
    }

    le_fields! {
        epoch, set_epoch: u64;
        slot_created, set_slot_created: u64;
        slot_finalized, set_slot_finalized: u64;
        operator_count, set_operator_count: u64;
        vault_count, set_vault_count: u64;
        operators_registered, set_operators_registered: u64;
        valid_operator_vault_delegations, set_valid_operator_vault_delegations: u64;
    }

    /// The template's `EpochSnapshot::new` written into a zeroed account: nothing registered,
    /// not finalized, zero stake weight, the fees in force for the epoch.
    #[allow(clippy::too_many_arguments)]
    pub fn initialize(
        &mut self,
        ncn: &Address,
        epoch: u64,
        bump: u8,
        slot_created: u64,
        operator_count: u64,
        vault_count: u64,
        fees: &Fees,
    ) {
        self.ncn = *ncn;
        self.set_epoch(epoch);
        self.bump = bump;
        self.set_slot_created(slot_created);
        self.set_operator_count(operator_count);
        self.set_vault_count(vault_count);
        self.fees = *fees;
    }

    /// Every operator registered.
    pub fn finalized(&self) -> bool {
        self.operators_registered() == self.operator_count()
    }

    /// The template's `increment_operator_registration`: `OperatorFinalized` once every
    /// operator is registered; counts one more operator, its valid delegations and stake
    /// weight, and records the slot when that completes the snapshot.
    pub fn increment_operator_registration(
        &mut self,
        slot: u64,
        vault_operator_delegations: u64,
        stake_weights: &StakeWeights,
    ) -> Result<(), NcnProgramError> {
        if unlikely(self.finalized()) {
            return Err(NcnProgramError::OperatorFinalized);
        }
        let registered = self
            .operators_registered()
            .checked_add(1)
            .ok_or(NcnProgramError::ArithmeticOverflow)?;
        let delegations = self
            .valid_operator_vault_delegations()
            .checked_add(vault_operator_delegations)
            .ok_or(NcnProgramError::ArithmeticOverflow)?;
        self.stake_weights.increment(stake_weights)?;
        self.set_operators_registered(registered);
        self.set_valid_operator_vault_delegations(delegations);
        if self.finalized() {
            self.set_slot_finalized(slot);
        }
        Ok(())
    }

    /// The template's `EpochSnapshot::load`: owner (`InvalidAccountOwner`), then type, size,
    /// writable and the PDA of `ncn` and `epoch` (`InvalidAccountData`); snapshots are created
    /// only at the canonical PDA of the NCN and epoch they store.
    #[inline(never)]
    pub fn load(
        program_id: &Address,
        account: &AccountView,
        ncn: &Address,
        epoch: u64,
        expect_writable: bool,
    ) -> ProgramResult {
        check_account::<Self>(program_id, account, expect_writable)?;
        // SAFETY: checked above: owned by this program, of this type and size; only read.
        let snapshot = Self::from_bytes(unsafe { account.borrow_unchecked() })?;
        if unlikely(!address_eq(&snapshot.ncn, ncn) || snapshot.epoch() != epoch) {
            return Err(ProgramError::InvalidAccountData);
        }
        Ok(())
    }
}

/// The stake weight of one vault's delegation to the operator (template
/// `VaultOperatorStakeWeight`, 56 bytes).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankType)]
pub struct VaultOperatorStakeWeight {
    pub vault: Pubkey,
    #[idl_type("u64")]
    vault_index: [u8; 8],
    pub stake_weight: StakeWeights,
}

impl VaultOperatorStakeWeight {
    /// The template's default entry: no vault, index `u64::MAX`, no stake weight.
    pub const EMPTY: Self = Self::new(&Address::new_from_array([0; 32]), u64::MAX, 0);

    pub const fn new(vault: &Address, vault_index: u64, stake_weight: u128) -> Self {
        Self {
            vault: *vault,
            vault_index: vault_index.to_le_bytes(),
            stake_weight: StakeWeights::new(stake_weight),
        }
    }

    le_fields! {
        vault_index, set_vault_index: u64;
    }
}

/// An operator snapshot (discriminator 0x12, 3,740 bytes with header).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankAccount)]
pub struct OperatorSnapshot {
    pub operator: Pubkey,
    pub ncn: Pubkey,
    #[idl_type("u64")]
    ncn_epoch: [u8; 8],
    pub bump: u8,
    #[idl_type("u64")]
    slot_created: [u8; 8],
    #[idl_type("u64")]
    slot_finalized: [u8; 8],
    #[idl_type("bool")]
    is_active: u8,
    #[idl_type("u64")]
    ncn_operator_index: [u8; 8],
    #[idl_type("u64")]
    operator_index: [u8; 8],
    #[idl_type("u16")]
    operator_fee_bps: [u8; 2],
    #[idl_type("u64")]
    vault_operator_delegation_count: [u8; 8],
    #[idl_type("u64")]
    vault_operator_delegations_registered: [u8; 8],
    #[idl_type("u64")]
    valid_operator_vault_delegations: [u8; 8],
    pub stake_weights: StakeWeights,
    pub vault_operator_stake_weight: [VaultOperatorStakeWeight; 64],
}

// SAFETY: `#[repr(C)]`, only byte fields (alignment 1), valid for every bit pattern.
unsafe impl AccountType for OperatorSnapshot {
    const DISCRIMINATOR: u8 = discriminator::OPERATOR_SNAPSHOT;
}

impl OperatorSnapshot {
    pub const SEED: &'static [u8] = OPERATOR_SNAPSHOT_SEED;

    /// Seeds of the PDA (without bump); `epoch` is the epoch's little-endian bytes.
    #[inline(always)]
    pub fn seeds<'a>(operator: &'a Address, ncn: &'a Address, epoch: &'a [u8; 8]) -> [&'a [u8]; 4] {
        [
            OPERATOR_SNAPSHOT_SEED,
            operator.as_ref(),
            ncn.as_ref(),
            epoch,
        ]
    }

    le_fields! {
        ncn_epoch, set_ncn_epoch: u64;
        slot_created, set_slot_created: u64;
        slot_finalized, set_slot_finalized: u64;
        ncn_operator_index, set_ncn_operator_index: u64;
        operator_index, set_operator_index: u64;
        operator_fee_bps, set_operator_fee_bps: u16;
        vault_operator_delegation_count, set_vault_operator_delegation_count: u64;
        vault_operator_delegations_registered, set_vault_operator_delegations_registered: u64;
        valid_operator_vault_delegations, set_valid_operator_vault_delegations: u64;
    }

    #[inline(always)]
    pub fn is_active(&self) -> bool {
        pod_bool(self.is_active)
    }

    /// The template's `OperatorSnapshot::load`: owner (`InvalidAccountOwner`), then type,
    /// size, writable and the PDA of `operator`, `ncn` and `epoch` (`InvalidAccountData`).
    #[inline(never)]
    pub fn load(
        program_id: &Address,
        account: &AccountView,
        operator: &Address,
        ncn: &Address,
        epoch: u64,
        expect_writable: bool,
    ) -> ProgramResult {
        check_account::<Self>(program_id, account, expect_writable)?;
        // SAFETY: checked above: owned by this program, of this type and size; only read.
        let snapshot = Self::from_bytes(unsafe { account.borrow_unchecked() })?;
        if unlikely(
            !address_eq(&snapshot.operator, operator)
                || !address_eq(&snapshot.ncn, ncn)
                || snapshot.ncn_epoch() != epoch,
        ) {
            return Err(ProgramError::InvalidAccountData);
        }
        Ok(())
    }

    /// Every expected vault delegation registered.
    pub fn finalized(&self) -> bool {
        self.vault_operator_delegations_registered() == self.vault_operator_delegation_count()
    }

    /// The template's `increment_vault_operator_delegation_registration`:
    /// `VaultOperatorDelegationFinalized` once complete, `TooManyVaultOperatorDelegations` past
    /// 64, `DuplicateVaultOperatorDelegation` for a vault index already recorded; then records
    /// the vault's stake weight, counts it (as valid if not zero) and records the slot when
    /// that completes the snapshot. Nothing is written on error.
    pub fn increment_vault_operator_delegation_registration(
        &mut self,
        slot: u64,
        vault: &Address,
        vault_index: u64,
        stake_weights: &StakeWeights,
    ) -> Result<(), NcnProgramError> {
        if unlikely(self.finalized()) {
            return Err(NcnProgramError::VaultOperatorDelegationFinalized);
        }
        let registered = self.vault_operator_delegations_registered();
        let next = registered
            .checked_add(1)
            .ok_or(NcnProgramError::ArithmeticOverflow)?;
        if unlikely(next > MAX_VAULTS as u64) {
            return Err(NcnProgramError::TooManyVaultOperatorDelegations);
        }
        // Only the first `registered` entries can hold a vault index other than `u64::MAX`:
        // `initialize` (here and in the template) writes every entry empty (index `u64::MAX`)
        // and this method writes entry `registered` only, then counts it. So a scan of the
        // recorded entries answers like the template's scan of all 64, except for the index
        // `u64::MAX`, which scans them all.
        let scanned = if vault_index == u64::MAX {
            &self.vault_operator_stake_weight[..]
        } else {
            // `registered < next <= MAX_VAULTS` (checked above).
            self.vault_operator_stake_weight
                .get(..registered as usize)
                .ok_or(NcnProgramError::TooManyVaultOperatorDelegations)?
        };
        let index_bytes = vault_index.to_le_bytes();
        if unlikely(scanned.iter().any(|e| e.vault_index == index_bytes)) {
            return Err(NcnProgramError::DuplicateVaultOperatorDelegation);
        }
        let valid = if stake_weights.stake_weight() > 0 {
            self.valid_operator_vault_delegations()
                .checked_add(1)
                .ok_or(NcnProgramError::ArithmeticOverflow)?
        } else {
            self.valid_operator_vault_delegations()
        };
        let mut total = self.stake_weights;
        total.increment(stake_weights)?;

        self.vault_operator_stake_weight[registered as usize] =
            VaultOperatorStakeWeight::new(vault, vault_index, stake_weights.stake_weight());
        self.set_vault_operator_delegations_registered(next);
        self.set_valid_operator_vault_delegations(valid);
        self.stake_weights = total;
        if self.finalized() {
            self.set_slot_finalized(slot);
        }
        Ok(())
    }

    /// The template's `initialize` on a zeroed account (the one just created: the entries'
    /// zero fields are not written). An inactive operator is final at once,
    /// with no fee and no delegations to snapshot; `vault_operator_delegation_count` above 64
    /// is `TooManyVaultOperatorDelegations` (checked before anything is written).
    #[allow(clippy::too_many_arguments)]
    pub fn initialize(
        &mut self,
        operator: &Address,
        ncn: &Address,
        epoch: u64,
        bump: u8,
        slot: u64,
        is_active: bool,
        ncn_operator_index: u64,
        operator_index: u64,
        operator_fee_bps: u16,
        vault_operator_delegation_count: u64,
    ) -> Result<(), NcnProgramError> {
        if unlikely(vault_operator_delegation_count > MAX_VAULTS as u64) {
            return Err(NcnProgramError::TooManyVaultOperatorDelegations);
        }
        self.operator = *operator;
        self.ncn = *ncn;
        self.set_ncn_epoch(epoch);
        self.bump = bump;
        self.set_slot_created(slot);
        self.set_slot_finalized(if is_active { 0 } else { slot });
        self.is_active = is_active as u8;
        self.set_ncn_operator_index(ncn_operator_index);
        self.set_operator_index(operator_index);
        self.set_operator_fee_bps(if is_active { operator_fee_bps } else { 0 });
        self.set_vault_operator_delegation_count(if is_active {
            vault_operator_delegation_count
        } else {
            0
        });
        // Every entry `VaultOperatorStakeWeight::EMPTY`: on the zeroed account only its index
        // `u64::MAX` is not zero (one store per entry; an array literal would be built on the
        // 4 KiB SBF stack first).
        for entry in self.vault_operator_stake_weight.iter_mut() {
            entry.set_vault_index(u64::MAX);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use core::mem::offset_of;

    use super::*;
    use crate::state::layout::assert_packed;

    #[test]
    fn layout_matches_the_template() {
        assert_packed::<StakeWeights>(16);
        // ncn 32, epoch 8, bump 1, six PodU64 48 = 89; StakeWeights 16; Fees 12.
        assert_eq!(offset_of!(EpochSnapshot, stake_weights), 89);
        assert_eq!(offset_of!(EpochSnapshot, fees), 105);
        assert_packed::<EpochSnapshot>(117);
        assert_eq!(EpochSnapshot::LEN, 125);
        // Pubkey + PodU64 + StakeWeights.
        assert_packed::<VaultOperatorStakeWeight>(56);
        // operator 32, ncn 32, epoch 8, bump 1, two slots 16, PodBool 1, two indexes 16,
        // PodU16 2, three counters 24 = 132; StakeWeights 16 -> 148; 64 x 56 = 3,584.
        assert_eq!(offset_of!(OperatorSnapshot, is_active), 89);
        assert_eq!(offset_of!(OperatorSnapshot, operator_fee_bps), 106);
        assert_eq!(offset_of!(OperatorSnapshot, stake_weights), 132);
        assert_eq!(
            offset_of!(OperatorSnapshot, vault_operator_stake_weight),
            148
        );
        assert_packed::<OperatorSnapshot>(3_732);
        assert_eq!(OperatorSnapshot::LEN, 3_740);
    }

    #[test]
    fn registration_finalizes_the_epoch_snapshot() {
        // SAFETY: every field is a byte array; all zero is valid.
        let mut s: EpochSnapshot = unsafe { core::mem::zeroed() };
        let fees = Fees::new(300, 10).unwrap();
        s.initialize(&Address::new_from_array([1; 32]), 10, 7, 500, 2, 1, &fees);
        assert_eq!((s.operator_count(), s.vault_count(), s.fees), (2, 1, fees));
        assert!(!s.finalized());
        s.increment_operator_registration(600, 1, &StakeWeights::new(40))
            .unwrap();
        assert_eq!(s.slot_finalized(), 0);
        s.increment_operator_registration(700, 2, &StakeWeights::new(2))
            .unwrap();
        assert!(s.finalized());
        assert_eq!(
            (
                s.slot_finalized(),
                s.valid_operator_vault_delegations(),
                s.stake_weights.stake_weight()
            ),
            (700, 3, 42)
        );
        assert_eq!(
            s.increment_operator_registration(800, 0, &StakeWeights::default()),
            Err(NcnProgramError::OperatorFinalized)
        );
        let mut w = StakeWeights::new(u128::MAX);
        assert_eq!(
            w.increment(&StakeWeights::new(1)),
            Err(NcnProgramError::ArithmeticOverflow)
        );
    }

    #[test]
    fn inactive_operator_snapshot_is_final_at_once() {
        // SAFETY: every field is a byte array; all zero is valid.
        let mut o: OperatorSnapshot = unsafe { core::mem::zeroed() };
        let (op, ncn) = (
            Address::new_from_array([1; 32]),
            Address::new_from_array([2; 32]),
        );
        assert_eq!(
            o.initialize(&op, &ncn, 10, 9, 500, true, 1, 5, 250, 65),
            Err(NcnProgramError::TooManyVaultOperatorDelegations)
        );
        o.initialize(&op, &ncn, 10, 9, 500, false, 1, 5, 250, 2)
            .unwrap();
        assert!(!o.is_active());
        assert!(o
            .vault_operator_stake_weight
            .iter()
            .all(|e| *e == VaultOperatorStakeWeight::EMPTY && e.vault_index() == u64::MAX));
        assert_eq!(
            (
                o.slot_finalized(),
                o.operator_fee_bps(),
                o.vault_operator_delegation_count()
            ),
            (500, 0, 0)
        );
        o.initialize(&op, &ncn, 10, 9, 500, true, 1, 5, 250, 2)
            .unwrap();
        assert!(o.is_active());
        assert_eq!(
            (
                o.slot_finalized(),
                o.operator_fee_bps(),
                o.vault_operator_delegation_count()
            ),
            (0, 250, 2)
        );
    }

    #[test]
    fn delegation_registration_and_stake_weight() {
        assert_eq!(
            StakeWeights::of_delegation(1_250, 100),
            Ok(StakeWeights::new(125_000))
        );
        assert_eq!(
            StakeWeights::of_delegation(u64::MAX, u128::MAX / 2),
            Err(NcnProgramError::CastToImpreciseNumberError)
        );
        // SAFETY: every field is a byte array; all zero is valid.
        let mut o: OperatorSnapshot = unsafe { core::mem::zeroed() };
        let (op, ncn) = (
            Address::new_from_array([1; 32]),
            Address::new_from_array([2; 32]),
        );
        o.initialize(&op, &ncn, 10, 9, 500, true, 1, 5, 250, 2)
            .unwrap();
        let v = Address::new_from_array([3; 32]);
        o.increment_vault_operator_delegation_registration(600, &v, 4, &StakeWeights::new(0))
            .unwrap();
        assert_eq!(
            o.increment_vault_operator_delegation_registration(601, &v, 4, &StakeWeights::new(1)),
            Err(NcnProgramError::DuplicateVaultOperatorDelegation)
        );
        assert!(!o.finalized());
        o.increment_vault_operator_delegation_registration(700, &v, 5, &StakeWeights::new(9))
            .unwrap();
        assert!(o.finalized());
        assert_eq!(
            (
                o.slot_finalized(),
                o.valid_operator_vault_delegations(),
                o.stake_weights.stake_weight()
            ),
            (700, 1, 9)
        );
        assert_eq!(
            o.vault_operator_stake_weight[1],
            VaultOperatorStakeWeight::new(&v, 5, 9)
        );
        assert_eq!(
            o.increment_vault_operator_delegation_registration(800, &v, 6, &StakeWeights::new(1)),
            Err(NcnProgramError::VaultOperatorDelegationFinalized)
        );
    }
}

//! The operator: its admins, voter, fee and counters.

use jito_core::{
    account::{check_based, AccountType},
    unlikely,
};
use pinocchio::{address::address_eq, AccountView, Address, Address as Pubkey, ProgramResult};
use shank::ShankAccount;

use super::{discriminator, fill_addresses, increment};
use crate::{error::RestakingError, instruction::OperatorAdminRole, MAX_FEE_BPS};

/// PDA seed prefix: `["operator", base]`.
pub const SEED: &[u8] = b"operator";

/// An operator (discriminator 3, 520 bytes with header).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankAccount)]
pub struct Operator {
    /// The base pubkey used as a seed for the PDA
    pub base: Pubkey,
    /// The admin pubkey
    pub admin: Pubkey,
    /// The NCN admin can add and remove support for NCNs in the restaking protocol
    pub ncn_admin: Pubkey,
    /// The vault admin can add and remove support for vaults in the restaking protocol
    pub vault_admin: Pubkey,
    /// The delegate admin can delegate assets from the operator
    pub delegate_admin: Pubkey,
    /// ( For future use ) Authority to update the operators's metadata
    pub metadata_admin: Pubkey,
    /// The voter pubkey can be used as the voter for signing transactions for interacting
    /// with various NCN programs. NCNs can also opt for their own signing infrastructure.
    pub voter: Pubkey,
    /// The operator index
    #[idl_type("u64")]
    index: [u8; 8],
    /// The number of NcnOperatorTickets associated with the operator.
    #[idl_type("u64")]
    ncn_count: [u8; 8],
    /// The number of OperatorVaultTickets associated with the operator.
    #[idl_type("u64")]
    vault_count: [u8; 8],
    /// The operator fee in basis points
    #[idl_type("u16")]
    operator_fee_bps: [u8; 2],
    /// The bump seed for the PDA
    pub bump: u8,
    /// Reserved space
    reserved_space: [u8; 261],
}

// SAFETY: `#[repr(C)]`, only byte fields (alignment 1), valid for every bit pattern.
unsafe impl AccountType for Operator {
    const DISCRIMINATOR: u8 = discriminator::OPERATOR;
}

impl Operator {
    /// PDA seed prefix.
    pub const SEED: &'static [u8] = SEED;

    /// A fresh operator: every secondary admin and the voter are `admin`.
    pub fn new(base: Address, admin: Address, index: u64, operator_fee_bps: u16, bump: u8) -> Self {
        Self {
            base,
            admin,
            ncn_admin: admin,
            vault_admin: admin,
            delegate_admin: admin,
            metadata_admin: admin,
            voter: admin,
            index: index.to_le_bytes(),
            ncn_count: [0; 8],
            vault_count: [0; 8],
            operator_fee_bps: operator_fee_bps.to_le_bytes(),
            bump,
            reserved_space: [0; 261],
        }
    }

    /// Writes every field of a freshly created (zeroed) account, as [`Operator::new`].
    #[inline(always)]
    pub fn initialize(
        &mut self,
        base: &Address,
        admin: &Address,
        index: u64,
        operator_fee_bps: u16,
        bump: u8,
    ) {
        self.base = *base;
        fill_addresses(
            admin,
            [
                &mut self.admin,
                &mut self.ncn_admin,
                &mut self.vault_admin,
                &mut self.delegate_admin,
                &mut self.metadata_admin,
                &mut self.voter,
            ],
        );
        self.index = index.to_le_bytes();
        self.operator_fee_bps = operator_fee_bps.to_le_bytes();
        self.bump = bump;
    }

    /// Seeds of the operator PDA (without bump).
    #[inline(always)]
    pub fn seeds(base: &Address) -> [&[u8]; 2] {
        [SEED, base.as_ref()]
    }

    #[inline(always)]
    pub fn index(&self) -> u64 {
        u64::from_le_bytes(self.index)
    }

    #[inline(always)]
    pub fn set_index(&mut self, index: u64) {
        self.index = index.to_le_bytes();
    }

    #[inline(always)]
    pub fn ncn_count(&self) -> u64 {
        u64::from_le_bytes(self.ncn_count)
    }

    #[inline(always)]
    pub fn set_ncn_count(&mut self, count: u64) {
        self.ncn_count = count.to_le_bytes();
    }

    #[inline(always)]
    pub fn vault_count(&self) -> u64 {
        u64::from_le_bytes(self.vault_count)
    }

    #[inline(always)]
    pub fn set_vault_count(&mut self, count: u64) {
        self.vault_count = count.to_le_bytes();
    }

    #[inline(always)]
    pub fn operator_fee_bps(&self) -> u16 {
        u16::from_le_bytes(self.operator_fee_bps)
    }

    #[inline(always)]
    pub fn set_operator_fee_bps(&mut self, fee_bps: u16) {
        self.operator_fee_bps = fee_bps.to_le_bytes();
    }

    /// `fee_bps` is at most [`MAX_FEE_BPS`], else `OperatorFeeCapExceeded`.
    #[inline(always)]
    pub fn check_fee_bps(fee_bps: u16) -> Result<(), RestakingError> {
        if unlikely(fee_bps > MAX_FEE_BPS) {
            return Err(RestakingError::OperatorFeeCapExceeded);
        }
        Ok(())
    }

    /// `ncn_count += 1`, `NcnOverflow` on overflow.
    #[inline(always)]
    pub fn increment_ncn_count(&mut self) -> Result<(), RestakingError> {
        increment(&mut self.ncn_count, RestakingError::NcnOverflow)
    }

    /// `vault_count += 1`, `VaultOverflow` on overflow.
    #[inline(always)]
    pub fn increment_vault_count(&mut self) -> Result<(), RestakingError> {
        increment(&mut self.vault_count, RestakingError::VaultOverflow)
    }

    /// `admin` is the operator admin, else `OperatorAdminInvalid`.
    #[inline(always)]
    pub fn check_admin(&self, admin: &Address) -> Result<(), RestakingError> {
        if unlikely(!address_eq(&self.admin, admin)) {
            return Err(RestakingError::OperatorAdminInvalid);
        }
        Ok(())
    }

    /// `admin` is the NCN admin, else `OperatorNcnAdminInvalid`.
    #[inline(always)]
    pub fn check_ncn_admin(&self, admin: &Address) -> Result<(), RestakingError> {
        if unlikely(!address_eq(&self.ncn_admin, admin)) {
            return Err(RestakingError::OperatorNcnAdminInvalid);
        }
        Ok(())
    }

    /// `admin` is the vault admin, else `OperatorVaultAdminInvalid`.
    ///
    /// Note: `InitializeOperatorVaultTicket` of the original returns
    /// `InvalidAccountData` for this failure instead; see its processor.
    #[inline(always)]
    pub fn check_vault_admin(&self, admin: &Address) -> Result<(), RestakingError> {
        if unlikely(!address_eq(&self.vault_admin, admin)) {
            return Err(RestakingError::OperatorVaultAdminInvalid);
        }
        Ok(())
    }

    /// `admin` is the delegate admin, else `OperatorDelegateAdminInvalid`.
    #[inline(always)]
    pub fn check_delegate_admin(&self, admin: &Address) -> Result<(), RestakingError> {
        if unlikely(!address_eq(&self.delegate_admin, admin)) {
            return Err(RestakingError::OperatorDelegateAdminInvalid);
        }
        Ok(())
    }

    /// Sets the secondary admin of `role` (`OperatorSetSecondaryAdmin`).
    #[inline(always)]
    pub fn set_secondary_admin(&mut self, role: OperatorAdminRole, new_admin: &Address) {
        let slot = match role {
            OperatorAdminRole::NcnAdmin => &mut self.ncn_admin,
            OperatorAdminRole::VaultAdmin => &mut self.vault_admin,
            OperatorAdminRole::VoterAdmin => &mut self.voter,
            OperatorAdminRole::DelegateAdmin => &mut self.delegate_admin,
            OperatorAdminRole::MetadataAdmin => &mut self.metadata_admin,
        };
        *slot = *new_admin;
    }

    /// `OperatorSetAdmin`'s change: `old_admin` is the admin (else
    /// `OperatorAdminInvalid`, nothing written), the admin becomes
    /// `new_admin`, then [`Operator::update_secondary_admin`]. The two keys
    /// are read once.
    #[inline(always)]
    pub fn set_admin(
        &mut self,
        old_admin: &Address,
        new_admin: &Address,
    ) -> Result<(), RestakingError> {
        let replace = jito_core::Replace::new(old_admin, new_admin);
        if unlikely(!replace.old_is(&self.admin)) {
            return Err(RestakingError::OperatorAdminInvalid);
        }
        replace.store(&mut self.admin);
        self.replace_secondary_admins(&replace);
        Ok(())
    }

    /// Replaces every secondary admin (and the voter) equal to `old_admin`
    /// with `new_admin` (`OperatorSetAdmin`), as the original `update_secondary_admin`.
    #[inline(always)]
    pub fn update_secondary_admin(&mut self, old_admin: &Address, new_admin: &Address) {
        self.replace_secondary_admins(&jito_core::Replace::new(old_admin, new_admin));
    }

    /// [`Operator::update_secondary_admin`] with the keys already read.
    #[inline(always)]
    fn replace_secondary_admins(&mut self, replace: &jito_core::Replace) {
        replace.apply(&mut self.ncn_admin);
        replace.apply(&mut self.vault_admin);
        replace.apply(&mut self.voter);
        replace.apply(&mut self.delegate_admin);
        replace.apply(&mut self.metadata_admin);
    }

    /// The original `Operator::load`: owner (`InvalidAccountOwner`), data,
    /// writable, discriminator (`InvalidAccountData`); the original's PDA check of the
    /// stored base and bump always holds for an existing account (`jito_core::account`).
    #[inline(always)]
    pub fn load(
        program_id: &Address,
        account: &AccountView,
        expect_writable: bool,
    ) -> ProgramResult {
        check_based::<Self>(program_id, account, expect_writable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(b: u8) -> Address {
        Address::new_from_array([b; 32])
    }

    #[test]
    fn size_matches_the_original() {
        // 7 pubkeys, 3 x u64, u16, bump, reserved 261
        assert_eq!(
            core::mem::size_of::<Operator>(),
            7 * 32 + 3 * 8 + 2 + 1 + 261
        );
        assert_eq!(Operator::LEN, 8 + 512);
        assert_eq!(core::mem::align_of::<Operator>(), 1);
    }

    #[test]
    fn counters_increment_and_overflow() {
        let mut o = Operator::new(key(1), key(2), 3, 500, 255);
        assert_eq!((o.index(), o.operator_fee_bps()), (3, 500));
        o.increment_ncn_count().unwrap();
        o.increment_vault_count().unwrap();
        o.increment_vault_count().unwrap();
        assert_eq!((o.ncn_count(), o.vault_count()), (1, 2));
        o.set_ncn_count(u64::MAX);
        o.set_vault_count(u64::MAX);
        assert_eq!(o.increment_ncn_count(), Err(RestakingError::NcnOverflow));
        assert_eq!(
            o.increment_vault_count(),
            Err(RestakingError::VaultOverflow)
        );
    }

    #[test]
    fn fee_cap() {
        assert_eq!(Operator::check_fee_bps(10_000), Ok(()));
        assert_eq!(
            Operator::check_fee_bps(10_001),
            Err(RestakingError::OperatorFeeCapExceeded)
        );
    }

    #[test]
    fn initialize_equals_new() {
        let mut zeroed = Operator::new(Address::default(), Address::default(), 0, 0, 0);
        zeroed.initialize(&key(1), &key(2), 9, 77, 253);
        assert_eq!(zeroed, Operator::new(key(1), key(2), 9, 77, 253));
    }

    #[test]
    fn admin_checks_and_secondary_admins() {
        let mut o = Operator::new(key(1), key(2), 0, 0, 255);
        assert_eq!(
            o.check_admin(&key(3)),
            Err(RestakingError::OperatorAdminInvalid)
        );
        assert_eq!(
            o.check_ncn_admin(&key(3)),
            Err(RestakingError::OperatorNcnAdminInvalid)
        );
        assert_eq!(
            o.check_vault_admin(&key(3)),
            Err(RestakingError::OperatorVaultAdminInvalid)
        );
        assert_eq!(
            o.check_delegate_admin(&key(3)),
            Err(RestakingError::OperatorDelegateAdminInvalid)
        );
        o.set_secondary_admin(OperatorAdminRole::VoterAdmin, &key(4));
        assert_eq!(o.voter, key(4));
        let before = o;
        assert_eq!(
            o.set_admin(&key(3), &key(5)),
            Err(RestakingError::OperatorAdminInvalid)
        );
        assert_eq!(o, before);
        let mut via_set_admin = o;
        via_set_admin.set_admin(&key(2), &key(5)).unwrap();
        o.update_secondary_admin(&key(2), &key(5));
        let mut expected = o;
        expected.admin = key(5);
        assert_eq!(via_set_admin, expected);
        assert_eq!(o.voter, key(4));
        assert_eq!(o.admin, key(2));
        for a in [
            o.ncn_admin,
            o.vault_admin,
            o.delegate_admin,
            o.metadata_admin,
        ] {
            assert_eq!(a, key(5));
        }
    }
}

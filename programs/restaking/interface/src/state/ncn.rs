//! The NCN (node consensus network): its admins and counters.

use jito_core::{
    account::{check_based, AccountType},
    unlikely,
};
use pinocchio::{address::address_eq, AccountView, Address, Address as Pubkey, ProgramResult};
use shank::ShankAccount;

use super::{discriminator, fill_addresses, increment};
use crate::{error::RestakingError, instruction::NcnAdminRole};

/// PDA seed prefix: `["ncn", base]`.
pub const SEED: &[u8] = b"ncn";

/// An NCN (discriminator 2, 592 bytes with header).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankAccount)]
pub struct Ncn {
    /// The base account used as a PDA seed
    pub base: Pubkey,
    /// The admin of the NCN
    pub admin: Pubkey,
    /// The operator admin of the NCN
    pub operator_admin: Pubkey,
    /// The vault admin of the NCN
    pub vault_admin: Pubkey,
    /// The slasher admin of the NCN
    pub slasher_admin: Pubkey,
    /// The delegate admin of the NCN
    pub delegate_admin: Pubkey,
    /// ( For future use ) Authority to update the ncn's metadata
    pub metadata_admin: Pubkey,
    /// The weight table admin of the NCN
    pub weight_table_admin: Pubkey,
    /// Admin in charge of of any on-chain programs related to the NCN
    pub ncn_program_admin: Pubkey,
    /// The index of the NCN
    #[idl_type("u64")]
    index: [u8; 8],
    /// Number of operator accounts associated with the NCN
    #[idl_type("u64")]
    operator_count: [u8; 8],
    /// Number of vault accounts associated with the NCN
    #[idl_type("u64")]
    vault_count: [u8; 8],
    /// Number of slasher accounts associated with the NCN
    #[idl_type("u64")]
    slasher_count: [u8; 8],
    /// The bump seed for the PDA
    pub bump: u8,
    /// Reserved space
    reserved: [u8; 263],
}

// SAFETY: `#[repr(C)]`, only byte fields (alignment 1), valid for every bit pattern.
unsafe impl AccountType for Ncn {
    const DISCRIMINATOR: u8 = discriminator::NCN;
}

impl Ncn {
    /// PDA seed prefix.
    pub const SEED: &'static [u8] = SEED;

    /// A fresh NCN: every secondary admin is `admin`.
    pub fn new(base: Address, admin: Address, index: u64, bump: u8) -> Self {
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
            index: index.to_le_bytes(),
            operator_count: [0; 8],
            vault_count: [0; 8],
            slasher_count: [0; 8],
            bump,
            reserved: [0; 263],
        }
    }

    /// Writes every field of a freshly created (zeroed) account, as [`Ncn::new`].
    #[inline(always)]
    pub fn initialize(&mut self, base: &Address, admin: &Address, index: u64, bump: u8) {
        self.base = *base;
        fill_addresses(
            admin,
            [
                &mut self.admin,
                &mut self.operator_admin,
                &mut self.vault_admin,
                &mut self.slasher_admin,
                &mut self.delegate_admin,
                &mut self.metadata_admin,
                &mut self.weight_table_admin,
                &mut self.ncn_program_admin,
            ],
        );
        self.index = index.to_le_bytes();
        self.bump = bump;
    }

    /// Seeds of the NCN PDA (without bump).
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
    pub fn operator_count(&self) -> u64 {
        u64::from_le_bytes(self.operator_count)
    }

    #[inline(always)]
    pub fn set_operator_count(&mut self, count: u64) {
        self.operator_count = count.to_le_bytes();
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
    pub fn slasher_count(&self) -> u64 {
        u64::from_le_bytes(self.slasher_count)
    }

    #[inline(always)]
    pub fn set_slasher_count(&mut self, count: u64) {
        self.slasher_count = count.to_le_bytes();
    }

    /// `operator_count += 1`, `OperatorOverflow` on overflow.
    #[inline(always)]
    pub fn increment_operator_count(&mut self) -> Result<(), RestakingError> {
        increment(&mut self.operator_count, RestakingError::OperatorOverflow)
    }

    /// `vault_count += 1`, `VaultOverflow` on overflow.
    #[inline(always)]
    pub fn increment_vault_count(&mut self) -> Result<(), RestakingError> {
        increment(&mut self.vault_count, RestakingError::VaultOverflow)
    }

    /// `slasher_count += 1`, `SlasherOverflow` on overflow.
    #[inline(always)]
    pub fn increment_slasher_count(&mut self) -> Result<(), RestakingError> {
        increment(&mut self.slasher_count, RestakingError::SlasherOverflow)
    }

    /// `admin` is the NCN admin, else `NcnAdminInvalid`.
    #[inline(always)]
    pub fn check_admin(&self, admin: &Address) -> Result<(), RestakingError> {
        if unlikely(!address_eq(&self.admin, admin)) {
            return Err(RestakingError::NcnAdminInvalid);
        }
        Ok(())
    }

    /// `admin` is the operator admin, else `NcnOperatorAdminInvalid`.
    #[inline(always)]
    pub fn check_operator_admin(&self, admin: &Address) -> Result<(), RestakingError> {
        if unlikely(!address_eq(&self.operator_admin, admin)) {
            return Err(RestakingError::NcnOperatorAdminInvalid);
        }
        Ok(())
    }

    /// `admin` is the vault admin, else `NcnVaultAdminInvalid`.
    #[inline(always)]
    pub fn check_vault_admin(&self, admin: &Address) -> Result<(), RestakingError> {
        if unlikely(!address_eq(&self.vault_admin, admin)) {
            return Err(RestakingError::NcnVaultAdminInvalid);
        }
        Ok(())
    }

    /// `admin` is the slasher admin, else `NcnSlasherAdminInvalid`.
    #[inline(always)]
    pub fn check_slasher_admin(&self, admin: &Address) -> Result<(), RestakingError> {
        if unlikely(!address_eq(&self.slasher_admin, admin)) {
            return Err(RestakingError::NcnSlasherAdminInvalid);
        }
        Ok(())
    }

    /// `admin` is the delegate admin, else `NcnDelegateAdminInvalid`.
    #[inline(always)]
    pub fn check_delegate_admin(&self, admin: &Address) -> Result<(), RestakingError> {
        if unlikely(!address_eq(&self.delegate_admin, admin)) {
            return Err(RestakingError::NcnDelegateAdminInvalid);
        }
        Ok(())
    }

    /// Sets the secondary admin of `role` (`NcnSetSecondaryAdmin`).
    #[inline(always)]
    pub fn set_secondary_admin(&mut self, role: NcnAdminRole, new_admin: &Address) {
        let slot = match role {
            NcnAdminRole::OperatorAdmin => &mut self.operator_admin,
            NcnAdminRole::VaultAdmin => &mut self.vault_admin,
            NcnAdminRole::SlasherAdmin => &mut self.slasher_admin,
            NcnAdminRole::DelegateAdmin => &mut self.delegate_admin,
            NcnAdminRole::MetadataAdmin => &mut self.metadata_admin,
            NcnAdminRole::WeightTableAdmin => &mut self.weight_table_admin,
            NcnAdminRole::NcnProgramAdmin => &mut self.ncn_program_admin,
        };
        *slot = *new_admin;
    }

    /// `NcnSetAdmin`'s change: `old_admin` is the admin (else
    /// `NcnAdminInvalid`, nothing written), the admin becomes `new_admin`, then
    /// [`Ncn::update_secondary_admin`]. The two keys are read once.
    #[inline(always)]
    pub fn set_admin(
        &mut self,
        old_admin: &Address,
        new_admin: &Address,
    ) -> Result<(), RestakingError> {
        let replace = jito_core::Replace::new(old_admin, new_admin);
        if unlikely(!replace.old_is(&self.admin)) {
            return Err(RestakingError::NcnAdminInvalid);
        }
        replace.store(&mut self.admin);
        self.replace_secondary_admins(&replace);
        Ok(())
    }

    /// Replaces every secondary admin equal to `old_admin` with `new_admin`
    /// (`NcnSetAdmin`), as the original `update_secondary_admin`.
    #[inline(always)]
    pub fn update_secondary_admin(&mut self, old_admin: &Address, new_admin: &Address) {
        self.replace_secondary_admins(&jito_core::Replace::new(old_admin, new_admin));
    }

    /// [`Ncn::update_secondary_admin`] with the keys already read.
    #[inline(always)]
    fn replace_secondary_admins(&mut self, replace: &jito_core::Replace) {
        replace.apply(&mut self.operator_admin);
        replace.apply(&mut self.vault_admin);
        replace.apply(&mut self.slasher_admin);
        replace.apply(&mut self.delegate_admin);
        replace.apply(&mut self.metadata_admin);
        replace.apply(&mut self.weight_table_admin);
        replace.apply(&mut self.ncn_program_admin);
    }

    /// The original `Ncn::load`: owner (`InvalidAccountOwner`), data, writable,
    /// discriminator (`InvalidAccountData`); the original's PDA check of the
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
        // 9 pubkeys, 4 x u64, bump, reserved 263
        assert_eq!(core::mem::size_of::<Ncn>(), 9 * 32 + 4 * 8 + 1 + 263);
        assert_eq!(Ncn::LEN, 8 + 584);
        assert_eq!(core::mem::align_of::<Ncn>(), 1);
    }

    #[test]
    fn counters_increment_and_overflow() {
        let mut n = Ncn::new(key(1), key(2), 7, 250);
        assert_eq!(n.index(), 7);
        n.increment_operator_count().unwrap();
        n.increment_vault_count().unwrap();
        n.increment_vault_count().unwrap();
        n.increment_slasher_count().unwrap();
        assert_eq!(
            (n.operator_count(), n.vault_count(), n.slasher_count()),
            (1, 2, 1)
        );
        n.set_operator_count(u64::MAX);
        n.set_vault_count(u64::MAX);
        n.set_slasher_count(u64::MAX);
        assert_eq!(
            n.increment_operator_count(),
            Err(RestakingError::OperatorOverflow)
        );
        assert_eq!(
            n.increment_vault_count(),
            Err(RestakingError::VaultOverflow)
        );
        assert_eq!(
            n.increment_slasher_count(),
            Err(RestakingError::SlasherOverflow)
        );
        assert_eq!(n.vault_count(), u64::MAX);
    }

    #[test]
    fn initialize_equals_new() {
        let mut zeroed = Ncn::new(Address::default(), Address::default(), 0, 0);
        zeroed.initialize(&key(1), &key(2), 9, 253);
        assert_eq!(zeroed, Ncn::new(key(1), key(2), 9, 253));
    }

    #[test]
    fn admin_checks_and_secondary_admins() {
        let mut n = Ncn::new(key(1), key(2), 0, 255);
        assert_eq!(n.check_admin(&key(2)), Ok(()));
        assert_eq!(n.check_admin(&key(3)), Err(RestakingError::NcnAdminInvalid));
        n.set_secondary_admin(NcnAdminRole::VaultAdmin, &key(4));
        assert_eq!(n.check_vault_admin(&key(4)), Ok(()));
        assert_eq!(
            n.check_vault_admin(&key(2)),
            Err(RestakingError::NcnVaultAdminInvalid)
        );
        assert_eq!(
            n.check_operator_admin(&key(5)),
            Err(RestakingError::NcnOperatorAdminInvalid)
        );
        assert_eq!(
            n.check_slasher_admin(&key(5)),
            Err(RestakingError::NcnSlasherAdminInvalid)
        );
        assert_eq!(
            n.check_delegate_admin(&key(5)),
            Err(RestakingError::NcnDelegateAdminInvalid)
        );
        let before = n;
        assert_eq!(
            n.set_admin(&key(3), &key(6)),
            Err(RestakingError::NcnAdminInvalid)
        );
        assert_eq!(n, before);
        let mut via_set_admin = n;
        via_set_admin.set_admin(&key(2), &key(6)).unwrap();
        n.update_secondary_admin(&key(2), &key(6));
        assert_eq!(n.admin, key(2));
        let mut expected = n;
        expected.admin = key(6);
        assert_eq!(via_set_admin, expected);
        assert_eq!(n.vault_admin, key(4));
        for a in [
            n.operator_admin,
            n.slasher_admin,
            n.delegate_admin,
            n.metadata_admin,
            n.weight_table_admin,
            n.ncn_program_admin,
        ] {
            assert_eq!(a, key(6));
        }
    }
}

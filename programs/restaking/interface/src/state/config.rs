//! The global configuration of the restaking program.

use core::mem::offset_of;
use jito_core::{
    account::{check_fixed, AccountType, FixedPda},
    unlikely,
};
use pinocchio::Address as Pubkey;
use pinocchio::{address::address_eq, AccountView, Address, ProgramResult};

use shank::ShankAccount;

use super::{discriminator, increment};
use crate::error::RestakingError;

/// PDA seed: `["config"]`.
pub const SEED: &[u8] = b"config";

/// Epoch length written by `InitializeConfig` (Solana's default slots per epoch).
pub const DEFAULT_EPOCH_LENGTH: u64 = 432_000;

/// Program-wide settings and counters (discriminator 1, 360 bytes with header).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankAccount)]
pub struct Config {
    /// The configuration admin
    pub admin: Pubkey,
    /// The vault program
    pub vault_program: Pubkey,
    /// The number of NCN managed by the program
    #[idl_type("u64")]
    ncn_count: [u8; 8],
    /// The number of operators managed by the program
    #[idl_type("u64")]
    operator_count: [u8; 8],
    /// The length of an epoch in slots
    #[idl_type("u64")]
    epoch_length: [u8; 8],
    /// The bump seed for the PDA
    pub bump: u8,
    /// Reserved space
    reserved: [u8; 263],
}

// SAFETY: `#[repr(C)]`, only byte fields (alignment 1), valid for every bit pattern.
unsafe impl AccountType for Config {
    const DISCRIMINATOR: u8 = discriminator::CONFIG;
}

impl FixedPda for Config {
    const SEED: &'static [u8] = Self::SEED;
    const DEPLOYED_PROGRAM_ID: Pubkey = crate::ID;
    const DEPLOYED_ADDRESS: Pubkey = Self::DEPLOYED_ADDRESS;
    const DEPLOYED_BUMP: u8 = Self::DEPLOYED_BUMP;
    const BUMP_OFFSET: usize = offset_of!(Self, bump);
}

impl Config {
    /// PDA seed prefix.
    pub const SEED: &'static [u8] = SEED;

    /// A fresh config, as `InitializeConfig` writes it.
    pub fn new(admin: Address, vault_program: Address, bump: u8) -> Self {
        Self {
            admin,
            vault_program,
            ncn_count: [0; 8],
            operator_count: [0; 8],
            epoch_length: DEFAULT_EPOCH_LENGTH.to_le_bytes(),
            bump,
            reserved: [0; 263],
        }
    }

    /// Seeds of the config PDA (without bump).
    #[inline(always)]
    pub const fn seeds() -> [&'static [u8]; 1] {
        [SEED]
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
    pub fn operator_count(&self) -> u64 {
        u64::from_le_bytes(self.operator_count)
    }

    #[inline(always)]
    pub fn set_operator_count(&mut self, count: u64) {
        self.operator_count = count.to_le_bytes();
    }

    #[inline(always)]
    pub fn epoch_length(&self) -> u64 {
        u64::from_le_bytes(self.epoch_length)
    }

    #[inline(always)]
    pub fn set_epoch_length(&mut self, epoch_length: u64) {
        self.epoch_length = epoch_length.to_le_bytes();
    }

    /// `ncn_count += 1`, `NcnOverflow` on overflow.
    #[inline(always)]
    pub fn increment_ncn_count(&mut self) -> Result<(), RestakingError> {
        increment(&mut self.ncn_count, RestakingError::NcnOverflow)
    }

    /// `operator_count += 1`, `OperatorOverflow` on overflow.
    #[inline(always)]
    pub fn increment_operator_count(&mut self) -> Result<(), RestakingError> {
        increment(&mut self.operator_count, RestakingError::OperatorOverflow)
    }

    /// `admin` is the config admin, else `ConfigAdminInvalid`.
    #[inline(always)]
    pub fn check_admin(&self, admin: &Address) -> Result<(), RestakingError> {
        if unlikely(!address_eq(&self.admin, admin)) {
            return Err(RestakingError::ConfigAdminInvalid);
        }
        Ok(())
    }

    #[inline(always)]
    pub fn set_admin(&mut self, new_admin: &Address) {
        self.admin = *new_admin;
    }

    /// Canonical bump of the config PDA under the deployed program id [`crate::ID`].
    pub const DEPLOYED_BUMP: u8 = 255;
    /// The config PDA under the deployed program id [`crate::ID`] (canonical:
    /// pinned by the test `deployed_address_is_the_canonical_pda`).
    pub const DEPLOYED_ADDRESS: Address =
        Address::derive_address_const(&[SEED], Some(Self::DEPLOYED_BUMP), &crate::ID);

    /// The original `Config::load`: owner (`InvalidAccountOwner`), data,
    /// writable, discriminator, then the address is the PDA of the stored bump
    /// (`InvalidAccountData`): under the deployed program id, the address is
    /// [`Config::DEPLOYED_ADDRESS`] and the bump [`Config::DEPLOYED_BUMP`] (no hash).
    #[inline(always)]
    pub fn load(
        program_id: &Address,
        account: &AccountView,
        expect_writable: bool,
    ) -> ProgramResult {
        check_fixed::<Self>(program_id, account, expect_writable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_matches_the_original() {
        // admin, vault_program, 3 x u64, bump, reserved 263
        assert_eq!(core::mem::size_of::<Config>(), 32 + 32 + 8 * 3 + 1 + 263);
        assert_eq!(Config::LEN, 8 + 352);
        assert_eq!(core::mem::align_of::<Config>(), 1);
    }

    #[test]
    fn counters_increment_and_overflow() {
        let mut c = Config::new(
            Address::new_from_array([1; 32]),
            Address::new_from_array([2; 32]),
            254,
        );
        assert_eq!(c.epoch_length(), 432_000);
        c.increment_ncn_count().unwrap();
        c.increment_operator_count().unwrap();
        c.increment_operator_count().unwrap();
        assert_eq!((c.ncn_count(), c.operator_count()), (1, 2));
        c.set_ncn_count(u64::MAX);
        assert_eq!(c.increment_ncn_count(), Err(RestakingError::NcnOverflow));
        assert_eq!(c.ncn_count(), u64::MAX);
        c.set_operator_count(u64::MAX);
        assert_eq!(
            c.increment_operator_count(),
            Err(RestakingError::OperatorOverflow)
        );
    }

    #[test]
    fn admin_check() {
        let admin = Address::new_from_array([1; 32]);
        let c = Config::new(admin, Address::new_from_array([2; 32]), 254);
        assert_eq!(c.check_admin(&admin), Ok(()));
        assert_eq!(
            c.check_admin(&Address::new_from_array([3; 32])),
            Err(RestakingError::ConfigAdminInvalid)
        );
    }

    #[test]
    fn deployed_address_is_the_canonical_pda() {
        // find_program_address(["config"], ID): bump 255 is off the curve.
        assert_eq!(
            Config::DEPLOYED_ADDRESS,
            Address::from_str_const("4vvKh3Ws4vGzgXRVdo8SdL4jePXDvCqKVmi21BCBGwvn")
        );
    }
}

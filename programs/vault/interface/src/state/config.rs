//! The vault program's global configuration: admins, epoch length, fee limits.

use core::mem::offset_of;
use jito_core::{
    account::{check_fixed, AccountType, FixedPda},
    unlikely,
};
use pinocchio::{
    address::address_eq, cpi::Seed, error::ProgramError, AccountView, Address as Pubkey,
    ProgramResult,
};

use shank::ShankAccount;

use crate::{error::VaultError, MAX_BPS};

/// Solana's default epoch length in slots, the config's initial `epoch_length`.
pub const DEFAULT_SLOTS_PER_EPOCH: u64 = 432_000;

/// The vault configuration account (discriminator 1, 390 bytes with the header).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankAccount)]
pub struct Config {
    /// The configuration admin
    pub admin: Pubkey,
    /// The approved restaking program for this vault
    pub restaking_program: Pubkey,
    /// The length of an epoch in slots
    #[idl_type("u64")]
    epoch_length: [u8; 8],
    /// The number of vaults managed by the program
    #[idl_type("u64")]
    num_vaults: [u8; 8],
    /// The fee cap in basis points ( withdraw and deposit )
    #[idl_type("u16")]
    deposit_withdrawal_fee_cap_bps: [u8; 2],
    /// The maximum amount a fee can increase per epoch in basis points
    #[idl_type("u16")]
    fee_rate_of_change_bps: [u8; 2],
    /// The amount a fee can increase above the rate of change in basis points
    #[idl_type("u16")]
    fee_bump_bps: [u8; 2],
    /// The program fee in basis points
    #[idl_type("u16")]
    program_fee_bps: [u8; 2],
    /// The fee wallet
    pub program_fee_wallet: Pubkey,
    /// The admin for the fee account
    pub fee_admin: Pubkey,
    /// The bump seed for the PDA
    pub bump: u8,
    /// Reserved space
    reserved: [u8; 229],
}

// SAFETY: `#[repr(C)]`, only byte arrays, `u8` and `Address` (a byte array), so
// alignment 1 and every bit pattern is valid.
unsafe impl AccountType for Config {
    const DISCRIMINATOR: u8 = 1;
}

impl FixedPda for Config {
    const SEED: &'static [u8] = Self::SEED;
    const DEPLOYED_PROGRAM_ID: Pubkey = crate::ID;
    const DEPLOYED_ADDRESS: Pubkey = Self::DEPLOYED_ADDRESS;
    const DEPLOYED_BUMP: u8 = Self::DEPLOYED_BUMP;
    const BUMP_OFFSET: usize = offset_of!(Self, bump);
}

impl Config {
    /// Initial deposit/withdrawal fee cap: 20%.
    pub const DEFAULT_FEES_CAP_BPS: u16 = 2_000;
    /// Initial maximum relative fee increase per change: 25%.
    pub const DEFAULT_FEE_RATE_OF_CHANGE_BPS: u16 = 2_500;
    /// Initial flat fee increase always allowed: 0.1%.
    pub const DEFAULT_FEE_BUMP_BPS: u16 = 10;

    /// PDA seed.
    pub const SEED: &'static [u8] = b"config";

    /// Seeds of the config PDA (without bump).
    #[inline(always)]
    pub const fn seeds() -> [&'static [u8]; 1] {
        [Self::SEED]
    }

    /// Signer seeds of the config PDA.
    #[inline(always)]
    pub fn signer_seeds(bump: &[u8; 1]) -> [Seed<'_>; 2] {
        [Seed::from(Self::SEED), Seed::from(bump.as_ref())]
    }

    /// Canonical bump of the config PDA under the deployed program id [`crate::ID`].
    pub const DEPLOYED_BUMP: u8 = 255;
    /// The config PDA under the deployed program id [`crate::ID`] (canonical:
    /// pinned by the test `deployed_address_is_the_canonical_pda`).
    pub const DEPLOYED_ADDRESS: Pubkey =
        Pubkey::derive_address_const(&[Self::SEED], Some(Self::DEPLOYED_BUMP), &crate::ID);

    /// The original `Config::load`: owner (`InvalidAccountOwner`), data,
    /// writable, discriminator, then the address is the PDA of the stored bump
    /// (`InvalidAccountData`): under the deployed program id, the address is
    /// [`Config::DEPLOYED_ADDRESS`] and the bump [`Config::DEPLOYED_BUMP`] (no hash).
    #[inline(always)]
    pub fn load(
        program_id: &Pubkey,
        account: &AccountView,
        expect_writable: bool,
    ) -> ProgramResult {
        check_fixed::<Self>(program_id, account, expect_writable)
    }

    /// Writes the fields of a freshly created (zeroed) config, as `Config::new`.
    #[inline(always)]
    pub fn initialize(
        &mut self,
        admin: &Pubkey,
        restaking_program: &Pubkey,
        program_fee_wallet: &Pubkey,
        program_fee_bps: u16,
        bump: u8,
    ) {
        self.admin = *admin;
        self.restaking_program = *restaking_program;
        self.epoch_length = DEFAULT_SLOTS_PER_EPOCH.to_le_bytes();
        self.num_vaults = [0; 8];
        self.deposit_withdrawal_fee_cap_bps = Self::DEFAULT_FEES_CAP_BPS.to_le_bytes();
        self.fee_rate_of_change_bps = Self::DEFAULT_FEE_RATE_OF_CHANGE_BPS.to_le_bytes();
        self.fee_bump_bps = Self::DEFAULT_FEE_BUMP_BPS.to_le_bytes();
        self.program_fee_bps = program_fee_bps.to_le_bytes();
        self.program_fee_wallet = *program_fee_wallet;
        self.fee_admin = *admin;
        self.bump = bump;
    }

    /// Epoch of `slot` (`InvalidEpochLength` for a zero epoch length).
    #[inline(always)]
    pub fn get_epoch_from_slot(&self, slot: u64) -> Result<u64, VaultError> {
        slot.checked_div(self.epoch_length())
            .ok_or(VaultError::InvalidEpochLength)
    }

    #[inline(always)]
    pub fn epoch_length(&self) -> u64 {
        u64::from_le_bytes(self.epoch_length)
    }

    /// Sets the epoch length (no on-chain instruction changes it; for tests and tools).
    #[inline(always)]
    pub fn set_epoch_length(&mut self, epoch_length: u64) {
        self.epoch_length = epoch_length.to_le_bytes();
    }

    #[inline(always)]
    pub fn num_vaults(&self) -> u64 {
        u64::from_le_bytes(self.num_vaults)
    }

    #[inline(always)]
    pub fn set_num_vaults(&mut self, num_vaults: u64) {
        self.num_vaults = num_vaults.to_le_bytes();
    }

    #[inline(always)]
    pub fn deposit_withdrawal_fee_cap_bps(&self) -> u16 {
        u16::from_le_bytes(self.deposit_withdrawal_fee_cap_bps)
    }

    #[inline(always)]
    pub fn fee_rate_of_change_bps(&self) -> u16 {
        u16::from_le_bytes(self.fee_rate_of_change_bps)
    }

    #[inline(always)]
    pub fn fee_bump_bps(&self) -> u16 {
        u16::from_le_bytes(self.fee_bump_bps)
    }

    #[inline(always)]
    pub fn program_fee_bps(&self) -> u16 {
        u16::from_le_bytes(self.program_fee_bps)
    }

    /// Sets the program fee (`InvalidInstructionData` above 10_000, as the original).
    #[inline(always)]
    pub fn set_program_fee_bps(&mut self, new_fee_bps: u16) -> Result<(), ProgramError> {
        if unlikely(new_fee_bps > MAX_BPS) {
            return Err(ProgramError::InvalidInstructionData);
        }
        self.program_fee_bps = new_fee_bps.to_le_bytes();
        Ok(())
    }

    pub fn set_deposit_withdrawal_fee_cap_bps(
        &mut self,
        fee_cap_bps: u16,
    ) -> Result<(), VaultError> {
        if fee_cap_bps > MAX_BPS {
            return Err(VaultError::VaultFeeCapExceeded);
        }
        self.deposit_withdrawal_fee_cap_bps = fee_cap_bps.to_le_bytes();
        Ok(())
    }

    pub fn set_fee_rate_of_change_bps(
        &mut self,
        fee_rate_of_change_bps: u16,
    ) -> Result<(), VaultError> {
        if fee_rate_of_change_bps > MAX_BPS {
            return Err(VaultError::VaultFeeCapExceeded);
        }
        self.fee_rate_of_change_bps = fee_rate_of_change_bps.to_le_bytes();
        Ok(())
    }

    pub fn set_fee_bump_bps(&mut self, fee_bump_bps: u16) -> Result<(), VaultError> {
        if fee_bump_bps > MAX_BPS {
            return Err(VaultError::VaultFeeCapExceeded);
        }
        self.fee_bump_bps = fee_bump_bps.to_le_bytes();
        Ok(())
    }

    /// Counts one more vault (`VaultOverflow`).
    #[inline(always)]
    pub fn increment_num_vaults(&mut self) -> Result<(), VaultError> {
        let n = self
            .num_vaults()
            .checked_add(1)
            .ok_or(VaultError::VaultOverflow)?;
        self.num_vaults = n.to_le_bytes();
        Ok(())
    }

    /// Program fee on a withdrawal of `vrt_amount` VRT, rounded up (`VaultOverflow`).
    #[inline(always)]
    pub fn calculate_program_fee(program_fee_bps: u16, vrt_amount: u64) -> Result<u64, VaultError> {
        crate::bps_fee_ceil(vrt_amount, program_fee_bps)
    }

    /// `admin` is the config admin (`ConfigAdminInvalid`).
    #[inline(always)]
    pub fn check_admin(&self, admin: &Pubkey) -> Result<(), VaultError> {
        if unlikely(!address_eq(&self.admin, admin)) {
            return Err(VaultError::ConfigAdminInvalid);
        }
        Ok(())
    }

    /// `fee_admin` is the config fee admin (`ConfigFeeAdminInvalid`).
    #[inline(always)]
    pub fn check_fee_admin(&self, fee_admin: &Pubkey) -> Result<(), VaultError> {
        if unlikely(!address_eq(&self.fee_admin, fee_admin)) {
            return Err(VaultError::ConfigFeeAdminInvalid);
        }
        Ok(())
    }

    /// Sets a new admin; the fee admin follows, as in the original.
    #[inline(always)]
    pub fn set_admin(&mut self, new_admin: &Pubkey) {
        self.admin = *new_admin;
        self.fee_admin = *new_admin;
    }

    /// Reserved bytes (all zero in accounts written by the program).
    #[inline(always)]
    pub fn reserved(&self) -> &[u8; 229] {
        &self.reserved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zeroed() -> Config {
        // SAFETY: every bit pattern is a valid `Config`.
        unsafe { core::mem::zeroed() }
    }

    #[test]
    fn size_matches_original() {
        // 32 + 32 + 8 + 8 + 4 * 2 + 32 + 32 + 1 + 229
        assert_eq!(core::mem::size_of::<Config>(), 382);
        assert_eq!(Config::LEN, 390);
        assert_eq!(core::mem::align_of::<Config>(), 1);
    }

    #[test]
    fn defaults_are_within_bounds() {
        const { assert!(Config::DEFAULT_FEES_CAP_BPS <= MAX_BPS) };
        const { assert!(Config::DEFAULT_FEE_RATE_OF_CHANGE_BPS <= MAX_BPS) };
        const { assert!(Config::DEFAULT_FEE_BUMP_BPS <= MAX_BPS) };
    }

    #[test]
    fn initialize_layout() {
        let mut c = zeroed();
        let admin = Pubkey::new_from_array([1; 32]);
        let restaking = Pubkey::new_from_array([2; 32]);
        let wallet = Pubkey::new_from_array([3; 32]);
        c.initialize(&admin, &restaking, &wallet, 123, 254);
        let bytes: [u8; 382] = unsafe { core::mem::transmute(c) };
        let mut expected = [0u8; 382];
        expected[0..32].copy_from_slice(&[1; 32]);
        expected[32..64].copy_from_slice(&[2; 32]);
        expected[64..72].copy_from_slice(&432_000u64.to_le_bytes());
        expected[80..82].copy_from_slice(&2_000u16.to_le_bytes());
        expected[82..84].copy_from_slice(&2_500u16.to_le_bytes());
        expected[84..86].copy_from_slice(&10u16.to_le_bytes());
        expected[86..88].copy_from_slice(&123u16.to_le_bytes());
        expected[88..120].copy_from_slice(&[3; 32]);
        expected[120..152].copy_from_slice(&[1; 32]);
        expected[152] = 254;
        assert_eq!(bytes, expected);
    }

    #[test]
    fn fee_setters_bounds() {
        let mut c = zeroed();
        assert_eq!(c.set_deposit_withdrawal_fee_cap_bps(1), Ok(()));
        assert_eq!(c.set_deposit_withdrawal_fee_cap_bps(MAX_BPS), Ok(()));
        assert_eq!(
            c.set_deposit_withdrawal_fee_cap_bps(MAX_BPS + 1),
            Err(VaultError::VaultFeeCapExceeded)
        );
        assert_eq!(c.deposit_withdrawal_fee_cap_bps(), MAX_BPS);
        assert_eq!(c.set_fee_rate_of_change_bps(MAX_BPS), Ok(()));
        assert_eq!(
            c.set_fee_rate_of_change_bps(MAX_BPS + 1),
            Err(VaultError::VaultFeeCapExceeded)
        );
        assert_eq!(c.set_fee_bump_bps(MAX_BPS), Ok(()));
        assert_eq!(
            c.set_fee_bump_bps(u16::MAX),
            Err(VaultError::VaultFeeCapExceeded)
        );
        assert_eq!(c.set_program_fee_bps(MAX_BPS), Ok(()));
        assert_eq!(
            c.set_program_fee_bps(MAX_BPS + 1),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(c.program_fee_bps(), MAX_BPS);
    }

    #[test]
    fn admin_checks() {
        let mut c = zeroed();
        let admin = Pubkey::new_from_array([7; 32]);
        let other = Pubkey::new_from_array([8; 32]);
        c.initialize(&admin, &other, &other, 0, 255);
        assert_eq!(c.check_admin(&admin), Ok(()));
        assert_eq!(c.check_admin(&other), Err(VaultError::ConfigAdminInvalid));
        assert_eq!(c.check_fee_admin(&admin), Ok(()));
        assert_eq!(
            c.check_fee_admin(&other),
            Err(VaultError::ConfigFeeAdminInvalid)
        );
        c.set_admin(&other);
        assert_eq!(c.admin, other);
        assert_eq!(c.fee_admin, other);
    }

    #[test]
    fn epochs_and_counters() {
        let mut c = zeroed();
        assert_eq!(
            c.get_epoch_from_slot(5),
            Err(VaultError::InvalidEpochLength)
        );
        c.set_epoch_length(100);
        assert_eq!(c.get_epoch_from_slot(199), Ok(1));
        c.set_num_vaults(u64::MAX - 1);
        c.increment_num_vaults().unwrap();
        assert_eq!(c.increment_num_vaults(), Err(VaultError::VaultOverflow));
        assert_eq!(c.num_vaults(), u64::MAX);
    }

    #[test]
    fn program_fee_rounds_up() {
        assert_eq!(Config::calculate_program_fee(0, u64::MAX), Ok(0));
        assert_eq!(Config::calculate_program_fee(1, 1), Ok(1));
        assert_eq!(Config::calculate_program_fee(100, 100), Ok(1));
        assert_eq!(Config::calculate_program_fee(100, 101), Ok(2));
        assert_eq!(
            Config::calculate_program_fee(MAX_BPS, u64::MAX),
            Ok(u64::MAX)
        );
        // Above 100% the fee can exceed u64.
        assert_eq!(
            Config::calculate_program_fee(u16::MAX, u64::MAX),
            Err(VaultError::VaultOverflow)
        );
    }

    #[test]
    fn deployed_address_is_the_canonical_pda() {
        // find_program_address(["config"], ID): bump 255 is off the curve.
        assert_eq!(
            Config::DEPLOYED_ADDRESS,
            Pubkey::from_str_const("UwuSgAq4zByffCGCrWH87DsjfsewYjuqHfJEpzw1Jq3")
        );
    }
}

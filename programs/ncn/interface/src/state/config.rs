//! The NCN program's config (PDA `["config", ncn]`): consensus timing rules, the tie-breaker
//! admin and the fee configuration.

use jito_core::{
    account::{check_account, AccountType},
    unlikely,
};
use pinocchio::Address as Pubkey;
use pinocchio::{address::address_eq, error::ProgramError, AccountView, Address, ProgramResult};
use shank::{ShankAccount, ShankType};

use super::{discriminator, le_fields};
use crate::{
    constants::{MAX_FEE_BPS, PROTOCOL_FEE_BPS, PROTOCOL_FEE_WALLET},
    error::NcnProgramError,
};

/// PDA seed prefix: `["config", ncn]`.
pub const SEED: &[u8] = b"config";

/// The role `AdminSetNewAdmin` sets (Borsh: one byte; the template has one variant).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankType)]
#[repr(u8)]
pub enum ConfigAdminRole {
    TieBreakerAdmin = 0,
}

impl ConfigAdminRole {
    /// The role of Borsh tag `value`, else `InvalidInstructionData`.
    #[inline(always)]
    pub const fn from_u8(value: u8) -> Result<Self, ProgramError> {
        match value {
            0 => Ok(Self::TieBreakerAdmin),
            _ => Err(ProgramError::InvalidInstructionData),
        }
    }
}

/// The fees of one activation epoch (template `Fees`, 12 bytes).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankType)]
pub struct Fees {
    /// Epoch from which these fees apply
    #[idl_type("u64")]
    activation_epoch: [u8; 8],
    /// Protocol fee, bps (template `Fee`, a `PodU16`)
    #[idl_type("u16")]
    protocol_fee_bps: [u8; 2],
    /// NCN fee, bps
    #[idl_type("u16")]
    ncn_fee_bps: [u8; 2],
}

impl Fees {
    /// Fees from `epoch`: the protocol's 400 bps and `ncn_fee_bps` (at most 10,000, else
    /// `FeeCapExceeded`).
    pub fn new(ncn_fee_bps: u16, epoch: u64) -> Result<Self, NcnProgramError> {
        if unlikely(ncn_fee_bps as u64 > MAX_FEE_BPS) {
            return Err(NcnProgramError::FeeCapExceeded);
        }
        Ok(Self {
            activation_epoch: epoch.to_le_bytes(),
            protocol_fee_bps: PROTOCOL_FEE_BPS.to_le_bytes(),
            ncn_fee_bps: ncn_fee_bps.to_le_bytes(),
        })
    }

    le_fields! {
        activation_epoch, set_activation_epoch: u64;
        protocol_fee_bps, set_protocol_fee_bps: u16;
        ncn_fee_bps, set_ncn_fee_bps: u16;
    }

    /// Protocol plus NCN fee, bps.
    #[inline(always)]
    pub fn total_fees_bps(&self) -> u64 {
        self.protocol_fee_bps() as u64 + self.ncn_fee_bps() as u64
    }
}

/// Two fee sets, one active and one waiting for its epoch (template `FeeConfig`, 88 bytes).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankType)]
pub struct FeeConfig {
    /// Wallet of the protocol fee
    pub protocol_fee_wallet: Pubkey,
    /// Wallet of the NCN fee (template field `ncn_fee_wallets`)
    pub ncn_fee_wallet: Pubkey,
    pub fee_1: Fees,
    pub fee_2: Fees,
}

impl FeeConfig {
    /// The template's `FeeConfig::new`: the NCN wallet must not be the default address
    /// (`DefaultNcnWallet`), the NCN fee at most 10,000 bps and the total at most 10,000 bps
    /// (`FeeCapExceeded`). Both fee sets start equal, active from `epoch`.
    pub fn new(
        ncn_fee_wallet: &Address,
        ncn_fee_bps: u16,
        epoch: u64,
    ) -> Result<Self, NcnProgramError> {
        if unlikely(address_eq(ncn_fee_wallet, &Address::default())) {
            return Err(NcnProgramError::DefaultNcnWallet);
        }
        let fees = Fees::new(ncn_fee_bps, epoch)?;
        let config = Self {
            protocol_fee_wallet: PROTOCOL_FEE_WALLET,
            ncn_fee_wallet: *ncn_fee_wallet,
            fee_1: fees,
            fee_2: fees,
        };
        config.check_fees_okay(epoch)?;
        Ok(config)
    }

    /// The fees in force at `epoch`: a set not yet active leaves the other; otherwise the
    /// more recent one (`fee_1` on a tie).
    pub fn current_fees(&self, epoch: u64) -> &Fees {
        let (e1, e2) = (self.fee_1.activation_epoch(), self.fee_2.activation_epoch());
        if e1 > epoch {
            &self.fee_2
        } else if e2 > epoch || e1 >= e2 {
            &self.fee_1
        } else {
            &self.fee_2
        }
    }

    /// The template's `check_fees_okay`: total fees at `epoch` at most 10,000 bps
    /// (`FeeCapExceeded`) and not zero (`TotalFeesCannotBeZero`).
    pub fn check_fees_okay(&self, epoch: u64) -> Result<(), NcnProgramError> {
        let total = self.current_fees(epoch).total_fees_bps();
        if unlikely(total > MAX_FEE_BPS) {
            return Err(NcnProgramError::FeeCapExceeded);
        }
        if unlikely(total == 0) {
            return Err(NcnProgramError::TotalFeesCannotBeZero);
        }
        Ok(())
    }
}

/// The NCN program config (discriminator 0x01, 193 bytes with header).
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankAccount)]
pub struct Config {
    /// The NCN (restaking program) this config belongs to
    pub ncn: Pubkey,
    /// Who may settle a stalled vote
    pub tie_breaker_admin: Pubkey,
    #[idl_type("u64")]
    valid_slots_after_consensus: [u8; 8],
    #[idl_type("u64")]
    epochs_before_stall: [u8; 8],
    #[idl_type("u64")]
    epochs_after_consensus_before_close: [u8; 8],
    /// Only epochs from this one on are valid for voting
    #[idl_type("u64")]
    starting_valid_epoch: [u8; 8],
    pub fee_config: FeeConfig,
    /// Bump of the PDA
    pub bump: u8,
}

// SAFETY: `#[repr(C)]`, only byte fields (alignment 1), valid for every bit pattern.
unsafe impl AccountType for Config {
    const DISCRIMINATOR: u8 = discriminator::CONFIG;
}

impl Config {
    /// PDA seed prefix.
    pub const SEED: &'static [u8] = SEED;

    /// Seeds of the config PDA (without bump).
    #[inline(always)]
    pub fn seeds(ncn: &Address) -> [&[u8]; 2] {
        [SEED, ncn.as_ref()]
    }

    /// Writes every field of a freshly created (zeroed) account, as the template's
    /// `Config::new`.
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    pub fn initialize(
        &mut self,
        ncn: &Address,
        tie_breaker_admin: &Address,
        starting_valid_epoch: u64,
        valid_slots_after_consensus: u64,
        epochs_before_stall: u64,
        epochs_after_consensus_before_close: u64,
        fee_config: &FeeConfig,
        bump: u8,
    ) {
        self.ncn = *ncn;
        self.tie_breaker_admin = *tie_breaker_admin;
        self.set_starting_valid_epoch(starting_valid_epoch);
        self.set_valid_slots_after_consensus(valid_slots_after_consensus);
        self.set_epochs_before_stall(epochs_before_stall);
        self.set_epochs_after_consensus_before_close(epochs_after_consensus_before_close);
        self.fee_config = *fee_config;
        self.bump = bump;
    }

    le_fields! {
        valid_slots_after_consensus, set_valid_slots_after_consensus: u64;
        epochs_before_stall, set_epochs_before_stall: u64;
        epochs_after_consensus_before_close, set_epochs_after_consensus_before_close: u64;
        starting_valid_epoch, set_starting_valid_epoch: u64;
    }

    /// The template's `Config::load`: owner (`InvalidAccountOwner`), then type, size, writable
    /// and the PDA of `ncn` (all `InvalidAccountData`). The program creates configs only at
    /// the canonical PDA of the NCN they store, so the stored `ncn` proves the address.
    #[inline(never)]
    pub fn load(
        program_id: &Address,
        account: &AccountView,
        ncn: &Address,
        expect_writable: bool,
    ) -> ProgramResult {
        check_account::<Self>(program_id, account, expect_writable)?;
        // SAFETY: checked above: owned by this program, of this type and size; only read.
        let config = Self::from_bytes(unsafe { account.borrow_unchecked() })?;
        if unlikely(!address_eq(&config.ncn, ncn)) {
            return Err(ProgramError::InvalidAccountData);
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
        // Fees: PodU64 activation_epoch + two `Fee { PodU16 }` = 8 + 2 + 2.
        assert_packed::<Fees>(12);
        // FeeConfig: two Pubkeys + two Fees = 32 + 32 + 12 + 12.
        assert_packed::<FeeConfig>(88);
        assert_eq!(offset_of!(FeeConfig, fee_1), 64);
        assert_eq!(offset_of!(FeeConfig, fee_2), 76);
        // Config: ncn, tie_breaker_admin, four PodU64, FeeConfig, bump = 64 + 32 + 88 + 1.
        assert_packed::<Config>(185);
        assert_eq!(Config::LEN, 193);
        assert_eq!(offset_of!(Config, valid_slots_after_consensus), 64);
        assert_eq!(offset_of!(Config, epochs_before_stall), 72);
        assert_eq!(offset_of!(Config, epochs_after_consensus_before_close), 80);
        assert_eq!(offset_of!(Config, starting_valid_epoch), 88);
        assert_eq!(offset_of!(Config, fee_config), 96);
        assert_eq!(offset_of!(Config, bump), 184);
    }

    #[test]
    fn fee_config_rules() {
        let wallet = Address::new_from_array([7; 32]);
        let fc = FeeConfig::new(&wallet, 300, 10).unwrap();
        assert_eq!(fc.protocol_fee_wallet, PROTOCOL_FEE_WALLET);
        assert_eq!(fc.fee_1, fc.fee_2);
        assert_eq!(fc.fee_1.activation_epoch(), 10);
        assert_eq!(fc.fee_1.protocol_fee_bps(), 400);
        assert_eq!(fc.current_fees(10).total_fees_bps(), 700);
        // 400 + 9600 is the most the total may reach.
        assert!(FeeConfig::new(&wallet, 9_600, 0).is_ok());
        assert_eq!(
            FeeConfig::new(&wallet, 9_601, 0),
            Err(NcnProgramError::FeeCapExceeded)
        );
        assert_eq!(
            FeeConfig::new(&wallet, 10_001, 0),
            Err(NcnProgramError::FeeCapExceeded)
        );
        assert_eq!(
            FeeConfig::new(&Address::default(), 0, 0),
            Err(NcnProgramError::DefaultNcnWallet)
        );
    }

    #[test]
    fn current_fees_prefers_the_active_and_newest_set() {
        let wallet = Address::new_from_array([7; 32]);
        let mut fc = FeeConfig::new(&wallet, 100, 5).unwrap();
        fc.fee_2 = Fees::new(200, 8).unwrap();
        assert_eq!(fc.current_fees(6).ncn_fee_bps(), 100);
        assert_eq!(fc.current_fees(8).ncn_fee_bps(), 200);
        fc.fee_1 = Fees::new(300, 9).unwrap();
        assert_eq!(fc.current_fees(8).ncn_fee_bps(), 200);
        assert_eq!(fc.current_fees(9).ncn_fee_bps(), 300);
    }

    #[test]
    fn admin_role_tags() {
        assert_eq!(
            ConfigAdminRole::from_u8(0),
            Ok(ConfigAdminRole::TieBreakerAdmin)
        );
        assert_eq!(
            ConfigAdminRole::from_u8(1),
            Err(ProgramError::InvalidInstructionData)
        );
    }
}

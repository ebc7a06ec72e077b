//! Instructions of the vault program.
//!
//! [`VaultInstruction`] is the IDL source: the 1-byte tag (explicit `= N`, the
//! original's variant index at master, `RevokeDelegateTokenAccount` = 21), the
//! Borsh-encoded arguments and the accounts of each instruction, mirroring the
//! original sdk. The program itself dispatches on the raw tag and parses the
//! arguments in place.

extern crate alloc;

use alloc::string::String;

use pinocchio::error::ProgramError;
use shank::{ShankInstruction, ShankType};

#[rustfmt::skip]
#[allow(clippy::duplicated_attributes)]
#[derive(Debug, ShankInstruction)]
#[repr(u8)]
pub enum VaultInstruction {
    /// Initializes global configuration
    #[account(0, writable, name = "config")]
    #[account(1, writable, signer, name = "admin")]
    #[account(2, name = "restaking_program")]
    #[account(3, name = "program_fee_wallet")]
    #[account(4, name = "system_program")]
    InitializeConfig {
        program_fee_bps: u16,
    } = 0,

    /// Initializes the vault
    #[account(0, writable, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, writable, signer, name = "vrt_mint")]
    #[account(3, name = "st_mint")]
    #[account(4, writable, name = "admin_st_token_account")]
    #[account(5, writable, name = "vault_st_token_account")]
    #[account(6, name = "burn_vault")]
    #[account(7, writable, name = "burn_vault_vrt_token_account")]
    #[account(8, writable, signer, name = "admin")]
    #[account(9, signer, name = "base")]
    #[account(10, name = "system_program")]
    #[account(11, name = "token_program")]
    #[account(12, name = "associated_token_program")]
    InitializeVault {
        deposit_fee_bps: u16,
        withdrawal_fee_bps: u16,
        reward_fee_bps: u16,
        decimals: u8,
        initialize_token_amount: u64,
    } = 1,

    /// Initializes a vault with an already-created VRT mint
    InitializeVaultWithMint = 2,

    /// Vault adds support for an operator
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, writable, name = "operator")]
    #[account(3, name = "operator_vault_ticket")]
    #[account(4, writable, name = "vault_operator_delegation")]
    #[account(5, signer, name = "admin")]
    #[account(6, writable, signer, name = "payer")]
    #[account(7, name = "system_program")]
    InitializeVaultOperatorDelegation = 3,

    /// Vault adds support for the NCN
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, name = "ncn")]
    #[account(3, name = "ncn_vault_ticket")]
    #[account(4, writable, name = "vault_ncn_ticket")]
    #[account(5, signer, name = "admin")]
    #[account(6, writable, signer, name = "payer")]
    #[account(7, name = "system_program")]
    InitializeVaultNcnTicket = 4,

    /// Initializes the account which keeps track of how much an operator has been slashed
    /// by a slasher for a given NCN and vault for a given epoch.
    #[account(0, name = "config")]
    #[account(1, name = "vault")]
    #[account(2, name = "ncn")]
    #[account(3, name = "slasher")]
    #[account(4, name = "operator")]
    #[account(5, name = "vault_ncn_slasher_ticket")]
    #[account(6, writable, name = "vault_ncn_slasher_operator_ticket")]
    #[account(7, writable, signer, name = "payer")]
    #[account(8, name = "system_program")]
    InitializeVaultNcnSlasherOperatorTicket = 5,

    /// Registers a slasher with the vault
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, name = "ncn")]
    #[account(3, name = "slasher")]
    #[account(4, name = "ncn_slasher_ticket")]
    #[account(5, writable, name = "vault_slasher_ticket")]
    #[account(6, signer, name = "admin")]
    #[account(7, signer, writable, name = "payer")]
    #[account(8, name = "system_program")]
    InitializeVaultNcnSlasherTicket = 6,

    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, name = "ncn")]
    #[account(3, writable, name = "vault_ncn_ticket")]
    #[account(4, signer, name = "admin")]
    WarmupVaultNcnTicket = 7,

    /// Vault removes support for an NCN
    #[account(0, name = "config")]
    #[account(1, name = "vault")]
    #[account(2, name = "ncn")]
    #[account(3, writable, name = "vault_ncn_ticket")]
    #[account(4, signer, name = "admin")]
    CooldownVaultNcnTicket = 8,

    #[account(0, name = "config")]
    #[account(1, name = "vault")]
    #[account(2, name = "ncn")]
    #[account(3, name = "slasher")]
    #[account(4, writable, name = "vault_slasher_ticket")]
    #[account(5, signer, name = "admin")]
    WarmupVaultNcnSlasherTicket = 9,

    #[account(0, name = "config")]
    #[account(1, name = "vault")]
    #[account(2, name = "ncn")]
    #[account(3, name = "slasher")]
    #[account(4, writable, name = "vault_ncn_slasher_ticket")]
    #[account(5, signer, name = "admin")]
    CooldownVaultNcnSlasherTicket = 10,

    /// Mints VRT by depositing tokens into the vault
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, writable, name = "vrt_mint")]
    #[account(3, writable, signer, name = "depositor")]
    #[account(4, writable, name = "depositor_token_account")]
    #[account(5, writable, name = "vault_token_account")]
    #[account(6, writable, name = "depositor_vrt_token_account")]
    #[account(7, writable, name = "vault_fee_token_account")]
    #[account(8, name = "token_program")]
    #[account(9, signer, optional, name = "mint_signer", desc = "Signer for minting")]
    MintTo {
        amount_in: u64,
        min_amount_out: u64,
    } = 11,

    /// Enqueues a withdrawal of VRT tokens
    /// Used when there aren't enough idle assets in the vault to cover a withdrawal
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, writable, name = "vault_staker_withdrawal_ticket")]
    #[account(3, writable, name = "vault_staker_withdrawal_ticket_token_account")]
    #[account(4, writable, signer, name = "staker")]
    #[account(5, writable, name = "staker_vrt_token_account")]
    #[account(6, signer, name = "base")]
    #[account(7, name = "token_program")]
    #[account(8, name = "system_program")]
    #[account(9, signer, optional, name = "burn_signer", desc = "Signer for burning")]
    EnqueueWithdrawal {
        amount: u64,
    } = 12,

    #[account(0, name = "config")]
    #[account(1, name = "vault")]
    #[account(2, writable, name = "vault_staker_withdrawal_ticket")]
    #[account(3, signer, name = "old_owner")]
    #[account(4, name = "new_owner")]
    ChangeWithdrawalTicketOwner = 13,

    /// Burns the withdrawal ticket, returning funds to the staker. Withdraw tickets can be burned
    /// after one full epoch of being enqueued.
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, writable, name = "vault_token_account")]
    #[account(3, writable, name = "vrt_mint")]
    #[account(4, writable, name = "staker")]
    #[account(5, writable, name = "staker_token_account")]
    #[account(6, writable, name = "vault_staker_withdrawal_ticket")]
    #[account(7, writable, name = "vault_staker_withdrawal_ticket_token_account")]
    #[account(8, writable, name = "vault_fee_token_account")]
    #[account(9, writable, name = "program_fee_token_account")]
    #[account(10, name = "token_program")]
    #[account(11, name = "system_program")]
    #[account(12, signer, optional, name = "burn_signer", desc = "Signer for burning")]
    BurnWithdrawalTicket = 14,

    /// Sets the max tokens that can be deposited into the VRT
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, signer, name = "admin")]
    SetDepositCapacity {
        amount: u64,
    } = 15,

    /// Sets the fees for depositing and withdrawing
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, signer, name = "admin")]
    SetFees {
        deposit_fee_bps: Option<u16>,
        withdrawal_fee_bps: Option<u16>,
        reward_fee_bps: Option<u16>,
    } = 16,

    /// Sets the program fee for the vault program
    #[account(0, writable, name = "config")]
    #[account(1, signer, name = "admin")]
    SetProgramFee {
        new_fee_bps: u16,
    } = 17,

    /// Sets the program fee wallet for the vault program
    #[account(0, writable, name = "config")]
    #[account(1, signer, name = "program_fee_admin")]
    #[account(2, name = "new_fee_wallet")]
    SetProgramFeeWallet = 18,

    /// Sets `is_paused`
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, signer, name = "admin")]
    SetIsPaused {
        is_paused: bool,
    } = 19,

    /// Delegate the token account to a third party
    #[account(0, name = "config")]
    #[account(1, name = "vault")]
    #[account(2, signer, name = "delegate_asset_admin")]
    #[account(3, name = "token_mint")]
    #[account(4, writable, name = "token_account")]
    #[account(5, name = "delegate")]
    #[account(6, name = "token_program")]
    DelegateTokenAccount = 20,

    /// Revoke Delegate of the token account
    #[account(0, name = "config")]
    #[account(1, name = "vault")]
    #[account(2, signer, name = "delegate_asset_admin")]
    #[account(3, name = "token_mint")]
    #[account(4, writable, name = "token_account")]
    #[account(5, name = "token_program")]
    RevokeDelegateTokenAccount = 21,

    /// Changes the signer for vault admin
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, signer, name = "old_admin")]
    #[account(3, signer, name = "new_admin")]
    SetAdmin = 22,

    /// Changes the signer for vault delegation
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, signer, name = "admin")]
    #[account(3, name = "new_admin")]
    SetSecondaryAdmin(VaultAdminRole) = 23,

    /// Delegates a token amount to a specific node operator
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, name = "operator")]
    #[account(3, writable, name = "vault_operator_delegation")]
    #[account(4, signer, name = "admin")]
    AddDelegation {
        amount: u64,
    } = 24,

    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, name = "operator")]
    #[account(3, writable, name = "vault_operator_delegation")]
    #[account(4, signer, name = "admin")]
    CooldownDelegation {
        amount: u64,
    } = 25,

    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, name = "vault_token_account")]
    #[account(3, writable, name = "vrt_mint")]
    #[account(4, writable, name = "vault_fee_token_account")]
    #[account(5, name = "token_program")]
    UpdateVaultBalance = 26,

    /// Starts updating the vault
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, writable, name = "vault_update_state_tracker")]
    #[account(3, writable, signer, name = "payer")]
    #[account(4, name = "system_program")]
    InitializeVaultUpdateStateTracker {
        withdrawal_allocation_method: WithdrawalAllocationMethod,
    } = 27,

    /// Shall be called on every vault_operator_delegation
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, name = "operator")]
    #[account(3, writable, name = "vault_operator_delegation")]
    #[account(4, writable, name = "vault_update_state_tracker")]
    CrankVaultUpdateStateTracker = 28,

    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, writable, name = "vault_update_state_tracker")]
    #[account(3, writable, signer, name = "payer")]
    CloseVaultUpdateStateTracker {
        ncn_epoch: u64,
    } = 29,

    /// Creates token metadata for the vault VRT
    #[account(0, name = "vault")]
    #[account(1, signer, name = "admin")]
    #[account(2, name = "vrt_mint")]
    #[account(3, writable, signer, name = "payer")]
    #[account(4, writable, name = "metadata")]
    #[account(5, name = "mpl_token_metadata_program")]
    #[account(6, name = "system_program")]
    CreateTokenMetadata {
        name: String,
        symbol: String,
        uri: String,
    } = 30,

    /// Updates token metadata for the vault VRT
    #[account(0, name = "vault")]
    #[account(1, signer, name = "admin")]
    #[account(2, name = "vrt_mint")]
    #[account(3, writable, name = "metadata")]
    #[account(4, name = "mpl_token_metadata_program")]
    UpdateTokenMetadata {
        name: String,
        symbol: String,
        uri: String,
    } = 31,

    /// Changes the admin for the config
    #[account(0, writable, name = "config")]
    #[account(1, signer, name = "old_admin")]
    #[account(2, name = "new_admin")]
    SetConfigAdmin = 32,

    /// Changes the secondary admin for the config
    #[account(0, writable, name = "config")]
    #[account(1, signer, name = "admin")]
    #[account(2, name = "new_admin")]
    SetConfigSecondaryAdmin(ConfigAdminRole) = 33,

    // Additions, appended after the original's 34 instructions (docs/COMPATIBILITY.md).

    /// Cranks several operators of the vault update in one instruction: exactly
    /// CrankVaultUpdateStateTracker once per vault_operator_delegation, in the order given
    /// (the tracker's operator-index order), with the same effect and errors. Pass k >= 1
    /// vault_operator_delegation accounts (writable) after the three listed here.
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, writable, name = "vault_update_state_tracker")]
    BatchCrankVaultUpdateStateTracker = 34,

    /// Read-only query (an addition, the same tag in both numberings): sets the return data to
    /// this build's instruction numbering, one byte (0 master, 1 legacy; see `numbering`).
    /// Takes no account and no argument. The original binaries fail it (unknown tag).
    GetNumbering = 36,
}

/// Raw tags of [`VaultInstruction`], for dispatch and clients.
pub mod tag {
    pub const INITIALIZE_CONFIG: u8 = 0;
    pub const INITIALIZE_VAULT: u8 = 1;
    pub const INITIALIZE_VAULT_WITH_MINT: u8 = 2;
    pub const INITIALIZE_VAULT_OPERATOR_DELEGATION: u8 = 3;
    pub const INITIALIZE_VAULT_NCN_TICKET: u8 = 4;
    pub const INITIALIZE_VAULT_NCN_SLASHER_OPERATOR_TICKET: u8 = 5;
    pub const INITIALIZE_VAULT_NCN_SLASHER_TICKET: u8 = 6;
    pub const WARMUP_VAULT_NCN_TICKET: u8 = 7;
    pub const COOLDOWN_VAULT_NCN_TICKET: u8 = 8;
    pub const WARMUP_VAULT_NCN_SLASHER_TICKET: u8 = 9;
    pub const COOLDOWN_VAULT_NCN_SLASHER_TICKET: u8 = 10;
    pub const MINT_TO: u8 = 11;
    pub const ENQUEUE_WITHDRAWAL: u8 = 12;
    pub const CHANGE_WITHDRAWAL_TICKET_OWNER: u8 = 13;
    pub const BURN_WITHDRAWAL_TICKET: u8 = 14;
    pub const SET_DEPOSIT_CAPACITY: u8 = 15;
    pub const SET_FEES: u8 = 16;
    pub const SET_PROGRAM_FEE: u8 = 17;
    pub const SET_PROGRAM_FEE_WALLET: u8 = 18;
    pub const SET_IS_PAUSED: u8 = 19;
    pub const DELEGATE_TOKEN_ACCOUNT: u8 = 20;
    pub const REVOKE_DELEGATE_TOKEN_ACCOUNT: u8 = 21;
    pub const SET_ADMIN: u8 = 22;
    pub const SET_SECONDARY_ADMIN: u8 = 23;
    pub const ADD_DELEGATION: u8 = 24;
    pub const COOLDOWN_DELEGATION: u8 = 25;
    pub const UPDATE_VAULT_BALANCE: u8 = 26;
    pub const INITIALIZE_VAULT_UPDATE_STATE_TRACKER: u8 = 27;
    pub const CRANK_VAULT_UPDATE_STATE_TRACKER: u8 = 28;
    pub const CLOSE_VAULT_UPDATE_STATE_TRACKER: u8 = 29;
    pub const CREATE_TOKEN_METADATA: u8 = 30;
    pub const UPDATE_TOKEN_METADATA: u8 = 31;
    pub const SET_CONFIG_ADMIN: u8 = 32;
    pub const SET_CONFIG_SECONDARY_ADMIN: u8 = 33;
    // Additions (not in the original), the same tags in both numberings.
    pub const BATCH_CRANK_VAULT_UPDATE_STATE_TRACKER: u8 = 34;
    pub const GET_NUMBERING: u8 = 36;
}

/// Config roles settable by SetConfigSecondaryAdmin.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankType)]
#[repr(u8)]
pub enum ConfigAdminRole {
    FeeAdmin = 0,
}

impl TryFrom<u8> for ConfigAdminRole {
    type Error = ProgramError;

    /// An unknown tag fails Borsh decoding in the original: `InvalidInstructionData` here.
    #[inline(always)]
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        match value {
            0 => Ok(Self::FeeAdmin),
            _ => Err(ProgramError::InvalidInstructionData),
        }
    }
}

/// Vault roles settable by SetSecondaryAdmin.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankType)]
#[repr(u8)]
pub enum VaultAdminRole {
    DelegationAdmin = 0,
    OperatorAdmin = 1,
    NcnAdmin = 2,
    SlasherAdmin = 3,
    CapacityAdmin = 4,
    FeeWallet = 5,
    MintBurnAdmin = 6,
    DelegateAssetAdmin = 7,
    FeeAdmin = 8,
    MetadataAdmin = 9,
}

impl TryFrom<u8> for VaultAdminRole {
    type Error = ProgramError;

    /// An unknown tag fails Borsh decoding in the original: `InvalidInstructionData` here.
    #[inline(always)]
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Ok(match value {
            0 => Self::DelegationAdmin,
            1 => Self::OperatorAdmin,
            2 => Self::NcnAdmin,
            3 => Self::SlasherAdmin,
            4 => Self::CapacityAdmin,
            5 => Self::FeeWallet,
            6 => Self::MintBurnAdmin,
            7 => Self::DelegateAssetAdmin,
            8 => Self::FeeAdmin,
            9 => Self::MetadataAdmin,
            _ => return Err(ProgramError::InvalidInstructionData),
        })
    }
}

/// How CrankVaultUpdateStateTracker allocates the assets to unstake.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankType)]
#[repr(u8)]
pub enum WithdrawalAllocationMethod {
    /// During withdrawal allocation, the greedy mode will subtract assets from operator delegations
    /// its iterating over in order to fulfill the withdrawal.
    Greedy = 0,
}

impl TryFrom<u8> for WithdrawalAllocationMethod {
    type Error = ProgramError;

    /// As the original's conversion of the stored byte: `InvalidArgument` when unknown.
    #[inline(always)]
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        match value {
            0 => Ok(Self::Greedy),
            _ => Err(ProgramError::InvalidArgument),
        }
    }
}

/// Little-endian readers for instruction arguments, with the Borsh rules of
/// the original (exact length, `Option` flag 0/1, `bool` 0/1), all failing with
/// `InvalidInstructionData`.
pub mod args {
    use pinocchio::error::ProgramError;

    /// `data` is exactly one little-endian `u16`.
    #[inline(always)]
    pub fn u16_exact(data: &[u8]) -> Result<u16, ProgramError> {
        match data {
            [a, b] => Ok(u16::from_le_bytes([*a, *b])),
            _ => Err(ProgramError::InvalidInstructionData),
        }
    }

    /// `data` is exactly one little-endian `u64`.
    #[inline(always)]
    pub fn u64_exact(data: &[u8]) -> Result<u64, ProgramError> {
        let bytes: [u8; 8] = data
            .try_into()
            .map_err(|_| ProgramError::InvalidInstructionData)?;
        Ok(u64::from_le_bytes(bytes))
    }

    /// `data` is exactly one byte.
    #[inline(always)]
    pub fn u8_exact(data: &[u8]) -> Result<u8, ProgramError> {
        match data {
            [a] => Ok(*a),
            _ => Err(ProgramError::InvalidInstructionData),
        }
    }

    /// `data` is exactly one Borsh `bool` (0 or 1).
    #[inline(always)]
    pub fn bool_exact(data: &[u8]) -> Result<bool, ProgramError> {
        match data {
            [0] => Ok(false),
            [1] => Ok(true),
            _ => Err(ProgramError::InvalidInstructionData),
        }
    }

    /// Reads a Borsh `Option<u16>` at the front of `data`; returns it and the rest.
    #[inline(always)]
    pub fn option_u16(data: &[u8]) -> Result<(Option<u16>, &[u8]), ProgramError> {
        match data {
            [0, rest @ ..] => Ok((None, rest)),
            [1, a, b, rest @ ..] => Ok((Some(u16::from_le_bytes([*a, *b])), rest)),
            _ => Err(ProgramError::InvalidInstructionData),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip() {
        for i in 0..=9u8 {
            assert_eq!(VaultAdminRole::try_from(i).unwrap() as u8, i);
        }
        assert_eq!(
            VaultAdminRole::try_from(10),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(ConfigAdminRole::try_from(0), Ok(ConfigAdminRole::FeeAdmin));
        assert_eq!(
            ConfigAdminRole::try_from(1),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(
            WithdrawalAllocationMethod::try_from(0),
            Ok(WithdrawalAllocationMethod::Greedy)
        );
        assert_eq!(
            WithdrawalAllocationMethod::try_from(1),
            Err(ProgramError::InvalidArgument)
        );
    }

    #[test]
    fn arg_readers() {
        assert_eq!(args::u16_exact(&[1, 2]), Ok(0x0201));
        assert_eq!(
            args::u16_exact(&[1]),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(
            args::u16_exact(&[1, 2, 3]),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(args::u64_exact(&u64::MAX.to_le_bytes()), Ok(u64::MAX));
        assert_eq!(
            args::u64_exact(&[0; 9]),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(args::bool_exact(&[1]), Ok(true));
        assert_eq!(
            args::bool_exact(&[2]),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(
            args::bool_exact(&[]),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(args::option_u16(&[0, 9]), Ok((None, &[9u8][..])));
        assert_eq!(args::option_u16(&[1, 5, 0]), Ok((Some(5), &[][..])));
        assert_eq!(
            args::option_u16(&[1, 5]),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(
            args::option_u16(&[2, 5, 0]),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(
            args::option_u16(&[]),
            Err(ProgramError::InvalidInstructionData)
        );
    }
}

#[cfg(test)]
mod tag_tests {
    extern crate std;

    use super::*;

    /// The tag byte of a `#[repr(u8)]` enum value.
    fn tag_of(ix: &VaultInstruction) -> u8 {
        // SAFETY: a `#[repr(u8)]` enum starts with its `u8` discriminant.
        unsafe { *(ix as *const VaultInstruction as *const u8) }
    }

    #[test]
    fn tags_match_constants() {
        use VaultInstruction as I;
        let s = || String::new();
        let cases = [
            (
                I::InitializeConfig { program_fee_bps: 0 },
                tag::INITIALIZE_CONFIG,
            ),
            (
                I::InitializeVault {
                    deposit_fee_bps: 0,
                    withdrawal_fee_bps: 0,
                    reward_fee_bps: 0,
                    decimals: 0,
                    initialize_token_amount: 0,
                },
                tag::INITIALIZE_VAULT,
            ),
            (I::InitializeVaultWithMint, tag::INITIALIZE_VAULT_WITH_MINT),
            (
                I::InitializeVaultOperatorDelegation,
                tag::INITIALIZE_VAULT_OPERATOR_DELEGATION,
            ),
            (
                I::InitializeVaultNcnTicket,
                tag::INITIALIZE_VAULT_NCN_TICKET,
            ),
            (
                I::InitializeVaultNcnSlasherOperatorTicket,
                tag::INITIALIZE_VAULT_NCN_SLASHER_OPERATOR_TICKET,
            ),
            (
                I::InitializeVaultNcnSlasherTicket,
                tag::INITIALIZE_VAULT_NCN_SLASHER_TICKET,
            ),
            (I::WarmupVaultNcnTicket, tag::WARMUP_VAULT_NCN_TICKET),
            (I::CooldownVaultNcnTicket, tag::COOLDOWN_VAULT_NCN_TICKET),
            (
                I::WarmupVaultNcnSlasherTicket,
                tag::WARMUP_VAULT_NCN_SLASHER_TICKET,
            ),
            (
                I::CooldownVaultNcnSlasherTicket,
                tag::COOLDOWN_VAULT_NCN_SLASHER_TICKET,
            ),
            (
                I::MintTo {
                    amount_in: 0,
                    min_amount_out: 0,
                },
                tag::MINT_TO,
            ),
            (I::EnqueueWithdrawal { amount: 0 }, tag::ENQUEUE_WITHDRAWAL),
            (
                I::ChangeWithdrawalTicketOwner,
                tag::CHANGE_WITHDRAWAL_TICKET_OWNER,
            ),
            (I::BurnWithdrawalTicket, tag::BURN_WITHDRAWAL_TICKET),
            (
                I::SetDepositCapacity { amount: 0 },
                tag::SET_DEPOSIT_CAPACITY,
            ),
            (
                I::SetFees {
                    deposit_fee_bps: None,
                    withdrawal_fee_bps: None,
                    reward_fee_bps: None,
                },
                tag::SET_FEES,
            ),
            (I::SetProgramFee { new_fee_bps: 0 }, tag::SET_PROGRAM_FEE),
            (I::SetProgramFeeWallet, tag::SET_PROGRAM_FEE_WALLET),
            (I::SetIsPaused { is_paused: false }, tag::SET_IS_PAUSED),
            (I::DelegateTokenAccount, tag::DELEGATE_TOKEN_ACCOUNT),
            (
                I::RevokeDelegateTokenAccount,
                tag::REVOKE_DELEGATE_TOKEN_ACCOUNT,
            ),
            (I::SetAdmin, tag::SET_ADMIN),
            (
                I::SetSecondaryAdmin(VaultAdminRole::FeeAdmin),
                tag::SET_SECONDARY_ADMIN,
            ),
            (I::AddDelegation { amount: 0 }, tag::ADD_DELEGATION),
            (
                I::CooldownDelegation { amount: 0 },
                tag::COOLDOWN_DELEGATION,
            ),
            (I::UpdateVaultBalance, tag::UPDATE_VAULT_BALANCE),
            (
                I::InitializeVaultUpdateStateTracker {
                    withdrawal_allocation_method: WithdrawalAllocationMethod::Greedy,
                },
                tag::INITIALIZE_VAULT_UPDATE_STATE_TRACKER,
            ),
            (
                I::CrankVaultUpdateStateTracker,
                tag::CRANK_VAULT_UPDATE_STATE_TRACKER,
            ),
            (
                I::CloseVaultUpdateStateTracker { ncn_epoch: 0 },
                tag::CLOSE_VAULT_UPDATE_STATE_TRACKER,
            ),
            (
                I::CreateTokenMetadata {
                    name: s(),
                    symbol: s(),
                    uri: s(),
                },
                tag::CREATE_TOKEN_METADATA,
            ),
            (
                I::UpdateTokenMetadata {
                    name: s(),
                    symbol: s(),
                    uri: s(),
                },
                tag::UPDATE_TOKEN_METADATA,
            ),
            (I::SetConfigAdmin, tag::SET_CONFIG_ADMIN),
            (
                I::SetConfigSecondaryAdmin(ConfigAdminRole::FeeAdmin),
                tag::SET_CONFIG_SECONDARY_ADMIN,
            ),
            (
                I::BatchCrankVaultUpdateStateTracker,
                tag::BATCH_CRANK_VAULT_UPDATE_STATE_TRACKER,
            ),
        ];
        // The original's 34 instructions, then the additions.
        assert_eq!(cases.len(), 35);
        for (i, (ix, t)) in cases.iter().enumerate() {
            assert_eq!(tag_of(ix), *t, "{ix:?}");
            assert_eq!(*t as usize, i);
        }
        assert_eq!(tag_of(&I::GetNumbering), tag::GET_NUMBERING);
    }
}

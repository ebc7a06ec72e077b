//! Instructions of the restaking program: tags, arguments and accounts, as in
//! the original `RestakingInstruction` (the tag is the variant index).
//!
//! This enum is the IDL source; the program dispatches on the raw tag byte.
//! Arguments are little-endian after the tag; the role enums are one byte.

use pinocchio::error::ProgramError;
use shank::{ShankInstruction, ShankType};

// Shank reads the repeated `#[account]` attributes; clippy mistakes them for duplicates.
#[allow(clippy::duplicated_attributes)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankInstruction)]
#[repr(u8)]
pub enum RestakingInstruction {
    /// Initializes the global configuration
    #[account(0, writable, name = "config")]
    #[account(1, writable, signer, name = "admin")]
    #[account(2, name = "vault_program")]
    #[account(3, name = "system_program")]
    InitializeConfig = 0,

    /// Initializes the NCN
    #[account(0, writable, name = "config")]
    #[account(1, writable, name = "ncn")]
    #[account(2, writable, signer, name = "admin")]
    #[account(3, signer, name = "base")]
    #[account(4, name = "system_program")]
    InitializeNcn = 1,

    /// Initializes a operator
    #[account(0, writable, name = "config")]
    #[account(1, writable, name = "operator")]
    #[account(2, writable, signer, name = "admin")]
    #[account(3, signer, name = "base")]
    #[account(4, name = "system_program")]
    InitializeOperator { operator_fee_bps: u16 } = 2,

    /// The NCN adds support for a vault slasher
    ///
    /// # Arguments
    /// * `u64` - The maximum amount that can be slashed from the vault per epoch
    #[account(0, name = "config")]
    #[account(1, writable, name = "ncn")]
    #[account(2, name = "vault")]
    #[account(3, name = "slasher")]
    #[account(4, name = "ncn_vault_ticket")]
    #[account(5, writable, name = "ncn_vault_slasher_ticket")]
    #[account(6, signer, name = "admin")]
    #[account(7, writable, signer, name = "payer")]
    #[account(8, name = "system_program")]
    InitializeNcnVaultSlasherTicket { max_slashable_per_epoch: u64 } = 3,

    /// NCN adds support for receiving delegation from a vault
    #[account(0, name = "config")]
    #[account(1, writable, name = "ncn")]
    #[account(2, name = "vault")]
    #[account(3, writable, name = "ncn_vault_ticket")]
    #[account(4, signer, name = "admin")]
    #[account(5, writable, signer, name = "payer")]
    #[account(6, name = "system_program")]
    InitializeNcnVaultTicket = 4,

    /// Operator adds support for receiving delegation from a vault
    #[account(0, name = "config")]
    #[account(1, writable, name = "operator")]
    #[account(2, name = "vault")]
    #[account(3, writable, name = "operator_vault_ticket")]
    #[account(4, signer, name = "admin")]
    #[account(5, writable, signer, name = "payer")]
    #[account(6, name = "system_program")]
    InitializeOperatorVaultTicket = 5,

    /// After the operator has signaled they are ready to join the network,
    /// the NCN admin can add the operator to the NCN
    #[account(0, name = "config")]
    #[account(1, writable, name = "ncn")]
    #[account(2, writable, name = "operator")]
    #[account(3, writable, name = "ncn_operator_state")]
    #[account(4, signer, name = "admin")]
    #[account(5, writable, signer, name = "payer")]
    #[account(6, name = "system_program")]
    InitializeNcnOperatorState = 6,

    /// NCN starts warming up its support for a vault
    #[account(0, name = "config")]
    #[account(1, name = "ncn")]
    #[account(2, name = "vault")]
    #[account(3, writable, name = "ncn_vault_ticket")]
    #[account(4, signer, name = "admin")]
    WarmupNcnVaultTicket = 7,

    /// NCN removes support for receiving delegation from a vault
    #[account(0, name = "config")]
    #[account(1, name = "ncn")]
    #[account(2, name = "vault")]
    #[account(3, writable, name = "ncn_vault_ticket")]
    #[account(4, signer, name = "admin")]
    CooldownNcnVaultTicket = 8,

    /// NCN starts warming up its opt-in to an operator
    #[account(0, name = "config")]
    #[account(1, name = "ncn")]
    #[account(2, name = "operator")]
    #[account(3, writable, name = "ncn_operator_state")]
    #[account(4, signer, name = "admin")]
    NcnWarmupOperator = 9,

    /// NCN starts cooling down its opt-in to an operator
    #[account(0, name = "config")]
    #[account(1, name = "ncn")]
    #[account(2, name = "operator")]
    #[account(3, writable, name = "ncn_operator_state")]
    #[account(4, signer, name = "admin")]
    NcnCooldownOperator = 10,

    /// Operator starts warming up its opt-in to an NCN
    #[account(0, name = "config")]
    #[account(1, name = "ncn")]
    #[account(2, name = "operator")]
    #[account(3, writable, name = "ncn_operator_state")]
    #[account(4, signer, name = "admin")]
    OperatorWarmupNcn = 11,

    /// Operator starts cooling down its opt-in to an NCN
    #[account(0, name = "config")]
    #[account(1, name = "ncn")]
    #[account(2, name = "operator")]
    #[account(3, writable, name = "ncn_operator_state")]
    #[account(4, signer, name = "admin")]
    OperatorCooldownNcn = 12,

    /// NCN starts warming up a vault slasher
    #[account(0, name = "config")]
    #[account(1, name = "ncn")]
    #[account(2, name = "vault")]
    #[account(3, name = "slasher")]
    #[account(4, name = "ncn_vault_ticket")]
    #[account(5, writable, name = "ncn_vault_slasher_ticket")]
    #[account(6, signer, name = "admin")]
    WarmupNcnVaultSlasherTicket = 13,

    /// NCN removes support for a slasher
    #[account(0, name = "config")]
    #[account(1, name = "ncn")]
    #[account(2, name = "vault")]
    #[account(3, name = "slasher")]
    #[account(4, writable, name = "ncn_vault_slasher_ticket")]
    #[account(5, signer, name = "admin")]
    CooldownNcnVaultSlasherTicket = 14,

    /// Operator starts warming up its support for a vault
    #[account(0, name = "config")]
    #[account(1, name = "operator")]
    #[account(2, name = "vault")]
    #[account(3, writable, name = "operator_vault_ticket")]
    #[account(4, signer, name = "admin")]
    WarmupOperatorVaultTicket = 15,

    /// Node operator removes support for receiving delegation from a vault
    #[account(0, name = "config")]
    #[account(1, name = "operator")]
    #[account(2, name = "vault")]
    #[account(3, writable, name = "operator_vault_ticket")]
    #[account(4, signer, name = "admin")]
    CooldownOperatorVaultTicket = 16,

    /// Sets the admin of an NCN (both the old and the new admin sign)
    #[account(0, writable, name = "ncn")]
    #[account(1, signer, name = "old_admin")]
    #[account(2, signer, name = "new_admin")]
    NcnSetAdmin = 17,

    /// Sets one secondary admin of an NCN
    #[account(0, writable, name = "ncn")]
    #[account(1, signer, name = "admin")]
    #[account(2, name = "new_admin")]
    NcnSetSecondaryAdmin(NcnAdminRole) = 18,

    /// Sets the admin for a node operator
    #[account(0, writable, name = "operator")]
    #[account(1, signer, name = "old_admin")]
    #[account(2, signer, name = "new_admin")]
    OperatorSetAdmin = 19,

    /// Sets the voter for a node operator
    #[account(0, writable, name = "operator")]
    #[account(1, signer, name = "admin")]
    #[account(2, name = "new_admin")]
    OperatorSetSecondaryAdmin(OperatorAdminRole) = 20,

    /// Sets the fee for a node operator
    #[account(0, name = "config")]
    #[account(1, writable, name = "operator")]
    #[account(2, signer, name = "admin")]
    OperatorSetFee { new_fee_bps: u16 } = 21,

    /// Approves a delegate on a token account owned by an NCN
    #[account(0, name = "ncn")]
    #[account(1, signer, name = "delegate_admin")]
    #[account(2, name = "token_mint")]
    #[account(3, writable, name = "token_account")]
    #[account(4, name = "delegate")]
    #[account(5, name = "token_program")]
    NcnDelegateTokenAccount = 22,

    /// Approves a delegate on a token account owned by an operator
    #[account(0, name = "operator")]
    #[account(1, signer, name = "delegate_admin")]
    #[account(2, name = "token_mint")]
    #[account(3, writable, name = "token_account")]
    #[account(4, name = "delegate")]
    #[account(5, name = "token_program")]
    OperatorDelegateTokenAccount = 23,

    /// Changes the admin for the config
    #[account(0, writable, name = "config")]
    #[account(1, signer, name = "old_admin")]
    #[account(2, name = "new_admin")]
    SetConfigAdmin = 24,
}

/// Instruction tags (the first byte of the instruction data).
pub mod tag {
    pub const INITIALIZE_CONFIG: u8 = 0;
    pub const INITIALIZE_NCN: u8 = 1;
    pub const INITIALIZE_OPERATOR: u8 = 2;
    pub const INITIALIZE_NCN_VAULT_SLASHER_TICKET: u8 = 3;
    pub const INITIALIZE_NCN_VAULT_TICKET: u8 = 4;
    pub const INITIALIZE_OPERATOR_VAULT_TICKET: u8 = 5;
    pub const INITIALIZE_NCN_OPERATOR_STATE: u8 = 6;
    pub const WARMUP_NCN_VAULT_TICKET: u8 = 7;
    pub const COOLDOWN_NCN_VAULT_TICKET: u8 = 8;
    pub const NCN_WARMUP_OPERATOR: u8 = 9;
    pub const NCN_COOLDOWN_OPERATOR: u8 = 10;
    pub const OPERATOR_WARMUP_NCN: u8 = 11;
    pub const OPERATOR_COOLDOWN_NCN: u8 = 12;
    pub const WARMUP_NCN_VAULT_SLASHER_TICKET: u8 = 13;
    pub const COOLDOWN_NCN_VAULT_SLASHER_TICKET: u8 = 14;
    pub const WARMUP_OPERATOR_VAULT_TICKET: u8 = 15;
    pub const COOLDOWN_OPERATOR_VAULT_TICKET: u8 = 16;
    pub const NCN_SET_ADMIN: u8 = 17;
    pub const NCN_SET_SECONDARY_ADMIN: u8 = 18;
    pub const OPERATOR_SET_ADMIN: u8 = 19;
    pub const OPERATOR_SET_SECONDARY_ADMIN: u8 = 20;
    pub const OPERATOR_SET_FEE: u8 = 21;
    pub const NCN_DELEGATE_TOKEN_ACCOUNT: u8 = 22;
    pub const OPERATOR_DELEGATE_TOKEN_ACCOUNT: u8 = 23;
    pub const SET_CONFIG_ADMIN: u8 = 24;
}

/// Which secondary admin of an NCN `NcnSetSecondaryAdmin` sets (Borsh: one byte).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankType)]
#[repr(u8)]
pub enum NcnAdminRole {
    OperatorAdmin = 0,
    VaultAdmin = 1,
    SlasherAdmin = 2,
    DelegateAdmin = 3,
    MetadataAdmin = 4,
    WeightTableAdmin = 5,
    NcnProgramAdmin = 6,
}

impl NcnAdminRole {
    /// The role of Borsh tag `value`, else `InvalidInstructionData`.
    #[inline(always)]
    pub const fn from_u8(value: u8) -> Result<Self, ProgramError> {
        Ok(match value {
            0 => Self::OperatorAdmin,
            1 => Self::VaultAdmin,
            2 => Self::SlasherAdmin,
            3 => Self::DelegateAdmin,
            4 => Self::MetadataAdmin,
            5 => Self::WeightTableAdmin,
            6 => Self::NcnProgramAdmin,
            _ => return Err(ProgramError::InvalidInstructionData),
        })
    }
}

impl TryFrom<u8> for NcnAdminRole {
    type Error = ProgramError;

    #[inline(always)]
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Self::from_u8(value)
    }
}

/// Which secondary admin of an operator `OperatorSetSecondaryAdmin` sets (Borsh: one byte).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankType)]
#[repr(u8)]
pub enum OperatorAdminRole {
    NcnAdmin = 0,
    VaultAdmin = 1,
    VoterAdmin = 2,
    DelegateAdmin = 3,
    MetadataAdmin = 4,
}

impl OperatorAdminRole {
    /// The role of Borsh tag `value`, else `InvalidInstructionData`.
    #[inline(always)]
    pub const fn from_u8(value: u8) -> Result<Self, ProgramError> {
        Ok(match value {
            0 => Self::NcnAdmin,
            1 => Self::VaultAdmin,
            2 => Self::VoterAdmin,
            3 => Self::DelegateAdmin,
            4 => Self::MetadataAdmin,
            _ => return Err(ProgramError::InvalidInstructionData),
        })
    }
}

impl TryFrom<u8> for OperatorAdminRole {
    type Error = ProgramError;

    #[inline(always)]
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Self::from_u8(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_and_reject_unknown_tags() {
        for v in 0..7u8 {
            assert_eq!(NcnAdminRole::from_u8(v).unwrap() as u8, v);
        }
        assert_eq!(
            NcnAdminRole::try_from(7),
            Err(ProgramError::InvalidInstructionData)
        );
        for v in 0..5u8 {
            assert_eq!(OperatorAdminRole::from_u8(v).unwrap() as u8, v);
        }
        assert_eq!(
            OperatorAdminRole::try_from(5),
            Err(ProgramError::InvalidInstructionData)
        );
    }
}

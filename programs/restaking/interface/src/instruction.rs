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
    /// Creates the restaking config (PDA ["config"]) with the default epoch length and the vault
    /// program id.
    ///
    /// Must exist: nothing; the admin pays the rent. Once per deployment.
    #[account(0, writable, name = "config")]
    #[account(1, writable, signer, name = "admin")]
    #[account(2, name = "vault_program")]
    #[account(3, name = "system_program")]
    InitializeConfig = 0,

    /// Creates an NCN at PDA ["ncn", base]; the admin becomes every NCN role.
    ///
    /// Must exist: the restaking config. `base` is a fresh keypair that signs.
    #[account(0, writable, name = "config")]
    #[account(1, writable, name = "ncn")]
    #[account(2, writable, signer, name = "admin")]
    #[account(3, signer, name = "base")]
    #[account(4, name = "system_program")]
    InitializeNcn = 1,

    /// Creates an operator at PDA ["operator", base] with a fee of `operator_fee_bps` (at most
    /// 10000).
    ///
    /// Must exist: the restaking config. `base` is a fresh keypair that signs.
    #[account(0, writable, name = "config")]
    #[account(1, writable, name = "operator")]
    #[account(2, writable, signer, name = "admin")]
    #[account(3, signer, name = "base")]
    #[account(4, name = "system_program")]
    InitializeOperator { operator_fee_bps: u16 } = 2,

    /// The NCN's slasher admin registers `slasher` for a vault, with a per-epoch slashing limit;
    /// the ticket starts inactive.
    ///
    /// Must exist: the restaking config, the NCN, the vault (vault program) and the NCN vault
    /// ticket of the pair.
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

    /// The NCN's vault admin opts the NCN in to a vault; the ticket starts inactive (warm it up in
    /// a later slot).
    ///
    /// Must exist: the restaking config, the NCN and the vault (vault program).
    #[account(0, name = "config")]
    #[account(1, writable, name = "ncn")]
    #[account(2, name = "vault")]
    #[account(3, writable, name = "ncn_vault_ticket")]
    #[account(4, signer, name = "admin")]
    #[account(5, writable, signer, name = "payer")]
    #[account(6, name = "system_program")]
    InitializeNcnVaultTicket = 4,

    /// The operator's vault admin opts the operator in to a vault; the ticket starts inactive (warm
    /// it up in a later slot).
    ///
    /// Must exist: the restaking config, the operator and the vault (vault program).
    #[account(0, name = "config")]
    #[account(1, writable, name = "operator")]
    #[account(2, name = "vault")]
    #[account(3, writable, name = "operator_vault_ticket")]
    #[account(4, signer, name = "admin")]
    #[account(5, writable, signer, name = "payer")]
    #[account(6, name = "system_program")]
    InitializeOperatorVaultTicket = 5,

    /// The NCN's operator admin creates the state of an NCN-operator pair; both opt-ins start
    /// inactive.
    ///
    /// Must exist: the restaking config, the NCN and the operator.
    #[account(0, name = "config")]
    #[account(1, writable, name = "ncn")]
    #[account(2, writable, name = "operator")]
    #[account(3, writable, name = "ncn_operator_state")]
    #[account(4, signer, name = "admin")]
    #[account(5, writable, signer, name = "payer")]
    #[account(6, name = "system_program")]
    InitializeNcnOperatorState = 6,

    /// The NCN's vault admin starts warming up the NCN's opt-in to a vault.
    ///
    /// Must exist: the restaking config, the NCN and the NCN vault ticket.
    ///
    /// Timing: the ticket must be inactive and not created (or last changed) in the current slot:
    /// send this at least one slot later, else NcnVaultTicketFailedWarmup. It then warms up for the
    /// rest of this epoch and the next and is active from the epoch after.
    #[account(0, name = "config")]
    #[account(1, name = "ncn")]
    #[account(2, name = "vault")]
    #[account(3, writable, name = "ncn_vault_ticket")]
    #[account(4, signer, name = "admin")]
    WarmupNcnVaultTicket = 7,

    /// The NCN's vault admin starts cooling down the NCN's opt-in to a vault.
    ///
    /// Must exist: the restaking config, the NCN and the NCN vault ticket.
    ///
    /// Timing: the ticket must be active (warm-up started two or more epochs ago), else
    /// NcnVaultTicketFailedCooldown. It then cools down for the rest of this epoch and the next and
    /// is inactive from the epoch after.
    #[account(0, name = "config")]
    #[account(1, name = "ncn")]
    #[account(2, name = "vault")]
    #[account(3, writable, name = "ncn_vault_ticket")]
    #[account(4, signer, name = "admin")]
    CooldownNcnVaultTicket = 8,

    /// The NCN's operator admin starts warming up the NCN's opt-in to an operator.
    ///
    /// Must exist: the restaking config, the NCN, the operator and their NCN operator state.
    ///
    /// Timing: the NCN's opt-in must be inactive and not created (or last changed) in the current
    /// slot: send this at least one slot later, else NcnWarmupOperatorFailed. It then warms up for
    /// the rest of this epoch and the next and is active from the epoch after.
    #[account(0, name = "config")]
    #[account(1, name = "ncn")]
    #[account(2, name = "operator")]
    #[account(3, writable, name = "ncn_operator_state")]
    #[account(4, signer, name = "admin")]
    NcnWarmupOperator = 9,

    /// The NCN's operator admin starts cooling down the NCN's opt-in to an operator.
    ///
    /// Must exist: the restaking config, the NCN, the operator and their NCN operator state.
    ///
    /// Timing: the NCN's opt-in must be active (warm-up started two or more epochs ago), else
    /// NcnCooldownOperatorFailed. It then cools down for the rest of this epoch and the next and is
    /// inactive from the epoch after.
    #[account(0, name = "config")]
    #[account(1, name = "ncn")]
    #[account(2, name = "operator")]
    #[account(3, writable, name = "ncn_operator_state")]
    #[account(4, signer, name = "admin")]
    NcnCooldownOperator = 10,

    /// The operator's NCN admin starts warming up the operator's opt-in to an NCN.
    ///
    /// Must exist: the restaking config, the NCN, the operator and their NCN operator state.
    ///
    /// Timing: the operator's opt-in must be inactive and not created (or last changed) in the
    /// current slot: send this at least one slot later, else OperatorWarmupNcnFailed. It then warms
    /// up for the rest of this epoch and the next and is active from the epoch after.
    #[account(0, name = "config")]
    #[account(1, name = "ncn")]
    #[account(2, name = "operator")]
    #[account(3, writable, name = "ncn_operator_state")]
    #[account(4, signer, name = "admin")]
    OperatorWarmupNcn = 11,

    /// The operator's NCN admin starts cooling down the operator's opt-in to an NCN.
    ///
    /// Must exist: the restaking config, the NCN, the operator and their NCN operator state.
    ///
    /// Timing: the operator's opt-in must be active (warm-up started two or more epochs ago), else
    /// OperatorCooldownNcnFailed. It then cools down for the rest of this epoch and the next and is
    /// inactive from the epoch after.
    #[account(0, name = "config")]
    #[account(1, name = "ncn")]
    #[account(2, name = "operator")]
    #[account(3, writable, name = "ncn_operator_state")]
    #[account(4, signer, name = "admin")]
    OperatorCooldownNcn = 12,

    /// The NCN's slasher admin starts warming up a slasher for a vault.
    ///
    /// Must exist: the restaking config, the NCN, the NCN vault ticket (in any state) and the NCN
    /// vault slasher ticket.
    ///
    /// Timing: the slasher ticket must be inactive and not created (or last changed) in the current
    /// slot: send this at least one slot later, else NcnVaultSlasherTicketFailedWarmup. It then
    /// warms up for the rest of this epoch and the next and is active from the epoch after.
    #[account(0, name = "config")]
    #[account(1, name = "ncn")]
    #[account(2, name = "vault")]
    #[account(3, name = "slasher")]
    #[account(4, name = "ncn_vault_ticket")]
    #[account(5, writable, name = "ncn_vault_slasher_ticket")]
    #[account(6, signer, name = "admin")]
    WarmupNcnVaultSlasherTicket = 13,

    /// The NCN's slasher admin starts cooling down a slasher for a vault.
    ///
    /// Must exist: the restaking config, the NCN and the NCN vault slasher ticket.
    ///
    /// Timing: the slasher ticket must be active (warm-up started two or more epochs ago), else
    /// NcnVaultSlasherTicketFailedCooldown. It then cools down for the rest of this epoch and the
    /// next and is inactive from the epoch after.
    #[account(0, name = "config")]
    #[account(1, name = "ncn")]
    #[account(2, name = "vault")]
    #[account(3, name = "slasher")]
    #[account(4, writable, name = "ncn_vault_slasher_ticket")]
    #[account(5, signer, name = "admin")]
    CooldownNcnVaultSlasherTicket = 14,

    /// The operator's vault admin starts warming up the operator's opt-in to a vault.
    ///
    /// Must exist: the restaking config, the operator and the operator vault ticket.
    ///
    /// Timing: the ticket must be inactive and not created (or last changed) in the current slot:
    /// send this at least one slot later, else OperatorVaultTicketFailedWarmup. It then warms up
    /// for the rest of this epoch and the next and is active from the epoch after.
    #[account(0, name = "config")]
    #[account(1, name = "operator")]
    #[account(2, name = "vault")]
    #[account(3, writable, name = "operator_vault_ticket")]
    #[account(4, signer, name = "admin")]
    WarmupOperatorVaultTicket = 15,

    /// The operator's vault admin starts cooling down the operator's opt-in to a vault.
    ///
    /// Must exist: the restaking config, the operator and the operator vault ticket.
    ///
    /// Timing: the ticket must be active (warm-up started two or more epochs ago), else
    /// OperatorVaultTicketFailedCooldown. It then cools down for the rest of this epoch and the
    /// next and is inactive from the epoch after.
    #[account(0, name = "config")]
    #[account(1, name = "operator")]
    #[account(2, name = "vault")]
    #[account(3, writable, name = "operator_vault_ticket")]
    #[account(4, signer, name = "admin")]
    CooldownOperatorVaultTicket = 16,

    /// Hands the NCN over to a new admin (both sign); the secondary roles the old admin held move
    /// too.
    ///
    /// Must exist: the NCN. No timing rule.
    #[account(0, writable, name = "ncn")]
    #[account(1, signer, name = "old_admin")]
    #[account(2, signer, name = "new_admin")]
    NcnSetAdmin = 17,

    /// The NCN admin assigns one secondary role (operator, vault, slasher, delegate, metadata,
    /// weight table or NCN program admin); the new admin does not sign.
    ///
    /// Must exist: the NCN. No timing rule.
    #[account(0, writable, name = "ncn")]
    #[account(1, signer, name = "admin")]
    #[account(2, name = "new_admin")]
    NcnSetSecondaryAdmin(NcnAdminRole) = 18,

    /// Hands the operator over to a new admin (both sign); the secondary roles (and the voter) the
    /// old admin held move too.
    ///
    /// Must exist: the operator. No timing rule.
    #[account(0, writable, name = "operator")]
    #[account(1, signer, name = "old_admin")]
    #[account(2, signer, name = "new_admin")]
    OperatorSetAdmin = 19,

    /// The operator admin assigns one secondary role (NCN, vault, voter, delegate or metadata
    /// admin); the new admin does not sign.
    ///
    /// Must exist: the operator. No timing rule.
    #[account(0, writable, name = "operator")]
    #[account(1, signer, name = "admin")]
    #[account(2, name = "new_admin")]
    OperatorSetSecondaryAdmin(OperatorAdminRole) = 20,

    /// The operator admin sets the operator fee (at most 10000 bps, else OperatorFeeCapExceeded).
    ///
    /// Must exist: the operator (the config account is passed but not read). No timing rule.
    #[account(0, name = "config")]
    #[account(1, writable, name = "operator")]
    #[account(2, signer, name = "admin")]
    OperatorSetFee { new_fee_bps: u16 } = 21,

    /// The NCN's delegate admin approves `delegate` for all tokens of a token account the NCN owns
    /// (e.g. an airdrop); SPL Token only.
    ///
    /// Must exist: the NCN, the mint and the token account (owner: the NCN PDA).
    #[account(0, name = "ncn")]
    #[account(1, signer, name = "delegate_admin")]
    #[account(2, name = "token_mint")]
    #[account(3, writable, name = "token_account")]
    #[account(4, name = "delegate")]
    #[account(5, name = "token_program")]
    NcnDelegateTokenAccount = 22,

    /// The operator's delegate admin approves `delegate` for all tokens of a token account the
    /// operator owns (e.g. an airdrop); SPL Token only.
    ///
    /// Must exist: the operator, the mint and the token account (owner: the operator PDA).
    #[account(0, name = "operator")]
    #[account(1, signer, name = "delegate_admin")]
    #[account(2, name = "token_mint")]
    #[account(3, writable, name = "token_account")]
    #[account(4, name = "delegate")]
    #[account(5, name = "token_program")]
    OperatorDelegateTokenAccount = 23,

    /// The restaking config admin hands over to a new admin (who does not sign).
    ///
    /// Must exist: the restaking config. No timing rule.
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

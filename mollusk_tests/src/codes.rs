//! Instruction tags and custom error codes, from the interface crates (the one table the
//! tests use; the byte layouts stay independent of those crates: `layout_oracle`).

use jito_restaking_interface::error::RestakingError;
use jito_vault_interface::error::VaultError;

/// Restaking instruction tags (the original `RestakingInstruction` variant indexes).
pub mod restaking_tag {
    pub use jito_restaking_interface::instruction::tag::*;
}

/// Vault instruction tags, master numbering (appended ones after the original's).
pub mod vault_tag {
    pub use jito_vault_interface::instruction::tag::*;
}

/// Custom error codes of `RestakingError` (the original's numbers).
pub mod restaking_err {
    use super::RestakingError as E;

    pub const NCN_OPERATOR_ADMIN_INVALID: u32 = E::NcnOperatorAdminInvalid as u32;
    pub const NCN_COOLDOWN_OPERATOR_FAILED: u32 = E::NcnCooldownOperatorFailed as u32;
    pub const NCN_SLASHER_ADMIN_INVALID: u32 = E::NcnSlasherAdminInvalid as u32;
    pub const NCN_VAULT_ADMIN_INVALID: u32 = E::NcnVaultAdminInvalid as u32;
    pub const NCN_ADMIN_INVALID: u32 = E::NcnAdminInvalid as u32;
    pub const NCN_DELEGATE_ADMIN_INVALID: u32 = E::NcnDelegateAdminInvalid as u32;
    pub const NCN_VAULT_SLASHER_TICKET_FAILED_COOLDOWN: u32 =
        E::NcnVaultSlasherTicketFailedCooldown as u32;
    pub const NCN_VAULT_TICKET_FAILED_COOLDOWN: u32 = E::NcnVaultTicketFailedCooldown as u32;
    pub const NCN_WARMUP_OPERATOR_FAILED: u32 = E::NcnWarmupOperatorFailed as u32;
    pub const NCN_VAULT_SLASHER_TICKET_FAILED_WARMUP: u32 =
        E::NcnVaultSlasherTicketFailedWarmup as u32;
    pub const NCN_VAULT_TICKET_FAILED_WARMUP: u32 = E::NcnVaultTicketFailedWarmup as u32;
    pub const OPERATOR_NCN_ADMIN_INVALID: u32 = E::OperatorNcnAdminInvalid as u32;
    pub const OPERATOR_VAULT_ADMIN_INVALID: u32 = E::OperatorVaultAdminInvalid as u32;
    pub const OPERATOR_ADMIN_INVALID: u32 = E::OperatorAdminInvalid as u32;
    pub const OPERATOR_DELEGATE_ADMIN_INVALID: u32 = E::OperatorDelegateAdminInvalid as u32;
    pub const OPERATOR_COOLDOWN_NCN_FAILED: u32 = E::OperatorCooldownNcnFailed as u32;
    pub const OPERATOR_VAULT_TICKET_FAILED_COOLDOWN: u32 =
        E::OperatorVaultTicketFailedCooldown as u32;
    pub const OPERATOR_VAULT_TICKET_FAILED_WARMUP: u32 = E::OperatorVaultTicketFailedWarmup as u32;
    pub const OPERATOR_WARMUP_NCN_FAILED: u32 = E::OperatorWarmupNcnFailed as u32;
    pub const OPERATOR_FEE_CAP_EXCEEDED: u32 = E::OperatorFeeCapExceeded as u32;
    pub const NCN_OVERFLOW: u32 = E::NcnOverflow as u32;
    pub const OPERATOR_OVERFLOW: u32 = E::OperatorOverflow as u32;
    pub const VAULT_OVERFLOW: u32 = E::VaultOverflow as u32;
    pub const SLASHER_OVERFLOW: u32 = E::SlasherOverflow as u32;
    pub const INVALID_EPOCH_LENGTH: u32 = E::InvalidEpochLength as u32;
    pub const CONFIG_ADMIN_INVALID: u32 = E::ConfigAdminInvalid as u32;
    pub const ARITHMETIC_OVERFLOW: u32 = E::ArithmeticOverflow as u32;
    pub const ARITHMETIC_UNDERFLOW: u32 = E::ArithmeticUnderflow as u32;
    pub const DIVISION_BY_ZERO: u32 = E::DivisionByZero as u32;
}

/// Custom error codes of `VaultError` (the original's numbers).
pub mod vault_err {
    use super::VaultError as E;

    pub const VAULT_SLASH_UNDERFLOW: u32 = E::VaultSlashUnderflow as u32;
    pub const VAULT_INITIAL_AMOUNT_FAILED: u32 = E::VaultInitialAmountFailed as u32;
    pub const VAULT_INSUFFICIENT_FUNDS: u32 = E::VaultInsufficientFunds as u32;
    pub const VAULT_OVERFLOW: u32 = E::VaultOverflow as u32;
    pub const VAULT_OPERATOR_ADMIN_INVALID: u32 = E::VaultOperatorAdminInvalid as u32;
    pub const VAULT_ADMIN_INVALID: u32 = E::VaultAdminInvalid as u32;
    pub const VAULT_CAPACITY_ADMIN_INVALID: u32 = E::VaultCapacityAdminInvalid as u32;
    pub const VAULT_MINT_BURN_ADMIN_INVALID: u32 = E::VaultMintBurnAdminInvalid as u32;
    pub const VAULT_DELEGATION_ADMIN_INVALID: u32 = E::VaultDelegationAdminInvalid as u32;
    pub const VAULT_DELEGATE_ASSET_ADMIN_INVALID: u32 = E::VaultDelegateAssetAdminInvalid as u32;
    pub const VAULT_CAPACITY_EXCEEDED: u32 = E::VaultCapacityExceeded as u32;
    pub const VAULT_SLASHER_ADMIN_INVALID: u32 = E::VaultSlasherAdminInvalid as u32;
    pub const VAULT_NCN_ADMIN_INVALID: u32 = E::VaultNcnAdminInvalid as u32;
    pub const VAULT_FEE_ADMIN_INVALID: u32 = E::VaultFeeAdminInvalid as u32;
    pub const CONFIG_ADMIN_INVALID: u32 = E::ConfigAdminInvalid as u32;
    pub const CONFIG_FEE_ADMIN_INVALID: u32 = E::ConfigFeeAdminInvalid as u32;
    pub const VAULT_FEE_CAP_EXCEEDED: u32 = E::VaultFeeCapExceeded as u32;
    pub const VAULT_FEE_CHANGE_TOO_SOON: u32 = E::VaultFeeChangeTooSoon as u32;
    pub const VAULT_FEE_BUMP_TOO_LARGE: u32 = E::VaultFeeBumpTooLarge as u32;
    pub const VAULT_UNDERFLOW: u32 = E::VaultUnderflow as u32;
    pub const VAULT_UPDATE_NEEDED: u32 = E::VaultUpdateNeeded as u32;
    pub const VAULT_IS_UPDATED: u32 = E::VaultIsUpdated as u32;
    pub const VAULT_OPERATOR_DELEGATION_UPDATE_NEEDED: u32 =
        E::VaultOperatorDelegationUpdateNeeded as u32;
    pub const VAULT_OPERATOR_DELEGATION_IS_UPDATED: u32 =
        E::VaultOperatorDelegationIsUpdated as u32;
    pub const VAULT_UPDATE_INCORRECT_INDEX: u32 = E::VaultUpdateIncorrectIndex as u32;
    pub const VAULT_UPDATE_STATE_NOT_FINISHED_UPDATING: u32 =
        E::VaultUpdateStateNotFinishedUpdating as u32;
    pub const VAULT_SECURITY_OVERFLOW: u32 = E::VaultSecurityOverflow as u32;
    pub const VAULT_SLASH_INCOMPLETE: u32 = E::VaultSlashIncomplete as u32;
    pub const VAULT_SECURITY_UNDERFLOW: u32 = E::VaultSecurityUnderflow as u32;
    pub const SLIPPAGE_ERROR: u32 = E::SlippageError as u32;
    pub const VAULT_STAKER_WITHDRAWAL_TICKET_NOT_WITHDRAWABLE: u32 =
        E::VaultStakerWithdrawalTicketNotWithdrawable as u32;
    pub const VAULT_NCN_SLASHER_TICKET_FAILED_COOLDOWN: u32 =
        E::VaultNcnSlasherTicketFailedCooldown as u32;
    pub const VAULT_NCN_SLASHER_TICKET_FAILED_WARMUP: u32 =
        E::VaultNcnSlasherTicketFailedWarmup as u32;
    pub const VAULT_NCN_TICKET_FAILED_COOLDOWN: u32 = E::VaultNcnTicketFailedCooldown as u32;
    pub const VAULT_NCN_TICKET_FAILED_WARMUP: u32 = E::VaultNcnTicketFailedWarmup as u32;
    pub const VAULT_NCN_TICKET_UNSLASHABLE: u32 = E::VaultNcnTicketUnslashable as u32;
    pub const OPERATOR_VAULT_TICKET_UNSLASHABLE: u32 = E::OperatorVaultTicketUnslashable as u32;
    pub const NCN_OPERATOR_STATE_UNSLASHABLE: u32 = E::NcnOperatorStateUnslashable as u32;
    pub const VAULT_NCN_SLASHER_TICKET_UNSLASHABLE: u32 =
        E::VaultNcnSlasherTicketUnslashable as u32;
    pub const NCN_VAULT_TICKET_UNSLASHABLE: u32 = E::NcnVaultTicketUnslashable as u32;
    pub const NCN_VAULT_SLASHER_TICKET_UNSLASHABLE: u32 =
        E::NcnVaultSlasherTicketUnslashable as u32;
    pub const VAULT_MAX_SLASHED_PER_OPERATOR_EXCEEDED: u32 =
        E::VaultMaxSlashedPerOperatorExceeded as u32;
    pub const VAULT_STAKER_WITHDRAWAL_TICKET_INVALID_STAKER: u32 =
        E::VaultStakerWithdrawalTicketInvalidStaker as u32;
    pub const SLASHER_OVERFLOW: u32 = E::SlasherOverflow as u32;
    pub const NCN_OVERFLOW: u32 = E::NcnOverflow as u32;
    pub const OPERATOR_OVERFLOW: u32 = E::OperatorOverflow as u32;
    pub const VAULT_DELEGATION_ZERO: u32 = E::VaultDelegationZero as u32;
    pub const VAULT_COOLDOWN_ZERO: u32 = E::VaultCooldownZero as u32;
    pub const VAULT_BURN_ZERO: u32 = E::VaultBurnZero as u32;
    pub const VAULT_ENQUEUE_WITHDRAWAL_AMOUNT_ZERO: u32 =
        E::VaultEnqueueWithdrawalAmountZero as u32;
    pub const VAULT_MINT_ZERO: u32 = E::VaultMintZero as u32;
    pub const VAULT_IS_PAUSED: u32 = E::VaultIsPaused as u32;
    pub const INVALID_DEPOSITOR: u32 = E::InvalidDepositor as u32;
    pub const INVALID_DEPOSIT_TOKEN_ACCOUNT: u32 = E::InvalidDepositTokenAccount as u32;
    pub const NO_SUPPORTED_MINT_BALANCE_CHANGE: u32 = E::NoSupportedMintBalanceChange as u32;
    pub const INVALID_EPOCH_LENGTH: u32 = E::InvalidEpochLength as u32;
    pub const VAULT_REWARD_FEE_DELTA_TOO_LARGE: u32 = E::VaultRewardFeeDeltaTooLarge as u32;
    pub const VAULT_REWARD_FEE_IS_ZERO: u32 = E::VaultRewardFeeIsZero as u32;
    pub const VRT_OUT_CANNOT_BE_ZERO: u32 = E::VrtOutCannotBeZero as u32;
    pub const NON_ZERO_ADDITIONAL_ASSETS_NEEDED_FOR_WITHDRAWAL_AT_END_OF_UPDATE: u32 =
        E::NonZeroAdditionalAssetsNeededForWithdrawalAtEndOfUpdate as u32;
    pub const ARITHMETIC_OVERFLOW: u32 = E::ArithmeticOverflow as u32;
    pub const ARITHMETIC_UNDERFLOW: u32 = E::ArithmeticUnderflow as u32;
    pub const DIVISION_BY_ZERO: u32 = E::DivisionByZero as u32;
}

/// The client's `VaultAdminRole` of a role index (`None` past the last role).
pub fn vault_admin_role(role: u8) -> Option<jito_vault_client::types::VaultAdminRole> {
    use jito_vault_client::types::VaultAdminRole;
    Some(match role {
        0 => VaultAdminRole::DelegationAdmin,
        1 => VaultAdminRole::OperatorAdmin,
        2 => VaultAdminRole::NcnAdmin,
        3 => VaultAdminRole::SlasherAdmin,
        4 => VaultAdminRole::CapacityAdmin,
        5 => VaultAdminRole::FeeWallet,
        6 => VaultAdminRole::MintBurnAdmin,
        7 => VaultAdminRole::DelegateAssetAdmin,
        8 => VaultAdminRole::FeeAdmin,
        9 => VaultAdminRole::MetadataAdmin,
        _ => return None,
    })
}

/// `CoreError` of the shared core (both programs' custom-error space).
pub mod core_err {
    pub const BAD_EPOCH_LENGTH: u32 = jito_core::error::CoreError::BadEpochLength as u32;
}

/// SPL Token's `TokenError` codes the tests expect from CPIs into the token program.
pub mod token_err {
    pub const INSUFFICIENT_FUNDS: u32 = 1;
    pub const MINT_MISMATCH: u32 = 3;
    pub const OVERFLOW: u32 = 14;
}

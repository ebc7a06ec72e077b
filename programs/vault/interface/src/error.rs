//! Custom errors of the vault program, with the original codes and names.

use pinocchio::error::ProgramError;

/// Errors of the vault program (`jito::vault`). Codes and names are those of the original;
/// each message is a sentence saying what went wrong (the original's messages repeat the
/// name; `docs/COMPATIBILITY.md`). Shank puts them into the IDL, from which the clients take
/// them. The shared `jito::core` error (`BadEpochLength` = 0) lives in `jito_core`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[repr(u32)]
pub enum VaultError {
    #[error("The slash amount is larger than the operator delegation's total security (staked, enqueued and cooling down).")]
    VaultSlashUnderflow = 1000,
    #[error("The initial deposit of a new vault is zero, or did not mint exactly that many VRT to the admin.")]
    VaultInitialAmountFailed = 1001,
    #[error("The vault does not hold enough unreserved tokens for this burn or delegation.")]
    VaultInsufficientFunds = 1002,
    #[error("A vault amount or counter would overflow.")]
    VaultOverflow = 1003,
    #[error("The signer is not the vault's operator admin.")]
    VaultOperatorAdminInvalid = 1004,
    #[error("The signer is not the vault's admin.")]
    VaultAdminInvalid = 1005,
    #[error("The signer is not the vault's capacity admin.")]
    VaultCapacityAdminInvalid = 1006,
    #[error("The vault has a mint/burn admin and the signer is not it (pass the mint/burn admin as signer).")]
    VaultMintBurnAdminInvalid = 1007,
    #[error("The signer is not the vault's delegation admin.")]
    VaultDelegationAdminInvalid = 1008,
    #[error("The signer is not the vault's delegate asset admin.")]
    VaultDelegateAssetAdminInvalid = 1009,
    #[error("This deposit would take the vault's tokens above its deposit capacity.")]
    VaultCapacityExceeded = 1010,
    #[error("The signer is not the vault's slasher admin.")]
    VaultSlasherAdminInvalid = 1011,
    #[error("The signer is not the vault's NCN admin.")]
    VaultNcnAdminInvalid = 1012,
    #[error("The signer is not the vault's fee admin.")]
    VaultFeeAdminInvalid = 1013,
    #[error("The signer is not the vault config's admin.")]
    ConfigAdminInvalid = 1014,
    #[error("The signer is not the vault config's fee admin.")]
    ConfigFeeAdminInvalid = 1015,
    #[error("A fee is above its cap (the config's fee cap, or 10000 bps).")]
    VaultFeeCapExceeded = 1016,
    #[error("The vault's fees were already changed in this or the previous epoch; wait until the epoch after next.")]
    VaultFeeChangeTooSoon = 1017,
    #[error("The fee rises by more than the config's allowed bump in one change.")]
    VaultFeeBumpTooLarge = 1018,
    #[error("A vault amount would underflow.")]
    VaultUnderflow = 1019,
    #[error("The vault has not been updated in the current epoch: run the epoch update (InitializeVaultUpdateStateTracker, CrankVaultUpdateStateTracker per operator, CloseVaultUpdateStateTracker) first.")]
    VaultUpdateNeeded = 1020,
    #[error("The vault is already updated for the current epoch; no update tracker is needed.")]
    VaultIsUpdated = 1021,
    #[error("The operator delegation has not been updated in the current epoch: crank it first.")]
    VaultOperatorDelegationUpdateNeeded = 1022,
    #[error("The operator delegation is already updated for this epoch.")]
    VaultOperatorDelegationIsUpdated = 1023,
    #[error("The operator delegations must be cranked in index order: this is not the next one.")]
    VaultUpdateIncorrectIndex = 1024,
    #[error("The update tracker cannot be closed: not every operator delegation has been cranked this epoch.")]
    VaultUpdateStateNotFinishedUpdating = 1025,
    #[error("The operator delegation's total security would overflow.")]
    VaultSecurityOverflow = 1026,
    #[error("The slash could not be taken in full from the operator delegation.")]
    VaultSlashIncomplete = 1027,
    #[error("The operator delegation's security would underflow.")]
    VaultSecurityUnderflow = 1028,
    #[error("The deposit or withdrawal gives less than the minimum amount out asked for.")]
    SlippageError = 1029,
    #[error("The withdrawal ticket cannot be burned yet: it becomes withdrawable two epochs after the epoch it was enqueued in.")]
    VaultStakerWithdrawalTicketNotWithdrawable = 1030,
    #[error("The vault NCN slasher ticket cannot be cooled down: it is not active (it is inactive, warming up or already cooling down).")]
    VaultNcnSlasherTicketFailedCooldown = 1031,
    #[error("The vault NCN slasher ticket cannot be warmed up: it is not inactive, or this is the slot it was created in (wait one slot).")]
    VaultNcnSlasherTicketFailedWarmup = 1032,
    #[error("The vault NCN ticket cannot be cooled down: it is not active (it is inactive, warming up or already cooling down).")]
    VaultNcnTicketFailedCooldown = 1033,
    #[error("The vault NCN ticket cannot be warmed up: it is not inactive, or this is the slot it was created in (wait one slot).")]
    VaultNcnTicketFailedWarmup = 1034,
    #[error("The vault's opt-in to the NCN is neither active nor cooling down, so the NCN cannot slash through it.")]
    VaultNcnTicketUnslashable = 1035,
    #[error("The operator's opt-in to the vault is neither active nor cooling down, so the operator cannot be slashed through it.")]
    OperatorVaultTicketUnslashable = 1036,
    #[error("The NCN and the operator are not opted in to each other (active or cooling down), so the operator cannot be slashed for this NCN.")]
    NcnOperatorStateUnslashable = 1037,
    #[error("The vault's opt-in to this slasher is neither active nor cooling down.")]
    VaultNcnSlasherTicketUnslashable = 1038,
    #[error("The NCN's opt-in to the vault is neither active nor cooling down.")]
    NcnVaultTicketUnslashable = 1039,
    #[error("The NCN's slasher ticket for the vault is neither active nor cooling down.")]
    NcnVaultSlasherTicketUnslashable = 1040,
    #[error("The slash would exceed the slasher's maximum per operator in this epoch.")]
    VaultMaxSlashedPerOperatorExceeded = 1041,
    #[error("The signer is not the withdrawal ticket's staker.")]
    VaultStakerWithdrawalTicketInvalidStaker = 1042,
    #[error("The vault's slasher counter would overflow.")]
    SlasherOverflow = 1043,
    #[error("The vault's NCN counter would overflow.")]
    NcnOverflow = 1044,
    #[error("The vault's operator counter would overflow.")]
    OperatorOverflow = 1045,
    #[error("The delegation amount is zero.")]
    VaultDelegationZero = 1046,
    #[error("The cool-down amount is zero.")]
    VaultCooldownZero = 1047,
    #[error("The amount of VRT to burn is zero.")]
    VaultBurnZero = 1048,
    #[error("The withdrawal amount is zero.")]
    VaultEnqueueWithdrawalAmountZero = 1049,
    #[error("The deposit amount is zero.")]
    VaultMintZero = 1050,
    #[error("The vault is paused: it refuses deposits, withdrawals, delegation and ticket changes until its admin unpauses it.")]
    VaultIsPaused = 1051,
    #[error("The depositor cannot be the vault itself.")]
    InvalidDepositor = 1052,
    #[error("The depositor's token account cannot be the vault's token account.")]
    InvalidDepositTokenAccount = 1053,
    #[error("The vault's supported-token balance did not change as expected.")]
    NoSupportedMintBalanceChange = 1054,
    #[error("The epoch length is invalid (zero).")]
    InvalidEpochLength = 1055,
    #[error("The reward fee actually charged differs from the vault's reward fee by more than the allowed delta.")]
    VaultRewardFeeDeltaTooLarge = 1056,
    #[error("The vault charges a reward fee on new rewards but the fee rounded down to zero VRT.")]
    VaultRewardFeeIsZero = 1057,
    #[error("The deposit is too small to mint any VRT to the depositor.")]
    VrtOutCannotBeZero = 1058,
    #[error("The update cannot finish: withdrawals still need more tokens than are unstaked; cool down more delegation first.")]
    NonZeroAdditionalAssetsNeededForWithdrawalAtEndOfUpdate = 1059,
    #[error("An arithmetic operation overflowed.")]
    ArithmeticOverflow = 3000,
    #[error("An arithmetic operation underflowed.")]
    ArithmeticUnderflow = 3001,
    #[error("Division by zero.")]
    DivisionByZero = 3002,
}

impl From<VaultError> for ProgramError {
    #[inline(always)]
    fn from(e: VaultError) -> Self {
        ProgramError::Custom(e as u32)
    }
}

/// `Custom(CODE)`, built out of line (cold): a check on a hot path that
/// returns it branches to a call of its own, so the passing path moves no error
/// code into a register before each compare (inlined, every compare's branch to
/// a shared exit is preceded by the code's move; as
/// `jito_core::account::invalid_account_data`). One function per code: calls
/// of one function with different codes would be merged into one call after
/// the code's move, undoing the point.
#[cold]
#[inline(never)]
pub fn cold_error<const CODE: u32>() -> ProgramError {
    // Opaque: a known result would be propagated to the call sites and the
    // calls removed.
    core::hint::black_box(ProgramError::Custom(CODE))
}

/// `expected == actual`, else `Custom(CODE)` built out of line ([`cold_error`]):
/// an admin check inlined on a setter's hot path (no call of the shared check,
/// no code move on the passing path).
#[inline(always)]
pub fn check_key_inlined<const CODE: u32>(
    expected: &pinocchio::Address,
    actual: &pinocchio::Address,
) -> Result<(), ProgramError> {
    if pinocchio::hint::unlikely(!pinocchio::address::address_eq(expected, actual)) {
        return Err(cold_error::<CODE>());
    }
    Ok(())
}

impl From<VaultError> for u32 {
    #[inline(always)]
    fn from(e: VaultError) -> Self {
        e as u32
    }
}

impl From<VaultError> for u64 {
    #[inline(always)]
    fn from(e: VaultError) -> Self {
        e as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_the_original() {
        assert_eq!(VaultError::VaultSlashUnderflow as u32, 1000);
        assert_eq!(VaultError::VaultAdminInvalid as u32, 1005);
        assert_eq!(VaultError::ConfigAdminInvalid as u32, 1014);
        assert_eq!(VaultError::VaultFeeCapExceeded as u32, 1016);
        assert_eq!(VaultError::VaultUpdateNeeded as u32, 1020);
        assert_eq!(VaultError::SlippageError as u32, 1029);
        assert_eq!(VaultError::VaultIsPaused as u32, 1051);
        assert_eq!(
            VaultError::NonZeroAdditionalAssetsNeededForWithdrawalAtEndOfUpdate as u32,
            1059
        );
        assert_eq!(VaultError::ArithmeticOverflow as u32, 3000);
        assert_eq!(VaultError::DivisionByZero as u32, 3002);
        assert_eq!(
            ProgramError::from(VaultError::VaultMintZero),
            ProgramError::Custom(1050)
        );
    }
}

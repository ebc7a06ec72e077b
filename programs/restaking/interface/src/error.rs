//! Custom errors of the restaking program, with the original's codes.

use pinocchio::error::ProgramError;

/// The original `RestakingError`: same variants and codes. Each message is a sentence saying
/// what went wrong (the original's messages repeat the name; `docs/COMPATIBILITY.md`); Shank
/// puts them into the IDL, from which the clients take them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[repr(u32)]
pub enum RestakingError {
    #[error("The signer is not the NCN's operator admin.")]
    NcnOperatorAdminInvalid = 1000,
    #[error("The NCN cannot cool down its opt-in to this operator: the opt-in is not active (it is inactive, warming up or already cooling down).")]
    NcnCooldownOperatorFailed = 1001,
    #[error("The signer is not the NCN's slasher admin.")]
    NcnSlasherAdminInvalid = 1002,
    #[error("The signer is not the NCN's vault admin.")]
    NcnVaultAdminInvalid = 1003,
    #[error("The signer is not the NCN's admin.")]
    NcnAdminInvalid = 1004,
    #[error("The signer is not the NCN's delegate admin.")]
    NcnDelegateAdminInvalid = 1005,
    #[error("The NCN vault slasher ticket cannot be cooled down: it is not active (it is inactive, warming up or already cooling down).")]
    NcnVaultSlasherTicketFailedCooldown = 1006,
    #[error("The NCN vault ticket cannot be cooled down: it is not active (it is inactive, warming up or already cooling down).")]
    NcnVaultTicketFailedCooldown = 1007,
    #[error("The NCN cannot warm up its opt-in to this operator: the opt-in is not inactive, or this is the slot it was created or last changed in (wait one slot).")]
    NcnWarmupOperatorFailed = 1008,
    #[error("The NCN vault slasher ticket cannot be warmed up: it is not inactive, or this is the slot it was created in (wait one slot).")]
    NcnVaultSlasherTicketFailedWarmup = 1009,
    #[error("The NCN vault ticket cannot be warmed up: it is not inactive, or this is the slot it was created in (wait one slot).")]
    NcnVaultTicketFailedWarmup = 1010,

    #[error("The signer is not the operator's NCN admin.")]
    OperatorNcnAdminInvalid = 2000,
    #[error("The signer is not the operator's vault admin.")]
    OperatorVaultAdminInvalid = 2001,
    #[error("The signer is not the operator's admin.")]
    OperatorAdminInvalid = 2002,
    #[error("The signer is not the operator's delegate admin.")]
    OperatorDelegateAdminInvalid = 2003,
    #[error("The operator cannot cool down its opt-in to this NCN: the opt-in is not active (it is inactive, warming up or already cooling down).")]
    OperatorCooldownNcnFailed = 2004,
    #[error("The operator vault ticket cannot be cooled down: it is not active (it is inactive, warming up or already cooling down).")]
    OperatorVaultTicketFailedCooldown = 2005,
    #[error("The operator vault ticket cannot be warmed up: it is not inactive, or this is the slot it was created in (wait one slot).")]
    OperatorVaultTicketFailedWarmup = 2006,
    #[error("The operator cannot warm up its opt-in to this NCN: the opt-in is not inactive, or this is the slot it was created or last changed in (wait one slot).")]
    OperatorWarmupNcnFailed = 2007,
    #[error("The operator fee is above the maximum of 10000 bps.")]
    OperatorFeeCapExceeded = 2008,
    #[error("The NCN counter would overflow.")]
    NcnOverflow = 2009,
    #[error("The operator counter would overflow.")]
    OperatorOverflow = 2010,
    #[error("The vault counter would overflow.")]
    VaultOverflow = 2011,
    #[error("The slasher counter would overflow.")]
    SlasherOverflow = 2012,
    #[error("The epoch length is invalid (zero).")]
    InvalidEpochLength = 2013,
    #[error("The signer is not the config's admin.")]
    ConfigAdminInvalid = 2014,

    #[error("An arithmetic operation overflowed.")]
    ArithmeticOverflow = 3000,
    #[error("An arithmetic operation underflowed.")]
    ArithmeticUnderflow = 3001,
    #[error("Division by zero.")]
    DivisionByZero = 3002,
}

impl From<RestakingError> for ProgramError {
    #[inline(always)]
    fn from(e: RestakingError) -> Self {
        ProgramError::Custom(e as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_the_original() {
        assert_eq!(RestakingError::NcnOperatorAdminInvalid as u32, 1000);
        assert_eq!(RestakingError::NcnVaultTicketFailedWarmup as u32, 1010);
        assert_eq!(RestakingError::OperatorNcnAdminInvalid as u32, 2000);
        assert_eq!(RestakingError::OperatorFeeCapExceeded as u32, 2008);
        assert_eq!(RestakingError::ConfigAdminInvalid as u32, 2014);
        assert_eq!(RestakingError::ArithmeticOverflow as u32, 3000);
        assert_eq!(RestakingError::DivisionByZero as u32, 3002);
        assert_eq!(
            ProgramError::from(RestakingError::NcnSlasherAdminInvalid),
            ProgramError::Custom(1002)
        );
    }
}

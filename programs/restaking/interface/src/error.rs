//! Custom errors of the restaking program, with the original's codes.

use pinocchio::error::ProgramError;

/// The original `RestakingError`: same variants, messages and codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[repr(u32)]
pub enum RestakingError {
    #[error("NcnOperatorAdminInvalid")]
    NcnOperatorAdminInvalid = 1000,
    #[error("NcnCooldownOperatorFailed")]
    NcnCooldownOperatorFailed = 1001,
    #[error("NcnSlasherAdminInvalid")]
    NcnSlasherAdminInvalid = 1002,
    #[error("NcnVaultAdminInvalid")]
    NcnVaultAdminInvalid = 1003,
    #[error("NcnAdminInvalid")]
    NcnAdminInvalid = 1004,
    #[error("NcnDelegateAdminInvalid")]
    NcnDelegateAdminInvalid = 1005,
    #[error("NcnVaultSlasherTicketFailedCooldown")]
    NcnVaultSlasherTicketFailedCooldown = 1006,
    #[error("NcnVaultTicketFailedCooldown")]
    NcnVaultTicketFailedCooldown = 1007,
    #[error("NcnWarmupOperatorFailed")]
    NcnWarmupOperatorFailed = 1008,
    #[error("NcnVaultSlasherTicketFailedWarmup")]
    NcnVaultSlasherTicketFailedWarmup = 1009,
    #[error("NcnVaultTicketFailedWarmup")]
    NcnVaultTicketFailedWarmup = 1010,

    #[error("OperatorNcnAdminInvalid")]
    OperatorNcnAdminInvalid = 2000,
    #[error("OperatorVaultAdminInvalid")]
    OperatorVaultAdminInvalid = 2001,
    #[error("OperatorAdminInvalid")]
    OperatorAdminInvalid = 2002,
    #[error("OperatorDelegateAdminInvalid")]
    OperatorDelegateAdminInvalid = 2003,
    #[error("OperatorCooldownNcnFailed")]
    OperatorCooldownNcnFailed = 2004,
    #[error("OperatorVaultTicketFailedCooldown")]
    OperatorVaultTicketFailedCooldown = 2005,
    #[error("OperatorVaultTicketFailedWarmup")]
    OperatorVaultTicketFailedWarmup = 2006,
    #[error("OperatorWarmupNcnFailed")]
    OperatorWarmupNcnFailed = 2007,
    #[error("OperatorFeeCapExceeded")]
    OperatorFeeCapExceeded = 2008,
    #[error("NcnOverflow")]
    NcnOverflow = 2009,
    #[error("OperatorOverflow")]
    OperatorOverflow = 2010,
    #[error("VaultOverflow")]
    VaultOverflow = 2011,
    #[error("SlasherOverflow")]
    SlasherOverflow = 2012,
    #[error("InvalidEpochLength")]
    InvalidEpochLength = 2013,
    #[error("ConfigAdminInvalid")]
    ConfigAdminInvalid = 2014,

    #[error("ArithmeticOverflow")]
    ArithmeticOverflow = 3000,
    #[error("ArithmeticUnderflow")]
    ArithmeticUnderflow = 3001,
    #[error("DivisionByZero")]
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

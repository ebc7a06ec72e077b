//! Errors of the shared core (`jito::core` in the original).

use pinocchio::error::ProgramError;

/// Error codes shared by both programs. They share the custom-error space with
/// each program's own errors, exactly as in the original. `thiserror::Error` is
/// what Shank looks for: it puts these codes into both programs' IDLs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[repr(u32)]
pub enum CoreError {
    /// An epoch length of zero.
    #[error("The epoch length is zero; an epoch must be at least one slot long.")]
    BadEpochLength = 0,
}

impl From<CoreError> for ProgramError {
    #[inline(always)]
    fn from(e: CoreError) -> Self {
        ProgramError::Custom(e as u32)
    }
}

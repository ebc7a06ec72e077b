//! Shared building blocks of the Jito restaking and vault programs.
//!
//! Everything here is `no_std`, allocation free and zero copy: account state is
//! read in place from the runtime's input buffer.
//!
//! Inlining policy (core and both programs): `#[inline(always)]` for bodies no
//! bigger than a call (field reads, flag tests) and for bodies with one caller;
//! `#[inline(never)]` for checks and CPIs that several instructions make (the
//! account type check, program-id and system-account checks, the token program
//! choice, PDA derivations, token CPIs, an admin key check, a type's `load`), whose
//! inlined copies cost more bytes than the call costs compute. Each change is
//! measured on both: the `.so` size (`scripts/build-sbf.sh`) and the compute
//! report.

#![no_std]

pub mod account;
pub mod args;
pub mod debug;
pub mod error;
pub mod loader;
pub mod pda;
pub mod slot_toggle;
pub mod token;
pub mod token_cpi;

pub use pinocchio::hint::{likely, unlikely};

use crate::error::CoreError;

/// Epoch of `slot` for epochs of `epoch_length` slots.
///
/// A zero epoch length is reported as [`CoreError::BadEpochLength`], as in the original.
#[inline(always)]
pub fn get_epoch(slot: u64, epoch_length: u64) -> Result<u64, CoreError> {
    slot.checked_div(epoch_length)
        .ok_or(CoreError::BadEpochLength)
}

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
pub mod entrypoint;
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

/// An address as four words, read unaligned (the compares and copies of keys
/// and hashes go word by word: an array `==` may become a `memcmp` call).
#[inline(always)]
pub fn address_words(address: &pinocchio::Address) -> [u64; 4] {
    let p = address as *const pinocchio::Address as *const u64;
    // SAFETY: an address is 32 bytes; unaligned reads of four words.
    unsafe {
        [
            core::ptr::read_unaligned(p),
            core::ptr::read_unaligned(p.add(1)),
            core::ptr::read_unaligned(p.add(2)),
            core::ptr::read_unaligned(p.add(3)),
        ]
    }
}

/// The `SetAdmin` rule of every account with secondary admins, written once:
/// [`Replace::apply`] to each slot makes it `new` if it equals `old`. The two
/// keys are read once, as four words each, and each slot is compared and
/// written word by word (no reload of the keys per slot, no array of slots).
#[derive(Clone, Copy)]
pub struct Replace {
    old: [u64; 4],
    new: [u64; 4],
}

impl Replace {
    /// Replaces `old` by `new`.
    #[inline(always)]
    pub fn new(old: &pinocchio::Address, new: &pinocchio::Address) -> Self {
        Self {
            old: address_words(old),
            new: address_words(new),
        }
    }

    /// `slot` equals `old` (the words already read, no second read of `old`).
    #[inline(always)]
    pub fn old_is(&self, slot: &pinocchio::Address) -> bool {
        let s = address_words(slot);
        s[0] == self.old[0] && s[1] == self.old[1] && s[2] == self.old[2] && s[3] == self.old[3]
    }

    /// `slot` becomes `new` (from the words already read).
    #[inline(always)]
    pub fn store(&self, slot: &mut pinocchio::Address) {
        let p = slot as *mut pinocchio::Address as *mut u64;
        // SAFETY: `slot` is 32 writable bytes; unaligned writes of four words.
        unsafe {
            core::ptr::write_unaligned(p, self.new[0]);
            core::ptr::write_unaligned(p.add(1), self.new[1]);
            core::ptr::write_unaligned(p.add(2), self.new[2]);
            core::ptr::write_unaligned(p.add(3), self.new[3]);
        }
    }

    /// `slot` becomes `new` if it equals `old`.
    #[inline(always)]
    pub fn apply(&self, slot: &mut pinocchio::Address) {
        // Not `old_is` then `store`: written out, LLVM keeps the ten roles'
        // compares and stores in one block (SetAdmin 7 CU less).
        let s = address_words(slot);
        if s[0] == self.old[0] && s[1] == self.old[1] && s[2] == self.old[2] && s[3] == self.old[3]
        {
            let p = slot as *mut pinocchio::Address as *mut u64;
            // SAFETY: `slot` is 32 writable bytes; unaligned writes of four words.
            unsafe {
                core::ptr::write_unaligned(p, self.new[0]);
                core::ptr::write_unaligned(p.add(1), self.new[1]);
                core::ptr::write_unaligned(p.add(2), self.new[2]);
                core::ptr::write_unaligned(p.add(3), self.new[3]);
            }
        }
    }
}

//! `logging` builds only: a failing account check logs which check failed and on which
//! account of the instruction (its index), e.g.
//! `check failed: load_signer (not a signer) on account 8`.
//!
//! Without the feature [`check_failed!`] is its error expression and [`record_accounts`]
//! does nothing, so release builds are unchanged (`scripts/build-sbf.sh` prints the hashes).
//!
//! The index: the entrypoint records where the instruction's account list is
//! ([`record_accounts`]); a check looks its account's address up there. The record sits at
//! the start of the heap region, which these programs never use (`no_allocator!()`), so it
//! needs no writable static.

use pinocchio::AccountView;
#[cfg(feature = "logging")]
use pinocchio::Address;

/// Records `accounts` (the instruction's account list) for [`check_failed!`] to find an
/// account's index. `logging` builds on SBF only; otherwise nothing.
#[inline(always)]
pub fn record_accounts(accounts: &[AccountView]) {
    #[cfg(all(feature = "logging", target_arch = "bpf"))]
    // SAFETY: the heap region is mapped, writable, 8-byte aligned and unused by these
    // programs (no allocator); two words are written at its start.
    unsafe {
        let record = pinocchio::entrypoint::HEAP_START_ADDRESS as *mut usize;
        record.write(accounts.as_ptr() as usize);
        record.add(1).write(accounts.len());
    }
    #[cfg(not(all(feature = "logging", target_arch = "bpf")))]
    let _ = accounts;
}

/// The index of `address` in the recorded account list (its first occurrence), if any.
#[cfg(feature = "logging")]
fn account_index(address: &Address) -> Option<usize> {
    #[cfg(target_arch = "bpf")]
    {
        // SAFETY: written by `record_accounts` at the entrypoint (zero, so an empty list,
        // if it was not called); the list outlives the instruction.
        let accounts: &[AccountView] = unsafe {
            let record = pinocchio::entrypoint::HEAP_START_ADDRESS as *const usize;
            let (ptr, len) = (record.read(), record.add(1).read());
            if ptr == 0 {
                return None;
            }
            core::slice::from_raw_parts(ptr as *const AccountView, len)
        };
        accounts.iter().position(|a| a.address() == address)
    }
    #[cfg(not(target_arch = "bpf"))]
    {
        let _ = address;
        None
    }
}

/// Logs `check failed: <check> on account <index>` (or says the address is not one of
/// the instruction's accounts).
#[cfg(feature = "logging")]
#[cold]
#[inline(never)]
pub fn log_check_failure(check: &str, address: &Address) {
    let mut logger = solana_program_log::logger::Logger::<160>::default();
    logger.append("check failed: ");
    logger.append(check);
    match account_index(address) {
        Some(index) => {
            logger.append(" on account ");
            logger.append(index);
        }
        None => {
            logger.append(" on an address that is not an account of the instruction");
        }
    }
    logger.log();
}

/// `$error` (a `ProgramError`), after logging the failed check `$check` on the account at
/// `$address` in `logging` builds. Without the feature it is exactly `$error`.
macro_rules! check_failed {
    ($check:expr, $address:expr, $error:expr) => {{
        #[cfg(feature = "logging")]
        $crate::debug::log_check_failure($check, $address);
        $error
    }};
}
pub(crate) use check_failed;

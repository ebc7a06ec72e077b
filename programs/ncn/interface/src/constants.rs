//! The template's constants (`core/src/constants.rs`, `fees.rs`).

use solana_address::Address;

/// Highest fee, in basis points (100 %).
pub const MAX_FEE_BPS: u64 = 10_000;
/// Stake-token mints a vault registry holds.
pub const MAX_ST_MINTS: usize = 64;
/// Vaults a vault registry (and an operator snapshot) holds.
pub const MAX_VAULTS: usize = 64;
/// Operators an epoch (ballot box, epoch state, reward router) holds.
pub const MAX_OPERATORS: usize = 256;

/// Bounds of `Config::epochs_before_stall`.
pub const MIN_EPOCHS_BEFORE_STALL: u64 = 1;
pub const MAX_EPOCHS_BEFORE_STALL: u64 = 50;
/// Bounds of `Config::epochs_after_consensus_before_close`.
pub const MIN_EPOCHS_AFTER_CONSENSUS_BEFORE_CLOSE: u64 = 10;
pub const MAX_EPOCHS_AFTER_CONSENSUS_BEFORE_CLOSE: u64 = 100;
/// Bounds of `Config::valid_slots_after_consensus`: 1000 slots to 50 default epochs
/// (`DEFAULT_SLOTS_PER_EPOCH` = 432,000).
pub const MIN_VALID_SLOTS_AFTER_CONSENSUS: u64 = 1_000;
pub const MAX_VALID_SLOTS_AFTER_CONSENSUS: u64 = 50 * 432_000;

/// Consensus is reached at this fraction of the total stake weight.
pub const CONSENSUS_NUMERATOR: u128 = 2;
pub const CONSENSUS_DENOMINATOR: u128 = 3;

/// `slot_consensus_reached` before consensus.
pub const DEFAULT_CONSENSUS_REACHED_SLOT: u64 = u64::MAX;
/// Most an account may grow in one instruction (`MAX_PERMITTED_DATA_INCREASE`): the size
/// accounts are created with, and the step of each realloc.
pub const MAX_REALLOC_BYTES: u64 = 10_240;

/// The template's `WEIGHT` (used by its tests and CLI as a default weight).
pub const WEIGHT: u128 = 100;

/// Protocol fee (`Fees::PROTOCOL_FEE_BPS`): 4 %.
pub const PROTOCOL_FEE_BPS: u16 = 400;
/// Wallet the protocol fee goes to (`FeeConfig::PROTOCOL_FEE_WALLET`).
pub const PROTOCOL_FEE_WALLET: Address =
    solana_address::address!("5eosrve6LktMZgVNszYzebgmmC7BjLK8NoWyRQtcmGTF");

/// The template's new size of a realloc step: `current + MAX_REALLOC_BYTES`, capped at `target`
/// (`None` on overflow, which the template reports as `ArithmeticOverflow`).
#[inline(always)]
pub const fn realloc_step(current: usize, target: usize) -> Option<usize> {
    match current.checked_add(MAX_REALLOC_BYTES as usize) {
        Some(next) if next < target => Some(next),
        Some(_) => Some(target),
        None => None,
    }
}

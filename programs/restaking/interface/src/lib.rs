//! Interface of the Jito restaking program: account state views, instructions,
//! errors and PDA seeds. `no_std`, shared by the program, the vault program and
//! off-chain code.

#![no_std]

pub mod error;
pub mod instruction;
pub mod state;
pub mod vault;

solana_address::declare_id!("RestkWeAVL8fRGgzhfeoqFhsqKRchg6aa1XrcH96z4Q");

/// Highest operator fee, in basis points (100 %).
pub const MAX_FEE_BPS: u16 = 10_000;

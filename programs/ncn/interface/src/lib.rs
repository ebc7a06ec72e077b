//! Interface of the NCN program, a drop-in for Jito's `ncn-template` (commit 32209a1): account
//! state views, instructions, errors, constants and PDA seeds. `no_std`, allocation free, shared
//! by the program and off-chain code.

#![no_std]

pub mod constants;
pub mod error;
pub mod instruction;
pub mod pda;
pub mod state;

solana_address::declare_id!("5SiK283D1iFSqHvr8vbNWCBjbjRXeEYS79CLax7nosPf");

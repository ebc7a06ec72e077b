//! Interface of the Jito restaking program: account state views, instructions,
//! errors and PDA seeds. `no_std`, shared by the program, the vault program and
//! off-chain code.

#![no_std]

solana_address::declare_id!("RestkWeAVL8fRGgzhfeoqFhsqKRchg6aa1XrcH96z4Q");

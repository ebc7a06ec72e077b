//! Interface of the Jito vault program: account state views, instructions,
//! errors, PDA seeds and the fee / exchange-rate math. `no_std`.

#![no_std]

solana_address::declare_id!("Vau1t6sLNxnzB7ZDsef8TLbPLfyZMYXH8WTNqUdm9g8");

//! One module per instruction, `process_<name>(program_id, accounts, args...)`; the arguments
//! are decoded once by `NcnInstruction::unpack`.

pub mod admin_register_st_mint;
pub mod admin_set_new_admin;
pub mod admin_set_parameters;
pub mod admin_set_st_mint;
pub mod initialize_config;
pub mod initialize_vault_registry;
pub mod realloc_vault_registry;
pub mod register_vault;
pub mod shared;

pub use admin_register_st_mint::process_admin_register_st_mint;
pub use admin_set_new_admin::process_admin_set_new_admin;
pub use admin_set_parameters::process_admin_set_parameters;
pub use admin_set_st_mint::process_admin_set_st_mint;
pub use initialize_config::process_initialize_config;
pub use initialize_vault_registry::process_initialize_vault_registry;
pub use realloc_vault_registry::process_realloc_vault_registry;
pub use register_vault::process_register_vault;

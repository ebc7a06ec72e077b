//! One module per instruction, `process_<name>(program_id, accounts, args...)`; the arguments
//! are decoded once by `NcnInstruction::unpack`.

pub mod admin_register_st_mint;
pub mod admin_set_new_admin;
pub mod admin_set_parameters;
pub mod admin_set_st_mint;
pub mod admin_set_tie_breaker;
pub mod admin_set_weight;
pub mod cast_vote;
pub mod initialize_ballot_box;
pub mod initialize_config;
pub mod initialize_epoch_snapshot;
pub mod initialize_epoch_state;
pub mod initialize_operator_snapshot;
pub mod initialize_vault_registry;
pub mod initialize_weight_table;
pub mod realloc_ballot_box;
pub mod realloc_vault_registry;
pub mod realloc_weight_table;
pub mod register_vault;
pub mod set_epoch_weights;
pub mod shared;
pub mod snapshot_vault_operator_delegation;

pub use admin_register_st_mint::process_admin_register_st_mint;
pub use admin_set_new_admin::process_admin_set_new_admin;
pub use admin_set_parameters::process_admin_set_parameters;
pub use admin_set_st_mint::process_admin_set_st_mint;
pub use admin_set_tie_breaker::process_admin_set_tie_breaker;
pub use admin_set_weight::process_admin_set_weight;
pub use cast_vote::process_cast_vote;
pub use initialize_ballot_box::process_initialize_ballot_box;
pub use initialize_config::process_initialize_config;
pub use initialize_epoch_snapshot::process_initialize_epoch_snapshot;
pub use initialize_epoch_state::process_initialize_epoch_state;
pub use initialize_operator_snapshot::process_initialize_operator_snapshot;
pub use initialize_vault_registry::process_initialize_vault_registry;
pub use initialize_weight_table::process_initialize_weight_table;
pub use realloc_ballot_box::process_realloc_ballot_box;
pub use realloc_vault_registry::process_realloc_vault_registry;
pub use realloc_weight_table::process_realloc_weight_table;
pub use register_vault::process_register_vault;
pub use set_epoch_weights::process_set_epoch_weights;
pub use snapshot_vault_operator_delegation::process_snapshot_vault_operator_delegation;

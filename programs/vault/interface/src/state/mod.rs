//! Account types of the vault program, one module each, and the nested
//! [`DelegationState`].

pub mod burn_vault;
pub mod config;
pub mod delegation_state;
pub mod vault;
pub mod vault_ncn_slasher_operator_ticket;
pub mod vault_ncn_slasher_ticket;
pub mod vault_ncn_ticket;
pub mod vault_operator_delegation;
pub mod vault_staker_withdrawal_ticket;
pub mod vault_update_state_tracker;

pub use burn_vault::BurnVault;
pub use config::Config;
pub use delegation_state::DelegationState;
pub use jito_core::account::AccountType;
pub use vault::{BurnSummary, MintSummary, Vault};
pub use vault_ncn_slasher_operator_ticket::VaultNcnSlasherOperatorTicket;
pub use vault_ncn_slasher_ticket::VaultNcnSlasherTicket;
pub use vault_ncn_ticket::VaultNcnTicket;
pub use vault_operator_delegation::VaultOperatorDelegation;
pub use vault_staker_withdrawal_ticket::VaultStakerWithdrawalTicket;
pub use vault_update_state_tracker::VaultUpdateStateTracker;

//! Ready-made states on the one [`crate::world::World`], one module per family of tests, each
//! with the role key sets its tests need. None lays out account bytes (that is
//! [`crate::layout_oracle`]) or builds a plain-address instruction (that is
//! [`crate::world::restaking`] / [`crate::world::vault`] / [`crate::world::ncn`]); none imports
//! another, except the shared key sets of [`roles`].
//!
//! - [`restaking_init`]: restaking accounts as the `Initialize*` instructions create them
//!   (`restaking_init`);
//! - [`restaking_pair`]: one NCN, operator and vault with every ticket between them
//!   ([`restaking_pair::RestakingScenario`]; `restaking_admin`, `restaking_tickets`,
//!   `restaking_handshake`);
//! - [`restaking_roles`]: NCNs, operators and vaults whose admin roles are all different keys
//!   (the negative matrix and randomized sequences);
//! - [`vault_admin`]: vault config and admin instructions (`vault_admin`, `vault_config`);
//! - [`vault_setup`]: one initialized vault with depositors ([`vault_setup::VaultSetup`]; deposit,
//!   withdrawal, token, metadata tests);
//! - [`vault_updated`]: a config and an up-to-date vault, restaking accounts on demand, and the
//!   failure-case builder [`vault_updated::Tx`] ([`vault_updated::VaultScenario`]; tickets,
//!   delegation, update-state-tracker tests);
//! - [`vault_roles`]: config and vaults whose admin roles are all different keys (the negative
//!   matrix, extreme amounts, randomized sequences);
//! - [`handshake`]: the restaking opt-in handshake done with real instructions, up to every
//!   toggle active ([`handshake::Handshake::finished`]; `restaking_handshake`);
//! - [`roles`]: the role key sets (NCN, operator, vault config, vault), one type each; the
//!   numbered constructors live with the scenarios that number them, the labelled ones are for
//!   the benchmarks;
//! - [`bench`]: fixed, label-derived keys for the compute benchmark and the client e2e tests;
//! - [`ncn`]: the NCN program's lifecycle on the three programs ([`ncn::NcnScenario`]; the NCN
//!   scenario and negative matrix), the NCN benchmark's fixed state ([`ncn::NcnBench`]) and the
//!   hand-laid NCN of the program tests ([`ncn::HandNcn`]).

pub mod bench;
pub mod handshake;
pub mod ncn;
pub mod restaking_init;
pub mod restaking_pair;
pub mod restaking_roles;
pub mod roles;
pub mod vault_admin;
pub mod vault_roles;
pub mod vault_setup;
pub mod vault_updated;

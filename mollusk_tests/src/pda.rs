//! Every PDA the tests derive, written once from the original's literal seeds
//! (jito-foundation/restaking at 8109c879) with the host `find_program_address`: independent of
//! the programs' and the interface crates' own derivations, which the tests check against these.

use crate::{Pubkey, RESTAKING_PROGRAM_ID, VAULT_PROGRAM_ID};

/// The Metaplex Token Metadata program (the vault's `CreateTokenMetadata` target).
pub const METAPLEX_ID: Pubkey =
    Pubkey::from_str_const("metaqbxxUerdq28cj1RbAWkYQm3ybzjb6a8bt518x1s");

/// PDAs of the restaking program.
pub mod restaking {
    use super::*;

    fn pda(seeds: &[&[u8]]) -> (Pubkey, u8) {
        Pubkey::find_program_address(seeds, &RESTAKING_PROGRAM_ID)
    }

    pub fn config_pda() -> (Pubkey, u8) {
        pda(&[b"config"])
    }
    pub fn ncn_pda(base: &Pubkey) -> (Pubkey, u8) {
        pda(&[b"ncn", base.as_ref()])
    }
    pub fn operator_pda(base: &Pubkey) -> (Pubkey, u8) {
        pda(&[b"operator", base.as_ref()])
    }
    pub fn ncn_operator_state_pda(ncn: &Pubkey, operator: &Pubkey) -> (Pubkey, u8) {
        pda(&[b"ncn_operator_state", ncn.as_ref(), operator.as_ref()])
    }
    pub fn ncn_vault_ticket_pda(ncn: &Pubkey, vault: &Pubkey) -> (Pubkey, u8) {
        pda(&[b"ncn_vault_ticket", ncn.as_ref(), vault.as_ref()])
    }
    pub fn operator_vault_ticket_pda(operator: &Pubkey, vault: &Pubkey) -> (Pubkey, u8) {
        pda(&[b"operator_vault_ticket", operator.as_ref(), vault.as_ref()])
    }
    pub fn ncn_vault_slasher_ticket_pda(
        ncn: &Pubkey,
        vault: &Pubkey,
        slasher: &Pubkey,
    ) -> (Pubkey, u8) {
        pda(&[
            b"ncn_slasher_ticket",
            ncn.as_ref(),
            vault.as_ref(),
            slasher.as_ref(),
        ])
    }
}

/// PDAs of the vault program.
pub mod vault {
    use super::*;

    fn pda(seeds: &[&[u8]]) -> (Pubkey, u8) {
        Pubkey::find_program_address(seeds, &VAULT_PROGRAM_ID)
    }

    pub fn config_pda() -> (Pubkey, u8) {
        pda(&[b"config"])
    }
    pub fn vault_pda(base: &Pubkey) -> (Pubkey, u8) {
        pda(&[b"vault", base.as_ref()])
    }
    pub fn burn_vault_pda(base: &Pubkey) -> (Pubkey, u8) {
        pda(&[b"burn_vault", base.as_ref()])
    }
    pub fn vault_ncn_ticket_pda(vault: &Pubkey, ncn: &Pubkey) -> (Pubkey, u8) {
        pda(&[b"vault_ncn_ticket", vault.as_ref(), ncn.as_ref()])
    }
    pub fn vault_operator_delegation_pda(vault: &Pubkey, operator: &Pubkey) -> (Pubkey, u8) {
        pda(&[
            b"vault_operator_delegation",
            vault.as_ref(),
            operator.as_ref(),
        ])
    }
    pub fn vault_ncn_slasher_ticket_pda(
        vault: &Pubkey,
        ncn: &Pubkey,
        slasher: &Pubkey,
    ) -> (Pubkey, u8) {
        pda(&[
            b"vault_slasher_ticket",
            vault.as_ref(),
            ncn.as_ref(),
            slasher.as_ref(),
        ])
    }
    pub fn vault_ncn_slasher_operator_ticket_pda(
        vault: &Pubkey,
        ncn: &Pubkey,
        slasher: &Pubkey,
        operator: &Pubkey,
        epoch: u64,
    ) -> (Pubkey, u8) {
        pda(&[
            b"vault_ncn_slasher_operator",
            vault.as_ref(),
            ncn.as_ref(),
            slasher.as_ref(),
            operator.as_ref(),
            &epoch.to_le_bytes(),
        ])
    }
    pub fn withdrawal_ticket_pda(vault: &Pubkey, base: &Pubkey) -> (Pubkey, u8) {
        pda(&[
            b"vault_staker_withdrawal_ticket",
            vault.as_ref(),
            base.as_ref(),
        ])
    }
    pub fn tracker_pda(vault: &Pubkey, ncn_epoch: u64) -> (Pubkey, u8) {
        pda(&[
            b"vault_update_state_tracker",
            vault.as_ref(),
            &ncn_epoch.to_le_bytes(),
        ])
    }
}

/// PDAs of the NCN program (the template's literal seeds, jito-foundation/ncn-template at
/// 32209a1), under the program deployed at `program`; `ncn` the restaking NCN.
pub mod ncn {
    use super::*;

    fn pda(program: &Pubkey, seeds: &[&[u8]]) -> (Pubkey, u8) {
        Pubkey::find_program_address(seeds, program)
    }

    pub fn config(program: &Pubkey, ncn: &Pubkey) -> (Pubkey, u8) {
        pda(program, &[b"config", ncn.as_ref()])
    }
    pub fn vault_registry(program: &Pubkey, ncn: &Pubkey) -> (Pubkey, u8) {
        pda(program, &[b"vault_registry", ncn.as_ref()])
    }
    pub fn account_payer(program: &Pubkey, ncn: &Pubkey) -> (Pubkey, u8) {
        pda(program, &[b"account_payer", ncn.as_ref(), ncn.as_ref()])
    }
    /// An account of `ncn`'s `epoch` with seeds `[prefix, ncn, epoch]`: `epoch_state`,
    /// `weight_table`, `epoch_snapshot`, `ballot_box`, `consensus-result`,
    /// `ncn_reward_router`, `ncn_reward_receiver`.
    pub fn of_epoch(program: &Pubkey, prefix: &str, ncn: &Pubkey, epoch: u64) -> (Pubkey, u8) {
        pda(
            program,
            &[prefix.as_bytes(), ncn.as_ref(), &epoch.to_le_bytes()],
        )
    }
    pub fn epoch_marker(program: &Pubkey, ncn: &Pubkey, epoch: u64) -> (Pubkey, u8) {
        let e = epoch.to_le_bytes();
        pda(program, &[b"epoch_marker", ncn.as_ref(), &e, ncn.as_ref()])
    }
    /// An account of `operator` in `ncn`'s `epoch` with seeds `[prefix, operator, ncn, epoch]`:
    /// `operator_snapshot`, `operator_vault_reward_route`, `operator_vault_reward_receiver`.
    pub fn of_operator(
        program: &Pubkey,
        prefix: &str,
        operator: &Pubkey,
        ncn: &Pubkey,
        epoch: u64,
    ) -> (Pubkey, u8) {
        let e = epoch.to_le_bytes();
        pda(
            program,
            &[prefix.as_bytes(), operator.as_ref(), ncn.as_ref(), &e],
        )
    }
}

/// The Metaplex metadata account of `mint`.
pub fn metadata_pda(mint: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(
        &[b"metadata", METAPLEX_ID.as_ref(), mint.as_ref()],
        &METAPLEX_ID,
    )
    .0
}

//! The token accounts each vault flow needs before it runs, as idempotent associated token
//! account creations (`CreateIdempotent` of the Associated Token Account program): put them in
//! front of the flow's instruction, in the same transaction or an earlier one. An account that
//! exists is left as it is; tokens are not moved (funding the depositor's or admin's account is
//! up to the app).
//!
//! `token_program` is the vault's: SPL Token ([`TOKEN_PROGRAM_ID`]) or Token-2022
//! ([`TOKEN_2022_PROGRAM_ID`]).
//!
//! | flow | accounts that must exist |
//! |---|---|
//! | InitializeVault | admin's and vault's supported-token accounts ([`for_initialize_vault`]) |
//! | MintTo | depositor's and vault's supported-token accounts, depositor's and fee wallet's VRT accounts ([`for_mint_to`]) |
//! | EnqueueWithdrawal | the ticket's and staker's VRT accounts ([`for_enqueue_withdrawal`]) |
//! | BurnWithdrawalTicket | vault's and staker's supported-token accounts, fee wallet's and program fee wallet's VRT accounts ([`for_burn_withdrawal_ticket`]) |

use solana_address::{address, Address};
use solana_instruction::{AccountMeta, Instruction};

use crate::accounts::{Config, Vault};

/// SPL Token.
pub const TOKEN_PROGRAM_ID: Address = address!("TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA");
/// SPL Token-2022.
pub const TOKEN_2022_PROGRAM_ID: Address = address!("TokenzQdBNbLqP5VEhdkAS6EPFLC1PHnBqCXEpPxuEb");
/// SPL Associated Token Account program.
pub const ASSOCIATED_TOKEN_PROGRAM_ID: Address =
    address!("ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL");
/// The system program.
pub const SYSTEM_PROGRAM_ID: Address = address!("11111111111111111111111111111111");

/// The associated token account of `owner` for `mint` under `token_program`.
pub fn associated_token_address(
    owner: &Address,
    mint: &Address,
    token_program: &Address,
) -> Address {
    Address::find_program_address(
        &[owner.as_ref(), token_program.as_ref(), mint.as_ref()],
        &ASSOCIATED_TOKEN_PROGRAM_ID,
    )
    .0
}

/// Creates the associated token account of `owner` for `mint` unless it exists, paid by
/// `payer` (`CreateIdempotent`, instruction 1 of the Associated Token Account program).
pub fn create_associated_token_account_idempotent(
    payer: &Address,
    owner: &Address,
    mint: &Address,
    token_program: &Address,
) -> Instruction {
    Instruction {
        program_id: ASSOCIATED_TOKEN_PROGRAM_ID,
        accounts: vec![
            AccountMeta::new(*payer, true),
            AccountMeta::new(associated_token_address(owner, mint, token_program), false),
            AccountMeta::new_readonly(*owner, false),
            AccountMeta::new_readonly(*mint, false),
            AccountMeta::new_readonly(SYSTEM_PROGRAM_ID, false),
            AccountMeta::new_readonly(*token_program, false),
        ],
        data: vec![1],
    }
}

/// InitializeVault: the admin's supported-token account (it pays the initial deposit, so
/// fund it before) and the vault's (`vault` is the vault PDA to be created).
pub fn for_initialize_vault(
    payer: &Address,
    admin: &Address,
    vault: &Address,
    st_mint: &Address,
    token_program: &Address,
) -> [Instruction; 2] {
    [
        create_associated_token_account_idempotent(payer, admin, st_mint, token_program),
        create_associated_token_account_idempotent(payer, vault, st_mint, token_program),
    ]
}

/// MintTo: the depositor's and the vault's supported-token accounts, the depositor's VRT
/// account and the vault fee wallet's VRT account (mints and fee wallet read from `vault_state`).
pub fn for_mint_to(
    payer: &Address,
    depositor: &Address,
    vault: &Address,
    vault_state: &Vault,
    token_program: &Address,
) -> [Instruction; 4] {
    let (st, vrt) = (&vault_state.supported_mint, &vault_state.vrt_mint);
    [
        create_associated_token_account_idempotent(payer, depositor, st, token_program),
        create_associated_token_account_idempotent(payer, vault, st, token_program),
        create_associated_token_account_idempotent(payer, depositor, vrt, token_program),
        create_associated_token_account_idempotent(
            payer,
            &vault_state.fee_wallet,
            vrt,
            token_program,
        ),
    ]
}

/// EnqueueWithdrawal: the VRT account of the withdrawal ticket about to be created (`ticket` is
/// its PDA) and the staker's VRT account.
pub fn for_enqueue_withdrawal(
    payer: &Address,
    staker: &Address,
    ticket: &Address,
    vault_state: &Vault,
    token_program: &Address,
) -> [Instruction; 2] {
    let vrt = &vault_state.vrt_mint;
    [
        create_associated_token_account_idempotent(payer, ticket, vrt, token_program),
        create_associated_token_account_idempotent(payer, staker, vrt, token_program),
    ]
}

/// BurnWithdrawalTicket: the vault's and the staker's supported-token accounts, and the VRT
/// accounts of the vault fee wallet and of the program fee wallet (from `config`).
pub fn for_burn_withdrawal_ticket(
    payer: &Address,
    staker: &Address,
    vault: &Address,
    vault_state: &Vault,
    config: &Config,
    token_program: &Address,
) -> [Instruction; 4] {
    let (st, vrt) = (&vault_state.supported_mint, &vault_state.vrt_mint);
    [
        create_associated_token_account_idempotent(payer, vault, st, token_program),
        create_associated_token_account_idempotent(payer, staker, st, token_program),
        create_associated_token_account_idempotent(
            payer,
            &vault_state.fee_wallet,
            vrt,
            token_program,
        ),
        create_associated_token_account_idempotent(
            payer,
            &config.program_fee_wallet,
            vrt,
            token_program,
        ),
    ]
}

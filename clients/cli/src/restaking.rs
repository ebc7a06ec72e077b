//! `restaking config|ncn|operator …`: each command builds its instruction with the generated
//! restaking client (any program id) and sends it, or prints it with --print-tx.
use anyhow::Result;
use jito_restaking_client::{
    accounts::{Ncn, NcnOperatorState, NcnVaultTicket, Operator, OperatorVaultTicket},
    instructions::*,
    pdas,
    types::{NcnAdminRole, OperatorAdminRole},
};
use jito_vault_client::{token_accounts, Address, ProgramIds};
use solana_keypair::Keypair;
use solana_signer::Signer;

use crate::{
    args::{NcnActions, OperatorActions, RestakingCommands, RestakingConfigActions},
    ctx::{one_role, read_keypair, Ctx},
    status,
};

/// Offsets of the first and second key of a ticket account (after the 8-byte discriminator).
pub const FIRST_KEY: usize = 8;
pub const SECOND_KEY: usize = 40;

fn ids(ctx: &Ctx) -> jito_restaking_client::ProgramIds {
    jito_restaking_client::ProgramIds {
        restaking: ctx.ids.restaking,
        vault: ctx.ids.vault,
    }
}

pub struct Addrs {
    pub config: Address,
    program: Address,
}

impl Addrs {
    pub fn new(ids: &ProgramIds) -> Self {
        Self {
            config: pdas::find_config(&ids.restaking).0,
            program: ids.restaking,
        }
    }
    pub fn ncn_operator_state(&self, ncn: &Address, operator: &Address) -> Address {
        pdas::find_ncn_operator_state(&self.program, ncn, operator).0
    }
    pub fn ncn_vault_ticket(&self, ncn: &Address, vault: &Address) -> Address {
        pdas::find_ncn_vault_ticket(&self.program, ncn, vault).0
    }
    pub fn operator_vault_ticket(&self, operator: &Address, vault: &Address) -> Address {
        pdas::find_operator_vault_ticket(&self.program, operator, vault).0
    }
}

fn base_keypair(path: &Option<String>) -> Result<Keypair> {
    Ok(match path {
        Some(path) => read_keypair(path)?,
        None => Keypair::new(),
    })
}

pub fn run(ctx: &Ctx, command: RestakingCommands) -> Result<()> {
    let a = Addrs::new(&ctx.ids);
    let ids = ids(ctx);
    match command {
        RestakingCommands::Config { action } => match action {
            RestakingConfigActions::Initialize => {
                let signer = ctx.signer()?.pubkey();
                let ix = InitializeConfigBuilder::new()
                    .config(a.config)
                    .admin(signer)
                    .vault_program(ctx.ids.vault)
                    .try_instruction_with_program_ids(&ids)?;
                ctx.send(
                    &format!("restaking config initialized at {}", a.config),
                    &[ix],
                    &[],
                )
            }
            RestakingConfigActions::Get => ctx.get_and_print("Config", &a.config),
            RestakingConfigActions::SetAdmin { new_admin } => {
                let ix = SetConfigAdminBuilder::new()
                    .config(a.config)
                    .old_admin(ctx.signer()?.pubkey())
                    .new_admin(new_admin)
                    .try_instruction_with_program_ids(&ids)?;
                ctx.send("restaking config admin set", &[ix], &[])
            }
        },
        RestakingCommands::Ncn { action } => ncn(ctx, &a, &ids, action),
        RestakingCommands::Operator { action } => operator(ctx, &a, &ids, action),
    }
}

fn ncn(
    ctx: &Ctx,
    a: &Addrs,
    ids: &jito_restaking_client::ProgramIds,
    action: NcnActions,
) -> Result<()> {
    let program = ctx.ids.restaking;
    match action {
        NcnActions::Initialize {
            path_to_base_keypair,
        } => {
            let signer = ctx.signer()?;
            let base = base_keypair(&path_to_base_keypair)?;
            let ncn = pdas::find_ncn(&program, &base.pubkey()).0;
            let ix = InitializeNcnBuilder::new()
                .config(a.config)
                .ncn(ncn)
                .admin(signer.pubkey())
                .base(base.pubkey())
                .try_instruction_with_program_ids(ids)?;
            ctx.send(&format!("NCN initialized: {ncn}"), &[ix], &[&base])
        }
        NcnActions::InitializeNcnOperatorState { ncn, operator } => {
            let signer = ctx.signer()?.pubkey();
            let state = a.ncn_operator_state(&ncn, &operator);
            let ix = InitializeNcnOperatorStateBuilder::new()
                .config(a.config)
                .ncn(ncn)
                .operator(operator)
                .ncn_operator_state(state)
                .admin(signer)
                .payer(signer)
                .try_instruction_with_program_ids(ids)?;
            ctx.send(
                &format!("NcnOperatorState initialized: {state}"),
                &[ix],
                &[],
            )
        }
        NcnActions::NcnWarmupOperator { ncn, operator } => {
            let ix = NcnWarmupOperatorBuilder::new()
                .config(a.config)
                .ncn(ncn)
                .operator(operator)
                .ncn_operator_state(a.ncn_operator_state(&ncn, &operator))
                .admin(ctx.signer()?.pubkey())
                .try_instruction_with_program_ids(ids)?;
            ctx.send("NCN warmed up operator", &[ix], &[])
        }
        NcnActions::NcnCooldownOperator { ncn, operator } => {
            let ix = NcnCooldownOperatorBuilder::new()
                .config(a.config)
                .ncn(ncn)
                .operator(operator)
                .ncn_operator_state(a.ncn_operator_state(&ncn, &operator))
                .admin(ctx.signer()?.pubkey())
                .try_instruction_with_program_ids(ids)?;
            ctx.send("NCN cooled down operator", &[ix], &[])
        }
        NcnActions::InitializeNcnVaultTicket { ncn, vault } => {
            let signer = ctx.signer()?.pubkey();
            let ticket = a.ncn_vault_ticket(&ncn, &vault);
            let ix = InitializeNcnVaultTicketBuilder::new()
                .config(a.config)
                .ncn(ncn)
                .vault(vault)
                .ncn_vault_ticket(ticket)
                .admin(signer)
                .payer(signer)
                .try_instruction_with_program_ids(ids)?;
            ctx.send(&format!("NcnVaultTicket initialized: {ticket}"), &[ix], &[])
        }
        NcnActions::WarmupNcnVaultTicket { ncn, vault } => {
            let ix = WarmupNcnVaultTicketBuilder::new()
                .config(a.config)
                .ncn(ncn)
                .vault(vault)
                .ncn_vault_ticket(a.ncn_vault_ticket(&ncn, &vault))
                .admin(ctx.signer()?.pubkey())
                .try_instruction_with_program_ids(ids)?;
            ctx.send("NcnVaultTicket warmed up", &[ix], &[])
        }
        NcnActions::CooldownNcnVaultTicket { ncn, vault } => {
            let ix = CooldownNcnVaultTicketBuilder::new()
                .config(a.config)
                .ncn(ncn)
                .vault(vault)
                .ncn_vault_ticket(a.ncn_vault_ticket(&ncn, &vault))
                .admin(ctx.signer()?.pubkey())
                .try_instruction_with_program_ids(ids)?;
            ctx.send("NcnVaultTicket cooled down", &[ix], &[])
        }
        NcnActions::NcnDelegateTokenAccount {
            ncn,
            delegate,
            token_mint,
            should_create_token_account,
        } => {
            let signer = ctx.signer()?.pubkey();
            let token_program = mint_token_program(ctx, &token_mint)?;
            let token_account =
                token_accounts::associated_token_address(&ncn, &token_mint, &token_program);
            let mut ixs = Vec::new();
            if should_create_token_account {
                ixs.push(token_accounts::create_associated_token_account_idempotent(
                    &signer,
                    &ncn,
                    &token_mint,
                    &token_program,
                ));
            }
            ixs.push(
                NcnDelegateTokenAccountBuilder::new()
                    .ncn(ncn)
                    .delegate_admin(signer)
                    .token_mint(token_mint)
                    .token_account(token_account)
                    .delegate(delegate)
                    .token_program(token_program)
                    .try_instruction_with_program_ids(ids)?,
            );
            ctx.send("NCN token account delegated", &ixs, &[])
        }
        NcnActions::Get { pubkey } => ctx.get_and_print("Ncn", &pubkey),
        NcnActions::List => ctx.print_list("Ncn", &ctx.list::<Ncn>(&program, None)?),
        NcnActions::ListNcnOperatorState { ncn } => ctx.print_list(
            "NcnOperatorState",
            &ctx.list::<NcnOperatorState>(&program, Some((FIRST_KEY, &ncn)))?,
        ),
        NcnActions::ListNcnVaultTicket { ncn } => ctx.print_list(
            "NcnVaultTicket",
            &ctx.list::<NcnVaultTicket>(&program, Some((FIRST_KEY, &ncn)))?,
        ),
        NcnActions::NcnSetAdmin {
            ncn,
            old_admin_keypair,
            new_admin_keypair,
        } => {
            let old = read_keypair(&old_admin_keypair)?;
            let new = read_keypair(&new_admin_keypair)?;
            let ix = NcnSetAdminBuilder::new()
                .ncn(ncn)
                .old_admin(old.pubkey())
                .new_admin(new.pubkey())
                .try_instruction_with_program_ids(ids)?;
            ctx.send("NCN admin set", &[ix], &[&old, &new])
        }
        NcnActions::NcnSetSecondaryAdmin {
            ncn,
            new_admin,
            set_operator_admin,
            set_vault_admin,
            set_slasher_admin,
            set_delegate_admin,
            set_metadata_admin,
            set_weight_table_admin,
            set_ncn_program_admin,
        } => {
            let roles = one_role(
                &[
                    (set_operator_admin, NcnAdminRole::OperatorAdmin),
                    (set_vault_admin, NcnAdminRole::VaultAdmin),
                    (set_slasher_admin, NcnAdminRole::SlasherAdmin),
                    (set_delegate_admin, NcnAdminRole::DelegateAdmin),
                    (set_metadata_admin, NcnAdminRole::MetadataAdmin),
                    (set_weight_table_admin, NcnAdminRole::WeightTableAdmin),
                    (set_ncn_program_admin, NcnAdminRole::NcnProgramAdmin),
                ],
                "NCN role",
            )?;
            let signer = ctx.signer()?.pubkey();
            let ixs = roles
                .into_iter()
                .map(|role| {
                    NcnSetSecondaryAdminBuilder::new()
                        .ncn(ncn)
                        .admin(signer)
                        .new_admin(new_admin)
                        .ncn_admin_role(role)
                        .try_instruction_with_program_ids(ids)
                })
                .collect::<Result<Vec<_>, _>>()?;
            ctx.send("NCN secondary admin set", &ixs, &[])
        }
        NcnActions::Status { ncn } => status::ncn(ctx, &ncn),
    }
}

fn operator(
    ctx: &Ctx,
    a: &Addrs,
    ids: &jito_restaking_client::ProgramIds,
    action: OperatorActions,
) -> Result<()> {
    let program = ctx.ids.restaking;
    match action {
        OperatorActions::Initialize {
            operator_fee_bps,
            path_to_base_keypair,
        } => {
            let signer = ctx.signer()?;
            let base = base_keypair(&path_to_base_keypair)?;
            let operator = pdas::find_operator(&program, &base.pubkey()).0;
            let ix = InitializeOperatorBuilder::new()
                .config(a.config)
                .operator(operator)
                .admin(signer.pubkey())
                .base(base.pubkey())
                .operator_fee_bps(operator_fee_bps)
                .try_instruction_with_program_ids(ids)?;
            ctx.send(
                &format!("Operator initialized: {operator}"),
                &[ix],
                &[&base],
            )
        }
        OperatorActions::InitializeOperatorVaultTicket { operator, vault } => {
            let signer = ctx.signer()?.pubkey();
            let ticket = a.operator_vault_ticket(&operator, &vault);
            let ix = InitializeOperatorVaultTicketBuilder::new()
                .config(a.config)
                .operator(operator)
                .vault(vault)
                .operator_vault_ticket(ticket)
                .admin(signer)
                .payer(signer)
                .try_instruction_with_program_ids(ids)?;
            ctx.send(
                &format!("OperatorVaultTicket initialized: {ticket}"),
                &[ix],
                &[],
            )
        }
        OperatorActions::WarmupOperatorVaultTicket { operator, vault } => {
            let ix = WarmupOperatorVaultTicketBuilder::new()
                .config(a.config)
                .operator(operator)
                .vault(vault)
                .operator_vault_ticket(a.operator_vault_ticket(&operator, &vault))
                .admin(ctx.signer()?.pubkey())
                .try_instruction_with_program_ids(ids)?;
            ctx.send("OperatorVaultTicket warmed up", &[ix], &[])
        }
        OperatorActions::CooldownOperatorVaultTicket { operator, vault } => {
            let ix = CooldownOperatorVaultTicketBuilder::new()
                .config(a.config)
                .operator(operator)
                .vault(vault)
                .operator_vault_ticket(a.operator_vault_ticket(&operator, &vault))
                .admin(ctx.signer()?.pubkey())
                .try_instruction_with_program_ids(ids)?;
            ctx.send("OperatorVaultTicket cooled down", &[ix], &[])
        }
        OperatorActions::OperatorWarmupNcn { operator, ncn } => {
            let ix = OperatorWarmupNcnBuilder::new()
                .config(a.config)
                .ncn(ncn)
                .operator(operator)
                .ncn_operator_state(a.ncn_operator_state(&ncn, &operator))
                .admin(ctx.signer()?.pubkey())
                .try_instruction_with_program_ids(ids)?;
            ctx.send("Operator warmed up NCN", &[ix], &[])
        }
        OperatorActions::OperatorCooldownNcn { operator, ncn } => {
            let ix = OperatorCooldownNcnBuilder::new()
                .config(a.config)
                .ncn(ncn)
                .operator(operator)
                .ncn_operator_state(a.ncn_operator_state(&ncn, &operator))
                .admin(ctx.signer()?.pubkey())
                .try_instruction_with_program_ids(ids)?;
            ctx.send("Operator cooled down NCN", &[ix], &[])
        }
        OperatorActions::OperatorSetAdmin {
            operator,
            old_admin_keypair,
            new_admin_keypair,
        } => {
            let old = read_keypair(&old_admin_keypair)?;
            let new = read_keypair(&new_admin_keypair)?;
            let ix = OperatorSetAdminBuilder::new()
                .operator(operator)
                .old_admin(old.pubkey())
                .new_admin(new.pubkey())
                .try_instruction_with_program_ids(ids)?;
            ctx.send("Operator admin set", &[ix], &[&old, &new])
        }
        OperatorActions::OperatorSetSecondaryAdmin {
            operator,
            new_admin,
            set_ncn_admin,
            set_vault_admin,
            set_voter_admin,
            set_delegate_admin,
            set_metadata_admin,
        } => {
            let roles = one_role(
                &[
                    (set_ncn_admin, OperatorAdminRole::NcnAdmin),
                    (set_vault_admin, OperatorAdminRole::VaultAdmin),
                    (set_voter_admin, OperatorAdminRole::VoterAdmin),
                    (set_delegate_admin, OperatorAdminRole::DelegateAdmin),
                    (set_metadata_admin, OperatorAdminRole::MetadataAdmin),
                ],
                "operator role",
            )?;
            let signer = ctx.signer()?.pubkey();
            let ixs = roles
                .into_iter()
                .map(|role| {
                    OperatorSetSecondaryAdminBuilder::new()
                        .operator(operator)
                        .admin(signer)
                        .new_admin(new_admin)
                        .operator_admin_role(role)
                        .try_instruction_with_program_ids(ids)
                })
                .collect::<Result<Vec<_>, _>>()?;
            ctx.send("Operator secondary admin set", &ixs, &[])
        }
        OperatorActions::OperatorSetFees {
            operator,
            operator_fee_bps,
        } => {
            let ix = OperatorSetFeeBuilder::new()
                .config(a.config)
                .operator(operator)
                .admin(ctx.signer()?.pubkey())
                .new_fee_bps(operator_fee_bps)
                .try_instruction_with_program_ids(ids)?;
            ctx.send("Operator fee set", &[ix], &[])
        }
        OperatorActions::OperatorDelegateTokenAccount {
            operator,
            delegate,
            token_mint,
            should_create_token_account,
        } => {
            let signer = ctx.signer()?.pubkey();
            let token_program = mint_token_program(ctx, &token_mint)?;
            let token_account =
                token_accounts::associated_token_address(&operator, &token_mint, &token_program);
            let mut ixs = Vec::new();
            if should_create_token_account {
                ixs.push(token_accounts::create_associated_token_account_idempotent(
                    &signer,
                    &operator,
                    &token_mint,
                    &token_program,
                ));
            }
            ixs.push(
                OperatorDelegateTokenAccountBuilder::new()
                    .operator(operator)
                    .delegate_admin(signer)
                    .token_mint(token_mint)
                    .token_account(token_account)
                    .delegate(delegate)
                    .token_program(token_program)
                    .try_instruction_with_program_ids(ids)?,
            );
            ctx.send("Operator token account delegated", &ixs, &[])
        }
        OperatorActions::Get { pubkey } => ctx.get_and_print("Operator", &pubkey),
        OperatorActions::List => ctx.print_list("Operator", &ctx.list::<Operator>(&program, None)?),
        OperatorActions::ListOperatorVaultTicket { operator } => ctx.print_list(
            "OperatorVaultTicket",
            &ctx.list::<OperatorVaultTicket>(&program, Some((FIRST_KEY, &operator)))?,
        ),
        OperatorActions::ListNcnOperatorState { operator } => ctx.print_list(
            "NcnOperatorState",
            &ctx.list::<NcnOperatorState>(&program, Some((SECOND_KEY, &operator)))?,
        ),
    }
}

/// The token program owning `mint` (SPL Token or Token-2022); SPL Token when it cannot be read
/// (e.g. --print-tx offline).
pub fn mint_token_program(ctx: &Ctx, mint: &Address) -> Result<Address> {
    match ctx.raw_account(mint) {
        Ok(Some(account)) => Ok(account.owner),
        Ok(None) => anyhow::bail!("the token mint {mint} does not exist"),
        Err(e) if ctx.print_tx => {
            eprintln!("note: {e}; assuming SPL Token");
            Ok(token_accounts::TOKEN_PROGRAM_ID)
        }
        Err(e) => Err(e),
    }
}

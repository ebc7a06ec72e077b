//! `vault config|vault …`: each command builds its instructions with the generated vault client
//! (any program id), creating the token accounts a flow needs first (idempotently, with the
//! client's `token_accounts` helpers), and sends them, or prints them with --print-tx.
use anyhow::{anyhow, bail, Result};
use jito_vault_client::{
    accounts::{Config, Vault, VaultOperatorDelegation, VaultUpdateStateTracker},
    instructions::*,
    numbering::{NumberingCache, VaultNumbering},
    pdas,
    planner::{self, TrackerStatus, VaultUpdateInput},
    token_accounts::{self, associated_token_address as ata},
    types::{ConfigAdminRole, VaultAdminRole, WithdrawalAllocationMethod},
    Address, Instruction,
};
use solana_keypair::Keypair;
use solana_signer::Signer;

use crate::{
    args::{VaultActions, VaultCommands, VaultConfigActions},
    ctx::{one_role, read_keypair, Ctx},
    restaking::{self, FIRST_KEY},
    status,
};

const METADATA_PROGRAM_ID: Address =
    Address::from_str_const("metaqbxxUerdq28cj1RbAWkYQm3ybzjb6a8bt518x1s");

pub fn config_address(ctx: &Ctx) -> Address {
    pdas::find_config(&ctx.ids.vault).0
}

/// The current NCN epoch (`slot / epoch_length` of the vault config) and the slot.
pub fn ncn_epoch(ctx: &Ctx, config: &Config) -> Result<(u64, u64)> {
    let slot = ctx
        .rpc
        .get_slot()
        .map_err(|e| ctx.rpc_error("getSlot", e))?;
    if config.epoch_length == 0 {
        bail!("the vault config has an epoch length of 0");
    }
    Ok((slot / config.epoch_length, slot))
}

/// The vault's operator delegations ordered by index (getProgramAccounts on the vault key).
pub fn delegations(
    ctx: &Ctx,
    vault: &Address,
) -> Result<Vec<(Address, Vec<u8>, VaultOperatorDelegation)>> {
    let mut list = ctx.list::<VaultOperatorDelegation>(&ctx.ids.vault, Some((FIRST_KEY, vault)))?;
    list.sort_by_key(|(_, _, d)| d.index);
    Ok(list)
}

pub fn run(ctx: &Ctx, command: VaultCommands) -> Result<()> {
    let config = config_address(ctx);
    let ids = &ctx.ids;
    match command {
        VaultCommands::Config { action } => match action {
            VaultConfigActions::Initialize {
                program_fee_bps,
                program_fee_wallet,
            } => {
                let ix = InitializeConfigBuilder::new()
                    .config(config)
                    .admin(ctx.signer()?.pubkey())
                    .restaking_program(ids.restaking)
                    .program_fee_wallet(program_fee_wallet)
                    .program_fee_bps(program_fee_bps)
                    .try_instruction_with_program_ids(ids)?;
                ctx.send(&format!("vault config initialized at {config}"), &[ix], &[])
            }
            VaultConfigActions::Get => ctx.get_and_print("vault.Config", &config),
            VaultConfigActions::SetAdmin { new_admin } => {
                let ix = SetConfigAdminBuilder::new()
                    .config(config)
                    .old_admin(ctx.signer()?.pubkey())
                    .new_admin(new_admin)
                    .try_instruction_with_program_ids(ids)?;
                ctx.send("vault config admin set", &[ix], &[])
            }
            VaultConfigActions::SetSecondaryAdmin {
                new_admin,
                set_fee_admin,
            } => {
                one_role(&[(set_fee_admin, ())], "config role")?;
                let ix = SetConfigSecondaryAdminBuilder::new()
                    .config(config)
                    .admin(ctx.signer()?.pubkey())
                    .new_admin(new_admin)
                    .config_admin_role(ConfigAdminRole::FeeAdmin)
                    .try_instruction_with_program_ids(ids)?;
                ctx.send("vault config fee admin set", &[ix], &[])
            }
            VaultConfigActions::SetProgramFee { new_fee_bps } => {
                let ix = SetProgramFeeBuilder::new()
                    .config(config)
                    .admin(ctx.signer()?.pubkey())
                    .new_fee_bps(new_fee_bps)
                    .try_instruction_with_program_ids(ids)?;
                ctx.send("program fee set", &[ix], &[])
            }
            VaultConfigActions::SetProgramFeeWallet { program_fee_wallet } => {
                let ix = SetProgramFeeWalletBuilder::new()
                    .config(config)
                    .program_fee_admin(ctx.signer()?.pubkey())
                    .new_fee_wallet(program_fee_wallet)
                    .try_instruction_with_program_ids(ids)?;
                ctx.send("program fee wallet set", &[ix], &[])
            }
        },
        VaultCommands::Vault { action } => vault(ctx, &config, action),
    }
}

fn vault(ctx: &Ctx, config: &Address, action: VaultActions) -> Result<()> {
    let ids = &ctx.ids;
    let program = ids.vault;
    let r = restaking::Addrs::new(ids);
    let delegation = |vault: &Address, operator: &Address| {
        pdas::find_vault_operator_delegation(&program, vault, operator).0
    };
    match action {
        VaultActions::Initialize {
            token_mint,
            deposit_fee_bps,
            withdrawal_fee_bps,
            reward_fee_bps,
            decimals,
            initialize_token_amount,
            vrt_mint_address_file_path,
        } => {
            let signer = ctx.signer()?.pubkey();
            let base = Keypair::new();
            let vrt_mint = match vrt_mint_address_file_path {
                Some(path) => read_keypair(&path.to_string_lossy())?,
                None => Keypair::new(),
            };
            let token_program = restaking::mint_token_program(ctx, &token_mint)?;
            let vault = pdas::find_vault(&program, &base.pubkey()).0;
            let burn_vault = pdas::find_burn_vault(&program, &base.pubkey()).0;
            let mut ixs: Vec<Instruction> = token_accounts::for_initialize_vault(
                &signer,
                &signer,
                &vault,
                &token_mint,
                &token_program,
            )
            .into();
            ixs.push(
                InitializeVaultBuilder::new()
                    .config(*config)
                    .vault(vault)
                    .vrt_mint(vrt_mint.pubkey())
                    .st_mint(token_mint)
                    .admin_st_token_account(ata(&signer, &token_mint, &token_program))
                    .vault_st_token_account(ata(&vault, &token_mint, &token_program))
                    .burn_vault(burn_vault)
                    .burn_vault_vrt_token_account(ata(
                        &burn_vault,
                        &vrt_mint.pubkey(),
                        &token_program,
                    ))
                    .admin(signer)
                    .base(base.pubkey())
                    .token_program(token_program)
                    .deposit_fee_bps(deposit_fee_bps)
                    .withdrawal_fee_bps(withdrawal_fee_bps)
                    .reward_fee_bps(reward_fee_bps)
                    .decimals(decimals)
                    .initialize_token_amount(initialize_token_amount)
                    .try_instruction_with_program_ids(ids)?,
            );
            ctx.send(
                &format!(
                    "Vault initialized: {vault} (VRT mint {})",
                    vrt_mint.pubkey()
                ),
                &ixs,
                &[&base, &vrt_mint],
            )
        }
        VaultActions::CreateTokenMetadata {
            vault,
            name,
            symbol,
            uri,
        } => {
            let signer = ctx.signer()?.pubkey();
            let state = ctx.account::<Vault>(&vault)?;
            let ix = CreateTokenMetadataBuilder::new()
                .vault(vault)
                .admin(signer)
                .vrt_mint(state.vrt_mint)
                .payer(signer)
                .metadata(metadata_address(&state.vrt_mint))
                .name(name)
                .symbol(symbol)
                .uri(uri)
                .try_instruction_with_program_ids(ids)?;
            ctx.send("token metadata created", &[ix], &[])
        }
        VaultActions::UpdateTokenMetadata {
            vault,
            name,
            symbol,
            uri,
        } => {
            let state = ctx.account::<Vault>(&vault)?;
            let ix = UpdateTokenMetadataBuilder::new()
                .vault(vault)
                .admin(ctx.signer()?.pubkey())
                .vrt_mint(state.vrt_mint)
                .metadata(metadata_address(&state.vrt_mint))
                .name(name)
                .symbol(symbol)
                .uri(uri)
                .try_instruction_with_program_ids(ids)?;
            ctx.send("token metadata updated", &[ix], &[])
        }
        VaultActions::InitializeVaultUpdateStateTracker { vault } => {
            let (epoch, _) = ncn_epoch(ctx, &ctx.account::<Config>(config)?)?;
            let tracker = pdas::find_vault_update_state_tracker(&program, &vault, epoch).0;
            let ix = InitializeVaultUpdateStateTrackerBuilder::new()
                .config(*config)
                .vault(vault)
                .vault_update_state_tracker(tracker)
                .payer(ctx.signer()?.pubkey())
                .withdrawal_allocation_method(WithdrawalAllocationMethod::Greedy)
                .try_instruction_with_program_ids(ids)?;
            ctx.send(
                &format!("update tracker initialized: {tracker} (NCN epoch {epoch})"),
                &[ix],
                &[],
            )
        }
        VaultActions::CrankVaultUpdateStateTracker { vault, operator } => {
            let (epoch, _) = ncn_epoch(ctx, &ctx.account::<Config>(config)?)?;
            let tracker = pdas::find_vault_update_state_tracker(&program, &vault, epoch).0;
            let ix = CrankVaultUpdateStateTrackerBuilder::new()
                .config(*config)
                .vault(vault)
                .operator(operator)
                .vault_operator_delegation(delegation(&vault, &operator))
                .vault_update_state_tracker(tracker)
                .try_instruction_with_program_ids(ids)?;
            ctx.send("update tracker cranked", &[ix], &[])
        }
        VaultActions::CloseVaultUpdateStateTracker {
            vault,
            ncn_epoch: epoch,
        } => {
            let epoch = match epoch {
                Some(e) => e,
                None => ncn_epoch(ctx, &ctx.account::<Config>(config)?)?.0,
            };
            let tracker = pdas::find_vault_update_state_tracker(&program, &vault, epoch).0;
            let ix = CloseVaultUpdateStateTrackerBuilder::new()
                .config(*config)
                .vault(vault)
                .vault_update_state_tracker(tracker)
                .payer(ctx.signer()?.pubkey())
                .ncn_epoch(epoch)
                .try_instruction_with_program_ids(ids)?;
            ctx.send("update tracker closed", &[ix], &[])
        }
        VaultActions::MintVRT {
            vault,
            amount_in,
            min_amount_out,
        } => {
            let signer = ctx.signer()?.pubkey();
            let state = ctx.account::<Vault>(&vault)?;
            let token_program = restaking::mint_token_program(ctx, &state.supported_mint)?;
            let (st, vrt) = (state.supported_mint, state.vrt_mint);
            let mut ixs: Vec<Instruction> =
                token_accounts::for_mint_to(&signer, &signer, &vault, &state, &token_program)
                    .into();
            ixs.push(
                MintToBuilder::new()
                    .config(*config)
                    .vault(vault)
                    .vrt_mint(vrt)
                    .depositor(signer)
                    .depositor_token_account(ata(&signer, &st, &token_program))
                    .vault_token_account(ata(&vault, &st, &token_program))
                    .depositor_vrt_token_account(ata(&signer, &vrt, &token_program))
                    .vault_fee_token_account(ata(&state.fee_wallet, &vrt, &token_program))
                    .token_program(token_program)
                    .amount_in(amount_in)
                    .min_amount_out(min_amount_out)
                    .try_instruction_with_program_ids(ids)?,
            );
            ctx.send("VRT minted", &ixs, &[])
        }
        VaultActions::InitializeOperatorDelegation { vault, operator } => {
            let signer = ctx.signer()?.pubkey();
            let ix = InitializeVaultOperatorDelegationBuilder::new()
                .config(*config)
                .vault(vault)
                .operator(operator)
                .operator_vault_ticket(r.operator_vault_ticket(&operator, &vault))
                .vault_operator_delegation(delegation(&vault, &operator))
                .admin(signer)
                .payer(signer)
                .try_instruction_with_program_ids(ids)?;
            ctx.send(
                &format!(
                    "VaultOperatorDelegation initialized: {}",
                    delegation(&vault, &operator)
                ),
                &[ix],
                &[],
            )
        }
        VaultActions::DelegateToOperator {
            vault,
            operator,
            amount,
        } => {
            let ix = AddDelegationBuilder::new()
                .config(*config)
                .vault(vault)
                .operator(operator)
                .vault_operator_delegation(delegation(&vault, &operator))
                .admin(ctx.signer()?.pubkey())
                .amount(amount)
                .try_instruction_with_program_ids(ids)?;
            ctx.send("delegation added", &[ix], &[])
        }
        VaultActions::CooldownOperatorDelegation {
            vault,
            operator,
            amount,
        } => {
            let ix = CooldownDelegationBuilder::new()
                .config(*config)
                .vault(vault)
                .operator(operator)
                .vault_operator_delegation(delegation(&vault, &operator))
                .admin(ctx.signer()?.pubkey())
                .amount(amount)
                .try_instruction_with_program_ids(ids)?;
            ctx.send("delegation cooling down", &[ix], &[])
        }
        VaultActions::InitializeVaultNcnTicket { vault, ncn } => {
            let signer = ctx.signer()?.pubkey();
            let ticket = pdas::find_vault_ncn_ticket(&program, &vault, &ncn).0;
            let ix = InitializeVaultNcnTicketBuilder::new()
                .config(*config)
                .vault(vault)
                .ncn(ncn)
                .ncn_vault_ticket(r.ncn_vault_ticket(&ncn, &vault))
                .vault_ncn_ticket(ticket)
                .admin(signer)
                .payer(signer)
                .try_instruction_with_program_ids(ids)?;
            ctx.send(&format!("VaultNcnTicket initialized: {ticket}"), &[ix], &[])
        }
        VaultActions::WarmupVaultNcnTicket { vault, ncn } => {
            let ix = WarmupVaultNcnTicketBuilder::new()
                .config(*config)
                .vault(vault)
                .ncn(ncn)
                .vault_ncn_ticket(pdas::find_vault_ncn_ticket(&program, &vault, &ncn).0)
                .admin(ctx.signer()?.pubkey())
                .try_instruction_with_program_ids(ids)?;
            ctx.send("VaultNcnTicket warmed up", &[ix], &[])
        }
        VaultActions::CooldownVaultNcnTicket { vault, ncn } => {
            let ix = CooldownVaultNcnTicketBuilder::new()
                .config(*config)
                .vault(vault)
                .ncn(ncn)
                .vault_ncn_ticket(pdas::find_vault_ncn_ticket(&program, &vault, &ncn).0)
                .admin(ctx.signer()?.pubkey())
                .try_instruction_with_program_ids(ids)?;
            ctx.send("VaultNcnTicket cooled down", &[ix], &[])
        }
        VaultActions::EnqueueWithdrawal { vault, amount } => {
            let signer = ctx.signer()?.pubkey();
            let state = ctx.account::<Vault>(&vault)?;
            let token_program = restaking::mint_token_program(ctx, &state.vrt_mint)?;
            let ticket = pdas::find_vault_staker_withdrawal_ticket(&program, &vault, &signer).0;
            let mut ixs: Vec<Instruction> = token_accounts::for_enqueue_withdrawal(
                &signer,
                &signer,
                &ticket,
                &state,
                &token_program,
            )
            .into();
            ixs.push(
                EnqueueWithdrawalBuilder::new()
                    .config(*config)
                    .vault(vault)
                    .vault_staker_withdrawal_ticket(ticket)
                    .vault_staker_withdrawal_ticket_token_account(ata(
                        &ticket,
                        &state.vrt_mint,
                        &token_program,
                    ))
                    .staker(signer)
                    .staker_vrt_token_account(ata(&signer, &state.vrt_mint, &token_program))
                    .base(signer)
                    .token_program(token_program)
                    .amount(amount)
                    .try_instruction_with_program_ids(ids)?,
            );
            ctx.send(&format!("withdrawal enqueued: ticket {ticket}"), &ixs, &[])
        }
        VaultActions::ChangeWithdrawalTicketOwner {
            vault,
            old_ticket_owner_keypair,
            new_ticket_owner,
        } => {
            let old = read_keypair(&old_ticket_owner_keypair)?;
            let ticket =
                pdas::find_vault_staker_withdrawal_ticket(&program, &vault, &old.pubkey()).0;
            let ix = ChangeWithdrawalTicketOwnerBuilder::new()
                .config(*config)
                .vault(vault)
                .vault_staker_withdrawal_ticket(ticket)
                .old_owner(old.pubkey())
                .new_owner(new_ticket_owner)
                .try_instruction_with_program_ids(ids)?;
            ctx.send("withdrawal ticket owner changed", &[ix], &[&old])
        }
        VaultActions::BurnWithdrawalTicket { vault } => {
            let signer = ctx.signer()?.pubkey();
            let state = ctx.account::<Vault>(&vault)?;
            let config_state = ctx.account::<Config>(config)?;
            let token_program = restaking::mint_token_program(ctx, &state.supported_mint)?;
            let ticket = pdas::find_vault_staker_withdrawal_ticket(&program, &vault, &signer).0;
            let (st, vrt) = (state.supported_mint, state.vrt_mint);
            let mut ixs: Vec<Instruction> = token_accounts::for_burn_withdrawal_ticket(
                &signer,
                &signer,
                &vault,
                &state,
                &config_state,
                &token_program,
            )
            .into();
            ixs.push(
                BurnWithdrawalTicketBuilder::new()
                    .config(*config)
                    .vault(vault)
                    .vault_token_account(ata(&vault, &st, &token_program))
                    .vrt_mint(vrt)
                    .staker(signer)
                    .staker_token_account(ata(&signer, &st, &token_program))
                    .vault_staker_withdrawal_ticket(ticket)
                    .vault_staker_withdrawal_ticket_token_account(ata(
                        &ticket,
                        &vrt,
                        &token_program,
                    ))
                    .vault_fee_token_account(ata(&state.fee_wallet, &vrt, &token_program))
                    .program_fee_token_account(ata(
                        &config_state.program_fee_wallet,
                        &vrt,
                        &token_program,
                    ))
                    .token_program(token_program)
                    .try_instruction_with_program_ids(ids)?,
            );
            ctx.send("withdrawal ticket burned", &ixs, &[])
        }
        VaultActions::GetVaultUpdateStateTracker { vault } => {
            let (epoch, _) = ncn_epoch(ctx, &ctx.account::<Config>(config)?)?;
            let tracker = pdas::find_vault_update_state_tracker(&program, &vault, epoch).0;
            ctx.get_and_print("VaultUpdateStateTracker", &tracker)
        }
        VaultActions::GetOperatorDelegations { vault } => {
            ctx.print_list("VaultOperatorDelegation", &delegations(ctx, &vault)?)
        }
        VaultActions::GetOperatorDelegation { vault, operator } => {
            ctx.get_and_print("VaultOperatorDelegation", &delegation(&vault, &operator))
        }
        VaultActions::GetWithdrawalTicket { vault, staker } => {
            let staker = match staker {
                Some(s) => s,
                None => ctx.signer()?.pubkey(),
            };
            let ticket = pdas::find_vault_staker_withdrawal_ticket(&program, &vault, &staker).0;
            ctx.get_and_print("VaultStakerWithdrawalTicket", &ticket)
        }
        VaultActions::Get { pubkey } => ctx.get_and_print("Vault", &pubkey),
        VaultActions::List => ctx.print_list("Vault", &ctx.list::<Vault>(&program, None)?),
        VaultActions::SetAdmin {
            vault,
            old_admin_keypair,
            new_admin_keypair,
        } => {
            let old = read_keypair(&old_admin_keypair)?;
            let new = read_keypair(&new_admin_keypair)?;
            let ix = SetAdminBuilder::new()
                .config(*config)
                .vault(vault)
                .old_admin(old.pubkey())
                .new_admin(new.pubkey())
                .try_instruction_with_program_ids(ids)?;
            ctx.send("vault admin set", &[ix], &[&old, &new])
        }
        VaultActions::SetCapacity { vault, amount } => {
            let ix = SetDepositCapacityBuilder::new()
                .config(*config)
                .vault(vault)
                .admin(ctx.signer()?.pubkey())
                .amount(amount)
                .try_instruction_with_program_ids(ids)?;
            ctx.send("deposit capacity set", &[ix], &[])
        }
        VaultActions::SetFees {
            vault,
            deposit_fee_bps,
            withdrawal_fee_bps,
            reward_fee_bps,
        } => {
            if deposit_fee_bps.is_none() && withdrawal_fee_bps.is_none() && reward_fee_bps.is_none()
            {
                bail!("give at least one of --deposit-fee-bps, --withdrawal-fee-bps, --reward-fee-bps");
            }
            let state = ctx.account::<Vault>(&vault)?;
            let ix = SetFeesBuilder::new()
                .config(*config)
                .vault(vault)
                .admin(ctx.signer()?.pubkey())
                .deposit_fee_bps(deposit_fee_bps.unwrap_or(state.deposit_fee_bps))
                .withdrawal_fee_bps(withdrawal_fee_bps.unwrap_or(state.withdrawal_fee_bps))
                .reward_fee_bps(reward_fee_bps.unwrap_or(state.reward_fee_bps))
                .try_instruction_with_program_ids(ids)?;
            ctx.send("vault fees set", &[ix], &[])
        }
        VaultActions::SetIsPaused { vault, set_pause } => {
            let ix = SetIsPausedBuilder::new()
                .config(*config)
                .vault(vault)
                .admin(ctx.signer()?.pubkey())
                .is_paused(set_pause)
                .try_instruction_with_program_ids(ids)?;
            ctx.send(
                if set_pause {
                    "vault paused"
                } else {
                    "vault unpaused"
                },
                &[ix],
                &[],
            )
        }
        VaultActions::SetSecondaryAdmin {
            vault,
            new_admin,
            set_delegation_admin,
            set_operator_admin,
            set_ncn_admin,
            set_slasher_admin,
            set_capacity_admin,
            set_fee_wallet,
            set_mint_burn_admin,
            set_delegate_asset_admin,
            set_fee_admin,
            set_metadata_admin,
        } => {
            let roles = one_role(
                &[
                    (set_delegation_admin, VaultAdminRole::DelegationAdmin),
                    (set_operator_admin, VaultAdminRole::OperatorAdmin),
                    (set_ncn_admin, VaultAdminRole::NcnAdmin),
                    (set_slasher_admin, VaultAdminRole::SlasherAdmin),
                    (set_capacity_admin, VaultAdminRole::CapacityAdmin),
                    (set_fee_wallet, VaultAdminRole::FeeWallet),
                    (set_mint_burn_admin, VaultAdminRole::MintBurnAdmin),
                    (set_delegate_asset_admin, VaultAdminRole::DelegateAssetAdmin),
                    (set_fee_admin, VaultAdminRole::FeeAdmin),
                    (set_metadata_admin, VaultAdminRole::MetadataAdmin),
                ],
                "vault role",
            )?;
            let signer = ctx.signer()?.pubkey();
            let ixs = roles
                .into_iter()
                .map(|role| {
                    SetSecondaryAdminBuilder::new()
                        .config(*config)
                        .vault(vault)
                        .admin(signer)
                        .new_admin(new_admin)
                        .vault_admin_role(role)
                        .try_instruction_with_program_ids(ids)
                })
                .collect::<Result<Vec<_>, _>>()?;
            ctx.send("vault secondary admin set", &ixs, &[])
        }
        VaultActions::UpdateVaultBalance { vault } => {
            let state = ctx.account::<Vault>(&vault)?;
            let token_program = restaking::mint_token_program(ctx, &state.supported_mint)?;
            let ix = UpdateVaultBalanceBuilder::new()
                .config(*config)
                .vault(vault)
                .vault_token_account(ata(&vault, &state.supported_mint, &token_program))
                .vrt_mint(state.vrt_mint)
                .vault_fee_token_account(ata(&state.fee_wallet, &state.vrt_mint, &token_program))
                .token_program(token_program)
                .try_instruction_with_program_ids(ids)?;
            ctx.send("vault balance updated", &[ix], &[])
        }
        VaultActions::DelegateTokenAccount {
            vault,
            delegate,
            token_mint,
            token_account,
        } => {
            let token_program = restaking::mint_token_program(ctx, &token_mint)?;
            let ix = DelegateTokenAccountBuilder::new()
                .config(*config)
                .vault(vault)
                .delegate_asset_admin(ctx.signer()?.pubkey())
                .token_mint(token_mint)
                .token_account(token_account)
                .delegate(delegate)
                .token_program(token_program)
                .try_instruction_with_program_ids(ids)?;
            ctx.send("vault token account delegated", &[ix], &[])
        }
        VaultActions::DelegatedTokenTransfer {
            token_account,
            recipient_pubkey,
            amount,
        } => {
            // SPL Token / Token-2022 `Transfer` (tag 3) by the delegate: not a Jito instruction,
            // so there is no generated builder for it.
            let token_program = match ctx.raw_account(&token_account) {
                Ok(Some(account)) => account.owner,
                Ok(None) => bail!("the token account {token_account} does not exist"),
                Err(_) if ctx.print_tx => token_accounts::TOKEN_PROGRAM_ID,
                Err(e) => return Err(e),
            };
            let mut data = vec![3u8];
            data.extend_from_slice(&amount.to_le_bytes());
            let ix = Instruction {
                program_id: token_program,
                accounts: vec![
                    jito_vault_client::AccountMeta::new(token_account, false),
                    jito_vault_client::AccountMeta::new(recipient_pubkey, false),
                    jito_vault_client::AccountMeta::new_readonly(ctx.signer()?.pubkey(), true),
                ],
                data,
            };
            ctx.send("delegated tokens transferred", &[ix], &[])
        }
        VaultActions::Update { vault, all } => {
            let vaults = if all {
                ctx.list::<Vault>(&program, None)?
                    .into_iter()
                    .map(|(address, _, _)| address)
                    .collect()
            } else {
                vec![vault.ok_or_else(|| anyhow!("give a vault or --all"))?]
            };
            let mut numbering = NumberingCache::new();
            for vault in vaults {
                update(ctx, config, &vault, &mut numbering)?;
            }
            Ok(())
        }
        VaultActions::Status { vault } => status::vault(ctx, &vault),
    }
}

/// The Metaplex metadata PDA of `mint`.
fn metadata_address(mint: &Address) -> Address {
    Address::find_program_address(
        &[b"metadata", METADATA_PROGRAM_ID.as_ref(), mint.as_ref()],
        &METADATA_PROGRAM_ID,
    )
    .0
}

/// Asks the vault program which numbering it speaks (GetNumbering, simulated): the planner's
/// instructions use the master numbering, and a legacy build must not receive them.
fn check_numbering(ctx: &Ctx, numbering: &mut NumberingCache) -> Result<()> {
    let payer = ctx.signer()?.pubkey();
    let confirmed =
        numbering.check::<anyhow::Error>(&ctx.ids.vault, VaultNumbering::Master, |ix| {
            let message = solana_transaction::Message::new(std::slice::from_ref(ix), Some(&payer));
            let tx = solana_transaction::Transaction::new_unsigned(message);
            let result = ctx
                .rpc
                .simulate_transaction_with_config(
                    &tx,
                    solana_rpc_client::api::config::RpcSimulateTransactionConfig {
                        sig_verify: false,
                        replace_recent_blockhash: true,
                        ..Default::default()
                    },
                )
                .map_err(|e| ctx.rpc_error("simulateTransaction", e))?
                .value;
            if result.err.is_some() {
                return Ok(None);
            }
            Ok(result.return_data.and_then(|rd| {
                let program: Address = rd.program_id.parse().ok()?;
                let bytes =
                    base64::Engine::decode(&base64::engine::general_purpose::STANDARD, rd.data.0)
                        .ok()?;
                Some((program, bytes))
            }))
        })?;
    if !confirmed && ctx.verbose {
        eprintln!("note: the vault program did not answer GetNumbering (an original build); using the master numbering");
    }
    Ok(())
}

/// `vault update`: the whole epoch update of one vault, planned by the client's planner,
/// resuming an update another run left half done.
fn update(
    ctx: &Ctx,
    config: &Address,
    vault: &Address,
    numbering: &mut NumberingCache,
) -> Result<()> {
    let payer = ctx.signer()?.pubkey();
    let config_state = ctx.account::<Config>(config)?;
    let state = ctx.account::<Vault>(vault)?;
    let (epoch, _) = ncn_epoch(ctx, &config_state)?;
    if state.last_full_state_update_slot / config_state.epoch_length == epoch {
        println!("vault {vault}: already updated in NCN epoch {epoch}");
        return Ok(());
    }
    check_numbering(ctx, numbering)?;
    let tracker_address = planner::tracker_address(&ctx.ids.vault, vault, epoch);
    let tracker = match ctx.maybe_account::<VaultUpdateStateTracker>(&tracker_address)? {
        None => TrackerStatus::Absent,
        Some(t) => TrackerStatus::Open {
            last_updated_index: t.last_updated_index,
        },
    };
    let list = delegations(ctx, vault)?;
    let by_index: Vec<Address> = list.iter().map(|(a, _, _)| *a).collect();
    if list
        .iter()
        .enumerate()
        .any(|(i, (_, _, d))| d.index != i as u64)
    {
        bail!(
            "vault {vault}: its operator delegations are not indexed 0..{}",
            list.len()
        );
    }
    let plan = planner::plan_vault_update(&VaultUpdateInput {
        vault_program_id: ctx.ids.vault,
        config: *config,
        vault: *vault,
        payer,
        ncn_epoch: epoch,
        operator_count: state.operator_count,
        tracker,
        delegations: &by_index,
        lookup_table: None,
        compute_unit_price: None,
    })
    .map_err(|e| anyhow!("vault {vault}: cannot plan the update: {e}"))?;
    if let TrackerStatus::Open { last_updated_index } = tracker {
        println!(
            "vault {vault}: resuming the NCN epoch {epoch} update (last cranked index {})",
            if last_updated_index == u64::MAX {
                "none".to_string()
            } else {
                last_updated_index.to_string()
            }
        );
    }
    let n = plan.len();
    for (i, tx) in plan.iter().enumerate() {
        let mut parts = Vec::new();
        if i == 0 && tracker == TrackerStatus::Absent {
            parts.push("initialize tracker".to_string());
        }
        if !tx.operators.is_empty() {
            parts.push(format!("crank operators {:?}", tx.operators));
        }
        if i + 1 == n {
            parts.push("close tracker".to_string());
        }
        ctx.send(
            &format!(
                "vault {vault}: update transaction {}/{n} ({})",
                i + 1,
                parts.join(", ")
            ),
            &tx.instructions,
            &[],
        )?;
    }
    Ok(())
}

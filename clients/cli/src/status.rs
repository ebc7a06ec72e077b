//! `restaking ncn status` and `vault vault status`: human summaries (added; the original CLI has
//! none). Opt-in states are computed like the programs do (`SlotToggle::state`: a change settles
//! once the epoch after the one it was made in has passed).
use anyhow::Result;
use jito_restaking_client::accounts::{Ncn, NcnOperatorState, NcnVaultTicket};
use jito_vault_client::{
    accounts::{Config, Vault, VaultNcnTicket, VaultStakerWithdrawalTicket},
    Address,
};

use crate::{
    ctx::Ctx,
    restaking::FIRST_KEY,
    vault::{config_address, delegations, ncn_epoch},
};

/// The state of a slot toggle at `slot`, with the epoch it settles in.
pub fn toggle(added: u64, removed: u64, slot: u64, epoch_length: u64) -> String {
    let epoch = slot / epoch_length;
    if added == removed {
        return "inactive".into();
    }
    let (changed, settled, moving) = if added < removed {
        (removed, "inactive", "cooling down")
    } else {
        (added, "active", "warming up")
    };
    let settles = changed / epoch_length + 2;
    if epoch >= settles {
        format!("{settled} (since epoch {settles})")
    } else {
        format!(
            "{moving} (since epoch {}, {settled} from epoch {settles})",
            changed / epoch_length
        )
    }
}

pub fn ncn(ctx: &Ctx, ncn: &Address) -> Result<()> {
    let state = ctx.account::<Ncn>(ncn)?;
    // Restaking tickets move by the restaking config's epoch length.
    let config = ctx.account::<jito_restaking_client::accounts::Config>(
        &crate::restaking::Addrs::new(&ctx.ids).config,
    )?;
    let len = config.epoch_length.max(1);
    let slot = ctx
        .rpc
        .get_slot()
        .map_err(|e| ctx.rpc_error("getSlot", e))?;
    let epoch = slot / len;
    println!("NCN {ncn}");
    println!("  admin: {}", state.admin);
    println!("  slot {slot}, NCN epoch {epoch} (epoch length {len} slots)");
    let program = ctx.ids.restaking;
    let operators = ctx.list::<NcnOperatorState>(&program, Some((FIRST_KEY, ncn)))?;
    println!("  operators: {}", operators.len());
    for (_, _, s) in &operators {
        println!("    {} (index {})", s.operator, s.index);
        println!(
            "      NCN side:      {}",
            toggle(
                s.ncn_opt_in_state.slot_added,
                s.ncn_opt_in_state.slot_removed,
                slot,
                len
            )
        );
        println!(
            "      operator side: {}",
            toggle(
                s.operator_opt_in_state.slot_added,
                s.operator_opt_in_state.slot_removed,
                slot,
                len
            )
        );
    }
    let vaults = ctx.list::<NcnVaultTicket>(&program, Some((FIRST_KEY, ncn)))?;
    println!("  vaults: {}", vaults.len());
    for (_, _, t) in &vaults {
        println!(
            "    {} (index {}): {}",
            t.vault,
            t.index,
            toggle(t.state.slot_added, t.state.slot_removed, slot, len)
        );
    }
    Ok(())
}

pub fn vault(ctx: &Ctx, vault: &Address) -> Result<()> {
    let state = ctx.account::<Vault>(vault)?;
    let config = ctx.account::<Config>(&config_address(ctx))?;
    let (epoch, slot) = ncn_epoch(ctx, &config)?;
    let len = config.epoch_length;
    println!("Vault {vault}");
    println!(
        "  supported mint: {}   VRT mint: {}",
        state.supported_mint, state.vrt_mint
    );
    println!(
        "  tokens deposited: {}   VRT supply: {}   capacity: {}",
        state.tokens_deposited, state.vrt_supply, state.deposit_capacity
    );
    println!(
        "  fees (bps): deposit {}, withdrawal {}, reward {}, program {}{}",
        state.deposit_fee_bps,
        state.withdrawal_fee_bps,
        state.reward_fee_bps,
        state.program_fee_bps,
        if state.is_paused { "   PAUSED" } else { "" }
    );
    println!(
        "  VRT enqueued for cool-down: {}, cooling down: {}, ready to claim: {}",
        state.vrt_enqueued_for_cooldown_amount,
        state.vrt_cooling_down_amount,
        state.vrt_ready_to_claim_amount
    );
    let last = state.last_full_state_update_slot / len;
    println!(
        "  slot {slot}, NCN epoch {epoch}; last full update in epoch {last}: {}",
        if last == epoch {
            "up to date"
        } else {
            "UPDATE NEEDED (jito-restaking-cli vault vault update <VAULT>)"
        }
    );
    let program = ctx.ids.vault;
    let ncns = ctx.list::<VaultNcnTicket>(&program, Some((FIRST_KEY, vault)))?;
    println!("  NCNs: {}", ncns.len());
    for (_, _, t) in &ncns {
        println!(
            "    {} (index {}): {}",
            t.ncn,
            t.index,
            toggle(t.state.slot_added, t.state.slot_removed, slot, len)
        );
    }
    let list = delegations(ctx, vault)?;
    println!("  operator delegations: {}", list.len());
    for (_, _, d) in &list {
        let s = &d.delegation_state;
        println!(
            "    {} (index {}): staked {}, enqueued for cool-down {}, cooling down {}",
            d.operator,
            d.index,
            s.staked_amount,
            s.enqueued_for_cooldown_amount,
            s.cooling_down_amount
        );
    }
    let tickets = ctx.list::<VaultStakerWithdrawalTicket>(&program, Some((FIRST_KEY, vault)))?;
    println!("  withdrawal tickets: {}", tickets.len());
    for (address, _, t) in &tickets {
        let ready = t.slot_unstaked / len + 2;
        println!(
            "    {address}: staker {}, {} VRT, {}",
            t.staker,
            t.vrt_amount,
            if epoch >= ready {
                "ready to burn".to_string()
            } else {
                format!("matures in epoch {ready}")
            }
        );
    }
    Ok(())
}

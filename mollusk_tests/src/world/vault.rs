//! Instructions of the vault program, built by the generated client (`jito-vault-client`) in
//! the original sdk's account order and flags, plus the account-meta shorthands. Builders that
//! take a role's key set live with it (e.g. `scenarios::vault_roles::mint_to`); every builder
//! over plain addresses is here, once: add a vault instruction builder here.

use jito_vault_client::{
    instructions::*,
    types::{ConfigAdminRole, VaultAdminRole, WithdrawalAllocationMethod},
};

use crate::{
    codes::vault_tag as tag, instruction, AccountMeta, Instruction, Pubkey, TOKEN_PROGRAM_ID,
};

/// A placeholder address for builders whose data alone is wanted.
pub const ANY: Pubkey = Pubkey::new_from_array([0; 32]);

/// Makes account `i` writable where the sdk passes it writable although the
/// original's Shank annotation (so the IDL and the client) has it read-only.
pub fn sdk_writable(mut ix: Instruction, i: usize) -> Instruction {
    assert!(
        !ix.accounts[i].is_writable,
        "the client already has it writable"
    );
    ix.accounts[i].is_writable = true;
    ix
}

pub fn initialize_config(
    config: &Pubkey,
    admin: &Pubkey,
    restaking_program: &Pubkey,
    program_fee_wallet: &Pubkey,
    program_fee_bps: u16,
) -> Instruction {
    InitializeConfigBuilder::new()
        .config(*config)
        .admin(*admin)
        .restaking_program(*restaking_program)
        .program_fee_wallet(*program_fee_wallet)
        .program_fee_bps(program_fee_bps)
        .instruction()
}

/// Data of InitializeVault (the client's encoding).
pub fn initialize_vault_data(
    deposit_fee_bps: u16,
    withdrawal_fee_bps: u16,
    reward_fee_bps: u16,
    decimals: u8,
    initialize_token_amount: u64,
) -> Vec<u8> {
    InitializeVaultBuilder::new()
        .config(ANY)
        .vault(ANY)
        .vrt_mint(ANY)
        .st_mint(ANY)
        .admin_st_token_account(ANY)
        .vault_st_token_account(ANY)
        .burn_vault(ANY)
        .burn_vault_vrt_token_account(ANY)
        .admin(ANY)
        .base(ANY)
        .deposit_fee_bps(deposit_fee_bps)
        .withdrawal_fee_bps(withdrawal_fee_bps)
        .reward_fee_bps(reward_fee_bps)
        .decimals(decimals)
        .initialize_token_amount(initialize_token_amount)
        .instruction()
        .data
}

pub fn initialize_vault_with_mint() -> Instruction {
    InitializeVaultWithMintBuilder::new().instruction()
}

#[allow(clippy::too_many_arguments)]
pub fn initialize_vault_operator_delegation(
    config: &Pubkey,
    vault: &Pubkey,
    operator: &Pubkey,
    operator_vault_ticket: &Pubkey,
    delegation: &Pubkey,
    admin: &Pubkey,
    payer: &Pubkey,
) -> Instruction {
    InitializeVaultOperatorDelegationBuilder::new()
        .config(*config)
        .vault(*vault)
        .operator(*operator)
        .operator_vault_ticket(*operator_vault_ticket)
        .vault_operator_delegation(*delegation)
        .admin(*admin)
        .payer(*payer)
        .instruction()
}

#[allow(clippy::too_many_arguments)]
pub fn initialize_vault_ncn_ticket(
    config: &Pubkey,
    vault: &Pubkey,
    ncn: &Pubkey,
    ncn_vault_ticket: &Pubkey,
    vault_ncn_ticket: &Pubkey,
    admin: &Pubkey,
    payer: &Pubkey,
) -> Instruction {
    InitializeVaultNcnTicketBuilder::new()
        .config(*config)
        .vault(*vault)
        .ncn(*ncn)
        .ncn_vault_ticket(*ncn_vault_ticket)
        .vault_ncn_ticket(*vault_ncn_ticket)
        .admin(*admin)
        .payer(*payer)
        .instruction()
}

#[allow(clippy::too_many_arguments)]
pub fn initialize_vault_ncn_slasher_operator_ticket(
    config: &Pubkey,
    vault: &Pubkey,
    ncn: &Pubkey,
    slasher: &Pubkey,
    operator: &Pubkey,
    vault_ncn_slasher_ticket: &Pubkey,
    ticket: &Pubkey,
    payer: &Pubkey,
) -> Instruction {
    InitializeVaultNcnSlasherOperatorTicketBuilder::new()
        .config(*config)
        .vault(*vault)
        .ncn(*ncn)
        .slasher(*slasher)
        .operator(*operator)
        .vault_ncn_slasher_ticket(*vault_ncn_slasher_ticket)
        .vault_ncn_slasher_operator_ticket(*ticket)
        .payer(*payer)
        .instruction()
}

/// The vault is writable (its slasher count changes), as the sdk passes it and
/// the interface's IDL annotates.
#[allow(clippy::too_many_arguments)]
pub fn initialize_vault_ncn_slasher_ticket(
    config: &Pubkey,
    vault: &Pubkey,
    ncn: &Pubkey,
    slasher: &Pubkey,
    ncn_slasher_ticket: &Pubkey,
    ticket: &Pubkey,
    admin: &Pubkey,
    payer: &Pubkey,
) -> Instruction {
    InitializeVaultNcnSlasherTicketBuilder::new()
        .config(*config)
        .vault(*vault)
        .ncn(*ncn)
        .slasher(*slasher)
        .ncn_slasher_ticket(*ncn_slasher_ticket)
        .vault_slasher_ticket(*ticket)
        .admin(*admin)
        .payer(*payer)
        .instruction()
}

/// Warmup (tag 7) / Cooldown (tag 8) of a VaultNcnTicket.
pub fn vault_ncn_ticket_toggle(
    t: u8,
    config: &Pubkey,
    vault: &Pubkey,
    ncn: &Pubkey,
    ticket: &Pubkey,
    admin: &Pubkey,
) -> Instruction {
    let ix = match t {
        tag::WARMUP_VAULT_NCN_TICKET => WarmupVaultNcnTicketBuilder::new()
            .config(*config)
            .vault(*vault)
            .ncn(*ncn)
            .vault_ncn_ticket(*ticket)
            .admin(*admin)
            .instruction(),
        tag::COOLDOWN_VAULT_NCN_TICKET => CooldownVaultNcnTicketBuilder::new()
            .config(*config)
            .vault(*vault)
            .ncn(*ncn)
            .vault_ncn_ticket(*ticket)
            .admin(*admin)
            .instruction(),
        other => panic!("tag {other} does not toggle a VaultNcnTicket"),
    };
    assert_eq!(ix.data[0], t, "client tag");
    ix
}

/// Warmup (tag 9) / Cooldown (tag 10) of a VaultNcnSlasherTicket.
pub fn vault_ncn_slasher_ticket_toggle(
    t: u8,
    config: &Pubkey,
    vault: &Pubkey,
    ncn: &Pubkey,
    slasher: &Pubkey,
    ticket: &Pubkey,
    admin: &Pubkey,
) -> Instruction {
    let ix = match t {
        tag::WARMUP_VAULT_NCN_SLASHER_TICKET => WarmupVaultNcnSlasherTicketBuilder::new()
            .config(*config)
            .vault(*vault)
            .ncn(*ncn)
            .slasher(*slasher)
            .vault_slasher_ticket(*ticket)
            .admin(*admin)
            .instruction(),
        tag::COOLDOWN_VAULT_NCN_SLASHER_TICKET => CooldownVaultNcnSlasherTicketBuilder::new()
            .config(*config)
            .vault(*vault)
            .ncn(*ncn)
            .slasher(*slasher)
            .vault_ncn_slasher_ticket(*ticket)
            .admin(*admin)
            .instruction(),
        other => panic!("tag {other} does not toggle a VaultNcnSlasherTicket"),
    };
    assert_eq!(ix.data[0], t, "client tag");
    ix
}

/// The vault is writable, as the sdk passes it.
pub fn change_withdrawal_ticket_owner(
    config: &Pubkey,
    vault: &Pubkey,
    ticket: &Pubkey,
    old_owner: &Pubkey,
    new_owner: &Pubkey,
) -> Instruction {
    let ix = ChangeWithdrawalTicketOwnerBuilder::new()
        .config(*config)
        .vault(*vault)
        .vault_staker_withdrawal_ticket(*ticket)
        .old_owner(*old_owner)
        .new_owner(*new_owner)
        .instruction();
    sdk_writable(ix, 1)
}

pub fn set_deposit_capacity(
    config: &Pubkey,
    vault: &Pubkey,
    admin: &Pubkey,
    amount: u64,
) -> Instruction {
    SetDepositCapacityBuilder::new()
        .config(*config)
        .vault(*vault)
        .admin(*admin)
        .amount(amount)
        .instruction()
}

/// Borsh `Option<u16>` as the client serialises SetFees' first argument,
/// appended to `out`.
pub fn option_u16(out: &mut Vec<u8>, x: Option<u16>) {
    let data = set_fees(&ANY, &ANY, &ANY, x, None, None).data;
    // The tag, this option, then the two `None` bytes of the other fees.
    out.extend_from_slice(&data[1..data.len() - 2]);
}

pub fn set_fees(
    config: &Pubkey,
    vault: &Pubkey,
    admin: &Pubkey,
    deposit: Option<u16>,
    withdrawal: Option<u16>,
    reward: Option<u16>,
) -> Instruction {
    // The builder's fee setters take only present values; the accounts struct
    // takes the three options as they are.
    SetFees {
        config: *config,
        vault: *vault,
        admin: *admin,
    }
    .instruction(SetFeesInstructionArgs {
        deposit_fee_bps: deposit,
        withdrawal_fee_bps: withdrawal,
        reward_fee_bps: reward,
    })
}

pub fn set_program_fee(config: &Pubkey, admin: &Pubkey, bps: u16) -> Instruction {
    SetProgramFeeBuilder::new()
        .config(*config)
        .admin(*admin)
        .new_fee_bps(bps)
        .instruction()
}

pub fn set_program_fee_wallet(
    config: &Pubkey,
    fee_admin: &Pubkey,
    new_wallet: &Pubkey,
) -> Instruction {
    SetProgramFeeWalletBuilder::new()
        .config(*config)
        .program_fee_admin(*fee_admin)
        .new_fee_wallet(*new_wallet)
        .instruction()
}

pub fn set_is_paused(config: &Pubkey, vault: &Pubkey, admin: &Pubkey, paused: bool) -> Instruction {
    SetIsPausedBuilder::new()
        .config(*config)
        .vault(*vault)
        .admin(*admin)
        .is_paused(paused)
        .instruction()
}

#[allow(clippy::too_many_arguments)]
pub fn delegate_token_account(
    config: &Pubkey,
    vault: &Pubkey,
    admin: &Pubkey,
    mint: &Pubkey,
    token_account: &Pubkey,
    delegate: &Pubkey,
    token_program: &Pubkey,
) -> Instruction {
    DelegateTokenAccountBuilder::new()
        .config(*config)
        .vault(*vault)
        .delegate_asset_admin(*admin)
        .token_mint(*mint)
        .token_account(*token_account)
        .delegate(*delegate)
        .token_program(*token_program)
        .instruction()
}

pub fn revoke_delegate_token_account(
    config: &Pubkey,
    vault: &Pubkey,
    admin: &Pubkey,
    mint: &Pubkey,
    token_account: &Pubkey,
    token_program: &Pubkey,
) -> Instruction {
    RevokeDelegateTokenAccountBuilder::new()
        .config(*config)
        .vault(*vault)
        .delegate_asset_admin(*admin)
        .token_mint(*mint)
        .token_account(*token_account)
        .token_program(*token_program)
        .instruction()
}

pub fn set_admin(
    config: &Pubkey,
    vault: &Pubkey,
    old_admin: &Pubkey,
    new_admin: &Pubkey,
) -> Instruction {
    SetAdminBuilder::new()
        .config(*config)
        .vault(*vault)
        .old_admin(*old_admin)
        .new_admin(*new_admin)
        .instruction()
}

/// `role`: the `VaultAdminRole` tag (0 DelegationAdmin … 9 MetadataAdmin); a
/// value past the last role is written over the client's role byte (mutation).
pub fn set_secondary_admin(
    config: &Pubkey,
    vault: &Pubkey,
    admin: &Pubkey,
    new_admin: &Pubkey,
    role: u8,
) -> Instruction {
    let client_role = crate::codes::vault_admin_role(role);
    let mut ix = SetSecondaryAdminBuilder::new()
        .config(*config)
        .vault(*vault)
        .admin(*admin)
        .new_admin(*new_admin)
        .vault_admin_role(client_role.unwrap_or(VaultAdminRole::DelegationAdmin))
        .instruction();
    match client_role {
        Some(_) => assert_eq!(ix.data[1], role, "client role byte"),
        None => ix.data[1] = role,
    }
    ix
}

/// AddDelegation (tag 24) / CooldownDelegation (tag 25).
pub fn delegation_change(
    t: u8,
    config: &Pubkey,
    vault: &Pubkey,
    operator: &Pubkey,
    delegation: &Pubkey,
    admin: &Pubkey,
    amount: u64,
) -> Instruction {
    let ix = match t {
        tag::ADD_DELEGATION => AddDelegationBuilder::new()
            .config(*config)
            .vault(*vault)
            .operator(*operator)
            .vault_operator_delegation(*delegation)
            .admin(*admin)
            .amount(amount)
            .instruction(),
        tag::COOLDOWN_DELEGATION => CooldownDelegationBuilder::new()
            .config(*config)
            .vault(*vault)
            .operator(*operator)
            .vault_operator_delegation(*delegation)
            .admin(*admin)
            .amount(amount)
            .instruction(),
        other => panic!("tag {other} does not change a delegation"),
    };
    assert_eq!(ix.data[0], t, "client tag");
    ix
}

/// `method`: the `WithdrawalAllocationMethod` tag (0 Greedy); another value is
/// written over the client's method byte (mutation). The payer is a writable
/// signer, as the sdk passes it.
pub fn initialize_vault_update_state_tracker(
    config: &Pubkey,
    vault: &Pubkey,
    tracker: &Pubkey,
    payer: &Pubkey,
    method: u8,
) -> Instruction {
    let mut ix = InitializeVaultUpdateStateTrackerBuilder::new()
        .config(*config)
        .vault(*vault)
        .vault_update_state_tracker(*tracker)
        .payer(*payer)
        .withdrawal_allocation_method(WithdrawalAllocationMethod::Greedy)
        .instruction();
    if method == 0 {
        assert_eq!(ix.data[1], method, "client method byte");
    } else {
        ix.data[1] = method;
    }
    ix
}

pub fn crank_vault_update_state_tracker(
    config: &Pubkey,
    vault: &Pubkey,
    operator: &Pubkey,
    delegation: &Pubkey,
    tracker: &Pubkey,
) -> Instruction {
    CrankVaultUpdateStateTrackerBuilder::new()
        .config(*config)
        .vault(*vault)
        .operator(*operator)
        .vault_operator_delegation(*delegation)
        .vault_update_state_tracker(*tracker)
        .instruction()
}

pub fn close_vault_update_state_tracker(
    config: &Pubkey,
    vault: &Pubkey,
    tracker: &Pubkey,
    payer: &Pubkey,
    ncn_epoch: u64,
) -> Instruction {
    CloseVaultUpdateStateTrackerBuilder::new()
        .config(*config)
        .vault(*vault)
        .vault_update_state_tracker(*tracker)
        .payer(*payer)
        .ncn_epoch(ncn_epoch)
        .instruction()
}

pub fn set_config_admin(config: &Pubkey, old_admin: &Pubkey, new_admin: &Pubkey) -> Instruction {
    SetConfigAdminBuilder::new()
        .config(*config)
        .old_admin(*old_admin)
        .new_admin(*new_admin)
        .instruction()
}

/// `role`: 0 = FeeAdmin; another value is written over the client's role
/// byte (mutation).
pub fn set_config_secondary_admin(
    config: &Pubkey,
    admin: &Pubkey,
    new_admin: &Pubkey,
    role: u8,
) -> Instruction {
    let mut ix = SetConfigSecondaryAdminBuilder::new()
        .config(*config)
        .admin(*admin)
        .new_admin(*new_admin)
        .config_admin_role(ConfigAdminRole::FeeAdmin)
        .instruction();
    if role == 0 {
        assert_eq!(ix.data[1], role, "client role byte");
    } else {
        ix.data[1] = role;
    }
    ix
}

/// An SPL Token `Transfer` (tag 3).
pub fn spl_transfer(
    source: &Pubkey,
    destination: &Pubkey,
    owner: &Pubkey,
    amount: u64,
) -> Instruction {
    let mut data = vec![3];
    data.extend_from_slice(&amount.to_le_bytes());
    instruction(
        &TOKEN_PROGRAM_ID,
        data,
        vec![w(source), w(destination), rs(owner)],
    )
}

/// The accounts of one vault that the deposit and withdrawal builders take.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct VaultTokens {
    pub config: Pubkey,
    pub vault: Pubkey,
    pub vrt_mint: Pubkey,
    pub st_mint: Pubkey,
    /// The vault's supported-token account.
    pub vault_st_ata: Pubkey,
}

fn ata(owner: &Pubkey, mint: &Pubkey) -> Pubkey {
    crate::associated_token_address(owner, mint, &TOKEN_PROGRAM_ID)
}

/// The config is writable, as the sdk passes it.
#[allow(clippy::too_many_arguments)]
pub fn mint_to(
    t: &VaultTokens,
    depositor: &Pubkey,
    fee_wallet: &Pubkey,
    amount_in: u64,
    min_amount_out: u64,
    mint_signer: Option<&Pubkey>,
) -> Instruction {
    let ix = MintToBuilder::new()
        .config(t.config)
        .vault(t.vault)
        .vrt_mint(t.vrt_mint)
        .depositor(*depositor)
        .depositor_token_account(ata(depositor, &t.st_mint))
        .vault_token_account(t.vault_st_ata)
        .depositor_vrt_token_account(ata(depositor, &t.vrt_mint))
        .vault_fee_token_account(ata(fee_wallet, &t.vrt_mint))
        .token_program(TOKEN_PROGRAM_ID)
        .mint_signer(mint_signer.copied())
        .amount_in(amount_in)
        .min_amount_out(min_amount_out)
        .instruction();
    sdk_writable(ix, 0)
}

pub fn enqueue_withdrawal(
    t: &VaultTokens,
    staker: &Pubkey,
    ticket_base: &Pubkey,
    amount: u64,
    burn_signer: Option<&Pubkey>,
) -> Instruction {
    let ticket = crate::pda::vault::withdrawal_ticket_pda(&t.vault, ticket_base).0;
    EnqueueWithdrawalBuilder::new()
        .config(t.config)
        .vault(t.vault)
        .vault_staker_withdrawal_ticket(ticket)
        .vault_staker_withdrawal_ticket_token_account(ata(&ticket, &t.vrt_mint))
        .staker(*staker)
        .staker_vrt_token_account(ata(staker, &t.vrt_mint))
        .base(*ticket_base)
        .token_program(TOKEN_PROGRAM_ID)
        .burn_signer(burn_signer.copied())
        .amount(amount)
        .instruction()
}

pub fn burn_withdrawal_ticket(
    t: &VaultTokens,
    staker: &Pubkey,
    ticket: &Pubkey,
    vault_fee_wallet: &Pubkey,
    program_fee_wallet: &Pubkey,
    burn_signer: Option<&Pubkey>,
) -> Instruction {
    BurnWithdrawalTicketBuilder::new()
        .config(t.config)
        .vault(t.vault)
        .vault_token_account(t.vault_st_ata)
        .vrt_mint(t.vrt_mint)
        .staker(*staker)
        .staker_token_account(ata(staker, &t.st_mint))
        .vault_staker_withdrawal_ticket(*ticket)
        .vault_staker_withdrawal_ticket_token_account(ata(ticket, &t.vrt_mint))
        .vault_fee_token_account(ata(vault_fee_wallet, &t.vrt_mint))
        .program_fee_token_account(ata(program_fee_wallet, &t.vrt_mint))
        .token_program(TOKEN_PROGRAM_ID)
        .burn_signer(burn_signer.copied())
        .instruction()
}

pub fn update_vault_balance(t: &VaultTokens, fee_wallet: &Pubkey) -> Instruction {
    UpdateVaultBalanceBuilder::new()
        .config(t.config)
        .vault(t.vault)
        .vault_token_account(t.vault_st_ata)
        .vrt_mint(t.vrt_mint)
        .vault_fee_token_account(ata(fee_wallet, &t.vrt_mint))
        .token_program(TOKEN_PROGRAM_ID)
        .instruction()
}

pub fn r(k: &Pubkey) -> AccountMeta {
    AccountMeta::new_readonly(*k, false)
}

pub fn w(k: &Pubkey) -> AccountMeta {
    AccountMeta::new(*k, false)
}

pub fn rs(k: &Pubkey) -> AccountMeta {
    AccountMeta::new_readonly(*k, true)
}

pub fn ws(k: &Pubkey) -> AccountMeta {
    AccountMeta::new(*k, true)
}

/// BatchCrankVaultUpdateStateTracker over `delegations`, in the order given
/// (writable remaining accounts after config, vault and tracker).
pub fn batch_crank_vault_update_state_tracker(
    config: &Pubkey,
    vault: &Pubkey,
    tracker: &Pubkey,
    delegations: &[Pubkey],
) -> Instruction {
    let metas: Vec<solana_instruction::AccountMeta> = delegations
        .iter()
        .map(|d| solana_instruction::AccountMeta::new(*d, false))
        .collect();
    BatchCrankVaultUpdateStateTracker {
        config: *config,
        vault: *vault,
        vault_update_state_tracker: *tracker,
    }
    .instruction_with_remaining_accounts(&metas)
}

/// `InitializeVault` with no fees, 9 decimals and `initialize_token_amount` supported tokens
/// from the admin's associated account; the burn vault from `base`.
pub fn initialize_vault(
    config: &Pubkey,
    vault: &Pubkey,
    vrt_mint: &Pubkey,
    st_mint: &Pubkey,
    admin: &Pubkey,
    base: &Pubkey,
    initialize_token_amount: u64,
) -> Instruction {
    let ata = |owner: &Pubkey, mint: &Pubkey| {
        crate::associated_token_address(owner, mint, &TOKEN_PROGRAM_ID)
    };
    let burn_vault = crate::pda::vault::burn_vault_pda(base).0;
    InitializeVaultBuilder::new()
        .config(*config)
        .vault(*vault)
        .vrt_mint(*vrt_mint)
        .st_mint(*st_mint)
        .admin_st_token_account(ata(admin, st_mint))
        .vault_st_token_account(ata(vault, st_mint))
        .burn_vault(burn_vault)
        .burn_vault_vrt_token_account(ata(&burn_vault, vrt_mint))
        .admin(*admin)
        .base(*base)
        .deposit_fee_bps(0)
        .withdrawal_fee_bps(0)
        .reward_fee_bps(0)
        .decimals(9)
        .initialize_token_amount(initialize_token_amount)
        .instruction()
}

//! Instructions of the restaking program, built by the generated client
//! (`jito-restaking-client`), which follows the original sdk's account order and flags. The tag-
//! and role-taking builders pick the client builder for the byte and check that the client wrote
//! it. Add a restaking instruction builder here, once.

use jito_restaking_client::{
    instructions::*,
    types::{NcnAdminRole, OperatorAdminRole},
};

use crate::{codes::restaking_tag as tag, AccountMeta, Instruction, Pubkey};

/// Panics unless the client put `tag` first in the data.
#[track_caller]
fn tagged(ix: Instruction, tag: u8) -> Instruction {
    assert_eq!(ix.data.first(), Some(&tag), "client instruction tag");
    ix
}

pub fn initialize_config_ix(
    config: &Pubkey,
    admin: &Pubkey,
    vault_program: &Pubkey,
) -> Instruction {
    let ix = InitializeConfigBuilder::new()
        .config(*config)
        .admin(*admin)
        .vault_program(*vault_program)
        .instruction();
    tagged(ix, tag::INITIALIZE_CONFIG)
}

pub fn initialize_ncn_ix(
    config: &Pubkey,
    ncn: &Pubkey,
    admin: &Pubkey,
    base: &Pubkey,
) -> Instruction {
    let ix = InitializeNcnBuilder::new()
        .config(*config)
        .ncn(*ncn)
        .admin(*admin)
        .base(*base)
        .instruction();
    tagged(ix, tag::INITIALIZE_NCN)
}

pub fn initialize_operator_ix(
    config: &Pubkey,
    operator: &Pubkey,
    admin: &Pubkey,
    base: &Pubkey,
    fee_bps: u16,
) -> Instruction {
    let ix = InitializeOperatorBuilder::new()
        .config(*config)
        .operator(*operator)
        .admin(*admin)
        .base(*base)
        .operator_fee_bps(fee_bps)
        .instruction();
    tagged(ix, tag::INITIALIZE_OPERATOR)
}

#[allow(clippy::too_many_arguments)]
pub fn initialize_ncn_vault_slasher_ticket_ix(
    config: &Pubkey,
    ncn: &Pubkey,
    vault: &Pubkey,
    slasher: &Pubkey,
    ncn_vault_ticket: &Pubkey,
    slasher_ticket: &Pubkey,
    admin: &Pubkey,
    payer: &Pubkey,
    max_slashable_per_epoch: u64,
) -> Instruction {
    let ix = InitializeNcnVaultSlasherTicketBuilder::new()
        .config(*config)
        .ncn(*ncn)
        .vault(*vault)
        .slasher(*slasher)
        .ncn_vault_ticket(*ncn_vault_ticket)
        .ncn_vault_slasher_ticket(*slasher_ticket)
        .admin(*admin)
        .payer(*payer)
        .max_slashable_per_epoch(max_slashable_per_epoch)
        .instruction();
    tagged(ix, tag::INITIALIZE_NCN_VAULT_SLASHER_TICKET)
}

/// `InitializeNcnVaultTicket` (4), `InitializeOperatorVaultTicket` (5) and
/// `InitializeNcnOperatorState` (6): `[config, a (w), b, new (w), admin (s),
/// payer (w, s), system_program]`, `b` writable only for tag 6.
pub fn initialize_pair_ix(
    tag: u8,
    config: &Pubkey,
    a: &Pubkey,
    b: &Pubkey,
    new: &Pubkey,
    admin: &Pubkey,
    payer: &Pubkey,
) -> Instruction {
    let (config, a, b, new, admin, payer) = (*config, *a, *b, *new, *admin, *payer);
    let ix = match tag {
        tag::INITIALIZE_NCN_VAULT_TICKET => InitializeNcnVaultTicketBuilder::new()
            .config(config)
            .ncn(a)
            .vault(b)
            .ncn_vault_ticket(new)
            .admin(admin)
            .payer(payer)
            .instruction(),
        tag::INITIALIZE_OPERATOR_VAULT_TICKET => InitializeOperatorVaultTicketBuilder::new()
            .config(config)
            .operator(a)
            .vault(b)
            .operator_vault_ticket(new)
            .admin(admin)
            .payer(payer)
            .instruction(),
        tag::INITIALIZE_NCN_OPERATOR_STATE => InitializeNcnOperatorStateBuilder::new()
            .config(config)
            .ncn(a)
            .operator(b)
            .ncn_operator_state(new)
            .admin(admin)
            .payer(payer)
            .instruction(),
        _ => panic!("tag {tag} is not an initialize-pair instruction"),
    };
    tagged(ix, tag)
}

/// Tags 7–12, 15, 16: `[config, a, b, state (w), admin (s)]`.
pub fn toggle_ix(
    tag: u8,
    config: &Pubkey,
    a: &Pubkey,
    b: &Pubkey,
    state: &Pubkey,
    admin: &Pubkey,
) -> Instruction {
    let (config, a, b, state, admin) = (*config, *a, *b, *state, *admin);
    let ix = match tag {
        tag::WARMUP_NCN_VAULT_TICKET => WarmupNcnVaultTicketBuilder::new()
            .config(config)
            .ncn(a)
            .vault(b)
            .ncn_vault_ticket(state)
            .admin(admin)
            .instruction(),
        tag::COOLDOWN_NCN_VAULT_TICKET => CooldownNcnVaultTicketBuilder::new()
            .config(config)
            .ncn(a)
            .vault(b)
            .ncn_vault_ticket(state)
            .admin(admin)
            .instruction(),
        tag::NCN_WARMUP_OPERATOR => NcnWarmupOperatorBuilder::new()
            .config(config)
            .ncn(a)
            .operator(b)
            .ncn_operator_state(state)
            .admin(admin)
            .instruction(),
        tag::NCN_COOLDOWN_OPERATOR => NcnCooldownOperatorBuilder::new()
            .config(config)
            .ncn(a)
            .operator(b)
            .ncn_operator_state(state)
            .admin(admin)
            .instruction(),
        tag::OPERATOR_WARMUP_NCN => OperatorWarmupNcnBuilder::new()
            .config(config)
            .ncn(a)
            .operator(b)
            .ncn_operator_state(state)
            .admin(admin)
            .instruction(),
        tag::OPERATOR_COOLDOWN_NCN => OperatorCooldownNcnBuilder::new()
            .config(config)
            .ncn(a)
            .operator(b)
            .ncn_operator_state(state)
            .admin(admin)
            .instruction(),
        tag::WARMUP_OPERATOR_VAULT_TICKET => WarmupOperatorVaultTicketBuilder::new()
            .config(config)
            .operator(a)
            .vault(b)
            .operator_vault_ticket(state)
            .admin(admin)
            .instruction(),
        tag::COOLDOWN_OPERATOR_VAULT_TICKET => CooldownOperatorVaultTicketBuilder::new()
            .config(config)
            .operator(a)
            .vault(b)
            .operator_vault_ticket(state)
            .admin(admin)
            .instruction(),
        _ => panic!("tag {tag} is not a five-account toggle instruction"),
    };
    tagged(ix, tag)
}

pub fn warmup_ncn_vault_slasher_ticket_ix(
    config: &Pubkey,
    ncn: &Pubkey,
    vault: &Pubkey,
    slasher: &Pubkey,
    ncn_vault_ticket: &Pubkey,
    slasher_ticket: &Pubkey,
    admin: &Pubkey,
) -> Instruction {
    let ix = WarmupNcnVaultSlasherTicketBuilder::new()
        .config(*config)
        .ncn(*ncn)
        .vault(*vault)
        .slasher(*slasher)
        .ncn_vault_ticket(*ncn_vault_ticket)
        .ncn_vault_slasher_ticket(*slasher_ticket)
        .admin(*admin)
        .instruction();
    tagged(ix, tag::WARMUP_NCN_VAULT_SLASHER_TICKET)
}

pub fn cooldown_ncn_vault_slasher_ticket_ix(
    config: &Pubkey,
    ncn: &Pubkey,
    vault: &Pubkey,
    slasher: &Pubkey,
    slasher_ticket: &Pubkey,
    admin: &Pubkey,
) -> Instruction {
    let ix = CooldownNcnVaultSlasherTicketBuilder::new()
        .config(*config)
        .ncn(*ncn)
        .vault(*vault)
        .slasher(*slasher)
        .ncn_vault_slasher_ticket(*slasher_ticket)
        .admin(*admin)
        .instruction();
    tagged(ix, tag::COOLDOWN_NCN_VAULT_SLASHER_TICKET)
}

/// `NcnSetAdmin` (17) / `OperatorSetAdmin` (19).
pub fn set_admin_ix(
    tag: u8,
    account: &Pubkey,
    old_admin: &Pubkey,
    new_admin: &Pubkey,
) -> Instruction {
    let ix = match tag {
        tag::NCN_SET_ADMIN => NcnSetAdminBuilder::new()
            .ncn(*account)
            .old_admin(*old_admin)
            .new_admin(*new_admin)
            .instruction(),
        tag::OPERATOR_SET_ADMIN => OperatorSetAdminBuilder::new()
            .operator(*account)
            .old_admin(*old_admin)
            .new_admin(*new_admin)
            .instruction(),
        _ => panic!("tag {tag} is not a set-admin instruction"),
    };
    tagged(ix, tag)
}

/// `NcnAdminRole` by its index in the original enum.
const NCN_ROLES: [NcnAdminRole; 7] = [
    NcnAdminRole::OperatorAdmin,
    NcnAdminRole::VaultAdmin,
    NcnAdminRole::SlasherAdmin,
    NcnAdminRole::DelegateAdmin,
    NcnAdminRole::MetadataAdmin,
    NcnAdminRole::WeightTableAdmin,
    NcnAdminRole::NcnProgramAdmin,
];

/// `OperatorAdminRole` by its index in the original enum.
const OPERATOR_ROLES: [OperatorAdminRole; 5] = [
    OperatorAdminRole::NcnAdmin,
    OperatorAdminRole::VaultAdmin,
    OperatorAdminRole::VoterAdmin,
    OperatorAdminRole::DelegateAdmin,
    OperatorAdminRole::MetadataAdmin,
];

/// `NcnSetSecondaryAdmin` (18) / `OperatorSetSecondaryAdmin` (20). `role` is
/// the index of a valid role; malformed role bytes are made by mutating the
/// built instruction's data.
pub fn set_secondary_admin_ix(
    tag: u8,
    role: u8,
    account: &Pubkey,
    admin: &Pubkey,
    new_admin: &Pubkey,
) -> Instruction {
    let ix = match tag {
        tag::NCN_SET_SECONDARY_ADMIN => NcnSetSecondaryAdminBuilder::new()
            .ncn(*account)
            .admin(*admin)
            .new_admin(*new_admin)
            .ncn_admin_role(NCN_ROLES[usize::from(role)])
            .instruction(),
        tag::OPERATOR_SET_SECONDARY_ADMIN => OperatorSetSecondaryAdminBuilder::new()
            .operator(*account)
            .admin(*admin)
            .new_admin(*new_admin)
            .operator_admin_role(OPERATOR_ROLES[usize::from(role)])
            .instruction(),
        _ => panic!("tag {tag} is not a set-secondary-admin instruction"),
    };
    // The client writes the role as its one-byte enum index.
    assert_eq!(ix.data.get(1), Some(&role), "client role byte");
    tagged(ix, tag)
}

pub fn operator_set_fee_ix(
    config: &Pubkey,
    operator: &Pubkey,
    admin: &Pubkey,
    fee_bps: u16,
) -> Instruction {
    let ix = OperatorSetFeeBuilder::new()
        .config(*config)
        .operator(*operator)
        .admin(*admin)
        .new_fee_bps(fee_bps)
        .instruction();
    tagged(ix, tag::OPERATOR_SET_FEE)
}

/// `NcnDelegateTokenAccount` (22) / `OperatorDelegateTokenAccount` (23).
pub fn delegate_token_account_ix(
    tag: u8,
    owner: &Pubkey,
    delegate_admin: &Pubkey,
    mint: &Pubkey,
    token_account: &Pubkey,
    delegate: &Pubkey,
    token_program: &Pubkey,
) -> Instruction {
    let ix = match tag {
        tag::NCN_DELEGATE_TOKEN_ACCOUNT => NcnDelegateTokenAccountBuilder::new()
            .ncn(*owner)
            .delegate_admin(*delegate_admin)
            .token_mint(*mint)
            .token_account(*token_account)
            .delegate(*delegate)
            .token_program(*token_program)
            .instruction(),
        tag::OPERATOR_DELEGATE_TOKEN_ACCOUNT => OperatorDelegateTokenAccountBuilder::new()
            .operator(*owner)
            .delegate_admin(*delegate_admin)
            .token_mint(*mint)
            .token_account(*token_account)
            .delegate(*delegate)
            .token_program(*token_program)
            .instruction(),
        _ => panic!("tag {tag} is not a delegate-token-account instruction"),
    };
    tagged(ix, tag)
}

pub fn set_config_admin_ix(config: &Pubkey, old_admin: &Pubkey, new_admin: &Pubkey) -> Instruction {
    let ix = SetConfigAdminBuilder::new()
        .config(*config)
        .old_admin(*old_admin)
        .new_admin(*new_admin)
        .instruction();
    tagged(ix, tag::SET_CONFIG_ADMIN)
}

/// Replaces the meta of `key` in `ix` (to drop a signer or writable flag).
pub fn with_meta(
    mut ix: Instruction,
    index: usize,
    is_signer: bool,
    is_writable: bool,
) -> Instruction {
    let key = ix.accounts[index].pubkey;
    ix.accounts[index] = AccountMeta {
        pubkey: key,
        is_signer,
        is_writable,
    };
    ix
}

/// Replaces the key at `index` of `ix`.
pub fn with_key(mut ix: Instruction, index: usize, key: Pubkey) -> Instruction {
    ix.accounts[index].pubkey = key;
    ix
}

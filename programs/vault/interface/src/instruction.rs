//! Instructions of the vault program.
//!
//! [`VaultInstruction`] is the IDL source: the 1-byte tag (explicit `= N`, the
//! original's variant index at master, `RevokeDelegateTokenAccount` = 21), the
//! Borsh-encoded arguments and the accounts of each instruction, mirroring the
//! original sdk. The program itself dispatches on the raw tag and parses the
//! arguments in place.

extern crate alloc;

use alloc::string::String;

use pinocchio::error::ProgramError;
use shank::{ShankInstruction, ShankType};

#[rustfmt::skip]
#[allow(clippy::duplicated_attributes)]
#[derive(Debug, ShankInstruction)]
#[repr(u8)]
pub enum VaultInstruction {
    /// Creates the vault config (PDA ["config"]) with the restaking program id, the program fee and
    /// its wallet.
    ///
    /// Must exist: nothing; the admin pays the rent. Once per deployment.
    #[account(0, writable, name = "config")]
    #[account(1, writable, signer, name = "admin")]
    #[account(2, name = "restaking_program")]
    #[account(3, name = "program_fee_wallet")]
    #[account(4, name = "system_program")]
    InitializeConfig {
        program_fee_bps: u16,
    } = 0,

    /// Creates a vault at PDA ["vault", base], its VRT mint (a fresh keypair that signs) and the
    /// burn vault's VRT account, deposits `initialize_token_amount` of the supported mint from the
    /// admin and mints as many VRT to the burn vault.
    ///
    /// Must exist: the vault config; the supported mint (SPL Token, or a supported Token-2022
    /// mint); the admin's supported-token account holding at least `initialize_token_amount`; the
    /// vault's supported-token account (the associated token account of the vault PDA). Create the
    /// last two with `getInitializeVaultPreconditionInstructions` (JS) / idempotent ATA creation.
    ///
    /// Timing: none; the new vault counts as updated in the current epoch.
    #[account(0, writable, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, writable, signer, name = "vrt_mint")]
    #[account(3, name = "st_mint")]
    #[account(4, writable, name = "admin_st_token_account")]
    #[account(5, writable, name = "vault_st_token_account")]
    #[account(6, name = "burn_vault")]
    #[account(7, writable, name = "burn_vault_vrt_token_account")]
    #[account(8, writable, signer, name = "admin")]
    #[account(9, signer, name = "base")]
    #[account(10, name = "system_program")]
    #[account(11, name = "token_program")]
    #[account(12, name = "associated_token_program")]
    InitializeVault {
        deposit_fee_bps: u16,
        withdrawal_fee_bps: u16,
        reward_fee_bps: u16,
        decimals: u8,
        initialize_token_amount: u64,
    } = 1,

    /// Reserved (as in the original): does nothing and succeeds, whatever the accounts.
    ///
    /// Must exist: nothing.
    InitializeVaultWithMint = 2,

    /// The vault's operator admin registers an operator that has opted in to the vault; the
    /// delegation holds no stake and takes the next operator index (the crank's order).
    ///
    /// Must exist: the vault config, the vault, the operator and the operator vault ticket
    /// (restaking program, in any state).
    ///
    /// Timing: the vault must be updated in the current epoch (InitializeVaultUpdateStateTracker,
    /// one CrankVaultUpdateStateTracker per operator, CloseVaultUpdateStateTracker), else
    /// VaultUpdateNeeded.
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, writable, name = "operator")]
    #[account(3, name = "operator_vault_ticket")]
    #[account(4, writable, name = "vault_operator_delegation")]
    #[account(5, signer, name = "admin")]
    #[account(6, writable, signer, name = "payer")]
    #[account(7, name = "system_program")]
    InitializeVaultOperatorDelegation = 3,

    /// The vault's NCN admin registers an NCN that has opted in to the vault; the ticket starts
    /// inactive (warm it up in a later slot).
    ///
    /// Must exist: the vault config, the vault, the NCN and the NCN vault ticket (restaking
    /// program, in any state).
    ///
    /// Timing: the vault must be updated in the current epoch (InitializeVaultUpdateStateTracker,
    /// one CrankVaultUpdateStateTracker per operator, CloseVaultUpdateStateTracker), else
    /// VaultUpdateNeeded.
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, name = "ncn")]
    #[account(3, name = "ncn_vault_ticket")]
    #[account(4, writable, name = "vault_ncn_ticket")]
    #[account(5, signer, name = "admin")]
    #[account(6, writable, signer, name = "payer")]
    #[account(7, name = "system_program")]
    InitializeVaultNcnTicket = 4,

    /// Anyone creates the account that tracks how much `slasher` has slashed `operator` for the NCN
    /// and the vault in the current epoch.
    ///
    /// Must exist: the vault config, the vault, the NCN, the operator and the vault NCN slasher
    /// ticket.
    ///
    /// Timing: the vault must be updated in the current epoch (InitializeVaultUpdateStateTracker,
    /// one CrankVaultUpdateStateTracker per operator, CloseVaultUpdateStateTracker), else
    /// VaultUpdateNeeded.
    #[account(0, name = "config")]
    #[account(1, name = "vault")]
    #[account(2, name = "ncn")]
    #[account(3, name = "slasher")]
    #[account(4, name = "operator")]
    #[account(5, name = "vault_ncn_slasher_ticket")]
    #[account(6, writable, name = "vault_ncn_slasher_operator_ticket")]
    #[account(7, writable, signer, name = "payer")]
    #[account(8, name = "system_program")]
    InitializeVaultNcnSlasherOperatorTicket = 5,

    /// The vault's slasher admin registers a slasher the NCN has registered for the vault (copying
    /// its per-epoch limit); the ticket starts inactive.
    ///
    /// Must exist: the vault config, the vault, the NCN and the NCN vault slasher ticket (restaking
    /// program).
    ///
    /// Timing: the vault must be updated in the current epoch (InitializeVaultUpdateStateTracker,
    /// one CrankVaultUpdateStateTracker per operator, CloseVaultUpdateStateTracker), else
    /// VaultUpdateNeeded.
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, name = "ncn")]
    #[account(3, name = "slasher")]
    #[account(4, name = "ncn_slasher_ticket")]
    #[account(5, writable, name = "vault_slasher_ticket")]
    #[account(6, signer, name = "admin")]
    #[account(7, signer, writable, name = "payer")]
    #[account(8, name = "system_program")]
    InitializeVaultNcnSlasherTicket = 6,

    /// The vault's NCN admin starts warming up the vault's opt-in to an NCN.
    ///
    /// Must exist: the vault config, the vault, the NCN and the vault NCN ticket.
    ///
    /// Timing: the ticket must be inactive and not created (or last changed) in the current slot:
    /// send this at least one slot later, else VaultNcnTicketFailedWarmup. It then warms up for the
    /// rest of this epoch and the next and is active from the epoch after.
    ///
    /// Timing: the vault must be updated in the current epoch (InitializeVaultUpdateStateTracker,
    /// one CrankVaultUpdateStateTracker per operator, CloseVaultUpdateStateTracker), else
    /// VaultUpdateNeeded.
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, name = "ncn")]
    #[account(3, writable, name = "vault_ncn_ticket")]
    #[account(4, signer, name = "admin")]
    WarmupVaultNcnTicket = 7,

    /// The vault's NCN admin starts cooling down the vault's opt-in to an NCN.
    ///
    /// Must exist: the vault config, the vault, the NCN and the vault NCN ticket.
    ///
    /// Timing: the ticket must be active (warm-up started two or more epochs ago), else
    /// VaultNcnTicketFailedCooldown. It then cools down for the rest of this epoch and the next and
    /// is inactive from the epoch after.
    ///
    /// Timing: the vault must be updated in the current epoch (InitializeVaultUpdateStateTracker,
    /// one CrankVaultUpdateStateTracker per operator, CloseVaultUpdateStateTracker), else
    /// VaultUpdateNeeded.
    #[account(0, name = "config")]
    #[account(1, name = "vault")]
    #[account(2, name = "ncn")]
    #[account(3, writable, name = "vault_ncn_ticket")]
    #[account(4, signer, name = "admin")]
    CooldownVaultNcnTicket = 8,

    /// The vault's slasher admin starts warming up a slasher for an NCN.
    ///
    /// Must exist: the vault config, the vault, the NCN and the vault NCN slasher ticket.
    ///
    /// Timing: the ticket must be inactive and not created (or last changed) in the current slot:
    /// send this at least one slot later, else VaultNcnSlasherTicketFailedWarmup. It then warms up
    /// for the rest of this epoch and the next and is active from the epoch after.
    ///
    /// Timing: the vault must be updated in the current epoch (InitializeVaultUpdateStateTracker,
    /// one CrankVaultUpdateStateTracker per operator, CloseVaultUpdateStateTracker), else
    /// VaultUpdateNeeded.
    #[account(0, name = "config")]
    #[account(1, name = "vault")]
    #[account(2, name = "ncn")]
    #[account(3, name = "slasher")]
    #[account(4, writable, name = "vault_slasher_ticket")]
    #[account(5, signer, name = "admin")]
    WarmupVaultNcnSlasherTicket = 9,

    /// The vault's slasher admin starts cooling down a slasher for an NCN.
    ///
    /// Must exist: the vault config, the vault, the NCN and the vault NCN slasher ticket.
    ///
    /// Timing: the ticket must be active (warm-up started two or more epochs ago), else
    /// VaultNcnSlasherTicketFailedCooldown. It then cools down for the rest of this epoch and the
    /// next and is inactive from the epoch after.
    ///
    /// Timing: the vault must be updated in the current epoch (InitializeVaultUpdateStateTracker,
    /// one CrankVaultUpdateStateTracker per operator, CloseVaultUpdateStateTracker), else
    /// VaultUpdateNeeded.
    #[account(0, name = "config")]
    #[account(1, name = "vault")]
    #[account(2, name = "ncn")]
    #[account(3, name = "slasher")]
    #[account(4, writable, name = "vault_ncn_slasher_ticket")]
    #[account(5, signer, name = "admin")]
    CooldownVaultNcnSlasherTicket = 10,

    /// Deposits `amount_in` supported tokens and mints VRT at the current exchange rate to the
    /// depositor, less the deposit fee (minted to the vault's fee wallet); fails if the depositor
    /// would get less than `min_amount_out` (SlippageError).
    ///
    /// Must exist: the vault config, the vault (not paused), the depositor's supported-token
    /// account holding `amount_in`, the vault's supported-token account, the depositor's VRT
    /// account and the VRT associated token account of the vault's fee wallet. Create them with
    /// `getMintToPreconditionInstructions` (JS) / idempotent ATA creation. A vault with a mint/burn
    /// admin also needs it as `mint_signer`.
    ///
    /// Timing: the vault must be updated in the current epoch (InitializeVaultUpdateStateTracker,
    /// one CrankVaultUpdateStateTracker per operator, CloseVaultUpdateStateTracker), else
    /// VaultUpdateNeeded.
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, writable, name = "vrt_mint")]
    #[account(3, writable, signer, name = "depositor")]
    #[account(4, writable, name = "depositor_token_account")]
    #[account(5, writable, name = "vault_token_account")]
    #[account(6, writable, name = "depositor_vrt_token_account")]
    #[account(7, writable, name = "vault_fee_token_account")]
    #[account(8, name = "token_program")]
    #[account(9, signer, optional, name = "mint_signer", desc = "Signer for minting")]
    MintTo {
        amount_in: u64,
        min_amount_out: u64,
    } = 11,

    /// Moves `amount` VRT of the staker into a new withdrawal ticket at PDA
    /// ["vault_staker_withdrawal_ticket", vault, base] (`base`: a fresh keypair that signs), to be
    /// burned for supported tokens after the cool-down.
    ///
    /// Must exist: the vault config, the vault (not paused), the staker's VRT account holding
    /// `amount`, and the ticket's VRT account (the VRT associated token account of the ticket PDA;
    /// create it with `getEnqueueWithdrawalPreconditionInstructions` (JS) / idempotent ATA
    /// creation).
    ///
    /// Timing: the vault must be updated in the current epoch (InitializeVaultUpdateStateTracker,
    /// one CrankVaultUpdateStateTracker per operator, CloseVaultUpdateStateTracker), else
    /// VaultUpdateNeeded.
    ///
    /// The ticket becomes withdrawable (BurnWithdrawalTicket) two epochs after the current one: it
    /// is enqueued in this epoch, cools down in the next.
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, writable, name = "vault_staker_withdrawal_ticket")]
    #[account(3, writable, name = "vault_staker_withdrawal_ticket_token_account")]
    #[account(4, writable, signer, name = "staker")]
    #[account(5, writable, name = "staker_vrt_token_account")]
    #[account(6, signer, name = "base")]
    #[account(7, name = "token_program")]
    #[account(8, name = "system_program")]
    #[account(9, signer, optional, name = "burn_signer", desc = "Signer for burning")]
    EnqueueWithdrawal {
        amount: u64,
    } = 12,

    /// The staker of a withdrawal ticket hands it to a new owner, who receives the tokens when it
    /// is burned.
    ///
    /// Must exist: the vault config, the vault and the ticket. No timing rule.
    #[account(0, name = "config")]
    #[account(1, name = "vault")]
    #[account(2, writable, name = "vault_staker_withdrawal_ticket")]
    #[account(3, signer, name = "old_owner")]
    #[account(4, name = "new_owner")]
    ChangeWithdrawalTicketOwner = 13,

    /// Burns a withdrawal ticket: its VRT is split into the vault fee, the program fee and the part
    /// burned for supported tokens, which the vault pays to the staker; the ticket and its VRT
    /// account are closed to the staker.
    ///
    /// Must exist: the vault config, the vault (not paused), the ticket and its VRT account, the
    /// staker's supported-token account (associated token account), the VRT associated token
    /// accounts of the vault's fee wallet and of the config's program fee wallet. Create the last
    /// three with `getBurnWithdrawalTicketPreconditionInstructions` (JS) / idempotent ATA creation.
    ///
    /// Timing: from the second epoch after the one the ticket was enqueued in (else
    /// VaultStakerWithdrawalTicketNotWithdrawable).
    ///
    /// Timing: the vault must be updated in the current epoch (InitializeVaultUpdateStateTracker,
    /// one CrankVaultUpdateStateTracker per operator, CloseVaultUpdateStateTracker), else
    /// VaultUpdateNeeded.
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, writable, name = "vault_token_account")]
    #[account(3, writable, name = "vrt_mint")]
    #[account(4, writable, name = "staker")]
    #[account(5, writable, name = "staker_token_account")]
    #[account(6, writable, name = "vault_staker_withdrawal_ticket")]
    #[account(7, writable, name = "vault_staker_withdrawal_ticket_token_account")]
    #[account(8, writable, name = "vault_fee_token_account")]
    #[account(9, writable, name = "program_fee_token_account")]
    #[account(10, name = "token_program")]
    #[account(11, name = "system_program")]
    #[account(12, signer, optional, name = "burn_signer", desc = "Signer for burning")]
    BurnWithdrawalTicket = 14,

    /// The vault's capacity admin sets the most supported tokens the vault accepts through MintTo.
    ///
    /// Must exist: the vault config and the vault. No timing rule.
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, signer, name = "admin")]
    SetDepositCapacity {
        amount: u64,
    } = 15,

    /// The vault's fee admin changes the deposit fee, the withdrawal fee (taking effect at the next
    /// update) and/or the reward fee.
    ///
    /// Must exist: the vault config and the vault.
    ///
    /// Timing: at most once per full epoch: not in the epoch of the last fee change nor the next
    /// (else VaultFeeChangeTooSoon); each fee within the config's cap and bump limits.
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, signer, name = "admin")]
    SetFees {
        deposit_fee_bps: Option<u16>,
        withdrawal_fee_bps: Option<u16>,
        reward_fee_bps: Option<u16>,
    } = 16,

    /// The config admin sets the program's withdrawal fee (at most 10000 bps); vaults take it at
    /// their next update.
    ///
    /// Must exist: the vault config. No timing rule.
    #[account(0, writable, name = "config")]
    #[account(1, signer, name = "admin")]
    SetProgramFee {
        new_fee_bps: u16,
    } = 17,

    /// The config's program fee admin sets the program fee wallet.
    ///
    /// Must exist: the vault config. BurnWithdrawalTicket then needs the VRT account of the new
    /// wallet for each vault's VRT mint.
    #[account(0, writable, name = "config")]
    #[account(1, signer, name = "program_fee_admin")]
    #[account(2, name = "new_fee_wallet")]
    SetProgramFeeWallet = 18,

    /// The vault admin pauses or resumes the vault; a paused vault refuses deposits, withdrawals,
    /// delegation and ticket changes.
    ///
    /// Must exist: the vault config and the vault. No timing rule.
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, signer, name = "admin")]
    SetIsPaused {
        is_paused: bool,
    } = 19,

    /// The vault's delegate asset admin approves `delegate` for all tokens of a vault-owned token
    /// account that is not of the supported mint (e.g. an airdrop).
    ///
    /// Must exist: the vault config, the vault, the mint and the token account (owner: the vault
    /// PDA). No timing rule.
    #[account(0, name = "config")]
    #[account(1, name = "vault")]
    #[account(2, signer, name = "delegate_asset_admin")]
    #[account(3, name = "token_mint")]
    #[account(4, writable, name = "token_account")]
    #[account(5, name = "delegate")]
    #[account(6, name = "token_program")]
    DelegateTokenAccount = 20,

    /// The vault's delegate asset admin revokes the delegate set by DelegateTokenAccount.
    ///
    /// Must exist: the vault config, the vault, the mint and the token account. No timing rule.
    #[account(0, name = "config")]
    #[account(1, name = "vault")]
    #[account(2, signer, name = "delegate_asset_admin")]
    #[account(3, name = "token_mint")]
    #[account(4, writable, name = "token_account")]
    #[account(5, name = "token_program")]
    RevokeDelegateTokenAccount = 21,

    /// Hands the vault over to a new admin (both sign); the secondary roles the old admin held move
    /// too.
    ///
    /// Must exist: the vault config and the vault. No timing rule.
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, signer, name = "old_admin")]
    #[account(3, signer, name = "new_admin")]
    SetAdmin = 22,

    /// The vault admin assigns one secondary role (delegation, operator, NCN, slasher, capacity,
    /// fee, mint/burn, delegate asset or metadata admin); the new admin does not sign.
    ///
    /// Must exist: the vault config and the vault. No timing rule.
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, signer, name = "admin")]
    #[account(3, name = "new_admin")]
    SetSecondaryAdmin(VaultAdminRole) = 23,

    /// The vault's delegation admin stakes `amount` of the vault's free supported tokens with an
    /// operator.
    ///
    /// Must exist: the vault config, the vault, the operator and the vault operator delegation.
    ///
    /// Timing: the vault must be updated in the current epoch (InitializeVaultUpdateStateTracker,
    /// one CrankVaultUpdateStateTracker per operator, CloseVaultUpdateStateTracker), else
    /// VaultUpdateNeeded.
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, name = "operator")]
    #[account(3, writable, name = "vault_operator_delegation")]
    #[account(4, signer, name = "admin")]
    AddDelegation {
        amount: u64,
    } = 24,

    /// The vault's delegation admin starts cooling down `amount` of an operator's stake; it is free
    /// again after the cool-down (two epoch updates).
    ///
    /// Must exist: the vault config, the vault, the operator and the vault operator delegation.
    ///
    /// Timing: the vault must be updated in the current epoch (InitializeVaultUpdateStateTracker,
    /// one CrankVaultUpdateStateTracker per operator, CloseVaultUpdateStateTracker), else
    /// VaultUpdateNeeded.
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, name = "operator")]
    #[account(3, writable, name = "vault_operator_delegation")]
    #[account(4, signer, name = "admin")]
    CooldownDelegation {
        amount: u64,
    } = 25,

    /// Anyone adds supported tokens that reached the vault's token account outside of deposits
    /// (rewards) to the vault's balance; the reward fee is minted as VRT to the vault's fee wallet.
    ///
    /// Must exist: the vault config, the vault, the vault's supported-token account and the VRT
    /// associated token account of the vault's fee wallet.
    ///
    /// Timing: the vault must be updated in the current epoch (InitializeVaultUpdateStateTracker,
    /// one CrankVaultUpdateStateTracker per operator, CloseVaultUpdateStateTracker), else
    /// VaultUpdateNeeded.
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, name = "vault_token_account")]
    #[account(3, writable, name = "vrt_mint")]
    #[account(4, writable, name = "vault_fee_token_account")]
    #[account(5, name = "token_program")]
    UpdateVaultBalance = 26,

    /// Anyone starts the epoch update of a vault: creates the tracker of the current epoch at PDA
    /// ["vault_update_state_tracker", vault, epoch]. Then crank every operator delegation
    /// (CrankVaultUpdateStateTracker, in index order) and close the tracker
    /// (CloseVaultUpdateStateTracker).
    ///
    /// Must exist: the vault config and the vault.
    ///
    /// Timing: once per epoch; fails with VaultIsUpdated when the vault is already updated in the
    /// current epoch (e.g. created in it).
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, writable, name = "vault_update_state_tracker")]
    #[account(3, writable, signer, name = "payer")]
    #[account(4, name = "system_program")]
    InitializeVaultUpdateStateTracker {
        withdrawal_allocation_method: WithdrawalAllocationMethod,
    } = 27,

    /// Anyone updates one operator delegation during the vault's epoch update, in operator index
    /// order starting at `epoch % operator_count`.
    ///
    /// Must exist: the vault config, the vault, the operator, the vault operator delegation and the
    /// tracker of the current epoch.
    ///
    /// Timing: in the epoch of the tracker; each delegation once per epoch (else
    /// VaultOperatorDelegationIsUpdated), in order (else VaultUpdateIncorrectIndex).
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, name = "operator")]
    #[account(3, writable, name = "vault_operator_delegation")]
    #[account(4, writable, name = "vault_update_state_tracker")]
    CrankVaultUpdateStateTracker = 28,

    /// Anyone closes a vault's update tracker and takes its rent. For the current epoch the update
    /// must be complete: the vault then takes the rolled-up delegation state and moves its
    /// withdrawal buckets forward (this is what makes the vault updated). A tracker of an earlier
    /// epoch is only closed.
    ///
    /// Must exist: the vault config, the vault and the tracker of `ncn_epoch`.
    ///
    /// Timing: every operator delegation cranked in this epoch (else
    /// VaultUpdateStateNotFinishedUpdating).
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, writable, name = "vault_update_state_tracker")]
    #[account(3, writable, signer, name = "payer")]
    CloseVaultUpdateStateTracker {
        ncn_epoch: u64,
    } = 29,

    /// The vault admin creates the Metaplex metadata of the VRT mint; the vault signs as mint and
    /// update authority.
    ///
    /// Must exist: the vault and its VRT mint; the metadata account must not exist yet. No timing
    /// rule.
    #[account(0, name = "vault")]
    #[account(1, signer, name = "admin")]
    #[account(2, name = "vrt_mint")]
    #[account(3, writable, signer, name = "payer")]
    #[account(4, writable, name = "metadata")]
    #[account(5, name = "mpl_token_metadata_program")]
    #[account(6, name = "system_program")]
    CreateTokenMetadata {
        name: String,
        symbol: String,
        uri: String,
    } = 30,

    /// The vault admin rewrites the name, symbol and URI of the VRT's Metaplex metadata.
    ///
    /// Must exist: the vault, its VRT mint and the metadata account. No timing rule.
    #[account(0, name = "vault")]
    #[account(1, signer, name = "admin")]
    #[account(2, name = "vrt_mint")]
    #[account(3, writable, name = "metadata")]
    #[account(4, name = "mpl_token_metadata_program")]
    UpdateTokenMetadata {
        name: String,
        symbol: String,
        uri: String,
    } = 31,

    /// The vault config admin hands over to a new admin (who does not sign), who also becomes the
    /// fee admin.
    ///
    /// Must exist: the vault config. No timing rule.
    #[account(0, writable, name = "config")]
    #[account(1, signer, name = "old_admin")]
    #[account(2, name = "new_admin")]
    SetConfigAdmin = 32,

    /// The vault config admin sets a secondary config role (fee admin).
    ///
    /// Must exist: the vault config. No timing rule.
    #[account(0, writable, name = "config")]
    #[account(1, signer, name = "admin")]
    #[account(2, name = "new_admin")]
    SetConfigSecondaryAdmin(ConfigAdminRole) = 33,

    // Additions, appended after the original's 34 instructions (docs/COMPATIBILITY.md).

    /// Cranks several operators of the vault update in one instruction: exactly
    /// CrankVaultUpdateStateTracker once per vault_operator_delegation, in the order given
    /// (the tracker's operator-index order), with the same effect and errors. Pass k >= 1
    /// vault_operator_delegation accounts (writable) after the three listed here.
    ///
    /// Must exist: the vault config, the vault, the tracker of the current epoch and each vault
    /// operator delegation (of this vault).
    ///
    /// Timing: in the epoch of the tracker; each delegation once per epoch (else
    /// VaultOperatorDelegationIsUpdated), in order (else VaultUpdateIncorrectIndex).
    #[account(0, name = "config")]
    #[account(1, writable, name = "vault")]
    #[account(2, writable, name = "vault_update_state_tracker")]
    BatchCrankVaultUpdateStateTracker = 34,

    /// Read-only query (an addition, the same tag in both numberings): sets the return data to
    /// this build's instruction numbering, one byte (0 master, 1 legacy; see `numbering`).
    /// Takes no account and no argument. The original binaries fail it (unknown tag).
    ///
    /// Must exist: nothing. No timing rule.
    GetNumbering = 36,
}

/// Raw tags of [`VaultInstruction`], for dispatch and clients.
pub mod tag {
    pub const INITIALIZE_CONFIG: u8 = 0;
    pub const INITIALIZE_VAULT: u8 = 1;
    pub const INITIALIZE_VAULT_WITH_MINT: u8 = 2;
    pub const INITIALIZE_VAULT_OPERATOR_DELEGATION: u8 = 3;
    pub const INITIALIZE_VAULT_NCN_TICKET: u8 = 4;
    pub const INITIALIZE_VAULT_NCN_SLASHER_OPERATOR_TICKET: u8 = 5;
    pub const INITIALIZE_VAULT_NCN_SLASHER_TICKET: u8 = 6;
    pub const WARMUP_VAULT_NCN_TICKET: u8 = 7;
    pub const COOLDOWN_VAULT_NCN_TICKET: u8 = 8;
    pub const WARMUP_VAULT_NCN_SLASHER_TICKET: u8 = 9;
    pub const COOLDOWN_VAULT_NCN_SLASHER_TICKET: u8 = 10;
    pub const MINT_TO: u8 = 11;
    pub const ENQUEUE_WITHDRAWAL: u8 = 12;
    pub const CHANGE_WITHDRAWAL_TICKET_OWNER: u8 = 13;
    pub const BURN_WITHDRAWAL_TICKET: u8 = 14;
    pub const SET_DEPOSIT_CAPACITY: u8 = 15;
    pub const SET_FEES: u8 = 16;
    pub const SET_PROGRAM_FEE: u8 = 17;
    pub const SET_PROGRAM_FEE_WALLET: u8 = 18;
    pub const SET_IS_PAUSED: u8 = 19;
    pub const DELEGATE_TOKEN_ACCOUNT: u8 = 20;
    pub const REVOKE_DELEGATE_TOKEN_ACCOUNT: u8 = 21;
    pub const SET_ADMIN: u8 = 22;
    pub const SET_SECONDARY_ADMIN: u8 = 23;
    pub const ADD_DELEGATION: u8 = 24;
    pub const COOLDOWN_DELEGATION: u8 = 25;
    pub const UPDATE_VAULT_BALANCE: u8 = 26;
    pub const INITIALIZE_VAULT_UPDATE_STATE_TRACKER: u8 = 27;
    pub const CRANK_VAULT_UPDATE_STATE_TRACKER: u8 = 28;
    pub const CLOSE_VAULT_UPDATE_STATE_TRACKER: u8 = 29;
    pub const CREATE_TOKEN_METADATA: u8 = 30;
    pub const UPDATE_TOKEN_METADATA: u8 = 31;
    pub const SET_CONFIG_ADMIN: u8 = 32;
    pub const SET_CONFIG_SECONDARY_ADMIN: u8 = 33;
    // Additions (not in the original), the same tags in both numberings.
    pub const BATCH_CRANK_VAULT_UPDATE_STATE_TRACKER: u8 = 34;
    pub const GET_NUMBERING: u8 = 36;
}

/// Config roles settable by SetConfigSecondaryAdmin.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankType)]
#[repr(u8)]
pub enum ConfigAdminRole {
    FeeAdmin = 0,
}

impl TryFrom<u8> for ConfigAdminRole {
    type Error = ProgramError;

    /// An unknown tag fails Borsh decoding in the original: `InvalidInstructionData` here.
    #[inline(always)]
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        match value {
            0 => Ok(Self::FeeAdmin),
            _ => Err(ProgramError::InvalidInstructionData),
        }
    }
}

/// Vault roles settable by SetSecondaryAdmin.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankType)]
#[repr(u8)]
pub enum VaultAdminRole {
    DelegationAdmin = 0,
    OperatorAdmin = 1,
    NcnAdmin = 2,
    SlasherAdmin = 3,
    CapacityAdmin = 4,
    FeeWallet = 5,
    MintBurnAdmin = 6,
    DelegateAssetAdmin = 7,
    FeeAdmin = 8,
    MetadataAdmin = 9,
}

impl TryFrom<u8> for VaultAdminRole {
    type Error = ProgramError;

    /// An unknown tag fails Borsh decoding in the original: `InvalidInstructionData` here.
    #[inline(always)]
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Ok(match value {
            0 => Self::DelegationAdmin,
            1 => Self::OperatorAdmin,
            2 => Self::NcnAdmin,
            3 => Self::SlasherAdmin,
            4 => Self::CapacityAdmin,
            5 => Self::FeeWallet,
            6 => Self::MintBurnAdmin,
            7 => Self::DelegateAssetAdmin,
            8 => Self::FeeAdmin,
            9 => Self::MetadataAdmin,
            _ => return Err(ProgramError::InvalidInstructionData),
        })
    }
}

/// How CrankVaultUpdateStateTracker allocates the assets to unstake.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ShankType)]
#[repr(u8)]
pub enum WithdrawalAllocationMethod {
    /// During withdrawal allocation, the greedy mode will subtract assets from operator delegations
    /// its iterating over in order to fulfill the withdrawal.
    Greedy = 0,
}

impl TryFrom<u8> for WithdrawalAllocationMethod {
    type Error = ProgramError;

    /// As the original's conversion of the stored byte: `InvalidArgument` when unknown.
    #[inline(always)]
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        match value {
            0 => Ok(Self::Greedy),
            _ => Err(ProgramError::InvalidArgument),
        }
    }
}

/// Little-endian readers for instruction arguments with the Borsh rules of
/// the original: the one reader of both programs, in core.
pub use jito_core::args;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip() {
        for i in 0..=9u8 {
            assert_eq!(VaultAdminRole::try_from(i).unwrap() as u8, i);
        }
        assert_eq!(
            VaultAdminRole::try_from(10),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(ConfigAdminRole::try_from(0), Ok(ConfigAdminRole::FeeAdmin));
        assert_eq!(
            ConfigAdminRole::try_from(1),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(
            WithdrawalAllocationMethod::try_from(0),
            Ok(WithdrawalAllocationMethod::Greedy)
        );
        assert_eq!(
            WithdrawalAllocationMethod::try_from(1),
            Err(ProgramError::InvalidArgument)
        );
    }

    #[test]
    fn arg_readers() {
        assert_eq!(args::u16_exact(&[1, 2]), Ok(0x0201));
        assert_eq!(
            args::u16_exact(&[1]),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(
            args::u16_exact(&[1, 2, 3]),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(args::u64_exact(&u64::MAX.to_le_bytes()), Ok(u64::MAX));
        assert_eq!(
            args::u64_exact(&[0; 9]),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(args::bool_exact(&[1]), Ok(true));
        assert_eq!(
            args::bool_exact(&[2]),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(
            args::bool_exact(&[]),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(args::option_u16(&[0, 9]), Ok((None, &[9u8][..])));
        assert_eq!(args::option_u16(&[1, 5, 0]), Ok((Some(5), &[][..])));
        assert_eq!(
            args::option_u16(&[1, 5]),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(
            args::option_u16(&[2, 5, 0]),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(
            args::option_u16(&[]),
            Err(ProgramError::InvalidInstructionData)
        );
    }
}

#[cfg(test)]
mod tag_tests {
    extern crate std;

    use super::*;

    /// The tag byte of a `#[repr(u8)]` enum value.
    fn tag_of(ix: &VaultInstruction) -> u8 {
        // SAFETY: a `#[repr(u8)]` enum starts with its `u8` discriminant.
        unsafe { *(ix as *const VaultInstruction as *const u8) }
    }

    #[test]
    fn tags_match_constants() {
        use VaultInstruction as I;
        let s = || String::new();
        let cases = [
            (
                I::InitializeConfig { program_fee_bps: 0 },
                tag::INITIALIZE_CONFIG,
            ),
            (
                I::InitializeVault {
                    deposit_fee_bps: 0,
                    withdrawal_fee_bps: 0,
                    reward_fee_bps: 0,
                    decimals: 0,
                    initialize_token_amount: 0,
                },
                tag::INITIALIZE_VAULT,
            ),
            (I::InitializeVaultWithMint, tag::INITIALIZE_VAULT_WITH_MINT),
            (
                I::InitializeVaultOperatorDelegation,
                tag::INITIALIZE_VAULT_OPERATOR_DELEGATION,
            ),
            (
                I::InitializeVaultNcnTicket,
                tag::INITIALIZE_VAULT_NCN_TICKET,
            ),
            (
                I::InitializeVaultNcnSlasherOperatorTicket,
                tag::INITIALIZE_VAULT_NCN_SLASHER_OPERATOR_TICKET,
            ),
            (
                I::InitializeVaultNcnSlasherTicket,
                tag::INITIALIZE_VAULT_NCN_SLASHER_TICKET,
            ),
            (I::WarmupVaultNcnTicket, tag::WARMUP_VAULT_NCN_TICKET),
            (I::CooldownVaultNcnTicket, tag::COOLDOWN_VAULT_NCN_TICKET),
            (
                I::WarmupVaultNcnSlasherTicket,
                tag::WARMUP_VAULT_NCN_SLASHER_TICKET,
            ),
            (
                I::CooldownVaultNcnSlasherTicket,
                tag::COOLDOWN_VAULT_NCN_SLASHER_TICKET,
            ),
            (
                I::MintTo {
                    amount_in: 0,
                    min_amount_out: 0,
                },
                tag::MINT_TO,
            ),
            (I::EnqueueWithdrawal { amount: 0 }, tag::ENQUEUE_WITHDRAWAL),
            (
                I::ChangeWithdrawalTicketOwner,
                tag::CHANGE_WITHDRAWAL_TICKET_OWNER,
            ),
            (I::BurnWithdrawalTicket, tag::BURN_WITHDRAWAL_TICKET),
            (
                I::SetDepositCapacity { amount: 0 },
                tag::SET_DEPOSIT_CAPACITY,
            ),
            (
                I::SetFees {
                    deposit_fee_bps: None,
                    withdrawal_fee_bps: None,
                    reward_fee_bps: None,
                },
                tag::SET_FEES,
            ),
            (I::SetProgramFee { new_fee_bps: 0 }, tag::SET_PROGRAM_FEE),
            (I::SetProgramFeeWallet, tag::SET_PROGRAM_FEE_WALLET),
            (I::SetIsPaused { is_paused: false }, tag::SET_IS_PAUSED),
            (I::DelegateTokenAccount, tag::DELEGATE_TOKEN_ACCOUNT),
            (
                I::RevokeDelegateTokenAccount,
                tag::REVOKE_DELEGATE_TOKEN_ACCOUNT,
            ),
            (I::SetAdmin, tag::SET_ADMIN),
            (
                I::SetSecondaryAdmin(VaultAdminRole::FeeAdmin),
                tag::SET_SECONDARY_ADMIN,
            ),
            (I::AddDelegation { amount: 0 }, tag::ADD_DELEGATION),
            (
                I::CooldownDelegation { amount: 0 },
                tag::COOLDOWN_DELEGATION,
            ),
            (I::UpdateVaultBalance, tag::UPDATE_VAULT_BALANCE),
            (
                I::InitializeVaultUpdateStateTracker {
                    withdrawal_allocation_method: WithdrawalAllocationMethod::Greedy,
                },
                tag::INITIALIZE_VAULT_UPDATE_STATE_TRACKER,
            ),
            (
                I::CrankVaultUpdateStateTracker,
                tag::CRANK_VAULT_UPDATE_STATE_TRACKER,
            ),
            (
                I::CloseVaultUpdateStateTracker { ncn_epoch: 0 },
                tag::CLOSE_VAULT_UPDATE_STATE_TRACKER,
            ),
            (
                I::CreateTokenMetadata {
                    name: s(),
                    symbol: s(),
                    uri: s(),
                },
                tag::CREATE_TOKEN_METADATA,
            ),
            (
                I::UpdateTokenMetadata {
                    name: s(),
                    symbol: s(),
                    uri: s(),
                },
                tag::UPDATE_TOKEN_METADATA,
            ),
            (I::SetConfigAdmin, tag::SET_CONFIG_ADMIN),
            (
                I::SetConfigSecondaryAdmin(ConfigAdminRole::FeeAdmin),
                tag::SET_CONFIG_SECONDARY_ADMIN,
            ),
            (
                I::BatchCrankVaultUpdateStateTracker,
                tag::BATCH_CRANK_VAULT_UPDATE_STATE_TRACKER,
            ),
        ];
        // The original's 34 instructions, then the additions.
        assert_eq!(cases.len(), 35);
        for (i, (ix, t)) in cases.iter().enumerate() {
            assert_eq!(tag_of(ix), *t, "{ix:?}");
            assert_eq!(*t as usize, i);
        }
        assert_eq!(tag_of(&I::GetNumbering), tag::GET_NUMBERING);
    }
}

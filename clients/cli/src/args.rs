//! The command tree. Command and flag names follow the original `jito-restaking-cli`
//! (jito-foundation/restaking `cli/src/{cli_args,restaking,vault}.rs`), so scripts written for it
//! keep working; `vault vault update`, `restaking ncn status` and `vault vault status` are added.
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use jito_vault_client::Address;

#[derive(Parser, Debug)]
#[command(
    name = "jito-restaking-cli",
    version,
    about = "A CLI for managing restaking and vault operations"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<ProgramCommand>,

    /// Print the whole command tree as Markdown (as the original's hidden flag)
    #[arg(long, global = true, hide = true)]
    pub markdown_help: bool,

    /// Path to a Solana CLI configuration file (json_rpc_url, keypair_path, commitment)
    #[arg(long, global = true)]
    pub config_file: Option<PathBuf>,

    /// RPC URL to use
    #[arg(long, global = true)]
    pub rpc_url: Option<String>,

    /// Commitment level (processed, confirmed, finalized)
    #[arg(long, global = true)]
    pub commitment: Option<String>,

    /// Restaking program ID
    #[arg(long, global = true)]
    pub restaking_program_id: Option<Address>,

    /// Vault program ID
    #[arg(long, global = true)]
    pub vault_program_id: Option<Address>,

    /// Path to the signer's keypair file
    #[arg(long, global = true)]
    pub signer: Option<String>,

    /// Verbose mode: program logs of failed transactions, addresses derived
    #[arg(long, global = true)]
    pub verbose: bool,

    /// Print the unsigned transaction (base58 and base64) instead of sending it, e.g. for Squads
    #[arg(long, global = true)]
    pub print_tx: bool,

    /// Print account information in JSON format
    #[arg(long, global = true)]
    pub print_json: bool,

    /// Print account information in JSON format, reserved space included
    #[arg(long, global = true)]
    pub print_json_with_reserves: bool,
}

#[derive(Subcommand, Debug)]
pub enum ProgramCommand {
    /// Restaking program commands
    Restaking {
        #[command(subcommand)]
        action: RestakingCommands,
    },
    /// Vault program commands
    Vault {
        #[command(subcommand)]
        action: VaultCommands,
    },
}

#[derive(Subcommand, Debug)]
pub enum RestakingCommands {
    /// Initialize, get, and set the config struct
    Config {
        #[command(subcommand)]
        action: RestakingConfigActions,
    },
    /// NCN commands
    Ncn {
        #[command(subcommand)]
        action: NcnActions,
    },
    /// Operator commands
    Operator {
        #[command(subcommand)]
        action: OperatorActions,
    },
}

#[derive(Subcommand, Debug)]
pub enum RestakingConfigActions {
    /// Initialize the config (the signer becomes its admin)
    Initialize,
    /// Get the config
    Get,
    /// Set the config admin
    SetAdmin {
        /// The new admin's pubkey
        new_admin: Address,
    },
}

#[derive(Subcommand, Debug)]
pub enum NcnActions {
    /// Initialize NCN
    Initialize {
        /// Keypair file of the NCN's base (a fresh one when absent)
        #[arg(long)]
        path_to_base_keypair: Option<String>,
    },
    /// Initialize NCN Operator State
    InitializeNcnOperatorState { ncn: Address, operator: Address },
    /// Warmup NCN Operator State
    NcnWarmupOperator { ncn: Address, operator: Address },
    /// NCN Cooldown Operator State
    NcnCooldownOperator { ncn: Address, operator: Address },
    /// Initialize NCN Vault Ticket
    InitializeNcnVaultTicket { ncn: Address, vault: Address },
    /// Warmup NCN Vault Ticket
    WarmupNcnVaultTicket { ncn: Address, vault: Address },
    /// Cooldown NCN Vault Ticket
    CooldownNcnVaultTicket { ncn: Address, vault: Address },
    /// NCN Delegate Token Account
    NcnDelegateTokenAccount {
        ncn: Address,
        delegate: Address,
        token_mint: Address,
        /// Create the NCN's associated token account first (idempotent)
        #[arg(long)]
        should_create_token_account: bool,
    },
    /// Get NCN
    Get { pubkey: Address },
    /// List all NCNs
    List,
    /// List All Ncn Operator State for a NCN
    ListNcnOperatorState { ncn: Address },
    /// List All Ncn Vault Ticket for a NCN
    ListNcnVaultTicket { ncn: Address },
    /// Set NCN Admin
    NcnSetAdmin {
        /// The NCN pubkey
        ncn: Address,
        /// Keypair file of the old admin
        #[arg(long)]
        old_admin_keypair: String,
        /// Keypair file of the new admin
        #[arg(long)]
        new_admin_keypair: String,
    },
    /// Set NCN Secondary Admin
    NcnSetSecondaryAdmin {
        ncn: Address,
        new_admin: Address,
        #[arg(long)]
        set_operator_admin: bool,
        #[arg(long)]
        set_vault_admin: bool,
        #[arg(long)]
        set_slasher_admin: bool,
        #[arg(long)]
        set_delegate_admin: bool,
        #[arg(long)]
        set_metadata_admin: bool,
        #[arg(long)]
        set_weight_table_admin: bool,
        #[arg(long)]
        set_ncn_program_admin: bool,
    },
    /// A human summary of an NCN: its operators and vaults with their opt-in states (added)
    Status { ncn: Address },
}

#[derive(Subcommand, Debug)]
pub enum OperatorActions {
    /// Initialize Operator
    Initialize {
        operator_fee_bps: u16,
        /// Keypair file of the operator's base (a fresh one when absent)
        #[arg(long)]
        path_to_base_keypair: Option<String>,
    },
    /// Initialize Operator Vault Ticket
    InitializeOperatorVaultTicket { operator: Address, vault: Address },
    /// Warmup Operator Vault Ticket
    WarmupOperatorVaultTicket { operator: Address, vault: Address },
    /// Cooldown Operator Vault Ticket
    CooldownOperatorVaultTicket { operator: Address, vault: Address },
    /// Operator Warmup NCN
    OperatorWarmupNcn { operator: Address, ncn: Address },
    /// Operator Cooldown NCN
    OperatorCooldownNcn { operator: Address, ncn: Address },
    /// Operator Set Admin
    OperatorSetAdmin {
        operator: Address,
        #[arg(long)]
        old_admin_keypair: String,
        #[arg(long)]
        new_admin_keypair: String,
    },
    /// Operator Set Secondary Admin
    OperatorSetSecondaryAdmin {
        operator: Address,
        new_admin: Address,
        #[arg(long)]
        set_ncn_admin: bool,
        #[arg(long)]
        set_vault_admin: bool,
        #[arg(long)]
        set_voter_admin: bool,
        #[arg(long)]
        set_delegate_admin: bool,
        #[arg(long)]
        set_metadata_admin: bool,
    },
    /// Sets the operator fee
    OperatorSetFees {
        operator: Address,
        operator_fee_bps: u16,
    },
    /// Operator Delegate Token Account
    OperatorDelegateTokenAccount {
        operator: Address,
        delegate: Address,
        token_mint: Address,
        #[arg(long)]
        should_create_token_account: bool,
    },
    /// Get operator
    Get { pubkey: Address },
    /// List all operators
    List,
    /// List Operator Vault Ticket for an Operator
    ListOperatorVaultTicket { operator: Address },
    /// List All Ncn Operator State for a Operator
    ListNcnOperatorState { operator: Address },
}

#[derive(Subcommand, Debug)]
pub enum VaultCommands {
    /// Vault program config commands
    Config {
        #[command(subcommand)]
        action: VaultConfigActions,
    },
    /// Vault commands
    Vault {
        #[command(subcommand)]
        action: VaultActions,
    },
}

#[derive(Subcommand, Debug)]
pub enum VaultConfigActions {
    /// Creates global config (can only be done once)
    Initialize {
        /// The program fee in basis points
        program_fee_bps: u16,
        /// The program fee wallet pubkey
        program_fee_wallet: Address,
    },
    /// Fetches global config
    Get,
    /// Set the config admin
    SetAdmin { new_admin: Address },
    /// Set the config secondary admin
    SetSecondaryAdmin {
        new_admin: Address,
        #[arg(long)]
        set_fee_admin: bool,
    },
    /// Set the program fee
    SetProgramFee { new_fee_bps: u16 },
    /// Set the program fee wallet
    SetProgramFeeWallet { program_fee_wallet: Address },
}

#[derive(Subcommand, Debug)]
pub enum VaultActions {
    /// Creates a new vault
    Initialize {
        /// The token which is allowed to be deposited into the vault
        token_mint: Address,
        deposit_fee_bps: u16,
        withdrawal_fee_bps: u16,
        reward_fee_bps: u16,
        /// The decimals of the token
        decimals: u8,
        /// The amount of tokens to initialize the vault with (in the smallest unit)
        initialize_token_amount: u64,
        /// Keypair file of the VRT mint (a fresh one when absent)
        vrt_mint_address_file_path: Option<PathBuf>,
    },
    /// Creates token metadata for the vault's VRT
    CreateTokenMetadata {
        vault: Address,
        name: String,
        symbol: String,
        uri: String,
    },
    /// Updates token metadata of the vault's VRT
    UpdateTokenMetadata {
        vault: Address,
        name: String,
        symbol: String,
        uri: String,
    },
    /// Starts the vault update cycle
    InitializeVaultUpdateStateTracker { vault: Address },
    /// Cranks the vault update state tracker, needs to be run per operator
    CrankVaultUpdateStateTracker { vault: Address, operator: Address },
    /// Ends the vault update cycle
    CloseVaultUpdateStateTracker {
        vault: Address,
        /// NCN epoch to close (the current one when absent)
        ncn_epoch: Option<u64>,
    },
    /// Mints VRT tokens
    #[command(name = "mint-vrt")]
    MintVRT {
        vault: Address,
        amount_in: u64,
        min_amount_out: u64,
    },
    /// Sets up the delegations for an operator
    InitializeOperatorDelegation { vault: Address, operator: Address },
    /// Delegates tokens to an operator
    DelegateToOperator {
        vault: Address,
        operator: Address,
        amount: u64,
    },
    /// Cooldown delegation for an operator
    CooldownOperatorDelegation {
        vault: Address,
        operator: Address,
        amount: u64,
    },
    /// Initialize Vault NCN Ticket
    InitializeVaultNcnTicket { vault: Address, ncn: Address },
    /// Warmup Vault NCN Ticket
    WarmupVaultNcnTicket { vault: Address, ncn: Address },
    /// Cooldown Vault NCN Ticket
    CooldownVaultNcnTicket { vault: Address, ncn: Address },
    /// Starts the withdrawal process (the ticket's base is the signer)
    EnqueueWithdrawal { vault: Address, amount: u64 },
    /// Change withdrawal ticket owner
    ChangeWithdrawalTicketOwner {
        vault: Address,
        #[arg(long)]
        old_ticket_owner_keypair: String,
        new_ticket_owner: Address,
    },
    /// Burns the withdrawal ticket, ending the withdrawal process
    BurnWithdrawalTicket { vault: Address },
    /// Gets the update state tracker for a vault
    GetVaultUpdateStateTracker { vault: Address },
    /// Gets the operator delegations for a vault
    GetOperatorDelegations { vault: Address },
    /// Gets the operator delegation for a vault
    GetOperatorDelegation { vault: Address, operator: Address },
    /// Gets the withdrawal ticket of a staker (the signer when absent)
    GetWithdrawalTicket {
        vault: Address,
        staker: Option<Address>,
    },
    /// Gets a vault
    Get { pubkey: Address },
    /// List all vaults
    List,
    /// Set Admin
    SetAdmin {
        vault: Address,
        #[arg(long)]
        old_admin_keypair: String,
        #[arg(long)]
        new_admin_keypair: String,
    },
    /// Sets the deposit capacity in the vault
    SetCapacity { vault: Address, amount: u64 },
    /// Sets the fees in the vault (unset fees keep their value)
    SetFees {
        vault: Address,
        #[arg(long)]
        deposit_fee_bps: Option<u16>,
        #[arg(long)]
        withdrawal_fee_bps: Option<u16>,
        #[arg(long)]
        reward_fee_bps: Option<u16>,
    },
    /// Sets the vault's pause state
    SetIsPaused {
        vault: Address,
        #[arg(long)]
        set_pause: bool,
    },
    /// Set Secondary Admin
    SetSecondaryAdmin {
        vault: Address,
        new_admin: Address,
        #[arg(long)]
        set_delegation_admin: bool,
        #[arg(long)]
        set_operator_admin: bool,
        #[arg(long)]
        set_ncn_admin: bool,
        #[arg(long)]
        set_slasher_admin: bool,
        #[arg(long)]
        set_capacity_admin: bool,
        #[arg(long)]
        set_fee_wallet: bool,
        #[arg(long)]
        set_mint_burn_admin: bool,
        #[arg(long)]
        set_delegate_asset_admin: bool,
        #[arg(long)]
        set_fee_admin: bool,
        #[arg(long)]
        set_metadata_admin: bool,
    },
    /// Update Vault Balance
    UpdateVaultBalance { vault: Address },
    /// Delegate a token account of the vault
    DelegateTokenAccount {
        vault: Address,
        delegate: Address,
        token_mint: Address,
        token_account: Address,
    },
    /// Transfer tokens out of a token account the signer is the delegate of (SPL Token Transfer)
    DelegatedTokenTransfer {
        /// The token account (delegated to the signer)
        token_account: Address,
        /// The recipient token account
        recipient_pubkey: Address,
        amount: u64,
    },
    /// The vault's whole epoch update: tracker, every operator in order, close; resumes a
    /// partial update (added)
    Update {
        /// The vault (or --all)
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        vault: Option<Address>,
        /// Every vault of the program that needs an update
        #[arg(long)]
        all: bool,
    },
    /// A human summary of a vault: balances, NCNs, delegations, withdrawal tickets, update (added)
    Status { vault: Address },
}

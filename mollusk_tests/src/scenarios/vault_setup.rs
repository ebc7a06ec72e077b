//! Scenario: one initialized vault with its depositors ([`VaultSetup`] on the one [`World`]),
//! for the deposit / withdrawal / token / metadata tests: the instruction data and
//! builders keyed by the setup, the fee and exchange-rate math restated for expectations.
//! Accounts are read back with the client's decoders ([`VaultState::from_bytes`],
//! [`TicketModel::decode`]); [`World::exec`] decodes every vault account it changes.

use jito_vault_client::{
    instructions::{
        CloseVaultUpdateStateTrackerBuilder, CreateTokenMetadataBuilder, EnqueueWithdrawalBuilder,
        InitializeVaultBuilder, InitializeVaultUpdateStateTrackerBuilder, MintToBuilder,
        SetDepositCapacityBuilder, SetIsPausedBuilder, SetSecondaryAdminBuilder,
        UpdateTokenMetadataBuilder,
    },
    types::WithdrawalAllocationMethod,
};

use crate::{
    mint_data, system_account, token_account_data, Account, Instruction, InstructionResult, Pubkey,
    TOKEN_PROGRAM_ID, VAULT_PROGRAM_ID,
};

pub use crate::pda::METAPLEX_ID;

/// The original's default epoch length.
pub use crate::layout_oracle::DEFAULT_EPOCH_LENGTH;
/// The original's default initial deposit used by its test clients.
pub const INITIAL_AMOUNT: u64 = 10_000;

pub const VAULT_LEN: usize = VaultState::LEN;
pub use crate::layout_oracle::{ConfigState, Delegation, VaultState};
pub use crate::layout_oracle::{TicketModel, TICKET_LEN};

/// Instruction tags (the shared table).
pub use crate::codes::vault_tag as tag;

// ---------------------------------------------------------------------------
// PDAs
// ---------------------------------------------------------------------------

pub use crate::pda::{
    metadata_pda as metadata_address,
    vault::{
        burn_vault_pda as burn_vault_address, config_pda as config_address,
        vault_pda as vault_address, withdrawal_ticket_pda as ticket_address,
    },
};

/// SPL Token associated token address.
pub fn ata(owner: &Pubkey, mint: &Pubkey) -> Pubkey {
    crate::associated_token_address(owner, mint, &TOKEN_PROGRAM_ID)
}

// ---------------------------------------------------------------------------
// Byte models
// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// Fee / exchange-rate math of the original, restated for expectations
// ---------------------------------------------------------------------------

pub fn fee_ceil(amount: u64, bps: u16) -> u64 {
    ((amount as u128 * bps as u128).div_ceil(10_000)) as u64
}

/// VRT minted for `amount` supported tokens (before the deposit fee).
pub fn vrt_for(amount: u64, vrt_supply: u64, tokens_deposited: u64) -> u64 {
    if tokens_deposited == 0 {
        amount
    } else {
        (amount as u128 * vrt_supply as u128 / tokens_deposited as u128) as u64
    }
}

// ---------------------------------------------------------------------------
// Instruction data (from the generated client's builders)
// ---------------------------------------------------------------------------

pub fn mint_to_data(amount_in: u64, min_amount_out: u64) -> Vec<u8> {
    MintToBuilder::new()
        .config(ANY)
        .vault(ANY)
        .vrt_mint(ANY)
        .depositor(ANY)
        .depositor_token_account(ANY)
        .vault_token_account(ANY)
        .depositor_vrt_token_account(ANY)
        .vault_fee_token_account(ANY)
        .amount_in(amount_in)
        .min_amount_out(min_amount_out)
        .instruction()
        .data
}

pub fn enqueue_withdrawal_data(amount: u64) -> Vec<u8> {
    EnqueueWithdrawalBuilder::new()
        .config(ANY)
        .vault(ANY)
        .vault_staker_withdrawal_ticket(ANY)
        .vault_staker_withdrawal_ticket_token_account(ANY)
        .staker(ANY)
        .staker_vrt_token_account(ANY)
        .base(ANY)
        .amount(amount)
        .instruction()
        .data
}

/// Borsh: `u32` length then the UTF-8 bytes. Only for the expected bytes of the
/// Metaplex CPI (another program's instruction, the tests' independent oracle).
pub fn borsh_string(out: &mut Vec<u8>, s: &[u8]) {
    out.extend_from_slice(&(s.len() as u32).to_le_bytes());
    out.extend_from_slice(s);
}

/// A `String` the client can take for `bytes`: the text itself when it is
/// UTF-8, else the same number of placeholder bytes (see [`patch_strings`]).
fn client_string(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => "?".repeat(bytes.len()),
    }
}

/// Malformed-data mutation: after the client built a metadata instruction from
/// placeholder strings of the same lengths, writes the raw (non-UTF-8) bytes
/// over them in place; the client's tag and length prefixes stay.
fn patch_strings(data: &mut [u8], strings: [&[u8]; 3]) {
    if strings.iter().all(|s| std::str::from_utf8(s).is_ok()) {
        return;
    }
    let mut offset = 1;
    for s in strings {
        offset += 4;
        data[offset..offset + s.len()].copy_from_slice(s);
        offset += s.len();
    }
    assert_eq!(offset, data.len());
}

/// Data of CreateTokenMetadata (tag 30) or UpdateTokenMetadata (tag 31).
pub fn metadata_ix_data(tag: u8, name: &[u8], symbol: &[u8], uri: &[u8]) -> Vec<u8> {
    let mut data = match tag {
        tag::CREATE_TOKEN_METADATA => {
            CreateTokenMetadataBuilder::new()
                .vault(ANY)
                .admin(ANY)
                .vrt_mint(ANY)
                .payer(ANY)
                .metadata(ANY)
                .name(client_string(name))
                .symbol(client_string(symbol))
                .uri(client_string(uri))
                .instruction()
                .data
        }
        tag::UPDATE_TOKEN_METADATA => {
            UpdateTokenMetadataBuilder::new()
                .vault(ANY)
                .admin(ANY)
                .vrt_mint(ANY)
                .metadata(ANY)
                .name(client_string(name))
                .symbol(client_string(symbol))
                .uri(client_string(uri))
                .instruction()
                .data
        }
        other => panic!("tag {other} is not a metadata instruction"),
    };
    patch_strings(&mut data, [name, symbol, uri]);
    data
}

// ---------------------------------------------------------------------------
// Account helpers
// ---------------------------------------------------------------------------

pub fn token_account(mint: &Pubkey, owner: &Pubkey, amount: u64) -> Account {
    crate::owned_account(&TOKEN_PROGRAM_ID, token_account_data(mint, owner, amount))
}

pub fn mint_account(authority: Option<&Pubkey>, supply: u64, decimals: u8) -> Account {
    crate::owned_account(&TOKEN_PROGRAM_ID, mint_data(authority, supply, decimals))
}

pub fn vault_owned(data: Vec<u8>) -> Account {
    crate::owned_account(&VAULT_PROGRAM_ID, data)
}

/// Token account bytes with a delegate.
pub fn token_account_with_delegate(
    mint: &Pubkey,
    owner: &Pubkey,
    amount: u64,
    delegate: &Pubkey,
    delegated_amount: u64,
) -> Vec<u8> {
    let mut d = token_account_data(mint, owner, amount);
    d[72] = 1;
    d[76..108].copy_from_slice(delegate.as_ref());
    d[121..129].copy_from_slice(&delegated_amount.to_le_bytes());
    d
}

// ---------------------------------------------------------------------------
// World
// ---------------------------------------------------------------------------

pub use crate::world::{vault::*, World};

impl World {
    /// The vault at `key`, decoded by the client and checked against the layout oracle.
    pub fn vault(&self, key: &Pubkey) -> VaultState {
        VaultState::from_bytes(&self.get(key).data)
    }
}

/// Everything a test needs about one initialized vault.
#[derive(Clone, Debug)]
pub struct VaultSetup {
    pub config: Pubkey,
    pub config_admin: Pubkey,
    pub program_fee_wallet: Pubkey,
    pub vault: Pubkey,
    pub base: Pubkey,
    pub vrt_mint: Pubkey,
    pub st_mint: Pubkey,
    pub admin: Pubkey,
    pub admin_st_ata: Pubkey,
    pub vault_st_ata: Pubkey,
    pub burn_vault: Pubkey,
    pub burn_vault_vrt_ata: Pubkey,
    pub decimals: u8,
}

pub const ADMIN_LAMPORTS: u64 = 100_000_000_000;

impl VaultSetup {
    /// Fresh keys for one vault.
    pub fn keys() -> Self {
        let base = Pubkey::new_unique();
        let vault = vault_address(&base).0;
        let vrt_mint = Pubkey::new_unique();
        let st_mint = Pubkey::new_unique();
        let admin = Pubkey::new_unique();
        let burn_vault = burn_vault_address(&base).0;
        Self {
            config: config_address().0,
            config_admin: Pubkey::new_unique(),
            program_fee_wallet: Pubkey::new_unique(),
            vault,
            base,
            vrt_mint,
            st_mint,
            admin,
            admin_st_ata: ata(&admin, &st_mint),
            vault_st_ata: ata(&vault, &st_mint),
            burn_vault,
            burn_vault_vrt_ata: ata(&burn_vault, &vrt_mint),
            decimals: 9,
        }
    }

    /// Puts the pre-InitializeVault accounts in the world: config, ST mint,
    /// the admin's and the vault's ST accounts, a funded admin.
    pub fn install_prerequisites(&self, world: &mut World, config: &ConfigState, admin_st: u64) {
        world.set(self.config, vault_owned(config.to_bytes()));
        world.set(
            self.st_mint,
            mint_account(Some(&Pubkey::new_unique()), 1_000_000_000_000, 6),
        );
        world.set(
            self.admin_st_ata,
            token_account(&self.st_mint, &self.admin, admin_st),
        );
        world.set(
            self.vault_st_ata,
            token_account(&self.st_mint, &self.vault, 0),
        );
        world.set(self.admin, system_account(ADMIN_LAMPORTS));
        world.set(self.base, system_account(0));
        world.set(self.vrt_mint, system_account(0));
        world.set(self.burn_vault, system_account(0));
        world.set(self.burn_vault_vrt_ata, system_account(0));
        world.set(self.vault, system_account(0));
    }

    pub fn initialize_vault_ix(
        &self,
        deposit_fee_bps: u16,
        withdrawal_fee_bps: u16,
        reward_fee_bps: u16,
        initialize_token_amount: u64,
    ) -> Instruction {
        InitializeVaultBuilder::new()
            .config(self.config)
            .vault(self.vault)
            .vrt_mint(self.vrt_mint)
            .st_mint(self.st_mint)
            .admin_st_token_account(self.admin_st_ata)
            .vault_st_token_account(self.vault_st_ata)
            .burn_vault(self.burn_vault)
            .burn_vault_vrt_token_account(self.burn_vault_vrt_ata)
            .admin(self.admin)
            .base(self.base)
            .deposit_fee_bps(deposit_fee_bps)
            .withdrawal_fee_bps(withdrawal_fee_bps)
            .reward_fee_bps(reward_fee_bps)
            .decimals(self.decimals)
            .initialize_token_amount(initialize_token_amount)
            .instruction()
    }

    /// A world with one vault initialized through `InitializeVault`, at `slot`.
    pub fn world(
        config: &ConfigState,
        slot: u64,
        deposit_fee_bps: u16,
        withdrawal_fee_bps: u16,
        reward_fee_bps: u16,
    ) -> (World, Self) {
        let mut world = World::new();
        world.warp(slot);
        let setup = Self::keys();
        setup.install_prerequisites(&mut world, config, INITIAL_AMOUNT * 10);
        let ix = setup.initialize_vault_ix(
            deposit_fee_bps,
            withdrawal_fee_bps,
            reward_fee_bps,
            INITIAL_AMOUNT,
        );
        world.exec(&ix);
        (world, setup)
    }

    /// The vault as InitializeVault leaves it (independent expectation).
    #[allow(clippy::too_many_arguments)]
    pub fn expected_new_vault(
        &self,
        vault_index: u64,
        deposit_fee_bps: u16,
        withdrawal_fee_bps: u16,
        reward_fee_bps: u16,
        program_fee_bps: u16,
        slot: u64,
        initial: u64,
    ) -> VaultState {
        let mut v = VaultState::new(self.base, self.vrt_mint, self.st_mint, self.admin, slot);
        (v.vrt_supply, v.tokens_deposited, v.vault_index) = (initial, initial, vault_index);
        (v.deposit_fee_bps, v.withdrawal_fee_bps) = (deposit_fee_bps, withdrawal_fee_bps);
        v.next_withdrawal_fee_bps = withdrawal_fee_bps;
        (v.reward_fee_bps, v.program_fee_bps) = (reward_fee_bps, program_fee_bps);
        v
    }

    /// Rewrites the stored vault through its model.
    pub fn edit_vault(&self, world: &mut World, f: impl FnOnce(&mut VaultState)) {
        let mut model = world.vault(&self.vault);
        f(&mut model);
        let mut acc = world.get(&self.vault).clone();
        acc.data = model.to_bytes();
        world.set(self.vault, acc);
    }

    /// A depositor with `st` supported tokens in its ATA and an empty VRT ATA.
    pub fn add_depositor(&self, world: &mut World, st: u64) -> Pubkey {
        let depositor = Pubkey::new_unique();
        world.set(depositor, system_account(10_000_000_000));
        world.set(
            ata(&depositor, &self.st_mint),
            token_account(&self.st_mint, &depositor, st),
        );
        world.set(
            ata(&depositor, &self.vrt_mint),
            token_account(&self.vrt_mint, &depositor, 0),
        );
        self.ensure_vrt_ata(world, &depositor);
        depositor
    }

    /// Creates the VRT ATA of `owner` if absent.
    pub fn ensure_vrt_ata(&self, world: &mut World, owner: &Pubkey) -> Pubkey {
        let key = ata(owner, &self.vrt_mint);
        if !world.accounts.contains_key(&key) {
            world.set(key, token_account(&self.vrt_mint, owner, 0));
        }
        key
    }

    /// Creates the ST ATA of `owner` if absent.
    pub fn ensure_st_ata(&self, world: &mut World, owner: &Pubkey) -> Pubkey {
        let key = ata(owner, &self.st_mint);
        if !world.accounts.contains_key(&key) {
            world.set(key, token_account(&self.st_mint, owner, 0));
        }
        key
    }

    pub fn mint_to_ix(
        &self,
        depositor: &Pubkey,
        fee_wallet: &Pubkey,
        amount_in: u64,
        min_amount_out: u64,
        mint_signer: Option<&Pubkey>,
    ) -> Instruction {
        let t = self.tokens();
        mint_to(
            &t,
            depositor,
            fee_wallet,
            amount_in,
            min_amount_out,
            mint_signer,
        )
    }

    pub fn enqueue_ix(
        &self,
        staker: &Pubkey,
        ticket_base: &Pubkey,
        amount: u64,
        burn_signer: Option<&Pubkey>,
    ) -> Instruction {
        enqueue_withdrawal(&self.tokens(), staker, ticket_base, amount, burn_signer)
    }

    pub fn change_owner_ix(
        &self,
        ticket: &Pubkey,
        old_owner: &Pubkey,
        new_owner: &Pubkey,
    ) -> Instruction {
        change_withdrawal_ticket_owner(&self.config, &self.vault, ticket, old_owner, new_owner)
    }

    pub fn burn_ix(
        &self,
        staker: &Pubkey,
        ticket: &Pubkey,
        vault_fee_wallet: &Pubkey,
        program_fee_wallet: &Pubkey,
        burn_signer: Option<&Pubkey>,
    ) -> Instruction {
        let t = self.tokens();
        burn_withdrawal_ticket(
            &t,
            staker,
            ticket,
            vault_fee_wallet,
            program_fee_wallet,
            burn_signer,
        )
    }

    pub fn update_balance_ix(&self, fee_wallet: &Pubkey) -> Instruction {
        update_vault_balance(&self.tokens(), fee_wallet)
    }

    /// The accounts the deposit and withdrawal builders take.
    pub fn tokens(&self) -> VaultTokens {
        VaultTokens {
            config: self.config,
            vault: self.vault,
            vrt_mint: self.vrt_mint,
            st_mint: self.st_mint,
            vault_st_ata: self.vault_st_ata,
        }
    }
}

// ---------------------------------------------------------------------------
// Instruction tweaks for failure tests
// ---------------------------------------------------------------------------

/// `ix` with account `i` no longer a signer.
pub fn unsign(mut ix: Instruction, i: usize) -> Instruction {
    ix.accounts[i].is_signer = false;
    ix
}

/// `ix` with account `i` read-only.
pub fn make_readonly(mut ix: Instruction, i: usize) -> Instruction {
    ix.accounts[i].is_writable = false;
    ix
}

/// `ix` with account `i` replaced by `key` (same flags).
pub fn replace(mut ix: Instruction, i: usize, key: &Pubkey) -> Instruction {
    ix.accounts[i].pubkey = *key;
    ix
}

/// `ix` with its last account removed.
pub fn drop_last(mut ix: Instruction) -> Instruction {
    ix.accounts.pop();
    ix
}

// ---------------------------------------------------------------------------
// Epoch update through the real update-tracker instructions
// ---------------------------------------------------------------------------

pub fn tracker_address(vault: &Pubkey, ncn_epoch: u64) -> Pubkey {
    crate::pda::vault::tracker_pda(vault, ncn_epoch).0
}

impl VaultSetup {
    /// Runs InitializeVaultUpdateStateTracker then CloseVaultUpdateStateTracker
    /// (a vault without operators needs no crank) for the current epoch.
    pub fn full_update(&self, world: &mut World, epoch_length: u64) {
        let epoch = world.slot() / epoch_length;
        let tracker = tracker_address(&self.vault, epoch);
        let payer = Pubkey::new_unique();
        world.set(payer, system_account(1_000_000_000));
        world.exec(
            &InitializeVaultUpdateStateTrackerBuilder::new()
                .config(self.config)
                .vault(self.vault)
                .vault_update_state_tracker(tracker)
                .payer(payer)
                .withdrawal_allocation_method(WithdrawalAllocationMethod::Greedy)
                .instruction(),
        );
        world.exec(
            &CloseVaultUpdateStateTrackerBuilder::new()
                .config(self.config)
                .vault(self.vault)
                .vault_update_state_tracker(tracker)
                .payer(payer)
                .ncn_epoch(epoch)
                .instruction(),
        );
    }
}

// ---------------------------------------------------------------------------
// Admin instructions used to set up states (owned by the admin processors)
// ---------------------------------------------------------------------------

impl VaultSetup {
    pub fn set_paused(&self, world: &mut World, paused: bool) {
        world.exec(
            &SetIsPausedBuilder::new()
                .config(self.config)
                .vault(self.vault)
                .admin(self.admin)
                .is_paused(paused)
                .instruction(),
        );
    }

    pub fn set_capacity(&self, world: &mut World, capacity: u64) {
        world.exec(
            &SetDepositCapacityBuilder::new()
                .config(self.config)
                .vault(self.vault)
                .admin(self.admin)
                .amount(capacity)
                .instruction(),
        );
    }

    /// SetSecondaryAdmin: `role` is the original's VaultAdminRole index
    /// (5 FeeWallet, 6 MintBurnAdmin, 7 DelegateAssetAdmin).
    pub fn set_secondary_admin(&self, world: &mut World, role: u8, new_admin: &Pubkey) {
        let role = crate::codes::vault_admin_role(role).expect("a vault admin role");
        world.exec(
            &SetSecondaryAdminBuilder::new()
                .config(self.config)
                .vault(self.vault)
                .admin(self.admin)
                .new_admin(*new_admin)
                .vault_admin_role(role)
                .instruction(),
        );
    }

    /// A MintTo of `amount` by `depositor` with no slippage bound.
    pub fn deposit(&self, world: &mut World, depositor: &Pubkey, amount: u64) -> InstructionResult {
        let fee_wallet = world.vault(&self.vault).fee_wallet;
        self.ensure_vrt_ata(world, &fee_wallet);
        let ix = self.mint_to_ix(depositor, &fee_wallet, amount, 0, None);
        world.exec(&ix)
    }

    /// Creates the ticket's VRT ATA and runs EnqueueWithdrawal; returns the ticket.
    pub fn enqueue(
        &self,
        world: &mut World,
        staker: &Pubkey,
        amount: u64,
    ) -> (Pubkey, Pubkey, InstructionResult) {
        let ticket_base = Pubkey::new_unique();
        world.set(ticket_base, system_account(0));
        let ticket = ticket_address(&self.vault, &ticket_base).0;
        world.set(ticket, system_account(0));
        self.ensure_vrt_ata(world, &ticket);
        let result = world.exec(&self.enqueue_ix(staker, &ticket_base, amount, None));
        (ticket, ticket_base, result)
    }
}

/// The standard world of the tests: config with `epoch_length` and
/// `program_fee_bps`, one vault initialized at `slot` with the given fees.
pub fn standard_world(
    epoch_length: u64,
    program_fee_bps: u16,
    slot: u64,
    deposit_fee_bps: u16,
    withdrawal_fee_bps: u16,
    reward_fee_bps: u16,
) -> (World, VaultSetup) {
    let keys = VaultSetup::keys();
    let mut config = ConfigState::initialized(
        keys.config_admin,
        crate::RESTAKING_PROGRAM_ID,
        keys.program_fee_wallet,
        program_fee_bps,
    );
    config.epoch_length = epoch_length;
    let mut world = World::new();
    world.warp(slot);
    keys.install_prerequisites(&mut world, &config, INITIAL_AMOUNT * 10);
    world.exec(&keys.initialize_vault_ix(
        deposit_fee_bps,
        withdrawal_fee_bps,
        reward_fee_bps,
        INITIAL_AMOUNT,
    ));
    world.set(keys.program_fee_wallet, system_account(10_000_000_000));
    keys.ensure_vrt_ata(&mut world, &keys.program_fee_wallet.clone());
    keys.ensure_vrt_ata(&mut world, &keys.admin.clone());
    (world, keys)
}

impl VaultSetup {
    /// A rewarder sends `amount` supported tokens straight to the vault's token account.
    pub fn send_rewards(&self, world: &mut World, amount: u64) {
        let rewarder = Pubkey::new_unique();
        let source = ata(&rewarder, &self.st_mint);
        world.set(rewarder, system_account(1_000_000));
        world.set(source, token_account(&self.st_mint, &rewarder, amount));
        world.exec(&spl_transfer(
            &source,
            &self.vault_st_ata,
            &rewarder,
            amount,
        ));
    }

    pub fn delegate_ix(
        &self,
        admin: &Pubkey,
        mint: &Pubkey,
        token_account: &Pubkey,
        delegate: &Pubkey,
        token_program: &Pubkey,
    ) -> Instruction {
        let (config, vault) = (&self.config, &self.vault);
        delegate_token_account(
            config,
            vault,
            admin,
            mint,
            token_account,
            delegate,
            token_program,
        )
    }

    pub fn revoke_ix(
        &self,
        admin: &Pubkey,
        mint: &Pubkey,
        token_account: &Pubkey,
        token_program: &Pubkey,
    ) -> Instruction {
        let (config, vault) = (&self.config, &self.vault);
        revoke_delegate_token_account(config, vault, admin, mint, token_account, token_program)
    }

    pub fn create_metadata_ix(
        &self,
        admin: &Pubkey,
        payer: &Pubkey,
        name: &[u8],
        symbol: &[u8],
        uri: &[u8],
    ) -> Instruction {
        let mut ix = CreateTokenMetadataBuilder::new()
            .vault(self.vault)
            .admin(*admin)
            .vrt_mint(self.vrt_mint)
            .payer(*payer)
            .metadata(metadata_address(&self.vrt_mint))
            .name(client_string(name))
            .symbol(client_string(symbol))
            .uri(client_string(uri))
            .instruction();
        patch_strings(&mut ix.data, [name, symbol, uri]);
        ix
    }

    pub fn update_metadata_ix(
        &self,
        admin: &Pubkey,
        name: &[u8],
        symbol: &[u8],
        uri: &[u8],
    ) -> Instruction {
        let mut ix = UpdateTokenMetadataBuilder::new()
            .vault(self.vault)
            .admin(*admin)
            .vrt_mint(self.vrt_mint)
            .metadata(metadata_address(&self.vrt_mint))
            .name(client_string(name))
            .symbol(client_string(symbol))
            .uri(client_string(uri))
            .instruction();
        patch_strings(&mut ix.data, [name, symbol, uri]);
        ix
    }
}

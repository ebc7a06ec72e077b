//! MintTo and BurnWithdrawalTicket at extreme amounts, through the built
//! program and the real SPL Token program: exact balances, supplies and vault
//! fields on success, the exact error otherwise (VaultOverflow, the SPL Token
//! overflow / insufficient-funds errors, …), never a panic or an abort, and no
//! account changed on failure.
//!
//! The world is written directly (vault, mints and token accounts in any
//! state, including ones only reachable after rewards or losses; token
//! balances always within their mint's supply, the invariant the mainnet token
//! program relies on instead of checking balance overflow), and every
//! expected amount is computed here with `u128` and the original's rounding
//! (fees rounded up, exchange rate rounded down).

use mollusk_tests::{
    account, assert_custom_error, mint_data, print_cu,
    scenarios::vault_roles::{self as vw, ata, err, ConfigKeys, VaultKeys, World, EPOCH_LENGTH},
    Account, Pubkey,
};

/// Current slot: epoch 10, the vault was fully updated in this epoch.
const SLOT: u64 = 10 * EPOCH_LENGTH + 5;

fn fee_ceil(amount: u64, bps: u16) -> u64 {
    let p = amount as u128 * bps as u128;
    u64::try_from(p / 10_000 + u128::from(p % 10_000 != 0)).unwrap()
}

fn mul_div(a: u64, b: u64, c: u64) -> Option<u64> {
    u64::try_from(a as u128 * b as u128 / c as u128).ok()
}

/// The vault state a test starts from.
#[derive(Clone, Copy)]
struct State {
    tokens_deposited: u64,
    vrt_supply: u64,
    deposit_fee_bps: u16,
    withdrawal_fee_bps: u16,
    program_fee_bps: u16,
    capacity: u64,
    ready_to_claim: u64,
    staked: u64,
}

impl State {
    fn new(tokens_deposited: u64, vrt_supply: u64) -> Self {
        Self {
            tokens_deposited,
            vrt_supply,
            deposit_fee_bps: 0,
            withdrawal_fee_bps: 0,
            program_fee_bps: 0,
            capacity: u64::MAX,
            ready_to_claim: 0,
            staked: 0,
        }
    }

    fn vault_bytes(&self, v: &VaultKeys) -> Vec<u8> {
        let s = *self;
        vw::vault_bytes(v, |vault| {
            vault.tokens_deposited = s.tokens_deposited;
            vault.vrt_supply = s.vrt_supply;
            vault.deposit_fee_bps = s.deposit_fee_bps;
            vault.withdrawal_fee_bps = s.withdrawal_fee_bps;
            vault.next_withdrawal_fee_bps = s.withdrawal_fee_bps;
            vault.program_fee_bps = s.program_fee_bps;
            vault.deposit_capacity = s.capacity;
            vault.vrt_ready_to_claim_amount = s.ready_to_claim;
            vault.delegation.staked = s.staked;
            vault.last_full_state_update_slot = SLOT;
            vault.last_start_state_update_slot = SLOT;
        })
    }
}

struct Fx {
    store: World,
    config: ConfigKeys,
    v: VaultKeys,
    user: Pubkey,
}

/// Config, vault in `state`, its mints (VRT supply = the vault's), the vault's
/// token account holding `vault_st` tokens, the fee wallets' VRT accounts and a
/// user wallet with `user_st` tokens and an empty VRT account.
fn fixture(state: State, vault_st: u64, user_st: u64) -> Fx {
    assert!(
        vault_st as u128 + user_st as u128 <= u64::MAX as u128,
        "supported-token balances beyond the mint's supply"
    );
    let mut store = World::with_mollusk(mollusk_tests::mollusk());
    store.warp(SLOT);
    let config = ConfigKeys::new();
    let v = VaultKeys::new(0);
    let user = vw::key(0x50, 0);
    let st_authority = vw::key(0x50, 9);
    store.set(
        config.address,
        vw::vault_account(vw::config_bytes(&config, EPOCH_LENGTH, 0, 1)),
    );
    store.set(v.address, vw::vault_account(state.vault_bytes(&v)));
    store.set(
        v.vrt_mint,
        vw::mint_account(Some(&v.address), state.vrt_supply),
    );
    store.set(v.st_mint, vw::mint_account(Some(&st_authority), u64::MAX));
    store.set(
        v.vault_st_ata,
        vw::token_account(&v.st_mint, &v.address, vault_st),
    );
    store.set(
        v.fee_vrt_ata(),
        vw::token_account(&v.vrt_mint, &v.fee_wallet, 0),
    );
    store.set(
        ata(&config.program_fee_wallet, &v.vrt_mint),
        vw::token_account(&v.vrt_mint, &config.program_fee_wallet, 0),
    );
    store.set(user, vw::wallet());
    store.set(
        ata(&user, &v.st_mint),
        vw::token_account(&v.st_mint, &user, user_st),
    );
    store.set(
        ata(&user, &v.vrt_mint),
        vw::token_account(&v.vrt_mint, &user, 0),
    );
    Fx {
        store,
        config,
        v,
        user,
    }
}

impl Fx {
    fn mint_ix(&self, amount: u64, min_out: u64) -> mollusk_tests::Instruction {
        vw::mint_to(
            &vw::VaultKeys::tokens(&self.v, &self.config.address),
            &self.user,
            &self.v.fee_wallet,
            amount,
            min_out,
            None,
        )
    }

    /// Runs MintTo and checks the exact outcome against `state` and independent math.
    #[track_caller]
    fn check_mint(self, state: State, vault_st: u64, amount: u64, min_out: u64) -> Option<u32> {
        let ix = self.mint_ix(amount, min_out);
        let (result, accounts) = self.store.run(&ix);
        match expected_mint(&state, self.user_st(), amount, min_out) {
            Err(code) => {
                assert_custom_error(&result, &accounts, code);
                Some(code)
            }
            Ok((to_user, to_fee)) => {
                print_cu("vault", "MintTo/extreme", &result);
                let minted = to_user + to_fee;
                let mut after = state;
                after.tokens_deposited += amount;
                after.vrt_supply += minted;
                assert_eq!(
                    account(&result, &self.v.address).data,
                    after.vault_bytes(&self.v)
                );
                assert_eq!(
                    account(&result, &self.v.vrt_mint).data,
                    mint_data(Some(&self.v.address), state.vrt_supply + minted, 9)
                );
                let amt = |k: &Pubkey| mollusk_tests::token_amount(account(&result, k));
                assert_eq!(amt(&self.v.vault_st_ata), vault_st + amount);
                assert_eq!(
                    amt(&ata(&self.user, &self.v.st_mint)),
                    self.user_st() - amount
                );
                assert_eq!(amt(&ata(&self.user, &self.v.vrt_mint)), to_user);
                assert_eq!(amt(&self.v.fee_vrt_ata()), to_fee);
                None
            }
        }
    }

    fn user_st(&self) -> u64 {
        self.store.token_amount(&ata(&self.user, &self.v.st_mint))
    }
}

/// What MintTo must do: `(VRT to the user, VRT to the fee wallet)` or the error code.
fn expected_mint(s: &State, user_st: u64, amount: u64, min_out: u64) -> Result<(u64, u64), u32> {
    if amount == 0 {
        return Err(err::VAULT_MINT_ZERO);
    }
    let after = s
        .tokens_deposited
        .checked_add(amount)
        .ok_or(err::VAULT_OVERFLOW)?;
    if after > s.capacity {
        return Err(err::VAULT_CAPACITY_EXCEEDED);
    }
    let minted = if s.tokens_deposited == 0 {
        amount
    } else {
        mul_div(amount, s.vrt_supply, s.tokens_deposited).ok_or(err::VAULT_OVERFLOW)?
    };
    let fee = fee_ceil(minted, s.deposit_fee_bps);
    let to_user = minted - fee;
    if to_user < min_out {
        return Err(err::SLIPPAGE_ERROR);
    }
    s.vrt_supply
        .checked_add(minted)
        .ok_or(err::VAULT_OVERFLOW)?;
    if to_user == 0 {
        return Err(err::VRT_OUT_CANNOT_BE_ZERO);
    }
    // Then the SPL Token transfer of the deposit, and the two mints.
    if user_st < amount {
        return Err(err::TOKEN_INSUFFICIENT_FUNDS);
    }
    Ok((to_user, fee))
}

fn mint_case(state: State, vault_st: u64, user_st: u64, amount: u64, min_out: u64) -> Option<u32> {
    fixture(state, vault_st, user_st).check_mint(state, vault_st, amount, min_out)
}

#[test]
fn mint_the_whole_u64_into_an_empty_vault() {
    let s = State::new(0, 0);
    assert_eq!(mint_case(s, 0, u64::MAX, u64::MAX, u64::MAX), None);
}

#[test]
fn mint_the_whole_u64_with_a_one_bps_deposit_fee() {
    let mut s = State::new(0, 0);
    s.deposit_fee_bps = 1;
    // ceil(u64::MAX / 10_000) VRT of fee; the slippage bound is exact.
    let to_user = u64::MAX - fee_ceil(u64::MAX, 1);
    assert_eq!(mint_case(s, 0, u64::MAX, u64::MAX, to_user), None);
    assert_eq!(
        mint_case(s, 0, u64::MAX, u64::MAX, to_user + 1),
        Some(err::SLIPPAGE_ERROR)
    );
}

#[test]
fn mint_with_a_full_deposit_fee_gives_nothing_to_the_depositor() {
    let mut s = State::new(0, 0);
    s.deposit_fee_bps = 10_000;
    assert_eq!(
        mint_case(s, 0, u64::MAX, u64::MAX, 0),
        Some(err::VRT_OUT_CANNOT_BE_ZERO)
    );
    // One unit at 1 bps: rounded up, the whole unit is fee.
    s.deposit_fee_bps = 1;
    assert_eq!(mint_case(s, 0, 10, 1, 0), Some(err::VRT_OUT_CANNOT_BE_ZERO));
    assert_eq!(mint_case(s, 0, 10, 2, 0), None);
}

#[test]
fn mint_past_u64_deposits_is_vault_overflow() {
    let s = State::new(u64::MAX - 5, u64::MAX - 5);
    assert_eq!(mint_case(s, u64::MAX - 5, 5, 5, 0), None);
    assert_eq!(
        mint_case(s, u64::MAX - 5, 5, 6, 0),
        Some(err::VAULT_OVERFLOW)
    );
    assert_eq!(
        mint_case(s, u64::MAX - 5, 5, u64::MAX, 0),
        Some(err::VAULT_OVERFLOW)
    );
}

#[test]
fn mint_at_a_depreciated_rate_overflows_the_vrt_supply() {
    // 1 token backs u64::MAX / 2 VRT (after a loss was booked).
    let half = u64::MAX / 2;
    let s = State::new(1, half);
    // 1 token: floor(1 * half / 1) = half more VRT, supply 2 * half = u64::MAX - 1.
    assert_eq!(mint_case(s, 1, 10, 1, 0), None);
    // 2 tokens: the VRT amount itself fits (u64::MAX - 1) but the supply does not.
    assert_eq!(mint_case(s, 1, 10, 2, 0), Some(err::VAULT_OVERFLOW));
    // 3 tokens: the VRT amount does not fit u64.
    assert_eq!(mint_case(s, 1, 10, 3, 0), Some(err::VAULT_OVERFLOW));
}

#[test]
fn mint_at_an_appreciated_rate_rounds_down_to_zero() {
    // u64::MAX tokens back 1 VRT: anything below u64::MAX tokens mints nothing.
    let s = State::new(u64::MAX - 1, 1);
    assert_eq!(
        mint_case(s, u64::MAX - 1, 1, 1, 0),
        Some(err::VRT_OUT_CANNOT_BE_ZERO)
    );
    let s = State::new(3, 1);
    assert_eq!(mint_case(s, 3, 10, 2, 0), Some(err::VRT_OUT_CANNOT_BE_ZERO));
    // floor(3 * 1 / 3) = 1.
    assert_eq!(mint_case(s, 3, 10, 3, 1), None);
    // floor(5 * 1 / 3) = 1: the depositor pays 2 tokens for rounding, as the original.
    assert_eq!(mint_case(s, 3, 10, 5, 1), None);
    assert_eq!(mint_case(s, 3, 10, 5, 2), Some(err::SLIPPAGE_ERROR));
}

#[test]
fn mint_capacity_and_zero_edges() {
    let mut s = State::new(1_000, 1_000);
    s.capacity = u64::MAX - 1;
    assert_eq!(
        mint_case(s, 1_000, u64::MAX - 1_000, u64::MAX - 1_001, 0),
        None
    );
    assert_eq!(
        mint_case(s, 1_000, u64::MAX - 1_000, u64::MAX - 1_000, 0),
        Some(err::VAULT_CAPACITY_EXCEEDED)
    );
    assert_eq!(
        mint_case(s, 1_000, u64::MAX - 1_000, 0, 0),
        Some(err::VAULT_MINT_ZERO)
    );
    // A zero capacity refuses even one token.
    let s0 = State {
        capacity: 0,
        ..State::new(0, 0)
    };
    assert_eq!(
        mint_case(s0, 0, 10, 1, 0),
        Some(err::VAULT_CAPACITY_EXCEEDED)
    );
}

#[test]
fn mint_token_program_errors_at_the_top() {
    // The depositor holds less than it deposits: the SPL transfer fails.
    let s = State::new(1_000, 1_000);
    assert_eq!(
        mint_case(s, 1_000, 9, 10, 0),
        Some(err::TOKEN_INSUFFICIENT_FUNDS)
    );
}

/// The token program (mainnet SPL Token, i.e. p-token) checks overflow on the
/// mint's supply only: balances cannot exceed a supply that fits u64. A VRT mint
/// whose supply is ahead of the vault's books (not reachable through the
/// program, written here) makes the mint CPIs overflow; the whole instruction,
/// deposit transfer included, is undone.
#[test]
fn mint_vrt_supply_overflow_in_the_token_program() {
    let s = State::new(1_000, 1_000);
    let mut fx = fixture(s, 1_000, 10);
    fx.store.set(
        fx.v.vrt_mint,
        vw::mint_account(Some(&fx.v.address), u64::MAX - 9),
    );
    let ix = fx.mint_ix(10, 0);
    let (result, accounts) = fx.store.run(&ix);
    assert_custom_error(&result, &accounts, err::TOKEN_OVERFLOW);
    // Room for the depositor's 990 VRT but not for the 10 VRT fee minted after.
    let mut s = State::new(1_000, 1_000);
    s.deposit_fee_bps = 100;
    let mut fx = fixture(s, 1_000, 1_000);
    fx.store.set(
        fx.v.vrt_mint,
        vw::mint_account(Some(&fx.v.address), u64::MAX - 995),
    );
    let ix = fx.mint_ix(1_000, 990);
    let (result, accounts) = fx.store.run(&ix);
    assert_custom_error(&result, &accounts, err::TOKEN_OVERFLOW);
    // Exactly enough room: succeeds, supply at u64::MAX.
    let mut fx = fixture(s, 1_000, 1_000);
    fx.store.set(
        fx.v.vrt_mint,
        vw::mint_account(Some(&fx.v.address), u64::MAX - 1_000),
    );
    let result = fx.store.exec(&fx.mint_ix(1_000, 990));
    assert_eq!(
        mollusk_tests::mint_supply(account(&result, &fx.v.vrt_mint)),
        u64::MAX
    );
}

// ---------------------------------------------------------------------------
// BurnWithdrawalTicket
// ---------------------------------------------------------------------------

struct Burn {
    fx: Fx,
    ticket: Pubkey,
    ticket_vrt: Pubkey,
}

/// A claimable ticket of `vrt_amount` whose token account holds `ticket_balance` VRT.
fn burn_fixture(state: State, vault_st: u64, vrt_amount: u64, ticket_balance: u64) -> Burn {
    let mut fx = fixture(state, vault_st, 0);
    let base = vw::key(0x51, 0);
    let (ticket, _) = vw::withdrawal_ticket_pda(&fx.v.address, &base);
    let ticket_vrt = ata(&ticket, &fx.v.vrt_mint);
    // Unstaked in epoch 0: claimable from epoch 2 on.
    fx.store.set(
        ticket,
        vw::vault_account(vw::withdrawal_ticket_bytes(
            &fx.v.address,
            &fx.user,
            &base,
            vrt_amount,
            0,
        )),
    );
    fx.store.set(
        ticket_vrt,
        vw::token_account(&fx.v.vrt_mint, &ticket, ticket_balance),
    );
    Burn {
        fx,
        ticket,
        ticket_vrt,
    }
}

impl Burn {
    fn ix(&self) -> mollusk_tests::Instruction {
        vw::burn_withdrawal_ticket(
            &vw::VaultKeys::tokens(&self.fx.v, &self.fx.config.address),
            &self.fx.user,
            &self.ticket,
            &self.fx.v.fee_wallet,
            &self.fx.config.program_fee_wallet,
            None,
        )
    }
}

/// What the burn must do: `(vault fee, program fee incl. extra VRT, burned, out)` or the error code.
fn expected_burn(
    s: &State,
    vault_st: u64,
    vrt_amount: u64,
    ticket_balance: u64,
) -> Result<(u64, u64, u64, u64), u32> {
    if vrt_amount == 0 {
        return Err(err::VAULT_BURN_ZERO);
    }
    if vrt_amount > s.vrt_supply {
        return Err(err::VAULT_INSUFFICIENT_FUNDS);
    }
    let program = fee_ceil(vrt_amount, s.program_fee_bps);
    let mut vault = fee_ceil(vrt_amount, s.withdrawal_fee_bps);
    let sum = program.checked_add(vault).ok_or(err::VAULT_OVERFLOW)?;
    if sum > vrt_amount {
        vault = vrt_amount
            .checked_sub(program)
            .ok_or(err::VAULT_UNDERFLOW)?;
    }
    let burned = vrt_amount - program - vault;
    let out = mul_div(burned, s.tokens_deposited, s.vrt_supply).ok_or(err::VAULT_OVERFLOW)?;
    let free = s
        .tokens_deposited
        .checked_sub(s.staked)
        .ok_or(err::VAULT_UNDERFLOW)?;
    if out > free {
        return Err(err::VAULT_UNDERFLOW);
    }
    let extra = ticket_balance
        .checked_sub(vrt_amount)
        .ok_or(err::ARITHMETIC_UNDERFLOW)?;
    let program_total = program + extra;
    if s.ready_to_claim < vrt_amount {
        return Err(err::VAULT_UNDERFLOW);
    }
    // The token program then moves the fees, burns, closes and pays out.
    if vault_st < out {
        return Err(err::TOKEN_INSUFFICIENT_FUNDS);
    }
    Ok((vault, program_total, burned, out))
}

#[track_caller]
fn burn_case(state: State, vault_st: u64, vrt_amount: u64, ticket_balance: u64) -> Option<u32> {
    let b = burn_fixture(state, vault_st, vrt_amount, ticket_balance);
    let ix = b.ix();
    let (result, accounts) = b.fx.store.run(&ix);
    match expected_burn(&state, vault_st, vrt_amount, ticket_balance) {
        Err(code) => {
            assert_custom_error(&result, &accounts, code);
            Some(code)
        }
        Ok((vault_fee, program_fee, burned, out)) => {
            print_cu("vault", "BurnWithdrawalTicket/extreme", &result);
            let v = &b.fx.v;
            let mut after = state;
            after.vrt_supply -= burned;
            after.tokens_deposited -= out;
            after.ready_to_claim -= vrt_amount;
            assert_eq!(account(&result, &v.address).data, after.vault_bytes(v));
            // Mint supply drops by the burned VRT only (fees move, not burn).
            assert_eq!(
                account(&result, &v.vrt_mint).data,
                mint_data(Some(&v.address), state.vrt_supply - burned, 9)
            );
            let amt = |k: &Pubkey| mollusk_tests::token_amount(account(&result, k));
            assert_eq!(amt(&v.vault_st_ata), vault_st - out);
            assert_eq!(amt(&ata(&b.fx.user, &v.st_mint)), out);
            assert_eq!(amt(&v.fee_vrt_ata()), vault_fee);
            assert_eq!(
                amt(&ata(&b.fx.config.program_fee_wallet, &v.vrt_mint)),
                program_fee
            );
            // Ticket and its token account closed to the staker.
            let before = |k: &Pubkey| accounts.iter().find(|(x, _)| x == k).unwrap().1.clone();
            let rent = before(&b.ticket).lamports + before(&b.ticket_vrt).lamports;
            assert_eq!(
                account(&result, &b.fx.user).lamports,
                before(&b.fx.user).lamports + rent
            );
            for k in [b.ticket, b.ticket_vrt] {
                let closed: &Account = account(&result, &k);
                assert_eq!((closed.lamports, closed.data.len()), (0, 0));
            }
            assert_eq!(
                account(&result, &b.ticket).owner,
                mollusk_tests::SYSTEM_PROGRAM_ID
            );
            None
        }
    }
}

fn claimable(tokens: u64, supply: u64) -> State {
    let mut s = State::new(tokens, supply);
    s.ready_to_claim = supply;
    s
}

#[test]
fn burn_the_whole_u64_with_a_one_percent_withdrawal_fee() {
    let mut s = claimable(u64::MAX, u64::MAX);
    s.withdrawal_fee_bps = 100;
    assert_eq!(burn_case(s, u64::MAX, u64::MAX, u64::MAX), None);
}

#[test]
fn burn_the_whole_u64_with_both_fees() {
    // 0.3% program fee and 0.25% vault fee, both rounded up.
    let mut s = claimable(u64::MAX, u64::MAX);
    s.program_fee_bps = 30;
    s.withdrawal_fee_bps = 25;
    assert_eq!(burn_case(s, u64::MAX, u64::MAX, u64::MAX), None);
    // 100% program fee takes everything; the vault fee falls to zero.
    s.program_fee_bps = 10_000;
    s.withdrawal_fee_bps = 0;
    assert_eq!(burn_case(s, u64::MAX, u64::MAX, u64::MAX), None);
}

#[test]
fn burn_fees_summing_past_u64_is_vault_overflow() {
    // The fees are added in u64 before the program-fee priority applies.
    let mut s = claimable(u64::MAX, u64::MAX);
    s.program_fee_bps = 5_000;
    s.withdrawal_fee_bps = 5_001;
    assert_eq!(
        burn_case(s, u64::MAX, u64::MAX, u64::MAX),
        Some(err::VAULT_OVERFLOW)
    );
    // The same fees on a smaller ticket: priority to the program fee.
    let small = u64::MAX / 4;
    assert_eq!(burn_case(s, u64::MAX, small, small), None);
}

#[test]
fn burn_at_extreme_exchange_rates() {
    // 1 token backs u64::MAX VRT: u64::MAX - 1 VRT return nothing (rounded down).
    let s = claimable(1, u64::MAX);
    assert_eq!(burn_case(s, 1, u64::MAX - 1, u64::MAX - 1), None);
    assert_eq!(burn_case(s, 1, u64::MAX, u64::MAX), None);
    // u64::MAX tokens back 1 VRT: burning it returns every token.
    let s = claimable(u64::MAX, 1);
    assert_eq!(burn_case(s, u64::MAX, 1, 1), None);
    // u64::MAX tokens back 3 VRT: 2 VRT return floor(2/3 of u64::MAX).
    let s = claimable(u64::MAX, 3);
    assert_eq!(burn_case(s, u64::MAX, 2, 2), None);
}

#[test]
fn burn_extra_vrt_in_the_ticket_account_goes_to_the_program_fee_wallet() {
    // u64::MAX - 1 VRT sent to the ticket's account on top of its 1 VRT.
    let s = claimable(u64::MAX, u64::MAX);
    assert_eq!(burn_case(s, u64::MAX, 1, u64::MAX), None);
    // Less VRT in the account than the ticket says: arithmetic underflow.
    assert_eq!(
        burn_case(s, u64::MAX, 10, 9),
        Some(err::ARITHMETIC_UNDERFLOW)
    );
}

#[test]
fn burn_liquidity_and_bookkeeping_limits() {
    // Everything but one token delegated: the burn may return at most 1.
    let mut s = claimable(u64::MAX, u64::MAX);
    s.staked = u64::MAX - 1;
    assert_eq!(burn_case(s, u64::MAX, 1, 1), None);
    assert_eq!(burn_case(s, u64::MAX, 2, 2), Some(err::VAULT_UNDERFLOW));
    // More VRT in the ticket than the vault has ready to claim.
    let mut s = claimable(1_000, 1_000);
    s.ready_to_claim = 99;
    assert_eq!(burn_case(s, 1_000, 100, 100), Some(err::VAULT_UNDERFLOW));
    // More VRT than the vault's supply.
    let s = claimable(1_000, 1_000);
    assert_eq!(
        burn_case(s, 1_000, 1_001, 1_001),
        Some(err::VAULT_INSUFFICIENT_FUNDS)
    );
    // The vault's token account holds less than it owes: the SPL transfer fails.
    assert_eq!(
        burn_case(s, 999, 1_000, 1_000),
        Some(err::TOKEN_INSUFFICIENT_FUNDS)
    );
}

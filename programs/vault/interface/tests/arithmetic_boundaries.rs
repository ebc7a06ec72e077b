//! Boundary and rounding tests of every fee / exchange-rate / delegation path of
//! the vault interface, at 0, 1 and `u64::MAX` and around the u64 overflow line.
//!
//! Every expectation is computed here, independently of the crate, with plain
//! `u128` arithmetic and the original's documented rounding:
//! - every fee (program, deposit, withdrawal, reward) is `amount * bps / 10_000`
//!   rounded **up**, `VaultOverflow` when it does not fit a `u64`;
//! - VRT minted for `amount` tokens: `amount` in a vault with no tokens, else
//!   `amount * vrt_supply / tokens_deposited` rounded **down**;
//! - tokens returned for burning `vrt` VRT: `vrt * tokens_deposited / vrt_supply`
//!   rounded **down** (`VaultOverflow` with no supply);
//! - the burn split gives the program fee priority over the vault fee;
//! - the reward fee is taken in tokens and priced in VRT after the rewards.
//!
//! Grids of boundary values are checked exhaustively; a fixed-seed generator adds
//! a few hundred thousand mixed-magnitude points (host only, well under a second).

use jito_core::account::AccountType;
use jito_vault_interface::{
    bps_fee_ceil,
    error::VaultError,
    mul_div_floor,
    state::{
        BurnSummary, Config, DelegationState, MintSummary, Vault, VaultOperatorDelegation,
        VaultUpdateStateTracker,
    },
};
use pinocchio::{error::ProgramError, Address};

// ---------------------------------------------------------------------------
// Independent reference math
// ---------------------------------------------------------------------------

const BPS: u128 = 10_000;

/// `ceil(amount * bps / 10_000)`, `None` past `u64::MAX` (written without
/// `div_ceil`, the implementation's primitive, on purpose).
#[allow(clippy::manual_div_ceil)]
fn ref_fee(amount: u64, bps: u16) -> Option<u64> {
    let product = amount as u128 * bps as u128;
    u64::try_from((product + (BPS - 1)) / BPS).ok()
}

/// `floor(a * b / c)`, `None` when `c == 0` or past `u64::MAX`.
fn ref_mul_div(a: u64, b: u64, c: u64) -> Option<u64> {
    if c == 0 {
        return None;
    }
    u64::try_from(a as u128 * b as u128 / c as u128).ok()
}

/// VRT minted for `amount` tokens before the deposit fee.
fn ref_vrt_for(amount: u64, vrt_supply: u64, tokens_deposited: u64) -> Option<u64> {
    if tokens_deposited == 0 {
        Some(amount)
    } else {
        ref_mul_div(amount, vrt_supply, tokens_deposited)
    }
}

/// The burn split: `(program_fee, vault_fee, burn, out)`.
fn ref_burn_split(
    amount: u64,
    program_bps: u16,
    withdrawal_bps: u16,
    staker_is_program_wallet: bool,
    staker_is_vault_wallet: bool,
    tokens_deposited: u64,
    vrt_supply: u64,
) -> Result<(u64, u64, u64, u64), VaultError> {
    let program = ref_fee(amount, program_bps).ok_or(VaultError::VaultOverflow)?;
    let mut vault = ref_fee(amount, withdrawal_bps).ok_or(VaultError::VaultOverflow)?;
    // The original adds the two fees in u64: past u64::MAX is an overflow error.
    let sum = program as u128 + vault as u128;
    if sum > u64::MAX as u128 {
        return Err(VaultError::VaultOverflow);
    }
    if sum > amount as u128 {
        // Program fee first; the vault fee gets what is left (underflow if nothing).
        vault = amount
            .checked_sub(program)
            .ok_or(VaultError::VaultUnderflow)?;
    }
    let program = if staker_is_program_wallet { 0 } else { program };
    let vault = if staker_is_vault_wallet { 0 } else { vault };
    let burn = amount as i128 - program as i128 - vault as i128;
    if burn < 0 {
        return Err(VaultError::VaultUnderflow);
    }
    let burn = burn as u64;
    let out = ref_mul_div(burn, tokens_deposited, vrt_supply).ok_or(VaultError::VaultOverflow)?;
    Ok((program, vault, burn, out))
}

// ---------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------

fn key(b: u8) -> Address {
    Address::new_from_array([b; 32])
}

/// A freshly initialised vault with the given fees (zero supply, unlimited capacity).
fn vault_with(deposit_bps: u16, withdrawal_bps: u16, reward_bps: u16, program_bps: u16) -> Vault {
    let mut bytes = vec![0u8; Vault::LEN];
    let v = Vault::init(&mut bytes).unwrap();
    v.initialize(&key(1), &key(2), &key(3), 0, &key(4), 0, 0, 0, 0, 255, 0)
        .unwrap();
    // Direct writes: the on-chain setters bound fees at 10_000 bps, but an
    // account can hold anything, and the math must not panic on it.
    v.set_deposit_fee_bps_unchecked(deposit_bps);
    v.set_withdrawal_fee_bps_unchecked(withdrawal_bps);
    v.set_next_withdrawal_fee_bps_unchecked(withdrawal_bps);
    v.set_reward_fee_bps_unchecked(reward_bps);
    v.set_program_fee_bps_unchecked(program_bps);
    *v
}

fn vault_state(tokens_deposited: u64, vrt_supply: u64) -> Vault {
    let mut v = vault_with(0, 0, 0, 0);
    v.set_tokens_deposited(tokens_deposited);
    v.set_vrt_supply(vrt_supply);
    v
}

fn ds(staked: u64, enqueued: u64, cooling: u64) -> DelegationState {
    DelegationState::new(staked, enqueued, cooling)
}

/// Amounts at the edges: 0, 1, small, around 10_000 (the bps denominator),
/// around `u64::MAX / 10_000` (where fee products leave u64), around
/// `u64::MAX / 2`, and the top.
fn amounts() -> Vec<u64> {
    let q = u64::MAX / 10_000;
    vec![
        0,
        1,
        2,
        3,
        7,
        9_999,
        10_000,
        10_001,
        1_000_000_007,
        q - 1,
        q,
        q + 1,
        u64::MAX / 3,
        u64::MAX / 2,
        u64::MAX / 2 + 1,
        u64::MAX - 10_000,
        u64::MAX - 1,
        u64::MAX,
    ]
}

/// Basis points at the edges, including values above 100% that only a
/// directly written account can hold.
fn bps_values() -> Vec<u16> {
    vec![
        0,
        1,
        2,
        3,
        49,
        50,
        51,
        999,
        5_000,
        9_999,
        10_000,
        10_001,
        20_000,
        u16::MAX,
    ]
}

/// SplitMix64: a fixed-seed generator for mixed-magnitude values.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A value with a random bit length (so small, medium and huge all appear).
    fn amount(&mut self) -> u64 {
        let bits = self.next() % 65;
        match bits {
            0 => 0,
            64 => self.next(),
            b => self.next() & ((1u64 << b) - 1),
        }
    }

    fn bps(&mut self) -> u16 {
        match self.next() % 8 {
            0 => 0,
            1 => 10_000,
            2 => (self.next() % 65_536) as u16,
            _ => (self.next() % 10_001) as u16,
        }
    }
}

// ---------------------------------------------------------------------------
// Fees
// ---------------------------------------------------------------------------

/// `f` is the ceiling of `amount * bps / 10_000`: big enough, and the smallest such.
fn assert_is_ceil(f: u64, amount: u64, bps: u16) {
    let product = amount as u128 * bps as u128;
    assert!(
        f as u128 * BPS >= product,
        "{f} too small for {amount} @ {bps}"
    );
    if f > 0 {
        assert!(
            (f as u128 - 1) * BPS < product,
            "{f} not minimal for {amount} @ {bps}"
        );
    }
}

#[test]
fn bps_fee_ceil_grid_matches_u128_ceiling() {
    for a in amounts() {
        for b in bps_values() {
            let got = bps_fee_ceil(a, b);
            match ref_fee(a, b) {
                Some(expected) => {
                    assert_eq!(got, Ok(expected), "{a} @ {b}");
                    assert_is_ceil(expected, a, b);
                }
                None => assert_eq!(got, Err(VaultError::VaultOverflow), "{a} @ {b}"),
            }
        }
    }
}

#[test]
fn bps_fee_ceil_rounds_up_never_down() {
    // Any positive product costs at least one unit: a 1 bps fee on 1 token is 1.
    assert_eq!(bps_fee_ceil(1, 1), Ok(1));
    assert_eq!(bps_fee_ceil(1, 10_000), Ok(1));
    assert_eq!(bps_fee_ceil(9_999, 1), Ok(1));
    assert_eq!(bps_fee_ceil(10_000, 1), Ok(1));
    assert_eq!(bps_fee_ceil(10_001, 1), Ok(2));
    assert_eq!(bps_fee_ceil(20_000, 1), Ok(2));
    assert_eq!(bps_fee_ceil(20_001, 1), Ok(3));
    // Zero amount or zero bps: no fee.
    assert_eq!(bps_fee_ceil(0, u16::MAX), Ok(0));
    assert_eq!(bps_fee_ceil(u64::MAX, 0), Ok(0));
    // 100% of anything is itself, also at the top.
    assert_eq!(bps_fee_ceil(u64::MAX, 10_000), Ok(u64::MAX));
    // Above 100% the fee leaves u64 at the top: an error, not a wrap.
    assert_eq!(
        bps_fee_ceil(u64::MAX, 10_001),
        Err(VaultError::VaultOverflow)
    );
    assert_eq!(
        bps_fee_ceil(u64::MAX, u16::MAX),
        Err(VaultError::VaultOverflow)
    );
    // The largest amount whose 655.35% fee still fits.
    let fits = ((u64::MAX as u128 * BPS) / u16::MAX as u128) as u64;
    assert_eq!(
        bps_fee_ceil(fits, u16::MAX),
        Ok(ref_fee(fits, u16::MAX).unwrap())
    );
    assert_eq!(
        bps_fee_ceil(fits + 1, u16::MAX),
        Err(VaultError::VaultOverflow)
    );
}

#[test]
fn bps_fee_ceil_random_points_both_branches() {
    // The implementation takes a u64 fast path when the product fits; the
    // generator crosses that line often (bit lengths up to 64 times bps).
    let mut rng = Rng(0x5EED_0001);
    for _ in 0..200_000 {
        let a = rng.amount();
        let b = rng.bps();
        match ref_fee(a, b) {
            Some(e) => assert_eq!(bps_fee_ceil(a, b), Ok(e), "{a} @ {b}"),
            None => assert_eq!(bps_fee_ceil(a, b), Err(VaultError::VaultOverflow)),
        }
    }
}

#[test]
fn program_fee_is_the_same_ceiling() {
    for a in amounts() {
        for b in bps_values() {
            let expected = ref_fee(a, b).ok_or(VaultError::VaultOverflow);
            assert_eq!(Config::calculate_program_fee(b, a), expected, "{a} @ {b}");
        }
    }
}

#[test]
fn deposit_and_withdrawal_fees_are_ceilings() {
    for b in bps_values() {
        let v = vault_with(b, b, 0, 0);
        for a in amounts() {
            let expected = ref_fee(a, b).ok_or(VaultError::VaultOverflow);
            assert_eq!(v.calculate_deposit_fee(a), expected, "deposit {a} @ {b}");
            assert_eq!(
                v.calculate_withdrawal_fee(a),
                expected,
                "withdrawal {a} @ {b}"
            );
        }
    }
    // The two fees read their own fields.
    let v = vault_with(1, 10_000, 0, 0);
    assert_eq!(v.calculate_deposit_fee(10_000), Ok(1));
    assert_eq!(v.calculate_withdrawal_fee(10_000), Ok(10_000));
}

#[test]
fn reward_fee_in_tokens_is_a_ceiling_of_the_growth_only() {
    for deposited in amounts() {
        for new_balance in amounts() {
            for b in [0u16, 1, 1_000, 10_000, u16::MAX] {
                let mut v = vault_with(0, 0, b, 0);
                v.set_tokens_deposited(deposited);
                let growth = new_balance.saturating_sub(deposited);
                let expected = if growth == 0 {
                    Ok(0)
                } else {
                    ref_fee(growth, b).ok_or(VaultError::VaultOverflow)
                };
                assert_eq!(
                    v.calculate_st_reward_fee(new_balance),
                    expected,
                    "{deposited} -> {new_balance} @ {b}"
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Exchange rate
// ---------------------------------------------------------------------------

#[test]
fn mul_div_floor_grid() {
    let values = amounts();
    for &a in &values {
        for &b in &values {
            for &c in &values {
                assert_eq!(mul_div_floor(a, b, c), ref_mul_div(a, b, c), "{a}*{b}/{c}");
            }
        }
    }
}

#[test]
fn mul_div_floor_random_points() {
    let mut rng = Rng(0x5EED_0002);
    for _ in 0..200_000 {
        let (a, b, c) = (rng.amount(), rng.amount(), rng.amount());
        assert_eq!(mul_div_floor(a, b, c), ref_mul_div(a, b, c), "{a}*{b}/{c}");
    }
}

#[test]
fn vrt_mint_amount_grid_rounds_down() {
    let values = amounts();
    for &deposited in &values {
        for &supply in &values {
            let v = vault_state(deposited, supply);
            for &amount in &values {
                let got = v.calculate_vrt_mint_amount(amount);
                match ref_vrt_for(amount, supply, deposited) {
                    Some(e) => {
                        assert_eq!(got, Ok(e), "{amount} into {deposited}/{supply}");
                        if deposited > 0 {
                            // Floor: e * deposited <= amount * supply < (e + 1) * deposited.
                            let exact = amount as u128 * supply as u128;
                            assert!(e as u128 * deposited as u128 <= exact);
                            assert!((e as u128 + 1) * deposited as u128 > exact);
                        }
                    }
                    None => assert_eq!(got, Err(VaultError::VaultOverflow)),
                }
            }
        }
    }
}

#[test]
fn vrt_mint_amount_edges() {
    // Empty vault (no tokens): one for one, whatever the VRT supply says.
    assert_eq!(
        vault_state(0, 0).calculate_vrt_mint_amount(u64::MAX),
        Ok(u64::MAX)
    );
    assert_eq!(vault_state(0, 123).calculate_vrt_mint_amount(7), Ok(7));
    // Tokens but no VRT (everything burned, rewards left behind): nothing minted.
    assert_eq!(vault_state(5, 0).calculate_vrt_mint_amount(1_000), Ok(0));
    // A depreciated vault (2 VRT per token) overflows at the top instead of wrapping.
    assert_eq!(
        vault_state(1, 2).calculate_vrt_mint_amount(u64::MAX),
        Err(VaultError::VaultOverflow)
    );
    assert_eq!(
        vault_state(1, 2).calculate_vrt_mint_amount(u64::MAX / 2),
        Ok(u64::MAX - 1)
    );
    // An appreciated vault rounds small deposits to zero VRT.
    assert_eq!(vault_state(3, 1).calculate_vrt_mint_amount(2), Ok(0));
    assert_eq!(vault_state(3, 1).calculate_vrt_mint_amount(3), Ok(1));
    assert_eq!(
        vault_state(u64::MAX, 1).calculate_vrt_mint_amount(u64::MAX - 1),
        Ok(0)
    );
    assert_eq!(
        vault_state(u64::MAX, 1).calculate_vrt_mint_amount(u64::MAX),
        Ok(1)
    );
}

#[test]
fn assets_returned_grid_rounds_down() {
    let values = amounts();
    for &deposited in &values {
        for &supply in &values {
            let v = vault_state(deposited, supply);
            for &vrt in &values {
                let expected = ref_mul_div(vrt, deposited, supply).ok_or(VaultError::VaultOverflow);
                assert_eq!(
                    v.calculate_assets_returned_amount(vrt),
                    expected,
                    "{vrt} from {deposited}/{supply}"
                );
            }
        }
    }
    // No supply: an error, not a division by zero.
    assert_eq!(
        vault_state(10, 0).calculate_assets_returned_amount(0),
        Err(VaultError::VaultOverflow)
    );
}

#[test]
fn deposit_then_burn_never_returns_more_than_deposited() {
    // No fees: whatever the state, minting for `d` tokens and burning what was
    // minted returns at most `d` (both roundings favour the vault).
    let mut rng = Rng(0x5EED_0003);
    let mut checked = 0;
    for _ in 0..100_000 {
        let deposited = rng.amount();
        let supply = rng.amount();
        let d = rng.amount();
        let mut v = vault_state(deposited, supply);
        let Ok(summary) = v.mint_with_fee(d, 0) else {
            continue;
        };
        let minted = summary.vrt_to_depositor;
        if minted == 0 || v.vrt_supply() == 0 {
            continue;
        }
        let out = v.calculate_assets_returned_amount(minted).unwrap();
        assert!(
            out <= d,
            "deposit {d} into {deposited}/{supply}: burn returns {out}"
        );
        checked += 1;
    }
    assert!(checked > 10_000, "too few points exercised: {checked}");
}

// ---------------------------------------------------------------------------
// Minting
// ---------------------------------------------------------------------------

/// The full MintTo arithmetic, restated.
fn ref_mint(v: &Vault, amount: u64, min_out: u64) -> Result<(u64, u64, u64, u64), VaultError> {
    if amount == 0 {
        return Err(VaultError::VaultMintZero);
    }
    let after = v
        .tokens_deposited()
        .checked_add(amount)
        .ok_or(VaultError::VaultOverflow)?;
    if after > v.deposit_capacity() {
        return Err(VaultError::VaultCapacityExceeded);
    }
    let minted = ref_vrt_for(amount, v.vrt_supply(), v.tokens_deposited())
        .ok_or(VaultError::VaultOverflow)?;
    let fee = ref_fee(minted, v.deposit_fee_bps()).ok_or(VaultError::VaultOverflow)?;
    let to_depositor = minted.checked_sub(fee).ok_or(VaultError::VaultUnderflow)?;
    if to_depositor < min_out {
        return Err(VaultError::SlippageError);
    }
    let supply = v
        .vrt_supply()
        .checked_add(minted)
        .ok_or(VaultError::VaultOverflow)?;
    Ok((to_depositor, fee, supply, after))
}

fn check_mint(mut v: Vault, amount: u64, min_out: u64) -> Result<MintSummary, VaultError> {
    let before = v;
    let got = v.mint_with_fee(amount, min_out);
    match ref_mint(&before, amount, min_out) {
        Ok((to_depositor, fee, supply, deposited)) => {
            assert_eq!(
                got,
                Ok(MintSummary {
                    vrt_to_depositor: to_depositor,
                    vrt_to_fee_wallet: fee
                }),
                "mint {amount}"
            );
            assert_eq!(v.vrt_supply(), supply);
            assert_eq!(v.tokens_deposited(), deposited);
            // The deposit fee is part of the minted VRT, not extra.
            assert_eq!(to_depositor + fee, supply - before.vrt_supply());
        }
        Err(e) => {
            assert_eq!(got, Err(e), "mint {amount} min {min_out}");
            assert_eq!(v, before, "a failed mint changes nothing");
        }
    }
    got
}

#[test]
fn mint_with_fee_grid() {
    let values = amounts();
    for &deposited in &values {
        for &supply in &values {
            for fee_bps in [0u16, 1, 10_000, 10_001] {
                let mut v = vault_state(deposited, supply);
                v.set_deposit_fee_bps_unchecked(fee_bps);
                for &amount in &values {
                    check_mint(v, amount, 0).ok();
                }
            }
        }
    }
}

#[test]
fn mint_with_fee_random() {
    let mut rng = Rng(0x5EED_0004);
    for _ in 0..100_000 {
        let mut v = vault_state(rng.amount(), rng.amount());
        v.set_deposit_fee_bps_unchecked(rng.bps());
        if rng.next() % 4 == 0 {
            v.set_deposit_capacity(rng.amount());
        }
        let amount = rng.amount();
        let min_out = if rng.next() % 2 == 0 { 0 } else { rng.amount() };
        check_mint(v, amount, min_out).ok();
    }
}

#[test]
fn mint_with_fee_edges() {
    // Zero in: refused first, even in a vault at capacity.
    let mut full = vault_state(10, 10);
    full.set_deposit_capacity(10);
    assert_eq!(check_mint(full, 0, 0), Err(VaultError::VaultMintZero));
    // Capacity is inclusive.
    let mut v = vault_state(10, 10);
    v.set_deposit_capacity(15);
    assert!(check_mint(v, 5, 0).is_ok());
    assert_eq!(check_mint(v, 6, 0), Err(VaultError::VaultCapacityExceeded));
    // tokens_deposited + amount past u64: overflow before the capacity check.
    assert_eq!(
        check_mint(vault_state(u64::MAX, 1), 1, 0),
        Err(VaultError::VaultOverflow)
    );
    // The whole u64 into an empty vault is fine.
    assert_eq!(
        check_mint(vault_state(0, 0), u64::MAX, u64::MAX),
        Ok(MintSummary {
            vrt_to_depositor: u64::MAX,
            vrt_to_fee_wallet: 0
        })
    );
    // The VRT supply overflows: 1 token at 1 token : u64::MAX VRT.
    assert_eq!(
        check_mint(vault_state(1, u64::MAX), 1, 0),
        Err(VaultError::VaultOverflow)
    );
    // Slippage bound is inclusive.
    let mut v = vault_state(1_000, 1_000);
    v.set_deposit_fee_bps_unchecked(100);
    // 1_000 VRT, fee ceil(10) = 10, 990 to the depositor.
    assert_eq!(
        check_mint(v, 1_000, 990),
        Ok(MintSummary {
            vrt_to_depositor: 990,
            vrt_to_fee_wallet: 10
        })
    );
    assert_eq!(check_mint(v, 1_000, 991), Err(VaultError::SlippageError));
    // Rounding up the fee: 1 VRT minted at 1 bps is all fee.
    let mut v = vault_state(0, 0);
    v.set_deposit_fee_bps_unchecked(1);
    assert_eq!(
        check_mint(v, 1, 0),
        Ok(MintSummary {
            vrt_to_depositor: 0,
            vrt_to_fee_wallet: 1
        })
    );
    // 100%: everything to the fee wallet.
    v.set_deposit_fee_bps_unchecked(10_000);
    assert_eq!(
        check_mint(v, u64::MAX, 0),
        Ok(MintSummary {
            vrt_to_depositor: 0,
            vrt_to_fee_wallet: u64::MAX
        })
    );
    // Above 100% (a directly written account): the fee exceeds the minted VRT.
    v.set_deposit_fee_bps_unchecked(10_001);
    assert_eq!(check_mint(v, 10_000, 0), Err(VaultError::VaultUnderflow));
    assert_eq!(check_mint(v, u64::MAX, 0), Err(VaultError::VaultOverflow));
    // Tokens but no VRT: zero minted, and a zero slippage bound accepts it
    // (MintTo then refuses a zero output with VrtOutCannotBeZero).
    assert_eq!(
        check_mint(vault_state(5, 0), 1_000, 0),
        Ok(MintSummary {
            vrt_to_depositor: 0,
            vrt_to_fee_wallet: 0
        })
    );
}

#[test]
fn initial_supply_rule() {
    // InitializeVault's initial deposit must mint exactly one VRT per token to
    // the admin and nothing to the fee wallet, whatever the requested deposit
    // fee (the fee is applied afterwards). Here the `base` signer check is
    // exercised through the Mollusk tests; the math part is `mint_with_fee`
    // with a zero fee on an empty vault, which is the identity.
    for amount in amounts().into_iter().filter(|a| *a > 0) {
        let mut v = vault_state(0, 0);
        assert_eq!(
            v.mint_with_fee(amount, amount),
            Ok(MintSummary {
                vrt_to_depositor: amount,
                vrt_to_fee_wallet: 0
            })
        );
        assert_eq!((v.tokens_deposited(), v.vrt_supply()), (amount, amount));
    }
}

// ---------------------------------------------------------------------------
// Burning
// ---------------------------------------------------------------------------

#[test]
fn burn_summary_grid() {
    let values = amounts();
    let fee_pairs: [(u16, u16); 9] = [
        (0, 0),
        (0, 1),
        (1, 0),
        (30, 120),
        (5_000, 5_000),
        (5_000, 5_001),
        (10_000, 0),
        (10_000, 10_000),
        (0, 10_000),
    ];
    for &(program_bps, withdrawal_bps) in &fee_pairs {
        for &(deposited, supply) in &[
            (1_000u64, 1_000u64),
            (u64::MAX, u64::MAX),
            (7, 3),
            (3, 7),
            (0, 5),
        ] {
            let mut v = vault_with(0, withdrawal_bps, 0, program_bps);
            v.set_tokens_deposited(deposited);
            v.set_vrt_supply(supply);
            for &amount in &values {
                for flags in 0..4u8 {
                    let (is_p, is_v) = (flags & 1 != 0, flags & 2 != 0);
                    let got = v.calculate_burn_summary(is_p, is_v, amount);
                    let expected = ref_burn_split(
                        amount,
                        program_bps,
                        withdrawal_bps,
                        is_p,
                        is_v,
                        deposited,
                        supply,
                    )
                    .map(|(p, vf, b, o)| BurnSummary {
                        vault_fee_amount: vf,
                        program_fee_amount: p,
                        burn_amount: b,
                        out_amount: o,
                    });
                    assert_eq!(
                        got, expected,
                        "{amount} p{program_bps} w{withdrawal_bps} flags {flags} {deposited}/{supply}"
                    );
                    if let Ok(s) = got {
                        // Nothing is created: fees and burn add up to at most the input.
                        assert!(
                            s.program_fee_amount as u128
                                + s.vault_fee_amount as u128
                                + s.burn_amount as u128
                                == amount as u128
                                || is_p
                                || is_v
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn burn_summary_program_fee_priority() {
    // 60% + 60% of 100: the program takes 60, the vault the remaining 40.
    let mut v = vault_with(0, 6_000, 0, 6_000);
    v.set_tokens_deposited(100);
    v.set_vrt_supply(100);
    assert_eq!(
        v.calculate_burn_summary(false, false, 100),
        Ok(BurnSummary {
            vault_fee_amount: 40,
            program_fee_amount: 60,
            burn_amount: 0,
            out_amount: 0
        })
    );
    // Both fees round up: 1 VRT at 1 bps each is 1 + 1 > 1, so the vault fee drops to 0.
    let mut v = vault_with(0, 1, 0, 1);
    v.set_tokens_deposited(10);
    v.set_vrt_supply(10);
    assert_eq!(
        v.calculate_burn_summary(false, false, 1),
        Ok(BurnSummary {
            vault_fee_amount: 0,
            program_fee_amount: 1,
            burn_amount: 0,
            out_amount: 0
        })
    );
    // A program fee above 100% (directly written account) cannot be covered.
    let mut v = vault_with(0, 0, 0, 10_001);
    v.set_tokens_deposited(10);
    v.set_vrt_supply(10);
    assert_eq!(
        v.calculate_burn_summary(false, false, 10_000),
        Err(VaultError::VaultUnderflow)
    );
    // ... unless the staker is the program fee wallet? No: the priority
    // subtraction fails first, as the original.
    assert_eq!(
        v.calculate_burn_summary(true, false, 10_000),
        Err(VaultError::VaultUnderflow)
    );
    // Fees at u64::MAX: 100% + 100% overflows the sum check.
    let mut v = vault_with(0, 10_000, 0, 10_000);
    v.set_tokens_deposited(u64::MAX);
    v.set_vrt_supply(u64::MAX);
    assert_eq!(
        v.calculate_burn_summary(false, false, u64::MAX),
        Err(VaultError::VaultOverflow)
    );
    // A staker that is both fee wallets pays nothing and burns everything.
    let mut v = vault_with(0, 10_000, 0, 10_000);
    v.set_tokens_deposited(50);
    v.set_vrt_supply(100);
    assert_eq!(
        v.calculate_burn_summary(true, true, 100),
        Ok(BurnSummary {
            vault_fee_amount: 0,
            program_fee_amount: 0,
            burn_amount: 100,
            out_amount: 50
        })
    );
}

/// `burn_with_fee`, restated: checks, then the split, then the liquidity check.
fn ref_burn(
    v: &Vault,
    is_p: bool,
    is_v: bool,
    amount: u64,
) -> Result<(BurnSummary, u64, u64), VaultError> {
    if amount == 0 {
        return Err(VaultError::VaultBurnZero);
    }
    if amount > v.vrt_supply() {
        return Err(VaultError::VaultInsufficientFunds);
    }
    let (p, vf, b, o) = ref_burn_split(
        amount,
        v.program_fee_bps(),
        v.withdrawal_fee_bps(),
        is_p,
        is_v,
        v.tokens_deposited(),
        v.vrt_supply(),
    )?;
    let d = &v.delegation_state;
    let security = d.staked_amount() as u128
        + d.enqueued_for_cooldown_amount() as u128
        + d.cooling_down_amount() as u128;
    if security > u64::MAX as u128 {
        return Err(VaultError::VaultSecurityOverflow);
    }
    let free = (v.tokens_deposited() as u128)
        .checked_sub(security)
        .ok_or(VaultError::VaultUnderflow)?;
    if o as u128 > free {
        return Err(VaultError::VaultUnderflow);
    }
    Ok((
        BurnSummary {
            vault_fee_amount: vf,
            program_fee_amount: p,
            burn_amount: b,
            out_amount: o,
        },
        v.vrt_supply() - b,
        v.tokens_deposited() - o,
    ))
}

fn check_burn(
    mut v: Vault,
    is_p: bool,
    is_v: bool,
    amount: u64,
) -> Result<BurnSummary, VaultError> {
    let before = v;
    let got = v.burn_with_fee(is_p, is_v, amount);
    match ref_burn(&before, is_p, is_v, amount) {
        Ok((summary, supply, deposited)) => {
            assert_eq!(got, Ok(summary), "burn {amount}");
            assert_eq!((v.vrt_supply(), v.tokens_deposited()), (supply, deposited));
        }
        Err(e) => {
            assert_eq!(got, Err(e), "burn {amount}");
            assert_eq!(v, before, "a failed burn changes nothing");
        }
    }
    got
}

#[test]
fn burn_with_fee_random() {
    let mut rng = Rng(0x5EED_0005);
    for _ in 0..100_000 {
        let mut v = vault_with(0, rng.bps(), 0, rng.bps());
        v.set_tokens_deposited(rng.amount());
        v.set_vrt_supply(rng.amount());
        if rng.next() % 3 == 0 {
            v.delegation_state = ds(rng.amount(), rng.amount() >> 2, rng.amount() >> 2);
        }
        let amount = if rng.next() % 4 == 0 {
            v.vrt_supply()
        } else {
            rng.amount()
        };
        check_burn(v, rng.next() % 5 == 0, rng.next() % 5 == 0, amount).ok();
    }
}

#[test]
fn burn_with_fee_edges() {
    let v = vault_state(1_000, 1_000);
    assert_eq!(
        check_burn(v, false, false, 0),
        Err(VaultError::VaultBurnZero)
    );
    assert_eq!(
        check_burn(v, false, false, 1_001),
        Err(VaultError::VaultInsufficientFunds)
    );
    // Burning the whole supply returns every token.
    let s = check_burn(v, false, false, 1_000).unwrap();
    assert_eq!((s.burn_amount, s.out_amount), (1_000, 1_000));
    // 1 VRT in a 1_000_000 : 1_000_000 vault returns 1 token.
    let s = check_burn(vault_state(1_000_000, 1_000_000), false, false, 1).unwrap();
    assert_eq!(s.out_amount, 1);
    // 1 VRT worth less than a token returns nothing (rounded down), still burns.
    let s = check_burn(vault_state(1, 3), false, false, 1).unwrap();
    assert_eq!((s.burn_amount, s.out_amount), (1, 0));
    // The whole u64 with a 1% withdrawal fee.
    let mut v = vault_with(0, 100, 0, 0);
    v.set_tokens_deposited(u64::MAX);
    v.set_vrt_supply(u64::MAX);
    let s = check_burn(v, false, false, u64::MAX).unwrap();
    assert_eq!(s.vault_fee_amount, ref_fee(u64::MAX, 100).unwrap());
    assert_eq!(s.out_amount, u64::MAX - s.vault_fee_amount);
    // Liquidity: only undelegated tokens can be returned (boundary inclusive).
    let mut v = vault_state(1_000, 1_000);
    v.delegation_state = ds(600, 100, 100);
    assert!(check_burn(v, false, false, 200).is_ok());
    assert_eq!(
        check_burn(v, false, false, 201),
        Err(VaultError::VaultUnderflow)
    );
    // Everything delegated: even 1 VRT fails.
    v.delegation_state = ds(1_000, 0, 0);
    assert_eq!(
        check_burn(v, false, false, 1),
        Err(VaultError::VaultUnderflow)
    );
    // More delegated than deposited (after a loss was booked): underflow, no panic.
    v.delegation_state = ds(1_001, 0, 0);
    assert_eq!(
        check_burn(v, false, false, 1),
        Err(VaultError::VaultUnderflow)
    );
    // A delegation total past u64: the security overflow error.
    v.delegation_state = ds(u64::MAX, 1, 0);
    assert_eq!(
        check_burn(v, false, false, 1),
        Err(VaultError::VaultSecurityOverflow)
    );
}

// ---------------------------------------------------------------------------
// Withdrawal reserve and unstaking needs
// ---------------------------------------------------------------------------

fn ref_requested(v: &Vault) -> Result<u64, VaultError> {
    if v.vrt_supply() == 0 {
        return Ok(0);
    }
    let reserve = v.vrt_enqueued_for_cooldown_amount() as u128
        + v.vrt_cooling_down_amount() as u128
        + v.vrt_ready_to_claim_amount() as u128;
    let reserve = u64::try_from(reserve).map_err(|_| VaultError::VaultOverflow)?;
    ref_burn_split(
        reserve,
        v.program_fee_bps(),
        v.withdrawal_fee_bps(),
        false,
        false,
        v.tokens_deposited(),
        v.vrt_supply(),
    )
    .map(|(_, _, _, out)| out)
}

/// The delegation state after `epochs` epoch boundaries.
fn rolled(d: (u64, u64, u64), epochs: u64) -> (u64, u64, u64) {
    match epochs {
        0 => d,
        1 => (d.0, 0, d.1),
        _ => (d.0, 0, 0),
    }
}

fn ref_additional(v: &Vault, slot: u64, epoch_length: u64) -> Result<u64, ProgramError> {
    let requested = ref_requested(v)?;
    if epoch_length == 0 {
        return Err(ProgramError::Custom(0));
    }
    let last = v.last_full_state_update_slot() / epoch_length;
    let now = slot / epoch_length;
    if now < last {
        return Err(VaultError::ArithmeticUnderflow.into());
    }
    let d = &v.delegation_state;
    let (s, e, c) = rolled(
        (
            d.staked_amount(),
            d.enqueued_for_cooldown_amount(),
            d.cooling_down_amount(),
        ),
        now - last,
    );
    let total = s as u128 + e as u128 + c as u128;
    if total > u64::MAX as u128 {
        return Err(VaultError::VaultSecurityOverflow.into());
    }
    let undelegated = (v.tokens_deposited() as u128)
        .checked_sub(total)
        .ok_or(VaultError::VaultUnderflow)?;
    let available = undelegated + e as u128 + c as u128;
    if available > u64::MAX as u128 {
        return Err(VaultError::VaultOverflow.into());
    }
    Ok((requested as u128).saturating_sub(available) as u64)
}

#[test]
fn supported_assets_requested_for_withdrawal() {
    let mut v = vault_with(0, 100, 0, 30);
    v.set_tokens_deposited(1_000);
    v.set_vrt_supply(1_000);
    v.set_vrt_enqueued_for_cooldown_amount(100);
    v.set_vrt_cooling_down_amount(50);
    v.set_vrt_ready_to_claim_amount(50);
    // 200 VRT: program fee ceil(0.6) = 1, vault fee ceil(2) = 2, 197 burned, 197 tokens.
    assert_eq!(
        v.calculate_supported_assets_requested_for_withdrawal(),
        Ok(197)
    );
    assert_eq!(
        v.calculate_supported_assets_requested_for_withdrawal(),
        ref_requested(&v)
    );
    // No supply: nothing to reserve.
    v.set_vrt_supply(0);
    assert_eq!(
        v.calculate_supported_assets_requested_for_withdrawal(),
        Ok(0)
    );
    // The three VRT buckets past u64.
    v.set_vrt_supply(1);
    v.set_vrt_enqueued_for_cooldown_amount(u64::MAX);
    v.set_vrt_ready_to_claim_amount(1);
    assert_eq!(
        v.calculate_supported_assets_requested_for_withdrawal(),
        Err(VaultError::VaultOverflow)
    );
}

#[test]
fn additional_assets_needed_to_unstake_random() {
    let mut rng = Rng(0x5EED_0006);
    let epoch_length = 100;
    for _ in 0..100_000 {
        let mut v = vault_with(0, rng.bps() % 10_001, 0, rng.bps() % 10_001);
        let deposited = rng.amount();
        v.set_tokens_deposited(deposited);
        v.set_vrt_supply(rng.amount());
        // Buckets and delegations mostly below the deposits, sometimes not.
        let part = |rng: &mut Rng| {
            if rng.next() % 8 == 0 {
                rng.amount()
            } else {
                rng.amount() % (deposited / 3 + 1)
            }
        };
        v.delegation_state = ds(part(&mut rng), part(&mut rng), part(&mut rng));
        v.set_vrt_enqueued_for_cooldown_amount(part(&mut rng));
        v.set_vrt_cooling_down_amount(part(&mut rng));
        v.set_vrt_ready_to_claim_amount(part(&mut rng));
        let last = rng.next() % 1_000;
        v.set_last_full_state_update_slot(last);
        let slot = match rng.next() % 5 {
            0 => last.saturating_sub(rng.next() % 200),
            1 => last,
            2 => last + 100,
            3 => last + 200,
            _ => last + rng.next() % 1_000,
        };
        assert_eq!(
            v.calculate_additional_supported_assets_needed_to_unstake(slot, epoch_length),
            ref_additional(&v, slot, epoch_length),
            "slot {slot} last {last}"
        );
    }
}

#[test]
fn additional_assets_needed_to_unstake_edges() {
    let mut v = vault_state(1_000, 1_000);
    v.delegation_state = ds(800, 100, 100);
    v.set_vrt_cooling_down_amount(300);
    v.set_last_full_state_update_slot(100);
    // Same epoch: nothing free, 200 withdrawing, 300 requested.
    assert_eq!(
        v.calculate_additional_supported_assets_needed_to_unstake(199, 100),
        Ok(100)
    );
    // One epoch later: enqueued → cooling (100), cooling released (+100 free).
    assert_eq!(
        v.calculate_additional_supported_assets_needed_to_unstake(200, 100),
        Ok(100)
    );
    // Two or more: everything but staked is free, 200 free.
    assert_eq!(
        v.calculate_additional_supported_assets_needed_to_unstake(300, 100),
        Ok(100)
    );
    assert_eq!(
        v.calculate_additional_supported_assets_needed_to_unstake(u64::MAX, 100),
        Ok(100)
    );
    // Slot before the last update: underflow error; zero epoch length: BadEpochLength (0).
    assert_eq!(
        v.calculate_additional_supported_assets_needed_to_unstake(99, 100),
        Err(VaultError::ArithmeticUnderflow.into())
    );
    assert_eq!(
        v.calculate_additional_supported_assets_needed_to_unstake(500, 0),
        Err(ProgramError::Custom(0))
    );
    // Delegations above the deposits: VaultUnderflow, not a panic.
    v.delegation_state = ds(2_000, 0, 0);
    assert_eq!(
        v.calculate_additional_supported_assets_needed_to_unstake(199, 100),
        Err(VaultError::VaultUnderflow.into())
    );
    // u64::MAX deposits with u64::MAX cooling: undelegated 0 + withdrawing MAX fits.
    let mut v = vault_state(u64::MAX, u64::MAX);
    v.delegation_state = ds(0, 0, u64::MAX);
    v.set_vrt_ready_to_claim_amount(u64::MAX);
    assert_eq!(
        v.calculate_additional_supported_assets_needed_to_unstake(0, 100),
        Ok(0)
    );
    // Deposits u64::MAX, delegated 1 staked + MAX-1 enqueued... the available
    // sum reaches u64::MAX exactly, still fine.
    v.delegation_state = ds(1, u64::MAX - 1, 0);
    assert_eq!(
        v.calculate_additional_supported_assets_needed_to_unstake(0, 100),
        ref_additional(&v, 0, 100)
    );
    assert_eq!(
        v.calculate_additional_supported_assets_needed_to_unstake(0, 100),
        Ok(1)
    );
}

// ---------------------------------------------------------------------------
// Delegation
// ---------------------------------------------------------------------------

fn ref_delegate(v: &Vault, amount: u64) -> Result<u64, VaultError> {
    if amount == 0 {
        return Err(VaultError::VaultDelegationZero);
    }
    if v.tokens_deposited() == 0 || v.vrt_supply() == 0 {
        return Err(VaultError::VaultUnderflow);
    }
    let reserve = ref_requested(v)?;
    let d = &v.delegation_state;
    let security = d.staked_amount() as u128
        + d.enqueued_for_cooldown_amount() as u128
        + d.cooling_down_amount() as u128;
    if security > u64::MAX as u128 {
        return Err(VaultError::VaultSecurityOverflow);
    }
    let available = (v.tokens_deposited() as i128) - security as i128 - reserve as i128;
    if available < 0 {
        return Err(VaultError::VaultUnderflow);
    }
    if amount as i128 > available {
        return Err(VaultError::VaultInsufficientFunds);
    }
    d.staked_amount()
        .checked_add(amount)
        .ok_or(VaultError::VaultSecurityOverflow)
}

#[test]
fn vault_delegate_random_and_edges() {
    let mut rng = Rng(0x5EED_0007);
    for _ in 0..100_000 {
        let mut v = vault_with(0, rng.bps() % 10_001, 0, rng.bps() % 10_001);
        let deposited = rng.amount();
        v.set_tokens_deposited(deposited);
        v.set_vrt_supply(rng.amount());
        let cap = deposited / 2 + 1;
        v.delegation_state = ds(rng.amount() % cap, rng.amount() % cap, rng.amount() % cap);
        v.set_vrt_ready_to_claim_amount(rng.amount() % cap);
        let amount = rng.amount() % (deposited.saturating_add(2));
        let before = v;
        let got = v.delegate(amount);
        match ref_delegate(&before, amount) {
            Ok(staked) => {
                assert_eq!(got, Ok(()));
                assert_eq!(v.delegation_state.staked_amount(), staked);
            }
            Err(e) => {
                assert_eq!(got, Err(e));
                assert_eq!(v, before);
            }
        }
    }
    // Exact boundary: 1_000 deposited, 300 delegated, 100 VRT ready = 100 tokens reserved.
    let mut v = vault_state(1_000, 1_000);
    v.delegation_state = ds(300, 0, 0);
    v.set_vrt_ready_to_claim_amount(100);
    assert_eq!(v.delegate(601), Err(VaultError::VaultInsufficientFunds));
    assert_eq!(v.delegate(600), Ok(()));
    assert_eq!(v.delegation_state, ds(900, 0, 0));
    assert_eq!(v.delegate(1), Err(VaultError::VaultInsufficientFunds));
    assert_eq!(v.delegate(0), Err(VaultError::VaultDelegationZero));
    assert_eq!(
        vault_state(0, 10).delegate(1),
        Err(VaultError::VaultUnderflow)
    );
    assert_eq!(
        vault_state(10, 0).delegate(1),
        Err(VaultError::VaultUnderflow)
    );
    // Reserve larger than the free tokens: underflow, not insufficient funds.
    let mut v = vault_state(1_000, 1_000);
    v.delegation_state = ds(950, 0, 0);
    v.set_vrt_ready_to_claim_amount(100);
    assert_eq!(v.delegate(1), Err(VaultError::VaultUnderflow));
    // All of u64 at once.
    let mut v = vault_state(u64::MAX, 1);
    assert_eq!(v.delegate(u64::MAX), Ok(()));
    assert_eq!(v.delegation_state, ds(u64::MAX, 0, 0));
}

#[test]
fn delegation_state_boundaries() {
    // delegate
    let mut s = ds(u64::MAX - 1, 0, 0);
    assert_eq!(s.delegate(1), Ok(()));
    assert_eq!(s, ds(u64::MAX, 0, 0));
    assert_eq!(s.delegate(1), Err(VaultError::VaultSecurityOverflow));
    assert_eq!(s.delegate(0), Err(VaultError::VaultDelegationZero));
    assert_eq!(s, ds(u64::MAX, 0, 0));
    // cooldown: whole stake, then nothing more
    assert_eq!(s.cooldown(u64::MAX), Ok(()));
    assert_eq!(s, ds(0, u64::MAX, 0));
    assert_eq!(s.cooldown(1), Err(VaultError::VaultSecurityUnderflow));
    assert_eq!(s.cooldown(0), Err(VaultError::VaultCooldownZero));
    // enqueued already full: the staked amount is kept on overflow
    let mut s = ds(5, u64::MAX, 0);
    assert_eq!(s.cooldown(1), Err(VaultError::VaultSecurityOverflow));
    assert_eq!(s, ds(5, u64::MAX, 0));
    // total_security right at and past the top
    assert_eq!(ds(u64::MAX - 2, 1, 1).total_security(), Ok(u64::MAX));
    assert_eq!(
        ds(u64::MAX - 2, 1, 2).total_security(),
        Err(VaultError::VaultSecurityOverflow)
    );
    assert_eq!(
        ds(0, u64::MAX, 1).total_security(),
        Err(VaultError::VaultSecurityOverflow)
    );
    // update: cooling is released, enqueued becomes cooling
    let mut s = ds(u64::MAX, u64::MAX, u64::MAX);
    s.update();
    assert_eq!(s, ds(u64::MAX, 0, u64::MAX));
    s.update();
    assert_eq!(s, ds(u64::MAX, 0, 0));
    for epochs in [0u64, 1, 2, 3, u64::MAX] {
        let mut s = ds(1, 2, 3);
        s.update_for_epochs(epochs);
        let (a, b, c) = rolled((1, 2, 3), epochs);
        assert_eq!(s, ds(a, b, c), "{epochs} epochs");
    }
    // accumulate / subtract: per field, all or nothing
    let mut s = ds(1, u64::MAX, 1);
    assert_eq!(
        s.accumulate(&ds(1, 1, 1)),
        Err(VaultError::VaultSecurityOverflow)
    );
    assert_eq!(s, ds(1, u64::MAX, 1));
    assert_eq!(s.accumulate(&ds(u64::MAX - 1, 0, u64::MAX - 1)), Ok(()));
    assert_eq!(s, ds(u64::MAX, u64::MAX, u64::MAX));
    assert_eq!(s.subtract(&ds(u64::MAX, u64::MAX, u64::MAX)), Ok(()));
    assert_eq!(s, ds(0, 0, 0));
    let mut s = ds(5, 5, 0);
    assert_eq!(
        s.subtract(&ds(1, 1, 1)),
        Err(VaultError::VaultSecurityUnderflow)
    );
    assert_eq!(s, ds(5, 5, 0));
}

#[test]
fn delegation_state_slash_random() {
    let mut rng = Rng(0x5EED_0008);
    for _ in 0..100_000 {
        let (a, b, c) = (rng.amount() >> 2, rng.amount() >> 2, rng.amount() >> 2);
        let total = a + b + c;
        let amount = match rng.next() % 4 {
            0 => total,
            1 => total + 1,
            _ => rng.amount() % (total + 1),
        };
        let mut s = ds(a, b, c);
        let got = s.slash(amount);
        if amount > total {
            assert_eq!(got, Err(VaultError::VaultSlashUnderflow));
            assert_eq!(s, ds(a, b, c));
        } else {
            // Staked first, then enqueued, then cooling down.
            let from_a = amount.min(a);
            let from_b = (amount - from_a).min(b);
            let from_c = amount - from_a - from_b;
            assert_eq!(got, Ok(()));
            assert_eq!(s, ds(a - from_a, b - from_b, c - from_c));
        }
    }
    let mut s = ds(u64::MAX, 1, 0);
    assert_eq!(s.slash(0), Err(VaultError::VaultSecurityOverflow));
}

// ---------------------------------------------------------------------------
// Rewards (UpdateVaultBalance)
// ---------------------------------------------------------------------------

/// UpdateVaultBalance's arithmetic: `(tokens_deposited, vrt_supply, vrt fee)` after.
fn ref_apply_rewards(
    deposited: u64,
    supply: u64,
    reward_bps: u16,
    new_balance: u64,
) -> Result<(u64, u64, u64), VaultError> {
    let growth = new_balance.saturating_sub(deposited);
    let fee_st = if growth == 0 {
        0
    } else {
        ref_fee(growth, reward_bps).ok_or(VaultError::VaultOverflow)?
    };
    let after_fee = new_balance
        .checked_sub(fee_st)
        .ok_or(VaultError::ArithmeticUnderflow)?;
    // The fee is priced against the balance without it.
    let fee_vrt = ref_vrt_for(fee_st, supply, after_fee).ok_or(VaultError::VaultOverflow)?;
    let new_supply = supply
        .checked_add(fee_vrt)
        .ok_or(VaultError::VaultOverflow)?;
    // Effective-rate check on the new state.
    if !((growth == 0 || reward_bps == 0) && fee_vrt == 0) {
        if fee_vrt == 0 {
            return Err(VaultError::VaultRewardFeeIsZero);
        }
        let ratio = (new_balance as u128 * BPS) / new_supply as u128;
        if ratio == 0 {
            return Err(VaultError::VaultOverflow);
        }
        let rewards_vrt = growth as u128 * BPS / ratio;
        if rewards_vrt == 0 {
            return Err(VaultError::VaultOverflow);
        }
        let effective = fee_vrt as u128 * BPS / rewards_vrt;
        let effective = u16::try_from(effective).map_err(|_| VaultError::VaultOverflow)?;
        if effective.abs_diff(reward_bps) > 50 {
            return Err(VaultError::VaultRewardFeeDeltaTooLarge);
        }
    }
    Ok((new_balance, new_supply, fee_vrt))
}

fn check_rewards(
    deposited: u64,
    supply: u64,
    reward_bps: u16,
    new_balance: u64,
) -> Result<u64, VaultError> {
    let mut v = vault_with(0, 0, reward_bps, 0);
    v.set_tokens_deposited(deposited);
    v.set_vrt_supply(supply);
    let got = v.apply_rewards(new_balance);
    match ref_apply_rewards(deposited, supply, reward_bps, new_balance) {
        Ok((d, s, fee)) => {
            assert_eq!(
                got,
                Ok(fee),
                "{deposited}/{supply} -> {new_balance} @ {reward_bps}"
            );
            assert_eq!((v.tokens_deposited(), v.vrt_supply()), (d, s));
        }
        // On error the processor fails, so the partially written copy is discarded.
        Err(e) => assert_eq!(
            got,
            Err(e),
            "{deposited}/{supply} -> {new_balance} @ {reward_bps}"
        ),
    }
    got
}

#[test]
fn apply_rewards_grid() {
    let values = amounts();
    for &deposited in &values {
        for &supply in &values {
            for &new_balance in &values {
                for bps in [0u16, 1, 1_000, 10_000, 10_001] {
                    check_rewards(deposited, supply, bps, new_balance).ok();
                }
            }
        }
    }
}

#[test]
fn apply_rewards_random() {
    let mut rng = Rng(0x5EED_0009);
    for _ in 0..100_000 {
        let deposited = rng.amount();
        let supply = if rng.next() % 2 == 0 {
            // Near 1:1, the common case.
            deposited.saturating_add(rng.amount() % 1_000)
        } else {
            rng.amount()
        };
        let new_balance = match rng.next() % 3 {
            0 => deposited.saturating_add(rng.amount()),
            1 => deposited.saturating_sub(rng.amount()),
            _ => rng.amount(),
        };
        check_rewards(deposited, supply, rng.bps(), new_balance).ok();
    }
}

#[test]
fn apply_rewards_edges() {
    // The original's example: 1000/1000, +1000 tokens, 10%: 100 tokens of fee,
    // priced at 1900 tokens : 1000 VRT → floor(100 * 1000 / 1900) = 52 VRT.
    assert_eq!(check_rewards(1_000, 1_000, 1_000, 2_000), Ok(52));
    // No growth, or a loss: nothing minted, the balance is booked.
    assert_eq!(check_rewards(1_000, 1_000, 1_000, 1_000), Ok(0));
    assert_eq!(check_rewards(1_000, 1_000, 1_000, 0), Ok(0));
    assert_eq!(check_rewards(u64::MAX, 1, 10_000, 0), Ok(0));
    // A reward too small for a whole VRT of fee is refused.
    assert_eq!(
        check_rewards(1_000, 1_000, 1_000, 1_002),
        Err(VaultError::VaultRewardFeeIsZero)
    );
    // Zero reward fee: growth is free.
    assert_eq!(check_rewards(1_000, 1_000, 0, u64::MAX), Ok(0));
    // 100% reward fee on an empty vault with VRT outstanding: the whole growth
    // is fee, priced one for one (no tokens left to price against): 100 VRT
    // on 100 tokens now backing 105 VRT is an effective 9523 bps, too far from 10_000.
    assert_eq!(
        check_rewards(0, 5, 10_000, 100),
        Err(VaultError::VaultRewardFeeDeltaTooLarge)
    );
    // Tokens arriving in a vault with no VRT at a non-zero fee: the fee is
    // worth 0 VRT, refused (as the original: such a vault cannot book rewards).
    assert_eq!(
        check_rewards(0, 0, 1_000, u64::MAX),
        Err(VaultError::VaultRewardFeeIsZero)
    );
    // Above 100% (directly written): the fee exceeds the balance.
    assert_eq!(
        check_rewards(0, 1, 10_001, 10_000),
        Err(VaultError::ArithmeticUnderflow)
    );
    // VRT supply at the top: the fee cannot be added.
    assert_eq!(
        check_rewards(1, u64::MAX, 10_000, 2),
        Err(VaultError::VaultOverflow)
    );
}

#[test]
fn reward_fee_effective_rate_check_alone() {
    // Direct use with the vault already holding the new balance and supply.
    let mut v = vault_with(0, 0, 1_000, 0);
    v.set_tokens_deposited(2_000);
    v.set_vrt_supply(1_052);
    assert_eq!(v.check_reward_fee_effective_rate(1_000, 52, 50), Ok(()));
    assert_eq!(
        v.check_reward_fee_effective_rate(1_000, 52, 10_001),
        Err(VaultError::VaultFeeCapExceeded)
    );
    assert_eq!(v.check_reward_fee_effective_rate(0, 0, 50), Ok(()));
    assert_eq!(
        v.check_reward_fee_effective_rate(1_000, 0, 50),
        Err(VaultError::VaultRewardFeeIsZero)
    );
    // 52 VRT out of 1000 tokens of growth at 2000/1052: 1000 tokens = 526 VRT,
    // 52 / 526 = 988 bps, within 50 of 1000. 40 VRT is 760 bps: too far.
    assert_eq!(
        v.check_reward_fee_effective_rate(1_000, 40, 50),
        Err(VaultError::VaultRewardFeeDeltaTooLarge)
    );
    // A fee in VRT worth over 655% of the rewards: the u16 rate overflows.
    assert_eq!(
        v.check_reward_fee_effective_rate(1_000, 1_000_000, 50),
        Err(VaultError::VaultOverflow)
    );
    // No supply: the ratio divides by zero, reported as overflow.
    v.set_vrt_supply(0);
    assert_eq!(
        v.check_reward_fee_effective_rate(1_000, 1, 50),
        Err(VaultError::VaultOverflow)
    );
}

// ---------------------------------------------------------------------------
// Epoch update: withdrawal allocation and the VRT buckets
// ---------------------------------------------------------------------------

#[test]
fn begin_state_update_computes_assets_to_unstake() {
    let mut v = vault_with(0, 0, 0, 0);
    v.set_tokens_deposited(1_000);
    v.set_vrt_supply(1_000);
    v.set_next_withdrawal_fee_bps_unchecked(100);
    v.delegation_state = ds(1_000, 0, 0);
    v.set_vrt_enqueued_for_cooldown_amount(100);
    v.set_last_full_state_update_slot(0);
    v.set_last_start_state_update_slot(0);
    v.begin_state_update(100, 100, 30).unwrap();
    // New fees take effect first: 100 VRT - ceil(1) - ceil(0.3) = 98 tokens.
    assert_eq!(v.withdrawal_fee_bps(), 100);
    assert_eq!(v.program_fee_bps(), 30);
    assert_eq!(v.additional_assets_need_unstaking(), 98);
    assert_eq!(v.last_start_state_update_slot(), 100);
    // A program fee above 100% from the config is refused as the original.
    let mut w = vault_with(0, 0, 0, 0);
    assert_eq!(
        w.begin_state_update(100, 100, 10_001),
        Err(ProgramError::InvalidInstructionData)
    );
    // Zero epoch length.
    assert_eq!(
        w.begin_state_update(100, 0, 0),
        Err(ProgramError::Custom(0))
    );
}

#[test]
fn greedy_allocation_boundaries() {
    let mut rng = Rng(0x5EED_000A);
    for _ in 0..50_000 {
        let needed = rng.amount();
        let (s, e, c) = (rng.amount(), rng.amount(), rng.amount());
        let partial = rng.next() % 4 == 0;
        let mut v = vault_with(0, 0, 0, 0);
        v.set_additional_assets_need_unstaking(needed);
        let mut op = ds(s, e, c);
        let got = v.allocate_withdrawal_greedy(&mut op, partial);
        if partial || needed == 0 || s == 0 {
            assert_eq!(got, Ok(()));
            assert_eq!(op, ds(s, e, c));
            assert_eq!(v.additional_assets_need_unstaking(), needed);
            continue;
        }
        let take = s.min(needed);
        match e.checked_add(take) {
            Some(new_e) => {
                assert_eq!(got, Ok(()));
                assert_eq!(op, ds(s - take, new_e, c));
                assert_eq!(v.additional_assets_need_unstaking(), needed - take);
            }
            None => assert_eq!(got, Err(VaultError::VaultSecurityOverflow)),
        }
    }
}

#[test]
fn finish_state_update_rolls_buckets_per_epoch() {
    for epochs in [0u64, 1, 2, 3, 1_000] {
        let mut v = vault_with(0, 0, 0, 0);
        v.set_last_full_state_update_slot(100);
        v.set_vrt_enqueued_for_cooldown_amount(5);
        v.set_vrt_cooling_down_amount(7);
        v.set_vrt_ready_to_claim_amount(11);
        let slot = 100 + epochs * 100 + 50;
        v.finish_state_update(&ds(1, 2, 3), slot, 100).unwrap();
        let (ready, cooling, enqueued) = match epochs {
            0 => (11, 7, 5),
            1 => (18, 5, 0),
            _ => (23, 0, 0),
        };
        assert_eq!(
            (
                v.vrt_ready_to_claim_amount(),
                v.vrt_cooling_down_amount(),
                v.vrt_enqueued_for_cooldown_amount()
            ),
            (ready, cooling, enqueued),
            "{epochs} epochs"
        );
        assert_eq!(v.delegation_state, ds(1, 2, 3));
        assert_eq!(v.last_full_state_update_slot(), slot);
    }
    // Ready-to-claim at the top: the roll overflows cleanly.
    let mut v = vault_with(0, 0, 0, 0);
    v.set_vrt_ready_to_claim_amount(u64::MAX);
    v.set_vrt_cooling_down_amount(1);
    assert_eq!(
        v.finish_state_update(&ds(0, 0, 0), 100, 100),
        Err(VaultError::VaultOverflow.into())
    );
}

#[test]
fn operator_delegation_update_and_tracker_index() {
    let mut bytes = vec![0u8; VaultOperatorDelegation::LEN];
    let d = VaultOperatorDelegation::init(&mut bytes).unwrap();
    d.set_last_update_slot(150);
    d.delegation_state = ds(10, 20, 30);
    assert_eq!(
        d.check_is_already_updated(199, 100),
        Err(VaultError::VaultOperatorDelegationIsUpdated.into())
    );
    assert_eq!(d.check_is_already_updated(200, 100), Ok(()));
    assert_eq!(
        d.update(99, 100),
        Err(VaultError::ArithmeticUnderflow.into())
    );
    d.update(250, 100).unwrap();
    assert_eq!(d.delegation_state, ds(10, 0, 20));
    d.update(u64::MAX, 100).unwrap();
    assert_eq!(d.delegation_state, ds(10, 0, 0));
    assert_eq!(d.last_update_slot(), u64::MAX);

    let mut bytes = vec![0u8; VaultUpdateStateTracker::LEN];
    let t = VaultUpdateStateTracker::init(&mut bytes).unwrap();
    t.initialize(&key(9), 7, 0);
    // Start at epoch % operators, wrap around, finish just before the start.
    assert_eq!(
        t.check_and_update_index(0, 0),
        Err(VaultError::DivisionByZero)
    );
    assert_eq!(
        t.check_and_update_index(0, 3),
        Err(VaultError::VaultUpdateIncorrectIndex)
    );
    assert_eq!(t.all_operators_updated(3), Ok(false));
    assert_eq!(t.check_and_update_index(1, 3), Ok(()));
    assert_eq!(t.check_and_update_index(2, 3), Ok(()));
    assert_eq!(t.all_operators_updated(3), Ok(false));
    assert_eq!(t.check_and_update_index(0, 3), Ok(()));
    assert_eq!(t.all_operators_updated(3), Ok(true));
    // An index of u64::MAX - 1 followed by a wrap: no overflow.
    t.set_last_updated_index(u64::MAX - 1);
    assert_eq!(t.check_and_update_index(0, u64::MAX), Ok(()));
}

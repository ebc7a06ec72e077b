//! NCN / operator admin changes, the operator fee and token delegation:
//! `NcnSetAdmin`, `NcnSetSecondaryAdmin`, `OperatorSetAdmin`,
//! `OperatorSetSecondaryAdmin`, `OperatorSetFee`, `NcnDelegateTokenAccount`,
//! `OperatorDelegateTokenAccount` (tags 17–23), the last two against the real
//! SPL Token program.
//!
//! Instructions come from the generated client (through `scenarios::restaking_pair`);
//! malformed data is made by editing the client's encoding. Written NCN and
//! operator accounts are checked byte for byte and through the client's decoders.

use mollusk_tests::{scenarios::restaking_pair::*, *};
use solana_instruction::error::InstructionError;

const EPOCH: u64 = 100;

fn world() -> RestakingScenario {
    RestakingScenario::new(EPOCH, 10)
}

/// Runs `ix`, expects exactly `err` and no account changed.
#[track_caller]
fn expect_err(m: &Mollusk, w: &RestakingScenario, ix: &Instruction, err: ProgramError) {
    let accounts = w.accounts_for(ix);
    let result = mollusk_tests::oracle::process(m, ix, &accounts);
    assert_error(&result, &accounts, err);
}

/// Runs `ix`, expects success with `key` holding exactly `expected` and every
/// other account unchanged; returns the result.
#[track_caller]
fn expect_only(
    m: &Mollusk,
    w: &mut RestakingScenario,
    ix: &Instruction,
    key: &Pubkey,
    expected: &[u8],
) -> InstructionResult {
    let (result, before) = w.run_on(m, ix);
    assert_success(&result);
    assert_eq!(result.resulting_accounts.len(), before.len());
    for ((k, b), (k2, a)) in before.iter().zip(&result.resulting_accounts) {
        assert_eq!(k, k2);
        if k == key {
            assert_eq!(a.data, expected, "data of {k}");
            assert_eq!(
                (a.lamports, a.owner, a.executable),
                (b.lamports, b.owner, b.executable)
            );
        } else {
            assert_eq!(a, b, "account {k} changed");
        }
    }
    result
}

/// The owner / discriminator / PDA / writable checks of the NCN or operator
/// account at index 0 of `ix`.
fn check_state_account(m: &Mollusk, ix: &Instruction, writable: bool) {
    let w = world();
    let key = ix.accounts[0].pubkey;

    let mut w2 = world();
    w2.world.accounts.get_mut(&key).unwrap().owner = SYSTEM_PROGRAM_ID;
    expect_err(m, &w2, ix, ProgramError::InvalidAccountOwner);

    let mut w2 = world();
    w2.world.accounts.get_mut(&key).unwrap().data[0] = layout::CONFIG_DISC;
    expect_err(m, &w2, ix, ProgramError::InvalidAccountData);

    let mut w2 = world();
    w2.world.accounts.get_mut(&key).unwrap().data.push(0);
    expect_err(m, &w2, ix, ProgramError::InvalidAccountData);

    // Another NCN / operator of the same admins (another base, at its
    // canonical PDA): the setter acts on it, as the original does. A copy at a
    // non-PDA address or a stored bump that does not derive the address cannot
    // exist on chain (`jito_core::account`), so no longer tested.
    let mut w2 = world();
    let (base_offset, bump_offset, seed): (usize, usize, &[u8]) = if key == w.ncn {
        (8, 328, b"ncn")
    } else {
        (8, 258, b"operator")
    };
    let mut a = w2.world.accounts[&key].clone();
    let base = Pubkey::new_unique();
    a.data[base_offset..base_offset + 32].copy_from_slice(base.as_ref());
    let (other, bump) =
        Pubkey::find_program_address(&[seed, base.as_ref()], &mollusk_tests::RESTAKING_PROGRAM_ID);
    a.data[bump_offset] = bump;
    w2.world.accounts.insert(other, a);
    let moved = with_key(ix.clone(), 0, other);
    let r = mollusk_tests::oracle::process(m, &moved, &w2.accounts_for(&moved));
    assert!(r.program_result.is_ok(), "{:?}", r.program_result);

    if writable {
        expect_err(
            m,
            &w,
            &with_meta(ix.clone(), 0, false, false),
            ProgramError::InvalidAccountData,
        );
    }
}

/// `ix` with its (client-built) data edited by `edit`.
fn with_data(ix: &Instruction, edit: impl FnOnce(&mut Vec<u8>)) -> Instruction {
    let mut bad = ix.clone();
    edit(&mut bad.data);
    bad
}

/// Fewer or more accounts, and malformed data.
fn check_shape(m: &Mollusk, w: &RestakingScenario, ix: &Instruction) {
    let mut fewer = ix.clone();
    fewer.accounts.pop();
    expect_err(m, w, &fewer, ProgramError::NotEnoughAccountKeys);
    let mut more = ix.clone();
    more.accounts
        .push(AccountMeta::new_readonly(Pubkey::new_unique(), false));
    expect_err(m, w, &more, ProgramError::NotEnoughAccountKeys);
    let mut trailing = ix.clone();
    trailing.data.push(0);
    expect_err(m, w, &trailing, ProgramError::InvalidInstructionData);
}

// ---------------------------------------------------------------------------
// NcnSetAdmin / OperatorSetAdmin
// ---------------------------------------------------------------------------

#[test]
fn ncn_set_admin_moves_admin_and_the_roles_it_held() {
    let m = mollusk();
    let mut w = world();
    let old = w.ncn_admin();
    // Two roles held by others stay where they are.
    let keeper = Pubkey::new_unique();
    w.ncn_fields.vault_admin = keeper;
    w.ncn_fields.weight_table_admin = keeper;
    w.store_ncn();
    let new = Pubkey::new_unique();
    let mut expected = w.ncn_fields.clone();
    expected.admin = new;
    expected.operator_admin = new;
    expected.slasher_admin = new;
    expected.delegate_admin = new;
    expected.metadata_admin = new;
    expected.ncn_program_admin = new;
    let ix = set_admin_ix(tag::NCN_SET_ADMIN, &w.ncn, &old, &new);
    let ncn = w.ncn;
    let r = expect_only(&m, &mut w, &ix, &ncn, &expected.bytes());
    print_cu("restaking", "NcnSetAdmin", &r);
    let decoded = decode::ncn(&w.world.accounts[&ncn].data);
    assert_eq!(decoded, expected.client());
    assert_eq!(
        (
            decoded.admin,
            decoded.vault_admin,
            decoded.weight_table_admin
        ),
        (new, keeper, keeper)
    );

    // The old admin has lost everything; the new one can hand over again.
    let ix = set_admin_ix(tag::NCN_SET_ADMIN, &w.ncn, &old, &Pubkey::new_unique());
    expect_err(&m, &w, &ix, ProgramError::Custom(err::NCN_ADMIN_INVALID));
    let newer = Pubkey::new_unique();
    let mut expected2 = expected.clone();
    for k in [
        &mut expected2.admin,
        &mut expected2.operator_admin,
        &mut expected2.slasher_admin,
        &mut expected2.delegate_admin,
        &mut expected2.metadata_admin,
        &mut expected2.ncn_program_admin,
    ] {
        *k = newer;
    }
    let ix = set_admin_ix(tag::NCN_SET_ADMIN, &w.ncn, &new, &newer);
    expect_only(&m, &mut w, &ix, &ncn, &expected2.bytes());
    assert_eq!(
        decode::ncn(&w.world.accounts[&ncn].data),
        expected2.client()
    );
}

#[test]
fn ncn_set_admin_failures() {
    let m = mollusk();
    let w = world();
    let old = w.ncn_admin();
    let new = Pubkey::new_unique();
    let ix = set_admin_ix(tag::NCN_SET_ADMIN, &w.ncn, &old, &new);
    // Wrong old admin (a secondary admin is not enough).
    let mut w2 = world();
    let secondary = Pubkey::new_unique();
    w2.ncn_fields.operator_admin = secondary;
    w2.store_ncn();
    expect_err(
        &m,
        &w2,
        &set_admin_ix(tag::NCN_SET_ADMIN, &w.ncn, &secondary, &new),
        ProgramError::Custom(err::NCN_ADMIN_INVALID),
    );
    // Both must sign; the old admin is checked first.
    expect_err(
        &m,
        &w,
        &with_meta(ix.clone(), 1, false, false),
        ProgramError::MissingRequiredSignature,
    );
    expect_err(
        &m,
        &w,
        &with_meta(ix.clone(), 2, false, false),
        ProgramError::MissingRequiredSignature,
    );
    // Signatures come before the admin check.
    let stranger = Pubkey::new_unique();
    let bad = set_admin_ix(tag::NCN_SET_ADMIN, &w.ncn, &stranger, &new);
    expect_err(
        &m,
        &w,
        &with_meta(bad, 2, false, false),
        ProgramError::MissingRequiredSignature,
    );
    check_state_account(&m, &ix, true);
    check_shape(&m, &w, &ix);
    // The NCN account is checked before the signers.
    let mut w2 = world();
    w2.world.accounts.get_mut(&w.ncn).unwrap().owner = SYSTEM_PROGRAM_ID;
    expect_err(
        &m,
        &w2,
        &with_meta(ix.clone(), 1, false, false),
        ProgramError::InvalidAccountOwner,
    );
    // An operator account is not an NCN.
    let op_ix = set_admin_ix(tag::NCN_SET_ADMIN, &w.operator, &w.operator_admin(), &new);
    expect_err(&m, &w, &op_ix, ProgramError::InvalidAccountData);
}

#[test]
fn operator_set_admin_moves_admin_and_the_roles_it_held() {
    let m = mollusk();
    let mut w = world();
    let old = w.operator_admin();
    let keeper = Pubkey::new_unique();
    w.operator_fields.ncn_admin = keeper;
    w.store_operator();
    let new = Pubkey::new_unique();
    let mut expected = w.operator_fields.clone();
    expected.admin = new;
    expected.vault_admin = new;
    expected.delegate_admin = new;
    expected.metadata_admin = new;
    expected.voter = new;
    let ix = set_admin_ix(tag::OPERATOR_SET_ADMIN, &w.operator, &old, &new);
    let operator = w.operator;
    let r = expect_only(&m, &mut w, &ix, &operator, &expected.bytes());
    print_cu("restaking", "OperatorSetAdmin", &r);
    let decoded = decode::operator(&w.world.accounts[&operator].data);
    assert_eq!(decoded, expected.client());
    assert_eq!(
        (decoded.admin, decoded.voter, decoded.ncn_admin),
        (new, new, keeper)
    );
    let ix = set_admin_ix(
        tag::OPERATOR_SET_ADMIN,
        &w.operator,
        &old,
        &Pubkey::new_unique(),
    );
    expect_err(
        &m,
        &w,
        &ix,
        ProgramError::Custom(err::OPERATOR_ADMIN_INVALID),
    );
}

#[test]
fn operator_set_admin_failures() {
    let m = mollusk();
    let w = world();
    let new = Pubkey::new_unique();
    let ix = set_admin_ix(
        tag::OPERATOR_SET_ADMIN,
        &w.operator,
        &w.operator_admin(),
        &new,
    );
    let stranger = Pubkey::new_unique();
    expect_err(
        &m,
        &w,
        &set_admin_ix(tag::OPERATOR_SET_ADMIN, &w.operator, &stranger, &new),
        ProgramError::Custom(err::OPERATOR_ADMIN_INVALID),
    );
    expect_err(
        &m,
        &w,
        &with_meta(ix.clone(), 1, false, false),
        ProgramError::MissingRequiredSignature,
    );
    expect_err(
        &m,
        &w,
        &with_meta(ix.clone(), 2, false, false),
        ProgramError::MissingRequiredSignature,
    );
    check_state_account(&m, &ix, true);
    check_shape(&m, &w, &ix);
    let ncn_ix = set_admin_ix(tag::OPERATOR_SET_ADMIN, &w.ncn, &w.ncn_admin(), &new);
    expect_err(&m, &w, &ncn_ix, ProgramError::InvalidAccountData);
}

// ---------------------------------------------------------------------------
// NcnSetSecondaryAdmin / OperatorSetSecondaryAdmin
// ---------------------------------------------------------------------------

#[test]
fn ncn_set_secondary_admin_sets_exactly_one_role() {
    let m = mollusk();
    for role in 0..7u8 {
        let mut w = world();
        let new = Pubkey::new_unique();
        let mut expected = w.ncn_fields.clone();
        *match role {
            0 => &mut expected.operator_admin,
            1 => &mut expected.vault_admin,
            2 => &mut expected.slasher_admin,
            3 => &mut expected.delegate_admin,
            4 => &mut expected.metadata_admin,
            5 => &mut expected.weight_table_admin,
            _ => &mut expected.ncn_program_admin,
        } = new;
        // The new admin does not sign.
        let ix = set_secondary_admin_ix(
            tag::NCN_SET_SECONDARY_ADMIN,
            role,
            &w.ncn,
            &w.ncn_admin(),
            &new,
        );
        assert!(!ix.accounts[2].is_signer);
        let ncn = w.ncn;
        let r = expect_only(&m, &mut w, &ix, &ncn, &expected.bytes());
        if role == 0 {
            print_cu("restaking", "NcnSetSecondaryAdmin", &r);
        }
        assert_eq!(decode::ncn(&w.world.accounts[&ncn].data), expected.client());
    }
}

#[test]
fn ncn_set_secondary_admin_failures() {
    let m = mollusk();
    let w = world();
    let new = Pubkey::new_unique();
    let ix = set_secondary_admin_ix(
        tag::NCN_SET_SECONDARY_ADMIN,
        1,
        &w.ncn,
        &w.ncn_admin(),
        &new,
    );
    // Unknown role (7, 255), missing role, extra byte.
    for mut bad in [
        with_data(&ix, |d| d[1] = 7),
        with_data(&ix, |d| d[1] = 255),
        with_data(&ix, |d| d.truncate(1)),
        with_data(&ix, |d| d.push(0)),
    ] {
        expect_err(&m, &w, &bad, ProgramError::InvalidInstructionData);
        // The data is decoded before the accounts are looked at.
        bad.accounts.pop();
        expect_err(&m, &w, &bad, ProgramError::InvalidInstructionData);
    }
    // Only the NCN admin, not the holder of the role being changed.
    let mut w2 = world();
    let vault_admin = Pubkey::new_unique();
    w2.ncn_fields.vault_admin = vault_admin;
    w2.store_ncn();
    let bad = set_secondary_admin_ix(tag::NCN_SET_SECONDARY_ADMIN, 1, &w.ncn, &vault_admin, &new);
    expect_err(&m, &w2, &bad, ProgramError::Custom(err::NCN_ADMIN_INVALID));
    expect_err(
        &m,
        &w,
        &with_meta(ix.clone(), 1, false, false),
        ProgramError::MissingRequiredSignature,
    );
    check_state_account(&m, &ix, true);
    let mut fewer = ix.clone();
    fewer.accounts.pop();
    expect_err(&m, &w, &fewer, ProgramError::NotEnoughAccountKeys);
    let mut more = ix.clone();
    more.accounts
        .push(AccountMeta::new_readonly(Pubkey::new_unique(), false));
    expect_err(&m, &w, &more, ProgramError::NotEnoughAccountKeys);
}

#[test]
fn operator_set_secondary_admin_sets_exactly_one_role() {
    let m = mollusk();
    for role in 0..5u8 {
        let mut w = world();
        let new = Pubkey::new_unique();
        let mut expected = w.operator_fields.clone();
        *match role {
            0 => &mut expected.ncn_admin,
            1 => &mut expected.vault_admin,
            2 => &mut expected.voter,
            3 => &mut expected.delegate_admin,
            _ => &mut expected.metadata_admin,
        } = new;
        let ix = set_secondary_admin_ix(
            tag::OPERATOR_SET_SECONDARY_ADMIN,
            role,
            &w.operator,
            &w.operator_admin(),
            &new,
        );
        let operator = w.operator;
        let r = expect_only(&m, &mut w, &ix, &operator, &expected.bytes());
        if role == 0 {
            print_cu("restaking", "OperatorSetSecondaryAdmin", &r);
        }
        assert_eq!(
            decode::operator(&w.world.accounts[&operator].data),
            expected.client()
        );
    }
}

#[test]
fn operator_set_secondary_admin_failures() {
    let m = mollusk();
    let w = world();
    let new = Pubkey::new_unique();
    let ix = set_secondary_admin_ix(
        tag::OPERATOR_SET_SECONDARY_ADMIN,
        2,
        &w.operator,
        &w.operator_admin(),
        &new,
    );
    // Unknown role (5), missing role, extra byte.
    for mut bad in [
        with_data(&ix, |d| d[1] = 5),
        with_data(&ix, |d| d.truncate(1)),
        with_data(&ix, |d| d.push(2)),
    ] {
        expect_err(&m, &w, &bad, ProgramError::InvalidInstructionData);
        bad.accounts
            .push(AccountMeta::new_readonly(Pubkey::new_unique(), false));
        expect_err(&m, &w, &bad, ProgramError::InvalidInstructionData);
    }
    let stranger = Pubkey::new_unique();
    let bad = set_secondary_admin_ix(
        tag::OPERATOR_SET_SECONDARY_ADMIN,
        2,
        &w.operator,
        &stranger,
        &new,
    );
    expect_err(
        &m,
        &w,
        &bad,
        ProgramError::Custom(err::OPERATOR_ADMIN_INVALID),
    );
    expect_err(
        &m,
        &w,
        &with_meta(ix.clone(), 1, false, false),
        ProgramError::MissingRequiredSignature,
    );
    check_state_account(&m, &ix, true);
}

// ---------------------------------------------------------------------------
// OperatorSetFee
// ---------------------------------------------------------------------------

#[test]
fn operator_set_fee_writes_the_fee() {
    let m = mollusk();
    let mut w = world();
    let admin = w.operator_admin();
    let operator = w.operator;
    let mut expected = w.operator_fields.clone();
    // Any fee up to 100 %, as often as wanted: no rate limit in the original.
    for (i, fee) in [2_000u16, 10_000, 0, 9_999, 1].into_iter().enumerate() {
        expected.operator_fee_bps = fee;
        let ix = operator_set_fee_ix(&w.config, &w.operator, &admin, fee);
        let r = expect_only(&m, &mut w, &ix, &operator, &expected.bytes());
        if i == 0 {
            print_cu("restaking", "OperatorSetFee", &r);
        }
        let decoded = decode::operator(&w.world.accounts[&operator].data);
        assert_eq!(decoded.operator_fee_bps, fee);
        assert_eq!(decoded, expected.client());
    }
    // The config account is not read: any account will do.
    let ix = operator_set_fee_ix(&Pubkey::new_unique(), &w.operator, &admin, 42);
    expected.operator_fee_bps = 42;
    expect_only(&m, &mut w, &ix, &operator, &expected.bytes());
    assert_eq!(
        decode::operator(&w.world.accounts[&operator].data).operator_fee_bps,
        42
    );
}

#[test]
fn operator_set_fee_failures() {
    let m = mollusk();
    let w = world();
    let admin = w.operator_admin();
    for fee in [10_001u16, u16::MAX] {
        let ix = operator_set_fee_ix(&w.config, &w.operator, &admin, fee);
        expect_err(
            &m,
            &w,
            &ix,
            ProgramError::Custom(err::OPERATOR_FEE_CAP_EXCEEDED),
        );
    }
    // The admin check comes before the cap.
    let stranger = Pubkey::new_unique();
    expect_err(
        &m,
        &w,
        &operator_set_fee_ix(&w.config, &w.operator, &stranger, 10_001),
        ProgramError::Custom(err::OPERATOR_ADMIN_INVALID),
    );
    // Only the operator admin, not a secondary admin.
    let mut w2 = world();
    let voter = Pubkey::new_unique();
    w2.operator_fields.voter = voter;
    w2.store_operator();
    expect_err(
        &m,
        &w2,
        &operator_set_fee_ix(&w.config, &w.operator, &voter, 1),
        ProgramError::Custom(err::OPERATOR_ADMIN_INVALID),
    );
    let ix = operator_set_fee_ix(&w.config, &w.operator, &admin, 100);
    expect_err(
        &m,
        &w,
        &with_meta(ix.clone(), 2, false, false),
        ProgramError::MissingRequiredSignature,
    );
    // The operator is at index 1 here.
    let mut w2 = world();
    w2.world.accounts.get_mut(&w.operator).unwrap().owner = SYSTEM_PROGRAM_ID;
    expect_err(&m, &w2, &ix, ProgramError::InvalidAccountOwner);
    let mut w2 = world();
    w2.world.accounts.get_mut(&w.operator).unwrap().data[0] = layout::NCN_DISC;
    expect_err(&m, &w2, &ix, ProgramError::InvalidAccountData);
    // (Operator bytes copied to a non-PDA address cannot exist on chain:
    // `jito_core::account`; `check_state_account` covers another operator.)
    expect_err(
        &m,
        &w,
        &with_meta(ix.clone(), 1, false, false),
        ProgramError::InvalidAccountData,
    );
    // Data: exactly a u16 (none, one byte, three bytes).
    for bad in [
        with_data(&ix, |d| d.truncate(1)),
        with_data(&ix, |d| d.truncate(2)),
        with_data(&ix, |d| d.push(0)),
    ] {
        expect_err(&m, &w, &bad, ProgramError::InvalidInstructionData);
    }
    let mut fewer = ix.clone();
    fewer.accounts.pop();
    expect_err(&m, &w, &fewer, ProgramError::NotEnoughAccountKeys);
    let mut more = ix.clone();
    more.accounts
        .push(AccountMeta::new_readonly(Pubkey::new_unique(), false));
    expect_err(&m, &w, &more, ProgramError::NotEnoughAccountKeys);
}

// ---------------------------------------------------------------------------
// NcnDelegateTokenAccount / OperatorDelegateTokenAccount
// ---------------------------------------------------------------------------

/// Either delegating owner.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Owner {
    Ncn,
    Operator,
}

const OWNERS: [Owner; 2] = [Owner::Ncn, Owner::Operator];

impl Owner {
    fn tag(self) -> u8 {
        match self {
            Owner::Ncn => tag::NCN_DELEGATE_TOKEN_ACCOUNT,
            Owner::Operator => tag::OPERATOR_DELEGATE_TOKEN_ACCOUNT,
        }
    }
    fn name(self) -> &'static str {
        match self {
            Owner::Ncn => "NcnDelegateTokenAccount",
            Owner::Operator => "OperatorDelegateTokenAccount",
        }
    }
    fn key(self, w: &RestakingScenario) -> Pubkey {
        match self {
            Owner::Ncn => w.ncn,
            Owner::Operator => w.operator,
        }
    }
    fn delegate_admin_err(self) -> u32 {
        match self {
            Owner::Ncn => err::NCN_DELEGATE_ADMIN_INVALID,
            Owner::Operator => err::OPERATOR_DELEGATE_ADMIN_INVALID,
        }
    }
    fn give_delegate_admin(self, w: &mut RestakingScenario, key: Pubkey) {
        match self {
            Owner::Ncn => {
                w.ncn_fields.delegate_admin = key;
                w.store_ncn();
            }
            Owner::Operator => {
                w.operator_fields.delegate_admin = key;
                w.store_operator();
            }
        }
    }
}

/// A world with an SPL Token mint and the owner's associated token account.
struct TokenSetup {
    w: RestakingScenario,
    mint: Pubkey,
    token_account: Pubkey,
    delegate: Pubkey,
}

fn token_setup(owner: Owner) -> TokenSetup {
    // Fixed keys: two setups for the same owner are the same accounts.
    let mut w = world();
    let mint = Pubkey::new_from_array([0x4d; 32]);
    let owner_key = owner.key(&w);
    let token_account = associated_token_address(&owner_key, &mint, &TOKEN_PROGRAM_ID);
    w.world.accounts.insert(
        mint,
        owned_account(
            &TOKEN_PROGRAM_ID,
            mint_data(Some(&Pubkey::new_from_array([0x41; 32])), 1_000_000, 6),
        ),
    );
    w.world.accounts.insert(
        token_account,
        owned_account(
            &TOKEN_PROGRAM_ID,
            token_account_data(&mint, &owner_key, 100_000),
        ),
    );
    TokenSetup {
        w,
        mint,
        token_account,
        delegate: Pubkey::new_from_array([0xde; 32]),
    }
}

impl TokenSetup {
    fn ix(&self, owner: Owner, delegate_admin: &Pubkey) -> Instruction {
        delegate_token_account_ix(
            owner.tag(),
            &owner.key(&self.w),
            delegate_admin,
            &self.mint,
            &self.token_account,
            &self.delegate,
            &TOKEN_PROGRAM_ID,
        )
    }
    fn admin(&self, owner: Owner) -> Pubkey {
        match owner {
            Owner::Ncn => self.w.ncn_admin(),
            Owner::Operator => self.w.operator_admin(),
        }
    }
}

/// The token account bytes after `Approve(delegate, u64::MAX)`.
fn approved(before: &[u8], delegate: &Pubkey) -> Vec<u8> {
    let mut d = before.to_vec();
    d[72..76].copy_from_slice(&1u32.to_le_bytes());
    d[76..108].copy_from_slice(delegate.as_ref());
    d[121..129].copy_from_slice(&u64::MAX.to_le_bytes());
    d
}

#[test]
fn delegate_token_account_approves_u64_max() {
    let m = mollusk();
    for owner in OWNERS {
        let mut s = token_setup(owner);
        let before = s.w.world.accounts[&s.token_account].data.clone();
        let ix = s.ix(owner, &s.admin(owner));
        let expected = approved(&before, &s.delegate);
        let token_account = s.token_account;
        let r = expect_only(&m, &mut s.w, &ix, &token_account, &expected);
        print_cu("restaking", owner.name(), &r);
        // Read back through the field offsets.
        let after = &s.w.world.accounts[&token_account].data;
        assert_eq!(&after[76..108], s.delegate.as_ref());
        assert_eq!(
            u64::from_le_bytes(after[121..129].try_into().unwrap()),
            u64::MAX
        );
        assert_eq!(token_amount(&s.w.world.accounts[&token_account]), 100_000);

        // A second approval replaces the delegate.
        let next = Pubkey::new_unique();
        s.delegate = next;
        let ix = s.ix(owner, &s.admin(owner));
        let expected = approved(&s.w.world.accounts[&token_account].data, &next);
        expect_only(&m, &mut s.w, &ix, &token_account, &expected);

        // Any token account of the owner, not only its associated one.
        let mut s = token_setup(owner);
        let other = Pubkey::new_unique();
        let owner_key = owner.key(&s.w);
        s.w.world.accounts.insert(
            other,
            owned_account(
                &TOKEN_PROGRAM_ID,
                token_account_data(&s.mint, &owner_key, 5),
            ),
        );
        s.token_account = other;
        let ix = s.ix(owner, &s.admin(owner));
        let expected = approved(&s.w.world.accounts[&other].data, &s.delegate);
        expect_only(&m, &mut s.w, &ix, &other, &expected);
    }
}

#[test]
fn delegate_token_account_only_by_the_delegate_admin() {
    let m = mollusk();
    for owner in OWNERS {
        let s = token_setup(owner);
        let stranger = Pubkey::new_unique();
        expect_err(
            &m,
            &s.w,
            &s.ix(owner, &stranger),
            ProgramError::Custom(owner.delegate_admin_err()),
        );
        // The role moved: the admin fails, the holder succeeds.
        let mut s = token_setup(owner);
        let holder = Pubkey::new_unique();
        owner.give_delegate_admin(&mut s.w, holder);
        expect_err(
            &m,
            &s.w,
            &s.ix(owner, &s.admin(owner)),
            ProgramError::Custom(owner.delegate_admin_err()),
        );
        let expected = approved(&s.w.world.accounts[&s.token_account].data, &s.delegate);
        let token_account = s.token_account;
        let ix = s.ix(owner, &holder);
        expect_only(&m, &mut s.w, &ix, &token_account, &expected);
        // Must sign.
        let s = token_setup(owner);
        expect_err(
            &m,
            &s.w,
            &with_meta(s.ix(owner, &s.admin(owner)), 1, false, false),
            ProgramError::MissingRequiredSignature,
        );
    }
}

#[test]
fn delegate_token_account_spl_token_only() {
    let m = mollusk();
    for owner in OWNERS {
        let s = token_setup(owner);
        let admin = s.admin(owner);
        // Token-2022 (or any other) as the token program.
        for program in [TOKEN_2022_PROGRAM_ID, Pubkey::new_unique()] {
            let ix = with_key(s.ix(owner, &admin), 5, program);
            expect_err(&m, &s.w, &ix, ProgramError::IncorrectProgramId);
        }
        // A Token-2022 mint and account with the Token-2022 program: the mint is refused first.
        let mut s2 = token_setup(owner);
        s2.w.world.accounts.get_mut(&s2.mint).unwrap().owner = TOKEN_2022_PROGRAM_ID;
        s2.w.world
            .accounts
            .get_mut(&s2.token_account)
            .unwrap()
            .owner = TOKEN_2022_PROGRAM_ID;
        let ix = with_key(s2.ix(owner, &admin), 5, TOKEN_2022_PROGRAM_ID);
        expect_err(&m, &s2.w, &ix, ProgramError::InvalidAccountOwner);
        // SPL mint, Token-2022 account, SPL program: the account's owner is refused.
        let mut s2 = token_setup(owner);
        s2.w.world
            .accounts
            .get_mut(&s2.token_account)
            .unwrap()
            .owner = TOKEN_2022_PROGRAM_ID;
        expect_err(
            &m,
            &s2.w,
            &s2.ix(owner, &admin),
            ProgramError::InvalidAccountOwner,
        );
        // Token program checked before the token account and the delegate admin.
        let stranger = Pubkey::new_unique();
        let mut s2 = token_setup(owner);
        s2.w.world
            .accounts
            .get_mut(&s2.token_account)
            .unwrap()
            .owner = SYSTEM_PROGRAM_ID;
        let ix = with_key(s2.ix(owner, &stranger), 5, TOKEN_2022_PROGRAM_ID);
        expect_err(&m, &s2.w, &ix, ProgramError::IncorrectProgramId);
    }
}

#[test]
fn delegate_token_account_mint_and_account_checks() {
    let m = mollusk();
    for owner in OWNERS {
        let s = token_setup(owner);
        let admin = s.admin(owner);
        let ix = s.ix(owner, &admin);

        // Mint: wrong owner, uninitialised, too short.
        let mut s2 = token_setup(owner);
        s2.w.world.accounts.get_mut(&s2.mint).unwrap().owner = SYSTEM_PROGRAM_ID;
        expect_err(&m, &s2.w, &ix, ProgramError::InvalidAccountOwner);
        let mut s2 = token_setup(owner);
        s2.w.world.accounts.get_mut(&s2.mint).unwrap().data[45] = 0;
        expect_err(&m, &s2.w, &ix, ProgramError::UninitializedAccount);
        let mut s2 = token_setup(owner);
        s2.w.world
            .accounts
            .get_mut(&s2.mint)
            .unwrap()
            .data
            .truncate(81);
        expect_err(&m, &s2.w, &ix, ProgramError::InvalidAccountData);

        // Token account: wrong owner field, wrong mint, uninitialised.
        let mut s2 = token_setup(owner);
        s2.w.world.accounts.get_mut(&s2.token_account).unwrap().data[32..64]
            .copy_from_slice(Pubkey::new_unique().as_ref());
        expect_err(&m, &s2.w, &ix, ProgramError::InvalidAccountData);
        let mut s2 = token_setup(owner);
        s2.w.world.accounts.get_mut(&s2.token_account).unwrap().data[0..32]
            .copy_from_slice(Pubkey::new_unique().as_ref());
        expect_err(&m, &s2.w, &ix, ProgramError::InvalidAccountData);
        let mut s2 = token_setup(owner);
        s2.w.world.accounts.get_mut(&s2.token_account).unwrap().data[108] = 0;
        expect_err(&m, &s2.w, &ix, ProgramError::UninitializedAccount);
        // The token account of the other delegating owner.
        let mut s2 = token_setup(owner);
        let other_owner = if owner == Owner::Ncn {
            s2.w.operator
        } else {
            s2.w.ncn
        };
        s2.w.world.accounts.get_mut(&s2.token_account).unwrap().data[32..64]
            .copy_from_slice(other_owner.as_ref());
        expect_err(&m, &s2.w, &ix, ProgramError::InvalidAccountData);

        // Frozen: the SPL Token program refuses (`AccountFrozen` = 17) and nothing changes.
        let mut s2 = token_setup(owner);
        s2.w.world.accounts.get_mut(&s2.token_account).unwrap().data[108] = 2;
        expect_err(&m, &s2.w, &ix, ProgramError::Custom(17));

        // Token account not writable: the CPI cannot write it.
        let s2 = token_setup(owner);
        let ro = with_meta(ix.clone(), 3, false, false);
        let accounts = s2.w.accounts_for(&ro);
        let r = mollusk_tests::oracle::process(&m, &ro, &accounts);
        assert_eq!(r.raw_result, Err(InstructionError::PrivilegeEscalation));
    }
}

#[test]
fn delegate_token_account_owner_account_checks() {
    let m = mollusk();
    for owner in OWNERS {
        let s = token_setup(owner);
        let admin = s.admin(owner);
        let ix = s.ix(owner, &admin);
        let key = owner.key(&s.w);
        let mut s2 = token_setup(owner);
        s2.w.world.accounts.get_mut(&key).unwrap().owner = SYSTEM_PROGRAM_ID;
        expect_err(&m, &s2.w, &ix, ProgramError::InvalidAccountOwner);
        let mut s2 = token_setup(owner);
        s2.w.world.accounts.get_mut(&key).unwrap().data[0] = layout::CONFIG_DISC;
        expect_err(&m, &s2.w, &ix, ProgramError::InvalidAccountData);
        let mut s2 = token_setup(owner);
        let moved = Pubkey::new_unique();
        let a = s2.w.world.accounts[&key].clone();
        s2.w.world.accounts.insert(moved, a);
        expect_err(
            &m,
            &s2.w,
            &with_key(ix.clone(), 0, moved),
            ProgramError::InvalidAccountData,
        );
        // The other kind of owner account in its place.
        let other = if owner == Owner::Ncn {
            s.w.operator
        } else {
            s.w.ncn
        };
        expect_err(
            &m,
            &s.w,
            &with_key(ix.clone(), 0, other),
            ProgramError::InvalidAccountData,
        );
        // Owner account first, then the signer.
        let mut s2 = token_setup(owner);
        s2.w.world.accounts.get_mut(&key).unwrap().owner = SYSTEM_PROGRAM_ID;
        expect_err(
            &m,
            &s2.w,
            &with_meta(ix.clone(), 1, false, false),
            ProgramError::InvalidAccountOwner,
        );
        // Signer before the token checks.
        let ro = with_key(
            with_meta(ix.clone(), 1, false, false),
            5,
            TOKEN_2022_PROGRAM_ID,
        );
        expect_err(&m, &s.w, &ro, ProgramError::MissingRequiredSignature);
        check_shape(&m, &s.w, &ix);
    }
}

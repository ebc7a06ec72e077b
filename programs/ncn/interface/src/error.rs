//! Custom errors of the NCN program: the template's `NCNProgramError`, same variants, codes and
//! messages. Codes run from 0x2100 (arithmetic) and 0x2200 (everything else), with
//! `NoValidBallots` = 0 as in the template (its first variant has no explicit value).

use pinocchio::error::ProgramError;

/// The template's `NCNProgramError` with explicit codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[repr(u32)]
pub enum NcnProgramError {
    #[error("No valid Ballot")]
    NoValidBallots = 0x0000,
    #[error("Zero in the denominator")]
    DenominatorIsZero = 0x2100,
    #[error("Overflow")]
    ArithmeticOverflow = 0x2101,
    #[error("Underflow")]
    ArithmeticUnderflowError = 0x2102,
    #[error("Floor Overflow")]
    ArithmeticFloorError = 0x2103,
    #[error("Modulo Overflow")]
    ModuloOverflow = 0x2104,
    #[error("New precise number error")]
    NewPreciseNumberError = 0x2105,
    #[error("Cast to imprecise number error")]
    CastToImpreciseNumberError = 0x2106,
    #[error("Cast to u64 error")]
    CastToU64Error = 0x2107,
    #[error("Cast to u128 error")]
    CastToU128Error = 0x2108,
    #[error("Incorrect weight table admin")]
    IncorrectWeightTableAdmin = 0x2200,
    #[error("Duplicate mints in table")]
    DuplicateMintsInTable = 0x2201,
    #[error("There are no mints in the table")]
    NoMintsInTable = 0x2202,
    #[error("Table not initialized")]
    TableNotInitialized = 0x2203,
    #[error("Registry not initialized")]
    RegistryNotInitialized = 0x2204,
    #[error("There are no vaults in the registry")]
    NoVaultsInRegistry = 0x2205,
    #[error("Vault not in weight table registry")]
    VaultNotInRegistry = 0x2206,
    #[error("Mint is already in the table")]
    MintInTable = 0x2207,
    #[error("Too many mints for table")]
    TooManyMintsForTable = 0x2208,
    #[error("Too many vaults for registry")]
    TooManyVaultsForRegistry = 0x2209,
    #[error("Weight table already initialized")]
    WeightTableAlreadyInitialized = 0x220a,
    #[error("Cannnot create future weight tables")]
    CannotCreateFutureWeightTables = 0x220b,
    #[error("Weight mints do not match - length")]
    WeightMintsDoNotMatchLength = 0x220c,
    #[error("Weight mints do not match - mint hash")]
    WeightMintsDoNotMatchMintHash = 0x220d,
    #[error("Invalid mint for weight table")]
    InvalidMintForWeightTable = 0x220e,
    #[error("Config supported mints do not match NCN Vault Count")]
    ConfigMintsNotUpdated = 0x220f,
    #[error("NCN config vaults are at capacity")]
    ConfigMintListFull = 0x2210,
    #[error("Vault Registry mints are at capacity")]
    VaultRegistryListFull = 0x2211,
    #[error("Vault registry are locked for the epoch")]
    VaultRegistryVaultLocked = 0x2212,
    #[error("Vault index already in use by a different mint")]
    VaultIndexAlreadyInUse = 0x2213,
    #[error("Mint Entry not found")]
    MintEntryNotFound = 0x2214,
    #[error("Fee cap exceeded")]
    FeeCapExceeded = 0x2215,
    #[error("Total fees cannot be 0")]
    TotalFeesCannotBeZero = 0x2216,
    #[error("Protocol wallet cannot be default")]
    DefaultProtocolWallet = 0x2217,
    #[error("NCN Fee wallet cannot be default")]
    DefaultNcnWallet = 0x2218,
    #[error("Incorrect NCN Admin")]
    IncorrectNcnAdmin = 0x2219,
    #[error("Incorrect NCN")]
    IncorrectNcn = 0x221a,
    #[error("Incorrect fee admin")]
    IncorrectFeeAdmin = 0x221b,
    #[error("Weight table not finalized")]
    WeightTableNotFinalized = 0x221c,
    #[error("Weight not found")]
    WeightNotFound = 0x221d,
    #[error("No operators in ncn")]
    NoOperators = 0x221e,
    #[error("Vault operator delegation is already finalized - should not happen")]
    VaultOperatorDelegationFinalized = 0x221f,
    #[error("Operator is already finalized - should not happen")]
    OperatorFinalized = 0x2220,
    #[error("Too many vault operator delegations")]
    TooManyVaultOperatorDelegations = 0x2221,
    #[error("Duplicate vault operator delegation")]
    DuplicateVaultOperatorDelegation = 0x2222,
    #[error("Duplicate Vote Cast")]
    DuplicateVoteCast = 0x2223,
    #[error("Cannot Vote With Zero Delegation")]
    CannotVoteWithZeroStake = 0x2224,
    #[error("Operator Already Voted")]
    OperatorAlreadyVoted = 0x2225,
    #[error("Operator votes full")]
    OperatorVotesFull = 0x2226,
    #[error("Merkle root tally full")]
    BallotTallyFull = 0x2227,
    #[error("Ballot tally not found")]
    BallotTallyNotFoundFull = 0x2228,
    #[error("Ballot tally not empty")]
    BallotTallyNotEmpty = 0x2229,
    #[error("Consensus already reached, cannot change vote")]
    ConsensusAlreadyReached = 0x222a,
    #[error("Consensus not reached")]
    ConsensusNotReached = 0x222b,
    #[error("Epoch snapshot not finalized")]
    EpochSnapshotNotFinalized = 0x222c,
    #[error("Voting not valid, too many slots after consensus reached")]
    VotingNotValid = 0x222d,
    #[error("Tie breaker admin invalid")]
    TieBreakerAdminInvalid = 0x222e,
    #[error("Voting not finalized")]
    VotingNotFinalized = 0x222f,
    #[error("Tie breaking ballot must be one of the prior votes")]
    TieBreakerNotInPriorVotes = 0x2230,
    #[error("Invalid merkle proof")]
    InvalidMerkleProof = 0x2231,
    #[error("Operator voter needs to sign its vote")]
    InvalidOperatorVoter = 0x2232,
    #[error("Not a valid NCN fee group")]
    InvalidNcnFeeGroup = 0x2233,
    #[error("Not a valid base fee group")]
    InvalidBaseFeeGroup = 0x2234,
    #[error("Operator reward list full")]
    OperatorRewardListFull = 0x2235,
    #[error("Operator Reward not found")]
    OperatorRewardNotFound = 0x2236,
    #[error("Vault Reward not found")]
    VaultRewardNotFound = 0x2237,
    #[error("Destination mismatch")]
    DestinationMismatch = 0x2238,
    #[error("Ncn reward route not found")]
    NcnRewardRouteNotFound = 0x2239,
    #[error("Fee not active")]
    FeeNotActive = 0x223a,
    #[error("No rewards to distribute")]
    NoRewards = 0x223b,
    #[error("Weight not set")]
    WeightNotSet = 0x223c,
    #[error("Router still routing")]
    RouterStillRouting = 0x223d,
    #[error("Invalid epochs before stall")]
    InvalidEpochsBeforeStall = 0x223e,
    #[error("Invalid epochs before accounts can close")]
    InvalidEpochsBeforeClose = 0x223f,
    #[error("Invalid slots after consensus")]
    InvalidSlotsAfterConsensus = 0x2240,
    #[error("Vault needs to be updated")]
    VaultNeedsUpdate = 0x2241,
    #[error("Invalid Account Status")]
    InvalidAccountStatus = 0x2242,
    #[error("Account already initialized")]
    AccountAlreadyInitialized = 0x2243,
    #[error("Cannot vote with uninitialized account")]
    BadBallot = 0x2244,
    #[error("Cannot route until voting is over")]
    VotingIsNotOver = 0x2245,
    #[error("Operator is not in snapshot")]
    OperatorIsNotInSnapshot = 0x2246,
    #[error("Invalid account_to_close Discriminator")]
    InvalidAccountToCloseDiscriminator = 0x2247,
    #[error("Cannot close account")]
    CannotCloseAccount = 0x2248,
    #[error("Cannot close account - Already closed")]
    CannotCloseAccountAlreadyClosed = 0x2249,
    #[error("Cannot close account - Not enough epochs have passed since consensus reached")]
    CannotCloseAccountNotEnoughEpochs = 0x224a,
    #[error("Cannot close account - No receiver provided")]
    CannotCloseAccountNoReceiverProvided = 0x224b,
    #[error("Cannot close account - Not enough accounts")]
    CannotCloseAccountNoEnoughAccounts = 0x224c,
    #[error("Cannot close epoch state account - Epoch state needs all other accounts to be closed first")]
    CannotCloseEpochStateAccount = 0x224d,
    #[error("Invalid NCN Fee wallet")]
    InvalidNCNFeeWallet = 0x224e,
    #[error("Epoch is closing down")]
    EpochIsClosingDown = 0x224f,
    #[error("Marker exists")]
    MarkerExists = 0x2250,
}

impl From<NcnProgramError> for ProgramError {
    #[inline(always)]
    fn from(e: NcnProgramError) -> Self {
        ProgramError::Custom(e as u32)
    }
}

impl From<NcnProgramError> for u32 {
    #[inline(always)]
    fn from(e: NcnProgramError) -> Self {
        e as u32
    }
}

#[cfg(test)]
mod tests {
    use super::NcnProgramError::*;
    use super::*;

    #[test]
    fn codes_match_the_template() {
        // The template numbers its variants implicitly from three anchors: the first variant
        // (0), `DenominatorIsZero = 0x2100` and `IncorrectWeightTableAdmin = 0x2200`.
        assert_eq!(NoValidBallots as u32, 0);
        assert_eq!(DenominatorIsZero as u32, 0x2100);
        assert_eq!(CastToU128Error as u32, 0x2108);
        assert_eq!(IncorrectWeightTableAdmin as u32, 0x2200);
        // Counted by hand in the template's variant list, from 0x2200.
        assert_eq!(VaultRegistryListFull as u32, 0x2200 + 17);
        assert_eq!(MintEntryNotFound as u32, 0x2200 + 20);
        assert_eq!(FeeCapExceeded as u32, 0x2200 + 21);
        assert_eq!(DefaultNcnWallet as u32, 0x2200 + 24);
        assert_eq!(IncorrectNcnAdmin as u32, 0x2200 + 25);
        assert_eq!(IncorrectNcn as u32, 0x2200 + 26);
        assert_eq!(WeightNotSet as u32, 0x2200 + 60);
        assert_eq!(InvalidEpochsBeforeStall as u32, 0x2200 + 62);
        assert_eq!(InvalidEpochsBeforeClose as u32, 0x2200 + 63);
        assert_eq!(InvalidSlotsAfterConsensus as u32, 0x2200 + 64);
        assert_eq!(MarkerExists as u32, 0x2250);
        assert_eq!(
            ProgramError::from(MintInTable),
            ProgramError::Custom(0x2207)
        );
    }
}

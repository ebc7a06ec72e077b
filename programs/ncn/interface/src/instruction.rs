//! Instructions of the NCN program: the template's `NCNProgramInstruction`, the same 31 tags
//! (the Borsh variant index) and Borsh arguments, decoded and encoded without allocation.
//!
//! Borsh encoding: the one-byte tag, then each argument in order; integers little-endian,
//! `Pubkey` 32 bytes, `Option<T>` a byte 0 (None) or 1 (Some) then `T`, `ConfigAdminRole`
//! one byte. As with Borsh's `try_from_slice`, trailing bytes are rejected. Where the template
//! fails with `BorshIoError` this fails with `InvalidInstructionData`, as the other two
//! programs of this project do.

use pinocchio::{error::ProgramError, Address};

use crate::state::ConfigAdminRole;

/// Instruction tags (the first byte of the instruction data).
pub mod tag {
    pub const INITIALIZE_CONFIG: u8 = 0;
    pub const INITIALIZE_VAULT_REGISTRY: u8 = 1;
    pub const REALLOC_VAULT_REGISTRY: u8 = 2;
    pub const REGISTER_VAULT: u8 = 3;
    pub const INITIALIZE_EPOCH_STATE: u8 = 4;
    pub const INITIALIZE_WEIGHT_TABLE: u8 = 5;
    pub const SET_EPOCH_WEIGHTS: u8 = 6;
    pub const REALLOC_WEIGHT_TABLE: u8 = 7;
    pub const INITIALIZE_EPOCH_SNAPSHOT: u8 = 8;
    pub const INITIALIZE_OPERATOR_SNAPSHOT: u8 = 9;
    pub const SNAPSHOT_VAULT_OPERATOR_DELEGATION: u8 = 10;
    pub const INITIALIZE_BALLOT_BOX: u8 = 11;
    pub const REALLOC_BALLOT_BOX: u8 = 12;
    pub const CAST_VOTE: u8 = 13;
    pub const INITIALIZE_NCN_REWARD_ROUTER: u8 = 14;
    pub const REALLOC_NCN_REWARD_ROUTER: u8 = 15;
    pub const ROUTE_NCN_REWARDS: u8 = 16;
    pub const DISTRIBUTE_PROTOCOL_REWARDS: u8 = 17;
    pub const DISTRIBUTE_NCN_REWARDS: u8 = 18;
    pub const INITIALIZE_OPERATOR_VAULT_REWARD_ROUTER: u8 = 19;
    pub const DISTRIBUTE_OPERATOR_VAULT_REWARD_ROUTE: u8 = 20;
    pub const ROUTE_OPERATOR_VAULT_REWARDS: u8 = 21;
    pub const CLOSE_EPOCH_ACCOUNT: u8 = 22;
    pub const DISTRIBUTE_OPERATOR_REWARDS: u8 = 23;
    pub const DISTRIBUTE_VAULT_REWARDS: u8 = 24;
    pub const ADMIN_SET_PARAMETERS: u8 = 25;
    pub const ADMIN_SET_NEW_ADMIN: u8 = 26;
    pub const ADMIN_SET_TIE_BREAKER: u8 = 27;
    pub const ADMIN_SET_WEIGHT: u8 = 28;
    pub const ADMIN_REGISTER_ST_MINT: u8 = 29;
    pub const ADMIN_SET_ST_MINT: u8 = 30;
    /// Number of instructions.
    pub const COUNT: u8 = 31;
}

/// An instruction with its decoded arguments. Account lists are documented on each processor
/// (`programs/ncn/program/src/processor/`) and are the template's order and flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NcnInstruction {
    InitializeConfig {
        epochs_before_stall: u64,
        epochs_after_consensus_before_close: u64,
        valid_slots_after_consensus: u64,
        ncn_fee_bps: u16,
    },
    InitializeVaultRegistry,
    ReallocVaultRegistry,
    RegisterVault,
    InitializeEpochState {
        epoch: u64,
    },
    InitializeWeightTable {
        epoch: u64,
    },
    SetEpochWeights {
        epoch: u64,
    },
    ReallocWeightTable {
        epoch: u64,
    },
    InitializeEpochSnapshot {
        epoch: u64,
    },
    InitializeOperatorSnapshot {
        epoch: u64,
    },
    SnapshotVaultOperatorDelegation {
        epoch: u64,
    },
    InitializeBallotBox {
        epoch: u64,
    },
    ReallocBallotBox {
        epoch: u64,
    },
    CastVote {
        weather_status: u8,
        epoch: u64,
    },
    InitializeNcnRewardRouter {
        epoch: u64,
    },
    ReallocNcnRewardRouter {
        epoch: u64,
    },
    RouteNcnRewards {
        max_iterations: u16,
        epoch: u64,
    },
    DistributeProtocolRewards {
        epoch: u64,
    },
    DistributeNcnRewards {
        epoch: u64,
    },
    InitializeOperatorVaultRewardRouter {
        epoch: u64,
    },
    DistributeOperatorVaultRewardRoute {
        epoch: u64,
    },
    RouteOperatorVaultRewards {
        max_iterations: u16,
        epoch: u64,
    },
    CloseEpochAccount {
        epoch: u64,
    },
    DistributeOperatorRewards {
        epoch: u64,
    },
    DistributeVaultRewards {
        epoch: u64,
    },
    AdminSetParameters {
        starting_valid_epoch: Option<u64>,
        epochs_before_stall: Option<u64>,
        epochs_after_consensus_before_close: Option<u64>,
        valid_slots_after_consensus: Option<u64>,
    },
    AdminSetNewAdmin {
        role: ConfigAdminRole,
    },
    AdminSetTieBreaker {
        weather_status: u8,
        epoch: u64,
    },
    AdminSetWeight {
        st_mint: Address,
        weight: u128,
        epoch: u64,
    },
    AdminRegisterStMint {
        weight: Option<u128>,
    },
    AdminSetStMint {
        st_mint: Address,
        weight: Option<u128>,
    },
}

/// Longest encoding: `AdminSetWeight` (tag, 32-byte mint, u128, u64).
pub const MAX_DATA_LEN: usize = 1 + 32 + 16 + 8;

/// Reads Borsh values from the front of the data.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    #[inline(always)]
    fn take<const N: usize>(&mut self) -> Result<[u8; N], ProgramError> {
        let (head, rest) = self
            .0
            .split_first_chunk::<N>()
            .ok_or(ProgramError::InvalidInstructionData)?;
        self.0 = rest;
        Ok(*head)
    }

    #[inline(always)]
    fn u8(&mut self) -> Result<u8, ProgramError> {
        Ok(self.take::<1>()?[0])
    }

    #[inline(always)]
    fn u16(&mut self) -> Result<u16, ProgramError> {
        self.take().map(u16::from_le_bytes)
    }

    #[inline(always)]
    fn u64(&mut self) -> Result<u64, ProgramError> {
        self.take().map(u64::from_le_bytes)
    }

    #[inline(always)]
    fn u128(&mut self) -> Result<u128, ProgramError> {
        self.take().map(u128::from_le_bytes)
    }

    #[inline(always)]
    fn address(&mut self) -> Result<Address, ProgramError> {
        self.take().map(Address::new_from_array)
    }

    /// Borsh `Option`: 0 is None, 1 is Some, anything else is invalid.
    #[inline(always)]
    fn option<T>(
        &mut self,
        read: impl FnOnce(&mut Self) -> Result<T, ProgramError>,
    ) -> Result<Option<T>, ProgramError> {
        match self.u8()? {
            0 => Ok(None),
            1 => read(self).map(Some),
            _ => Err(ProgramError::InvalidInstructionData),
        }
    }

    /// Every byte was read.
    #[inline(always)]
    fn finish<T>(self, value: T) -> Result<T, ProgramError> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(ProgramError::InvalidInstructionData)
        }
    }
}

/// Writes Borsh values into a fixed buffer.
struct Writer {
    buf: [u8; MAX_DATA_LEN],
    len: usize,
}

impl Writer {
    fn put(&mut self, bytes: &[u8]) {
        self.buf[self.len..self.len + bytes.len()].copy_from_slice(bytes);
        self.len += bytes.len();
    }

    fn option(&mut self, bytes: Option<&[u8]>) {
        match bytes {
            None => self.put(&[0]),
            Some(bytes) => {
                self.put(&[1]);
                self.put(bytes);
            }
        }
    }
}

impl NcnInstruction {
    /// Decodes instruction data (tag and arguments); `InvalidInstructionData` for an unknown
    /// tag, missing or trailing bytes, or a bad `Option` or enum byte.
    pub fn unpack(data: &[u8]) -> Result<Self, ProgramError> {
        use tag::*;
        let mut r = Reader(data);
        let ix = match r.u8()? {
            INITIALIZE_CONFIG => Self::InitializeConfig {
                epochs_before_stall: r.u64()?,
                epochs_after_consensus_before_close: r.u64()?,
                valid_slots_after_consensus: r.u64()?,
                ncn_fee_bps: r.u16()?,
            },
            INITIALIZE_VAULT_REGISTRY => Self::InitializeVaultRegistry,
            REALLOC_VAULT_REGISTRY => Self::ReallocVaultRegistry,
            REGISTER_VAULT => Self::RegisterVault,
            INITIALIZE_EPOCH_STATE => Self::InitializeEpochState { epoch: r.u64()? },
            INITIALIZE_WEIGHT_TABLE => Self::InitializeWeightTable { epoch: r.u64()? },
            SET_EPOCH_WEIGHTS => Self::SetEpochWeights { epoch: r.u64()? },
            REALLOC_WEIGHT_TABLE => Self::ReallocWeightTable { epoch: r.u64()? },
            INITIALIZE_EPOCH_SNAPSHOT => Self::InitializeEpochSnapshot { epoch: r.u64()? },
            INITIALIZE_OPERATOR_SNAPSHOT => Self::InitializeOperatorSnapshot { epoch: r.u64()? },
            SNAPSHOT_VAULT_OPERATOR_DELEGATION => {
                Self::SnapshotVaultOperatorDelegation { epoch: r.u64()? }
            }
            INITIALIZE_BALLOT_BOX => Self::InitializeBallotBox { epoch: r.u64()? },
            REALLOC_BALLOT_BOX => Self::ReallocBallotBox { epoch: r.u64()? },
            CAST_VOTE => Self::CastVote {
                weather_status: r.u8()?,
                epoch: r.u64()?,
            },
            INITIALIZE_NCN_REWARD_ROUTER => Self::InitializeNcnRewardRouter { epoch: r.u64()? },
            REALLOC_NCN_REWARD_ROUTER => Self::ReallocNcnRewardRouter { epoch: r.u64()? },
            ROUTE_NCN_REWARDS => Self::RouteNcnRewards {
                max_iterations: r.u16()?,
                epoch: r.u64()?,
            },
            DISTRIBUTE_PROTOCOL_REWARDS => Self::DistributeProtocolRewards { epoch: r.u64()? },
            DISTRIBUTE_NCN_REWARDS => Self::DistributeNcnRewards { epoch: r.u64()? },
            INITIALIZE_OPERATOR_VAULT_REWARD_ROUTER => {
                Self::InitializeOperatorVaultRewardRouter { epoch: r.u64()? }
            }
            DISTRIBUTE_OPERATOR_VAULT_REWARD_ROUTE => {
                Self::DistributeOperatorVaultRewardRoute { epoch: r.u64()? }
            }
            ROUTE_OPERATOR_VAULT_REWARDS => Self::RouteOperatorVaultRewards {
                max_iterations: r.u16()?,
                epoch: r.u64()?,
            },
            CLOSE_EPOCH_ACCOUNT => Self::CloseEpochAccount { epoch: r.u64()? },
            DISTRIBUTE_OPERATOR_REWARDS => Self::DistributeOperatorRewards { epoch: r.u64()? },
            DISTRIBUTE_VAULT_REWARDS => Self::DistributeVaultRewards { epoch: r.u64()? },
            ADMIN_SET_PARAMETERS => Self::AdminSetParameters {
                starting_valid_epoch: r.option(Reader::u64)?,
                epochs_before_stall: r.option(Reader::u64)?,
                epochs_after_consensus_before_close: r.option(Reader::u64)?,
                valid_slots_after_consensus: r.option(Reader::u64)?,
            },
            ADMIN_SET_NEW_ADMIN => Self::AdminSetNewAdmin {
                role: ConfigAdminRole::from_u8(r.u8()?)?,
            },
            ADMIN_SET_TIE_BREAKER => Self::AdminSetTieBreaker {
                weather_status: r.u8()?,
                epoch: r.u64()?,
            },
            ADMIN_SET_WEIGHT => Self::AdminSetWeight {
                st_mint: r.address()?,
                weight: r.u128()?,
                epoch: r.u64()?,
            },
            ADMIN_REGISTER_ST_MINT => Self::AdminRegisterStMint {
                weight: r.option(Reader::u128)?,
            },
            ADMIN_SET_ST_MINT => Self::AdminSetStMint {
                st_mint: r.address()?,
                weight: r.option(Reader::u128)?,
            },
            _ => return Err(ProgramError::InvalidInstructionData),
        };
        r.finish(ix)
    }

    /// The tag of this instruction.
    pub const fn tag(&self) -> u8 {
        use tag::*;
        match self {
            Self::InitializeConfig { .. } => INITIALIZE_CONFIG,
            Self::InitializeVaultRegistry => INITIALIZE_VAULT_REGISTRY,
            Self::ReallocVaultRegistry => REALLOC_VAULT_REGISTRY,
            Self::RegisterVault => REGISTER_VAULT,
            Self::InitializeEpochState { .. } => INITIALIZE_EPOCH_STATE,
            Self::InitializeWeightTable { .. } => INITIALIZE_WEIGHT_TABLE,
            Self::SetEpochWeights { .. } => SET_EPOCH_WEIGHTS,
            Self::ReallocWeightTable { .. } => REALLOC_WEIGHT_TABLE,
            Self::InitializeEpochSnapshot { .. } => INITIALIZE_EPOCH_SNAPSHOT,
            Self::InitializeOperatorSnapshot { .. } => INITIALIZE_OPERATOR_SNAPSHOT,
            Self::SnapshotVaultOperatorDelegation { .. } => SNAPSHOT_VAULT_OPERATOR_DELEGATION,
            Self::InitializeBallotBox { .. } => INITIALIZE_BALLOT_BOX,
            Self::ReallocBallotBox { .. } => REALLOC_BALLOT_BOX,
            Self::CastVote { .. } => CAST_VOTE,
            Self::InitializeNcnRewardRouter { .. } => INITIALIZE_NCN_REWARD_ROUTER,
            Self::ReallocNcnRewardRouter { .. } => REALLOC_NCN_REWARD_ROUTER,
            Self::RouteNcnRewards { .. } => ROUTE_NCN_REWARDS,
            Self::DistributeProtocolRewards { .. } => DISTRIBUTE_PROTOCOL_REWARDS,
            Self::DistributeNcnRewards { .. } => DISTRIBUTE_NCN_REWARDS,
            Self::InitializeOperatorVaultRewardRouter { .. } => {
                INITIALIZE_OPERATOR_VAULT_REWARD_ROUTER
            }
            Self::DistributeOperatorVaultRewardRoute { .. } => {
                DISTRIBUTE_OPERATOR_VAULT_REWARD_ROUTE
            }
            Self::RouteOperatorVaultRewards { .. } => ROUTE_OPERATOR_VAULT_REWARDS,
            Self::CloseEpochAccount { .. } => CLOSE_EPOCH_ACCOUNT,
            Self::DistributeOperatorRewards { .. } => DISTRIBUTE_OPERATOR_REWARDS,
            Self::DistributeVaultRewards { .. } => DISTRIBUTE_VAULT_REWARDS,
            Self::AdminSetParameters { .. } => ADMIN_SET_PARAMETERS,
            Self::AdminSetNewAdmin { .. } => ADMIN_SET_NEW_ADMIN,
            Self::AdminSetTieBreaker { .. } => ADMIN_SET_TIE_BREAKER,
            Self::AdminSetWeight { .. } => ADMIN_SET_WEIGHT,
            Self::AdminRegisterStMint { .. } => ADMIN_REGISTER_ST_MINT,
            Self::AdminSetStMint { .. } => ADMIN_SET_ST_MINT,
        }
    }

    /// Encodes the instruction as the template's Borsh; the data is `buf[..len]`.
    pub fn pack(&self) -> ([u8; MAX_DATA_LEN], usize) {
        let mut w = Writer {
            buf: [0; MAX_DATA_LEN],
            len: 0,
        };
        w.put(&[self.tag()]);
        match *self {
            Self::InitializeConfig {
                epochs_before_stall,
                epochs_after_consensus_before_close,
                valid_slots_after_consensus,
                ncn_fee_bps,
            } => {
                w.put(&epochs_before_stall.to_le_bytes());
                w.put(&epochs_after_consensus_before_close.to_le_bytes());
                w.put(&valid_slots_after_consensus.to_le_bytes());
                w.put(&ncn_fee_bps.to_le_bytes());
            }
            Self::InitializeVaultRegistry | Self::ReallocVaultRegistry | Self::RegisterVault => {}
            Self::InitializeEpochState { epoch }
            | Self::InitializeWeightTable { epoch }
            | Self::SetEpochWeights { epoch }
            | Self::ReallocWeightTable { epoch }
            | Self::InitializeEpochSnapshot { epoch }
            | Self::InitializeOperatorSnapshot { epoch }
            | Self::SnapshotVaultOperatorDelegation { epoch }
            | Self::InitializeBallotBox { epoch }
            | Self::ReallocBallotBox { epoch }
            | Self::InitializeNcnRewardRouter { epoch }
            | Self::ReallocNcnRewardRouter { epoch }
            | Self::DistributeProtocolRewards { epoch }
            | Self::DistributeNcnRewards { epoch }
            | Self::InitializeOperatorVaultRewardRouter { epoch }
            | Self::DistributeOperatorVaultRewardRoute { epoch }
            | Self::CloseEpochAccount { epoch }
            | Self::DistributeOperatorRewards { epoch }
            | Self::DistributeVaultRewards { epoch } => w.put(&epoch.to_le_bytes()),
            Self::CastVote {
                weather_status,
                epoch,
            }
            | Self::AdminSetTieBreaker {
                weather_status,
                epoch,
            } => {
                w.put(&[weather_status]);
                w.put(&epoch.to_le_bytes());
            }
            Self::RouteNcnRewards {
                max_iterations,
                epoch,
            }
            | Self::RouteOperatorVaultRewards {
                max_iterations,
                epoch,
            } => {
                w.put(&max_iterations.to_le_bytes());
                w.put(&epoch.to_le_bytes());
            }
            Self::AdminSetParameters {
                starting_valid_epoch,
                epochs_before_stall,
                epochs_after_consensus_before_close,
                valid_slots_after_consensus,
            } => {
                for value in [
                    starting_valid_epoch,
                    epochs_before_stall,
                    epochs_after_consensus_before_close,
                    valid_slots_after_consensus,
                ] {
                    w.option(value.map(u64::to_le_bytes).as_ref().map(|b| &b[..]));
                }
            }
            Self::AdminSetNewAdmin { role } => w.put(&[role as u8]),
            Self::AdminSetWeight {
                st_mint,
                weight,
                epoch,
            } => {
                w.put(st_mint.as_ref());
                w.put(&weight.to_le_bytes());
                w.put(&epoch.to_le_bytes());
            }
            Self::AdminRegisterStMint { weight } => {
                w.option(weight.map(u128::to_le_bytes).as_ref().map(|b| &b[..]));
            }
            Self::AdminSetStMint { st_mint, weight } => {
                w.put(st_mint.as_ref());
                w.option(weight.map(u128::to_le_bytes).as_ref().map(|b| &b[..]));
            }
        }
        (w.buf, w.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(b: u8) -> Address {
        Address::new_from_array([b; 32])
    }

    /// One instruction of every tag, with distinctive arguments.
    fn all() -> [NcnInstruction; tag::COUNT as usize] {
        use NcnInstruction::*;
        let epoch = 0x0102_0304_0506_0708;
        [
            InitializeConfig {
                epochs_before_stall: 3,
                epochs_after_consensus_before_close: 10,
                valid_slots_after_consensus: 10_000,
                ncn_fee_bps: 300,
            },
            InitializeVaultRegistry,
            ReallocVaultRegistry,
            RegisterVault,
            InitializeEpochState { epoch },
            InitializeWeightTable { epoch },
            SetEpochWeights { epoch },
            ReallocWeightTable { epoch },
            InitializeEpochSnapshot { epoch },
            InitializeOperatorSnapshot { epoch },
            SnapshotVaultOperatorDelegation { epoch },
            InitializeBallotBox { epoch },
            ReallocBallotBox { epoch },
            CastVote {
                weather_status: 2,
                epoch,
            },
            InitializeNcnRewardRouter { epoch },
            ReallocNcnRewardRouter { epoch },
            RouteNcnRewards {
                max_iterations: 0xABCD,
                epoch,
            },
            DistributeProtocolRewards { epoch },
            DistributeNcnRewards { epoch },
            InitializeOperatorVaultRewardRouter { epoch },
            DistributeOperatorVaultRewardRoute { epoch },
            RouteOperatorVaultRewards {
                max_iterations: 7,
                epoch,
            },
            CloseEpochAccount { epoch },
            DistributeOperatorRewards { epoch },
            DistributeVaultRewards { epoch },
            AdminSetParameters {
                starting_valid_epoch: Some(5),
                epochs_before_stall: None,
                epochs_after_consensus_before_close: Some(20),
                valid_slots_after_consensus: None,
            },
            AdminSetNewAdmin {
                role: ConfigAdminRole::TieBreakerAdmin,
            },
            AdminSetTieBreaker {
                weather_status: 1,
                epoch,
            },
            AdminSetWeight {
                st_mint: key(9),
                weight: u128::MAX - 1,
                epoch,
            },
            AdminRegisterStMint { weight: Some(100) },
            AdminSetStMint {
                st_mint: key(4),
                weight: None,
            },
        ]
    }

    #[test]
    fn tags_are_the_variant_order_and_round_trip() {
        for (i, ix) in all().iter().enumerate() {
            assert_eq!(ix.tag() as usize, i);
            let (buf, len) = ix.pack();
            assert_eq!(NcnInstruction::unpack(&buf[..len]), Ok(*ix), "tag {i}");
            // Missing and trailing bytes are rejected, as Borsh's `try_from_slice` does.
            assert_eq!(
                NcnInstruction::unpack(&buf[..len - 1]),
                Err(ProgramError::InvalidInstructionData),
                "tag {i} short"
            );
            let mut long = [0u8; MAX_DATA_LEN + 1];
            long[..len].copy_from_slice(&buf[..len]);
            assert_eq!(
                NcnInstruction::unpack(&long[..len + 1]),
                Err(ProgramError::InvalidInstructionData),
                "tag {i} long"
            );
        }
        assert_eq!(
            NcnInstruction::unpack(&[tag::COUNT]),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(
            NcnInstruction::unpack(&[]),
            Err(ProgramError::InvalidInstructionData)
        );
    }

    #[test]
    fn borsh_bytes_written_by_hand() {
        // InitializeConfig: tag 0, three u64 LE, u16 LE (26 bytes of arguments).
        let mut expected = [0u8; 27];
        expected[1..9].copy_from_slice(&3u64.to_le_bytes());
        expected[9..17].copy_from_slice(&10u64.to_le_bytes());
        expected[17..25].copy_from_slice(&10_000u64.to_le_bytes());
        expected[25..27].copy_from_slice(&300u16.to_le_bytes());
        let (buf, len) = all()[0].pack();
        assert_eq!(&buf[..len], &expected);

        // AdminSetParameters: Some(5), None, Some(20), None.
        let mut expected = [0u8; 1 + 9 + 1 + 9 + 1];
        expected[0] = 25;
        expected[1] = 1;
        expected[2..10].copy_from_slice(&5u64.to_le_bytes());
        expected[10] = 0;
        expected[11] = 1;
        expected[12..20].copy_from_slice(&20u64.to_le_bytes());
        expected[20] = 0;
        let (buf, len) = all()[25].pack();
        assert_eq!(&buf[..len], &expected);

        // AdminSetWeight: tag, mint, u128, u64 = 57 bytes, the longest.
        let (_, len) = all()[28].pack();
        assert_eq!(len, MAX_DATA_LEN);

        // AdminRegisterStMint { None } is the tag and one zero byte.
        let (buf, len) = NcnInstruction::AdminRegisterStMint { weight: None }.pack();
        assert_eq!(&buf[..len], &[29, 0]);
        // CastVote: weather status before the epoch.
        let (buf, len) = all()[13].pack();
        assert_eq!(&buf[..len], &[13, 2, 8, 7, 6, 5, 4, 3, 2, 1]);
    }

    #[test]
    fn bad_option_and_role_bytes_are_rejected() {
        assert_eq!(
            NcnInstruction::unpack(&[29, 2]),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(
            NcnInstruction::unpack(&[25, 0, 0, 0, 3]),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(
            NcnInstruction::unpack(&[26, 1]),
            Err(ProgramError::InvalidInstructionData)
        );
        assert_eq!(
            NcnInstruction::unpack(&[25, 0, 0, 0, 0]),
            Ok(NcnInstruction::AdminSetParameters {
                starting_valid_epoch: None,
                epochs_before_stall: None,
                epochs_after_consensus_before_close: None,
                valid_slots_after_consensus: None,
            })
        );
    }
}

//! [`rack_density`]: kW per rack, racks and rows, and whether the racks need liquid
//! cooling.

use serde::{Deserialize, Serialize};

use crate::Decimal;
use crate::models::ModelError;
use crate::models::check::{Checker, Validate};
use crate::units;

/// The default air-cooling limit, 35 kW per rack: air tops out near 30-40 kW a rack
/// (docs/domain.md section 7), so the middle of that range.
pub const AIR_COOLING_LIMIT_KW_PER_RACK: Decimal = Decimal::from_parts(35, 0, 0, false, 0);

/// [`AIR_COOLING_LIMIT_KW_PER_RACK`], serde's default.
const fn air_cooling_limit() -> Decimal {
    AIR_COOLING_LIMIT_KW_PER_RACK
}

/// Liquid cooling (direct-to-chip or immersion): its capex and its PUE.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LiquidCooling {
    /// Capex per kW of IT load cooled, in USD (at least 0).
    pub capex_usd_per_kw: Decimal,
    /// The facility's PUE with it (at least 1).
    pub pue: Decimal,
}

/// What [`rack_density`] needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RackDensityInputs {
    /// IT kW of one node (greater than 0): DGX H100 10.2, DGX B200 14.3.
    pub node_kw: Decimal,
    /// Nodes to house (greater than 0).
    pub nodes: u32,
    /// Nodes in a full rack (greater than 0).
    pub nodes_per_rack: u32,
    /// Racks in a row (greater than 0).
    pub racks_per_row: u32,
    /// Above this many kW a rack, air cannot cool it (greater than 0; default
    /// [`AIR_COOLING_LIMIT_KW_PER_RACK`], 35).
    #[serde(default = "air_cooling_limit")]
    pub air_cooling_limit_kw_per_rack: Decimal,
    /// The facility's PUE with air cooling (at least 1; optional).
    #[serde(default)]
    pub air_cooling_pue: Option<Decimal>,
    /// Liquid cooling's capex and PUE, used when the racks need it (optional).
    #[serde(default)]
    pub liquid_cooling: Option<LiquidCooling>,
}

/// The result of [`rack_density`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RackDensity {
    /// kW of a full rack, `node_kw × nodes_per_rack`.
    pub kw_per_rack: Decimal,
    /// IT kW of all the nodes, `node_kw × nodes`.
    pub total_kw: Decimal,
    /// Racks, `⌈nodes ÷ nodes_per_rack⌉` (the last one may be partly filled).
    pub racks: u32,
    /// Rows, `⌈racks ÷ racks_per_row⌉`.
    pub rows: u32,
    /// Whether `kw_per_rack` is above the air-cooling limit.
    pub liquid_cooling_required: bool,
    /// `capex_usd_per_kw × total_kw` when liquid cooling is required and its capex given.
    pub liquid_cooling_capex_usd: Option<Decimal>,
    /// The PUE that applies: liquid cooling's when required, else air cooling's; `None`
    /// when that one was not given.
    pub pue: Option<Decimal>,
}

impl Validate for LiquidCooling {
    fn check(&self, c: &mut Checker) {
        c.at_least("capex_usd_per_kw", self.capex_usd_per_kw, Decimal::ZERO);
        c.pue("pue", self.pue);
    }
}

impl Validate for RackDensityInputs {
    /// Every problem with the inputs, in field order.
    ///
    /// ```
    /// use gpuecon::models::facility::RackDensityInputs;
    /// use gpuecon::models::Validate;
    /// let inputs: RackDensityInputs = serde_json::from_str(r#"{
    ///   "node_kw": 10.2, "nodes": 100, "nodes_per_rack": 0, "racks_per_row": 10,
    ///   "liquid_cooling": { "capex_usd_per_kw": 2000, "pue": 0.9 }
    /// }"#).unwrap();
    /// let fields: Vec<_> = inputs.validate().iter().map(|e| e.field().to_owned()).collect();
    /// assert_eq!(fields, ["nodes_per_rack", "liquid_cooling.pue"]);
    /// ```
    fn check(&self, c: &mut Checker) {
        c.positive("node_kw", self.node_kw);
        c.nonzero("nodes", self.nodes);
        c.nonzero("nodes_per_rack", self.nodes_per_rack);
        c.nonzero("racks_per_row", self.racks_per_row);
        c.positive(
            "air_cooling_limit_kw_per_rack",
            self.air_cooling_limit_kw_per_rack,
        );
        if let Some(pue) = self.air_cooling_pue {
            c.pue("air_cooling_pue", pue);
        }
        if let Some(liquid) = &self.liquid_cooling {
            c.nested("liquid_cooling", liquid);
        }
    }
}

/// Rack density and cooling (docs/domain.md section 7):
///
/// ```text
/// kW per rack = node kW × nodes per rack
/// total kW    = node kW × nodes
/// racks       = ⌈nodes ÷ nodes per rack⌉        racks × kW per rack ≥ total kW
/// rows        = ⌈racks ÷ racks per row⌉
/// liquid      = kW per rack > air-cooling limit (default 35 kW)
/// capex       = liquid capex per kW × total kW  (when liquid)
/// ```
///
/// Reference densities: a DGX H100 draws ~10.2 kW (8 GPUs), a DGX B200 14.3 kW, a GB200
/// NVL72 rack ~120 kW. Air cooling tops out near 30-40 kW a rack; above that, direct-to-chip
/// or immersion liquid cooling with its own capex and (lower) PUE. The limit is compared
/// with a full rack's kW: one full rack above it makes the hall need liquid cooling.
///
/// # Errors
/// [`ModelError::Domain`] naming the first bad input (`node_kw`, `nodes_per_rack` 0,
/// `liquid_cooling.pue` below 1, …); [`ModelError::Finance`] on overflow.
///
/// # Example
/// 125 DGX H100 nodes (1,000 GPUs), 4 to a rack: 40.8 kW a rack is above 35 kW, so liquid
/// cooling; 32 racks (the last with one node), 4 rows of 10; 1,275 kW of IT load at
/// $1,500 a kW is $1,912,500 of cooling capex.
/// ```
/// use gpuecon::models::facility::{rack_density, RackDensityInputs};
/// use gpuecon::Decimal;
/// let inputs: RackDensityInputs = serde_json::from_str(r#"{
///   "node_kw": "10.2", "nodes": 125, "nodes_per_rack": 4, "racks_per_row": 10,
///   "liquid_cooling": { "capex_usd_per_kw": 1500, "pue": "1.15" }
/// }"#).unwrap();
/// let density = rack_density(&inputs)?;
/// assert_eq!(density.kw_per_rack, Decimal::new(408, 1));
/// assert_eq!((density.racks, density.rows), (32, 4));
/// assert!(density.liquid_cooling_required);
/// assert_eq!(density.liquid_cooling_capex_usd, Some(Decimal::from(1_912_500)));
/// assert_eq!(density.pue, Some(Decimal::new(115, 2)));
/// # Ok::<(), gpuecon::models::ModelError>(())
/// ```
pub fn rack_density(inputs: &RackDensityInputs) -> Result<RackDensity, ModelError> {
    inputs.ensure_valid()?;
    let kw_per_rack = units::mul(
        inputs.node_kw,
        Decimal::from(inputs.nodes_per_rack),
        "node_kw",
    )?;
    let total_kw = units::mul(inputs.node_kw, Decimal::from(inputs.nodes), "node_kw")?;
    let racks = inputs.nodes.div_ceil(inputs.nodes_per_rack);
    let rows = racks.div_ceil(inputs.racks_per_row);
    let liquid_cooling_required = kw_per_rack > inputs.air_cooling_limit_kw_per_rack;
    let (liquid_cooling_capex_usd, pue) = match (&inputs.liquid_cooling, liquid_cooling_required) {
        (Some(liquid), true) => (
            Some(
                units::mul(
                    liquid.capex_usd_per_kw,
                    total_kw,
                    "liquid_cooling.capex_usd_per_kw",
                )?
                .normalize(),
            ),
            Some(liquid.pue),
        ),
        (None, true) => (None, None),
        (_, false) => (None, inputs.air_cooling_pue),
    };
    Ok(RackDensity {
        kw_per_rack: kw_per_rack.normalize(),
        total_kw: total_kw.normalize(),
        racks,
        rows,
        liquid_cooling_required,
        liquid_cooling_capex_usd,
        pue,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    fn dgx_h100(nodes_per_rack: u32) -> RackDensityInputs {
        RackDensityInputs {
            node_kw: d("10.2"),
            nodes: 125,
            nodes_per_rack,
            racks_per_row: 10,
            air_cooling_limit_kw_per_rack: AIR_COOLING_LIMIT_KW_PER_RACK,
            air_cooling_pue: Some(d("1.4")),
            liquid_cooling: Some(LiquidCooling {
                capex_usd_per_kw: d("1500"),
                pue: d("1.15"),
            }),
        }
    }

    #[test]
    fn three_dgx_a_rack_stay_on_air() {
        let density = rack_density(&dgx_h100(3)).unwrap();
        // 3 × 10.2 = 30.6 kW ≤ 35: air; ⌈125 / 3⌉ = 42 racks; ⌈42 / 10⌉ = 5 rows
        assert_eq!(density.kw_per_rack, d("30.6"));
        assert_eq!(density.total_kw, d("1275"));
        assert_eq!((density.racks, density.rows), (42, 5));
        assert!(!density.liquid_cooling_required);
        assert_eq!(density.liquid_cooling_capex_usd, None);
        assert_eq!(density.pue, Some(d("1.4")));
    }

    #[test]
    fn four_dgx_a_rack_need_liquid() {
        let density = rack_density(&dgx_h100(4)).unwrap();
        // 4 × 10.2 = 40.8 kW > 35; ⌈125 / 4⌉ = 32 racks, 4 rows; 1,275 × 1,500 = 1,912,500
        assert!(density.liquid_cooling_required);
        assert_eq!((density.racks, density.rows), (32, 4));
        assert_eq!(density.liquid_cooling_capex_usd, Some(d("1912500")));
        assert_eq!(density.pue, Some(d("1.15")));
        // Without liquid cooling's figures, it is still required, with no capex or PUE.
        let mut bare = dgx_h100(4);
        bare.liquid_cooling = None;
        let density = rack_density(&bare).unwrap();
        assert!(density.liquid_cooling_required);
        assert_eq!(
            (density.liquid_cooling_capex_usd, density.pue),
            (None, None)
        );
    }

    #[test]
    fn the_limit_itself_is_air() {
        // GB200 NVL72 at ~120 kW a rack is far above it; exactly 35 kW is not above it.
        let mut at_limit = dgx_h100(1);
        at_limit.node_kw = d("35");
        assert!(!rack_density(&at_limit).unwrap().liquid_cooling_required);
        let mut nvl72 = dgx_h100(1);
        nvl72.node_kw = d("120");
        nvl72.nodes = 8;
        nvl72.racks_per_row = 8;
        let density = rack_density(&nvl72).unwrap();
        assert!(density.liquid_cooling_required);
        assert_eq!((density.racks, density.rows), (8, 1));
    }

    #[test]
    fn bad_inputs_name_the_field() {
        let mut bad = dgx_h100(4);
        bad.node_kw = Decimal::ZERO;
        bad.nodes = 0;
        bad.racks_per_row = 0;
        bad.air_cooling_limit_kw_per_rack = Decimal::ZERO;
        bad.air_cooling_pue = Some(d("0.5"));
        bad.liquid_cooling = Some(LiquidCooling {
            capex_usd_per_kw: d("-1"),
            pue: d("1.1"),
        });
        let all: Vec<_> = bad
            .validate()
            .iter()
            .map(|e| e.field().to_owned())
            .collect();
        assert_eq!(
            all,
            [
                "node_kw",
                "nodes",
                "racks_per_row",
                "air_cooling_limit_kw_per_rack",
                "air_cooling_pue",
                "liquid_cooling.capex_usd_per_kw"
            ]
        );
        assert_eq!(rack_density(&bad).unwrap_err().field(), "node_kw");
    }

    #[test]
    fn overflow_names_a_field() {
        let mut huge = dgx_h100(4);
        huge.node_kw = Decimal::MAX;
        let err = rack_density(&huge).unwrap_err();
        assert_eq!(
            (err.code(), err.field()),
            (crate::ErrorCode::Overflow, "node_kw")
        );
    }
}

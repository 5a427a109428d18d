//! Checking one lever of a scenario against its budget: references, the
//! values a kind needs, and its window as year indices clipped to the horizon.

use super::Index;
use crate::load::budget::{both_given, ServiceFields};
use crate::load::diag::{Severity, Sink};
use crate::load::refs::Known;
use crate::load::scenario::RawLever;
use crate::load::toml_spans::{report, Pos};
use crate::model::*;
use rust_decimal::Decimal;
use std::collections::HashMap;

pub(super) struct Checker<'b, 'i> {
    pub(super) b: &'b Budget,
    pub(super) n: usize,
    pub(super) ix: &'i Index<'b>,
    /// Each commission lever's checked service, in run order (`None` where
    /// it failed its check): built once by `commission`, taken by `lever`.
    pub(super) commissions: std::collections::VecDeque<Option<Service>>,
}

impl<'b, 'i> std::ops::Deref for Checker<'b, 'i> {
    type Target = Index<'b>;
    fn deref(&self) -> &Index<'b> {
        self.ix
    }
}

impl<'b, 'i> Checker<'b, 'i> {
    fn text<'l>(l: &'l RawLever, k: &str) -> (&'l str, Pos) {
        l.get(k).map(|a| (a.v.trim(), a.pos)).unwrap_or(("", l.pos))
    }

    pub(super) fn commission(
        &self,
        l: &RawLever,
        sink: &mut Sink<'_>,
        seen: &HashMap<String, (String, String)>,
    ) -> Option<Service> {
        let t = |k: &str| Self::text(l, k).0;
        let f = ServiceFields::read(t);
        let horizon = self.horizon_known.then_some((self.b.base_year, self.n));
        let mut rep = |col: &str, msg: String, warn: bool| {
            let sev = if warn {
                Severity::Warning
            } else {
                Severity::Error
            };
            match l.get(col) {
                Some(at) => report(
                    sink,
                    sev,
                    at.pos,
                    Some(format!("commission key \"{col}\"")),
                    msg,
                ),
                None => report(sink, sev, l.pos, None, format!("a commission lever needs {col}; a new service needs id, name, pool, provider, category, unit, unit_cost and volume, as in services.csv")),
            }
        };
        let svc = f.parse(&self.pools, &self.providers, horizon, &mut rep)?;
        let key = OutcomeValue::key(&svc.outcome);
        if svc.benefit.outcome_value_given
            && self
                .b
                .outcomes
                .iter()
                .any(|o| OutcomeValue::key(&o.outcome) == key)
        {
            rep("outcome_value", both_given(&svc.outcome), false);
            return None;
        }
        let in_budget = self.services().valid.contains(svc.id.as_str())
            || self
                .services()
                .declared
                .is_some_and(|d| d.contains(&svc.id));
        if in_budget || seen.contains_key(&svc.id) {
            let pos = Self::text(l, "id").1;
            let place = if in_budget {
                "services.csv already has a service"
            } else {
                "another commission lever in this scenario's chain already adds a service"
            };
            report(
                sink,
                Severity::Error,
                pos,
                Some("commission key \"id\"".into()),
                format!("{place} \"{}\"; give the new service its own id", svc.id),
            );
            return None;
        }
        Some(svc)
    }

    fn service_ref(
        &self,
        l: &RawLever,
        key: &str,
        sink: &mut Sink<'_>,
        commissioned: &HashMap<String, (String, String)>,
    ) -> Option<String> {
        let (v, pos) = Self::text(l, key);
        if self.services().valid.contains(v) || commissioned.contains_key(v) {
            return Some(v.to_string());
        }
        let report_at = |m| {
            report(
                sink,
                Severity::Error,
                pos,
                Some(format!("lever key \"{key}\"")),
                m,
            )
        };
        // The shared index (built once) unless commissioned services join it.
        if commissioned.is_empty() {
            self.services()
                .accept("service", v, "services.csv", report_at);
        } else {
            let known = self
                .services()
                .with_more(commissioned.keys().map(String::as_str));
            known.accept("service", v, "services.csv", report_at);
        }
        None
    }

    fn id_ref(
        &self,
        l: &RawLever,
        key: &str,
        what: &str,
        known: &Known<'_>,
        file: &str,
        sink: &mut Sink<'_>,
    ) -> Option<String> {
        let (v, pos) = Self::text(l, key);
        known
            .accept(what, v, file, |m| {
                report(
                    sink,
                    Severity::Error,
                    pos,
                    Some(format!("lever key \"{key}\"")),
                    m,
                )
            })
            .then(|| v.to_string())
    }

    pub(super) fn lever(
        &mut self,
        l: &RawLever,
        sink: &mut Sink<'_>,
        commissioned: &HashMap<String, (String, String)>,
    ) -> Option<Lever> {
        let op = l.op.as_ref().map(|o| o.v);
        let kind = match l.kind.as_str() {
            "contribution" => {
                let partner = self.id_ref(
                    l,
                    "partner",
                    "partner",
                    &self.partners,
                    "partners.csv",
                    sink,
                );
                let pool = self.id_ref(l, "pool", "pool", &self.pools, "pools.csv", sink);
                let (partner, pool) = (partner?, pool?);
                if !self.pairs().contains(&(pool.as_str(), partner.as_str())) {
                    let written = (pool.clone(), partner.clone());
                    if self.declared_pairs.is_none_or(|d| d.contains(&written)) {
                        // The row is there but has its own error.
                        return None;
                    }
                    report(sink, Severity::Error, l.pos, None, format!("partner \"{partner}\" has no contributions.csv rows for pool \"{pool}\"; a contribution lever can only change an existing contribution (add a row with amount 0 to start one)"));
                    return None;
                }
                LeverKind::Contribution {
                    partner,
                    pool,
                    op: op?,
                }
            }
            "unit_cost" => LeverKind::UnitCost {
                service: self.service_ref(l, "service", sink, commissioned)?,
                op: op?,
            },
            "outcome_rate" => LeverKind::OutcomeRate {
                service: self.service_ref(l, "service", sink, commissioned)?,
                op: op?,
            },
            "volume" => {
                let service = self.service_ref(l, "service", sink, commissioned);
                let reduces = match l.get("reduces") {
                    None => None,
                    Some(_) => {
                        let r = self.service_ref(l, "reduces", sink, commissioned)?;
                        let per_unit = l.values.per_unit?;
                        let lag = l.values.lag.unwrap_or(1);
                        Some(Reduces {
                            service: r,
                            per_unit,
                            lag,
                        })
                    }
                };
                LeverKind::Volume {
                    service: service?,
                    op: op?,
                    reduces,
                }
            }
            "commission" => LeverKind::Commission {
                service: Box::new(self.commissions.pop_front().flatten()?),
            },
            "decommission" => LeverKind::Decommission {
                service: self.service_ref(l, "service", sink, commissioned)?,
            },
            "recommission" => {
                let service = self.service_ref(l, "service", sink, commissioned);
                let provider = self.id_ref(
                    l,
                    "provider",
                    "provider",
                    &self.providers,
                    "providers.csv",
                    sink,
                );
                let unit_cost = l.values.unit_cost;
                if unit_cost.is_some_and(|u| u < Decimal::ZERO) {
                    let (text, pos) = l
                        .get("unit_cost")
                        .map_or(("", l.pos), |a| (&a.v[..], a.pos));
                    report(
                        sink,
                        Severity::Error,
                        pos,
                        Some("lever key \"unit_cost\"".into()),
                        format!(
                            "the unit cost \"{text}\" is negative; a unit cost must be 0 or more"
                        ),
                    );
                    return None;
                }
                let outcome_rate = l.values.outcome_rate;
                LeverKind::Recommission {
                    service: service?,
                    provider: provider?,
                    unit_cost,
                    outcome_rate,
                }
            }
            _ => {
                let pool = self.id_ref(l, "pool", "pool", &self.pools, "pools.csv", sink)?;
                let by = round(l.values.saving_by?);
                LeverKind::Saving { pool, by }
            }
        };
        let (from, to, active) = if self.horizon_known {
            self.window(l, sink)
        } else {
            // Without a horizon from budget.toml (already an error there),
            // window warnings would be about a made-up horizon.
            let mut unused = vec![];
            let mut quiet = Sink {
                out: &mut unused,
                owner: sink.owner.clone(),
                file: sink.file.clone(),
            };
            self.window(l, &mut quiet)
        };
        Some(Lever {
            kind,
            from,
            to,
            origin: format!("{}:{}", sink.file, l.pos.line),
            active,
        })
    }
}

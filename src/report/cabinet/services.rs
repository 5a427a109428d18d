//! Table (c): services by year — cost, volume, outcomes and cost per
//! outcome — grouped by pool, with each pool's subtotal (and its savings to
//! be identified and net spend, where it has any), then the scenario total.
//! Volumes and outcomes are shown to one place; cost per outcome in whole
//! pounds whatever the unit (a £000 figure would round it away).

use super::pools::accumulate;
use super::scale::{qty, Scale, QTY_DP};
use super::{CabTable, Row, RowKind, Source, Value, ROUNDING_NOTE};
use crate::engine::arith::{sum, R};
use crate::engine::vfm::cost_per_outcome;
use crate::engine::{Projection, ServiceLine};
use crate::model::round_dp;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The services table of every scenario.
pub fn services(scale: &Scale, sources: &[Source<'_>]) -> R<CabTable> {
    let mut columns: Vec<String> = ["Scenario", "Pool", "Service", "Provider", "Measure", "Unit"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    columns.extend(scale.years.iter().map(|y| y.to_string()));
    columns.push("Total".into());
    let mut rows = vec![];
    for s in sources {
        scenario_rows(scale, s, &mut rows)?;
    }
    Ok(CabTable {
        slug: "services",
        sheet: "Services",
        title: format!(
            "Services by pool and year, {} ({}); volumes and outcomes in the units shown",
            scale.unit.label(),
            scale.terms()
        ),
        columns,
        rows,
        notes: vec![
            "Years a service does not run are blank. Cost per outcome = cost / outcomes over the same years, in whole pounds; n/a where there are no outcomes. Outcome totals add different outcome measures together.".into(),
            ROUNDING_NOTE.into(),
        ],
    })
}

/// Labels of a row: pool, service, provider, measure, unit.
type Labels<'a> = [&'a str; 5];

struct Ctx<'a> {
    scale: &'a Scale,
    p: &'a Projection,
    rows: &'a mut Vec<Row>,
}

impl Ctx<'_> {
    fn push(&mut self, kind: RowKind, labels: Labels<'_>, values: Vec<Value>) {
        let mut cells = vec![Value::text(&self.p.scenario_name)];
        cells.extend(labels.iter().map(|l| Value::text(*l)));
        cells.extend(values);
        self.rows.push(Row { kind, cells });
    }

    /// Money cells, blank in years `runs` says the line does not run.
    fn money(&self, cash: &[Decimal], runs: Option<&[bool]>) -> R<Vec<Value>> {
        let mut cells = self.scale.money_cells(self.p, cash, true)?;
        blank(self.scale, self.p, &mut cells, runs);
        Ok(cells)
    }

    fn qty(&self, x: &[Decimal], runs: Option<&[bool]>) -> R<Vec<Value>> {
        let mut cells = self.scale.spread(self.p, |t| qty(x[t], QTY_DP));
        cells.push(qty(sum(x, "a table total")?, QTY_DP));
        blank(self.scale, self.p, &mut cells, runs);
        Ok(cells)
    }

    /// Cost per outcome (in this export's terms) by year and over the horizon.
    fn per_outcome(
        &self,
        cash: &[Decimal],
        outcomes: &[Decimal],
        runs: Option<&[bool]>,
    ) -> R<Vec<Value>> {
        let cost = self.scale.in_terms(self.p, cash)?;
        let ratio = |c: Decimal, o: Decimal| {
            cost_per_outcome(c, o).map_or(Value::NA, |x| Value::Num(round_dp(x, 0), 0))
        };
        let mut cells = self.scale.spread(self.p, |t| ratio(cost[t], outcomes[t]));
        cells.push(ratio(
            sum(&cost, "a table total")?,
            sum(outcomes, "a table total")?,
        ));
        blank(self.scale, self.p, &mut cells, runs);
        Ok(cells)
    }
}

/// Blank the year cells of years the line does not run.
fn blank(scale: &Scale, p: &Projection, cells: &mut [Value], runs: Option<&[bool]>) {
    let Some(runs) = runs else { return };
    for (cell, y) in cells.iter_mut().zip(&scale.years) {
        if scale.index(p, *y).is_some_and(|t| !runs[t]) {
            *cell = Value::Empty;
        }
    }
}

fn has_outcomes(s: &ServiceLine) -> bool {
    !s.outcome.is_empty() || s.outcomes.iter().any(|o| !o.is_zero())
}

fn scenario_rows(scale: &Scale, src: &Source<'_>, rows: &mut Vec<Row>) -> R<()> {
    let p = src.projection;
    let n = p.years;
    let per_outcome_unit = scale.with_prices("£ per outcome");
    let money_unit = scale.label();
    let mut c = Ctx { scale, p, rows };
    let any_saving = p
        .pools
        .iter()
        .any(|l| l.saving.iter().any(|s| !s.is_zero()));
    // Provider names by id, looked up once per service rather than scanned.
    let names_by_id: HashMap<&str, &str> = src
        .budget
        .providers
        .iter()
        .map(|x| (x.id.as_str(), x.name.as_str()))
        .collect();
    for pool in &p.pools {
        let mut cost = vec![Decimal::ZERO; n];
        let mut outcomes = vec![Decimal::ZERO; n];
        for s in p
            .services
            .iter()
            .filter(|s| s.pool == pool.id && s.runs.contains(&true))
        {
            accumulate(&mut cost, &s.cost)?;
            accumulate(&mut outcomes, &s.outcomes)?;
            let provider = providers(&names_by_id, s);
            let runs = Some(s.runs.as_slice());
            let l = |m, u| [pool.name.as_str(), s.name.as_str(), provider.as_str(), m, u];
            let v = c.money(&s.cost, runs)?;
            c.push(RowKind::Body, l("Cost", &money_unit), v);
            let v = c.qty(&s.volume, runs)?;
            c.push(RowKind::Body, l("Volume", &s.unit), v);
            if has_outcomes(s) {
                let v = c.qty(&s.outcomes, runs)?;
                c.push(RowKind::Body, l("Outcomes", &s.outcome), v);
                let v = c.per_outcome(&s.cost, &s.outcomes, runs)?;
                c.push(RowKind::Body, l("Cost per outcome", &per_outcome_unit), v);
            }
        }
        let l = |m, u| [pool.name.as_str(), "All services", "", m, u];
        let v = c.money(&cost, None)?;
        c.push(RowKind::Subtotal, l("Cost", &money_unit), v);
        let v = c.qty(&outcomes, None)?;
        c.push(RowKind::Subtotal, l("Outcomes", "outcomes"), v);
        let v = c.per_outcome(&cost, &outcomes, None)?;
        c.push(
            RowKind::Subtotal,
            l("Cost per outcome", &per_outcome_unit),
            v,
        );
        if pool.saving.iter().any(|s| !s.is_zero()) {
            let less: Vec<Decimal> = pool.saving.iter().map(|s| -*s).collect();
            let v = c.money(&less, None)?;
            c.push(
                RowKind::Subtotal,
                [
                    &pool.name,
                    "Savings to be identified",
                    "",
                    "Saving",
                    &money_unit,
                ],
                v,
            );
            let v = c.money(&pool.spend, None)?;
            c.push(
                RowKind::Subtotal,
                [&pool.name, "Pool spend", "", "Spend", &money_unit],
                v,
            );
        }
    }
    let t = &p.totals;
    let l = |m, u| ["All pools", "All services", "", m, u];
    let v = c.money(&t.service_cost, None)?;
    c.push(RowKind::Total, l("Cost", &money_unit), v);
    let v = c.qty(&t.outcomes, None)?;
    c.push(RowKind::Total, l("Outcomes", "outcomes"), v);
    let v = c.per_outcome(&t.service_cost, &t.outcomes, None)?;
    c.push(RowKind::Total, l("Cost per outcome", &per_outcome_unit), v);
    if any_saving {
        let v = c.money(&t.spend, None)?;
        c.push(
            RowKind::Total,
            [
                "All pools",
                "Spend net of savings",
                "",
                "Spend",
                &money_unit,
            ],
            v,
        );
    }
    Ok(())
}

/// The provider(s) delivering a service over the years it runs, e.g.
/// `Oakfield Care Ltd then Kestrel Children's Homes Ltd` after a recommission.
fn providers(names_by_id: &HashMap<&str, &str>, s: &ServiceLine) -> String {
    let mut names: Vec<String> = vec![];
    for (id, runs) in s.provider.iter().zip(&s.runs) {
        let name = names_by_id
            .get(&**id)
            .map_or_else(|| id.to_string(), |n| n.to_string());
        if *runs && names.last() != Some(&name) {
            names.push(name);
        }
    }
    names.join(" then ")
}

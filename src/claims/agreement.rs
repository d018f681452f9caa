//! Whether two wordings assert the same thing: the same quantities, the same names and the
//! same direction. Each disagreement multiplies a lexical score down, so a near miss
//! (another number, place or direction) falls below a real match and below the threshold.

use super::signature::{COUNT, Quantity, Signature, YEAR};

/// A factor in (0, 1]: 1 when nothing disagrees.
pub fn agreement(a: &Signature, b: &Signature) -> f64 {
    numbers(a, b) * names(a, b) * polarity(a, b)
}

fn close(x: f64, y: f64) -> bool {
    (x - y).abs() <= 0.02 * x.abs().max(y.abs()) + 1e-9
}

/// Quantities: a unit both state with no value in common is a contradiction ("fell to
/// 4%" vs "fell to 5%"); a bare number meets any unit of the same value.
fn numbers(a: &Signature, b: &Signature) -> f64 {
    let measured = |s: &Signature| s.quantities.iter().any(|q| q.unit != YEAR);
    let mut factor = 1.0;
    match (measured(a), measured(b)) {
        (false, false) => {}
        (true, false) | (false, true) => factor *= 0.85,
        (true, true) => {
            // A unit both state (other than years and bare counts) with no value in common.
            let stated = |q: &&Quantity| q.unit != YEAR && q.unit != COUNT;
            let contradicted = a.quantities.iter().filter(stated).any(|qa| {
                let unit = qa.unit;
                b.quantities.iter().any(|qb| qb.unit == unit)
                    && !a.quantities.iter().filter(|q| q.unit == unit).any(|qa| {
                        b.quantities
                            .iter()
                            .any(|qb| qb.unit == unit && close(qa.value, qb.value))
                    })
            });
            let any_shared = a.quantities.iter().any(|qa| {
                qa.unit != YEAR
                    && b.quantities.iter().any(|qb| {
                        qb.unit != YEAR
                            && (qa.unit == qb.unit || qa.unit == COUNT || qb.unit == COUNT)
                            && close(qa.value, qb.value)
                    })
            });
            if contradicted || !any_shared {
                factor *= 0.3;
            }
        }
    }
    let mut years_a = a.quantities.iter().filter(|q| q.unit == YEAR);
    let has_years_b = b.quantities.iter().any(|q| q.unit == YEAR);
    if has_years_b
        && years_a.clone().next().is_some()
        && !years_a.any(|ya| {
            b.quantities
                .iter()
                .any(|qb| qb.unit == YEAR && qb.value == ya.value)
        })
    {
        factor *= 0.4;
    }
    factor
}

/// Names: two claims about different places or people are different claims.
fn names(a: &Signature, b: &Signature) -> f64 {
    if a.names.is_empty() && b.names.is_empty() {
        return 1.0;
    }
    if a.names.is_empty() || b.names.is_empty() {
        return 0.9;
    }
    let shared = a.names.iter().filter(|n| b.names.contains(n)).count();
    if shared == 0 {
        // One side may spell a name out ("Madrid city council" vs "Madrid"): a word in
        // common counts as half a match.
        let words_b = || b.names.iter().flat_map(|n| n.split(' '));
        if a.names
            .iter()
            .flat_map(|n| n.split(' '))
            .any(|w| words_b().any(|v| v == w))
        {
            return 0.8;
        }
        return 0.35;
    }
    if shared == a.names.len().min(b.names.len()) {
        1.0
    } else {
        0.9
    }
}

/// Direction and negation: "rose" is not "fell", "did not rise" is not "rose".
fn polarity(a: &Signature, b: &Signature) -> f64 {
    let mut factor = 1.0;
    match (a.direction, b.direction) {
        (Some(x), Some(y)) if x != y => factor *= 0.3,
        (Some(_), None) | (None, Some(_)) => factor *= 0.9,
        _ => {}
    }
    if a.negated != b.negated {
        factor *= 0.45;
    }
    factor
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::signature::signature;

    fn agree(a: &str, b: &str) -> f64 {
        agreement(&signature(a), &signature(b))
    }

    #[test]
    fn near_misses_disagree() {
        let real = "Unemployment in Spain fell to 4% last year";
        assert!(agree(real, "Spain's jobless rate dropped to 4 per cent last year") > 0.95);
        assert!(agree(real, "Unemployment in Spain rose to 4% last year") < 0.35);
        assert!(agree(real, "Unemployment in Spain fell to 5% last year") < 0.35);
        assert!(agree(real, "Unemployment in Portugal fell to 4% last year") < 0.4);
        assert!(
            agree(
                "A fifth of pupils skip breakfast",
                "20% of students skip breakfast"
            ) > 0.95
        );
        assert!(agree("The sea rose thirty centimetres", "The sea rose 30 cm") > 0.95);
    }
}

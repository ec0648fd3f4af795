//! The figures an evaluation reports, as plain functions over numbers.

/// Area under the ROC curve of `scores` separating `good` from `bad`: the
/// chance that a random good message scores above a random bad one, ties
/// counting half (the Mann-Whitney U statistic over the product of the
/// counts). `None` when either side is empty.
///
/// Runs in O((g + b) log(g + b)): both sides are sorted and merged.
#[must_use]
pub fn auc(good: &[f64], bad: &[f64]) -> Option<f64> {
    if good.is_empty() || bad.is_empty() {
        return None;
    }
    let mut good = good.to_vec();
    let mut bad = bad.to_vec();
    good.sort_by(f64::total_cmp);
    bad.sort_by(f64::total_cmp);
    // For each good score: bad scores strictly below, and equal to it.
    let (mut below, mut upto) = (0usize, 0usize);
    let mut wins = 0.0;
    for g in &good {
        while below < bad.len() && bad[below] < *g {
            below += 1;
        }
        upto = upto.max(below);
        while upto < bad.len() && bad[upto] <= *g {
            upto += 1;
        }
        wins += count(below) + count(upto - below) / 2.0;
    }
    Some(wins / (count(good.len()) * count(bad.len())))
}

/// `part / whole`, or `None` when `whole` is zero.
#[must_use]
pub fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| count(part) / count(whole))
}

/// The mean of the values that exist, or `None` when none do.
#[must_use]
pub fn mean(values: impl IntoIterator<Item = Option<f64>>) -> Option<f64> {
    let (sum, n) = values.into_iter().flatten().fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| sum / count(n))
}

#[allow(clippy::cast_precision_loss)]
fn count(n: usize) -> f64 {
    n as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_pairs(good: &[f64], bad: &[f64]) -> f64 {
        let mut wins = 0.0;
        for g in good {
            for b in bad {
                wins += if g > b {
                    1.0
                } else if g == b {
                    0.5
                } else {
                    0.0
                };
            }
        }
        wins / (good.len() * bad.len()) as f64
    }

    #[test]
    fn auc_by_hand() {
        assert_eq!(auc(&[3.0], &[1.0]), Some(1.0));
        assert_eq!(auc(&[1.0], &[3.0]), Some(0.0));
        assert_eq!(auc(&[2.0], &[2.0]), Some(0.5));
        // good 80, 60; bad 70, 60, 10: 80 beats 3, 60 beats 1 and ties 1 → 4.5 / 6.
        assert_eq!(auc(&[80.0, 60.0], &[70.0, 60.0, 10.0]), Some(0.75));
        assert_eq!(auc(&[], &[1.0]), None);
    }

    #[test]
    fn auc_equals_the_pairwise_count() {
        let good = [5.0, 5.0, 1.0, 9.0, 3.0, 3.0, 100.0, 0.0];
        let bad = [5.0, 2.0, 3.0, 3.0, 9.0, 0.0, 0.0];
        assert!((auc(&good, &bad).unwrap_or(-1.0) - by_pairs(&good, &bad)).abs() < 1e-12);
    }

    #[test]
    fn ratios_and_means() {
        assert_eq!(ratio(1, 4), Some(0.25));
        assert_eq!(ratio(1, 0), None);
        assert_eq!(mean([Some(1.0), None, Some(0.0)]), Some(0.5));
        assert_eq!(mean([None]), None);
    }
}

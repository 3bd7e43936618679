//! Affine matrices as PDF writes them (`[a b c d e f]`, row vectors: `p' = p × M`).

/// A 2-D affine transform `[a b c d e f]`: `x' = a·x + c·y + e`, `y' = b·x + d·y + f`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matrix {
    pub a: f64,
    pub b: f64,
    pub c: f64,
    pub d: f64,
    pub e: f64,
    pub f: f64,
}

impl Default for Matrix {
    fn default() -> Self {
        Matrix::IDENTITY
    }
}

impl Matrix {
    /// The identity.
    pub const IDENTITY: Matrix = Matrix {
        a: 1.0,
        b: 0.0,
        c: 0.0,
        d: 1.0,
        e: 0.0,
        f: 0.0,
    };

    /// A matrix from its six numbers.
    pub const fn new(a: f64, b: f64, c: f64, d: f64, e: f64, f: f64) -> Self {
        Matrix { a, b, c, d, e, f }
    }

    /// A translation.
    pub const fn translate(tx: f64, ty: f64) -> Self {
        Matrix::new(1.0, 0.0, 0.0, 1.0, tx, ty)
    }

    /// `self × other`: first `self`, then `other` (PDF's concatenation order).
    pub fn then(&self, o: &Matrix) -> Matrix {
        Matrix {
            a: self.a * o.a + self.b * o.c,
            b: self.a * o.b + self.b * o.d,
            c: self.c * o.a + self.d * o.c,
            d: self.c * o.b + self.d * o.d,
            e: self.e * o.a + self.f * o.c + o.e,
            f: self.e * o.b + self.f * o.d + o.f,
        }
    }

    /// Maps a point.
    pub fn apply(&self, x: f64, y: f64) -> (f64, f64) {
        (
            self.a * x + self.c * y + self.e,
            self.b * x + self.d * y + self.f,
        )
    }

    /// Maps a vector (no translation).
    pub fn apply_vector(&self, x: f64, y: f64) -> (f64, f64) {
        (self.a * x + self.c * y, self.b * x + self.d * y)
    }

    /// Whether every number is finite (a hostile `cm` can make them infinite or NaN).
    pub fn is_finite(&self) -> bool {
        [self.a, self.b, self.c, self.d, self.e, self.f]
            .iter()
            .all(|v| v.is_finite())
    }

    /// Reads `[a b c d e f]` operands or a `/Matrix` array; `None` unless six numbers.
    pub fn from_numbers(nums: &[f64]) -> Option<Matrix> {
        match nums {
            [a, b, c, d, e, f] => {
                let m = Matrix::new(*a, *b, *c, *d, *e, *f);
                m.is_finite().then_some(m)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concatenation_applies_left_matrix_first() {
        let scale = Matrix::new(2.0, 0.0, 0.0, 2.0, 0.0, 0.0);
        let shift = Matrix::translate(10.0, 5.0);
        // Scale then shift: (1,1) → (2,2) → (12,7).
        assert_eq!(scale.then(&shift).apply(1.0, 1.0), (12.0, 7.0));
        // Shift then scale: (1,1) → (11,6) → (22,12).
        assert_eq!(shift.then(&scale).apply(1.0, 1.0), (22.0, 12.0));
        assert_eq!(shift.apply_vector(1.0, 1.0), (1.0, 1.0));
        assert!(Matrix::from_numbers(&[1.0, 0.0, 0.0, f64::NAN, 0.0, 0.0]).is_none());
        assert!(Matrix::from_numbers(&[1.0, 0.0]).is_none());
    }
}

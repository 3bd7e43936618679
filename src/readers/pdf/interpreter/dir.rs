//! Writing directions and the reading frame that makes any of them left-to-right.

/// Writing direction of a glyph on the page: the angle of its baseline, clockwise from
/// left-to-right, in tenths of a degree (0, 900, 1800, 2700 for the four upright
/// directions; anything between for slanted text in figures).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, PartialOrd, Ord, Hash)]
pub struct Dir(pub u16);

/// Directions within this many tenths of a degree of a right angle count as that angle.
const SNAP: i64 = 5;

impl Dir {
    /// Left to right, upright.
    pub const HORIZONTAL: Dir = Dir(0);

    pub(super) fn from_vector(dx: f64, dy: f64) -> Dir {
        let tenths = (dy.atan2(dx).to_degrees() * 10.0).round() as i64;
        let mut t = tenths.rem_euclid(3600);
        let nearest_right = ((t + 450) / 900 * 900) % 3600;
        let off = (t - nearest_right).rem_euclid(3600);
        if off <= SNAP || off >= 3600 - SNAP {
            t = nearest_right;
        }
        Dir(t as u16)
    }

    /// The turn between the page and this direction's reading frame. Taken once for
    /// many points: a slanted direction's cosine and sine are a library call each time.
    pub fn rotation(self) -> Rotation {
        let (cos, sin) = match self.0 {
            0 => (1.0, 0.0),
            900 => (0.0, 1.0),
            1800 => (-1.0, 0.0),
            2700 => (0.0, -1.0),
            t => {
                let a = (f64::from(t) / 10.0).to_radians();
                (a.cos(), a.sin())
            }
        };
        Rotation { cos, sin }
    }

    /// Page point → reading frame (text runs along +x, up is −y).
    pub fn to_frame(self, x: f64, y: f64) -> (f64, f64) {
        self.rotation().to_frame(x, y)
    }
}

/// A [`Dir`]'s cosine and sine: turns points between the page and its reading frame.
#[derive(Debug, Clone, Copy)]
pub struct Rotation {
    cos: f64,
    sin: f64,
}

impl Rotation {
    /// Page point → reading frame (text runs along +x, up is −y).
    pub fn to_frame(self, x: f64, y: f64) -> (f64, f64) {
        let (c, s) = (self.cos, self.sin);
        (x * c + y * s, -x * s + y * c)
    }

    /// Reading frame → page point.
    pub fn to_page(self, fx: f64, fy: f64) -> (f64, f64) {
        let (c, s) = (self.cos, self.sin);
        (fx * c - fy * s, fx * s + fy * c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_round_trip() {
        for d in [0, 900, 1800, 2700, 150, 3450] {
            let dir = Dir(d);
            let (fx, fy) = dir.to_frame(3.0, 7.0);
            let (x, y) = dir.rotation().to_page(fx, fy);
            assert!((x - 3.0).abs() < 1e-9 && (y - 7.0).abs() < 1e-9, "{d}");
        }
        assert_eq!(Dir::from_vector(1.0, 0.001), Dir(0));
        assert_eq!(Dir::from_vector(1.0, -0.001), Dir(0));
        assert_eq!(Dir::from_vector(0.0, 1.0), Dir(900));
        assert_eq!(Dir::from_vector(-1.0, 0.0), Dir(1800));
        assert_eq!(Dir::from_vector(0.0, -2.0), Dir(2700));
        // Slanted 15° (clockwise on the page, y down).
        let slant = Dir::from_vector(15f64.to_radians().cos(), 15f64.to_radians().sin());
        assert_eq!(slant, Dir(150));
        // Along the slanted baseline, the frame's y stays put.
        let (_, y0) = slant.to_frame(0.0, 0.0);
        let (_, y1) = slant.to_frame(
            100.0 * 15f64.to_radians().cos(),
            100.0 * 15f64.to_radians().sin(),
        );
        assert!((y1 - y0).abs() < 1e-9);
        // Text running down the page reads along +x of its frame.
        let (a, _) = Dir(900).to_frame(0.0, 10.0);
        let (b, _) = Dir(900).to_frame(0.0, 20.0);
        assert!(b > a);
    }
}

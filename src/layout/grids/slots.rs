//! A drawing of rules read as a grid: the borders it draws each way, the slots between
//! them, and the cells those slots make where a border is left out (a cell printed
//! across columns or rows).

use crate::lines::GridCell;
use crate::source::Rect;

use super::super::edges::Edge;
use super::{DisjointSets, FRAME_SHARE, MEET, ONE_BORDER};

/// Share of a slot's side a border must cover to divide it from its neighbour.
const DIVIDES: f32 = 0.6;
/// How far (points) the rules over and under a table may run past its outer rules down
/// and still end at them (a cell's padding); reaching further, they draw open sides.
const OPEN_REACH: f32 = 6.0;
/// Slots a grid holds at most (rows times columns): a drawing of more rules each way is
/// a chart's gridlines or a pattern, and reading it would cost their product.
const MAX_SLOTS: usize = 100_000;

/// A border of the grid: the rules drawn within [`ONE_BORDER`] of one another, from
/// `lo` to `hi`, and the stretches they cover (in order of where they start).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Boundary {
    lo: f32,
    hi: f32,
    spans: Vec<(f32, f32)>,
}

impl Boundary {
    /// A border no rule draws: an open side of the table.
    fn open(at: f32) -> Boundary {
        Boundary {
            lo: at,
            hi: at,
            spans: Vec::new(),
        }
    }

    fn at(&self) -> f32 {
        (self.lo + self.hi) / 2.0
    }

    /// Length of `a..b` the rules at this border cover, stretches closer than [`MEET`]
    /// joined.
    fn covers(&self, a: f32, b: f32) -> f32 {
        let (mut total, mut reach) = (0.0f32, a);
        for &(from, to) in &self.spans {
            let (f, t) = ((from - MEET).max(reach), (to + MEET).min(b));
            if t > f {
                total += t - f;
                reach = t;
            }
        }
        total
    }

    /// Where its rules start and end, the first start and the last end.
    fn ends(&self) -> (f32, f32) {
        let from = self.spans.iter().map(|s| s.0).fold(f32::INFINITY, f32::min);
        let to = self
            .spans
            .iter()
            .map(|s| s.1)
            .fold(f32::NEG_INFINITY, f32::max);
        (from, to)
    }
}

/// The borders at the places `at` of some edges, closer ones merged.
fn boundaries(edges: &[Edge]) -> Vec<Boundary> {
    let mut sorted: Vec<&Edge> = edges.iter().collect();
    sorted.sort_by(|a, b| a.at.total_cmp(&b.at));
    let mut out: Vec<Boundary> = Vec::new();
    for e in sorted {
        match out.last_mut() {
            Some(b) if e.at - b.hi <= ONE_BORDER => b.hi = e.at,
            _ => out.push(Boundary::open(e.at)),
        }
        if let Some(b) = out.last_mut() {
            b.spans.push((e.from, e.to));
        }
    }
    for b in &mut out {
        b.spans.sort_by(|x, y| x.0.total_cmp(&y.0));
    }
    out
}

/// Where the rules over and under a table reach past its outermost rules down (by more
/// than a cell's padding) and end together: the table's open sides (left, right).
fn open_sides(top: &Boundary, bottom: &Boundary, xs: &[Boundary]) -> (Option<f32>, Option<f32>) {
    let ((f0, t0), (f1, t1)) = (top.ends(), bottom.ends());
    let (first, last) = (xs[0].lo, xs[xs.len() - 1].hi);
    let together = |a: f32, b: f32| (a - b).abs() <= ONE_BORDER + MEET;
    let left = (together(f0, f1) && f0.max(f1) < first - OPEN_REACH).then(|| f0.min(f1));
    let right = (together(t0, t1) && t0.min(t1) > last + OPEN_REACH).then(|| t0.max(t1));
    (left, right)
}

/// Whether the rules over or under the table reach past its frame by more than a cell's
/// padding: its rules down then divide columns of a wider table whose sides are not
/// drawn alike (one rule running on, the other stopping), and the frame is no frame.
fn reaches_past(top: &Boundary, bottom: &Boundary, x0: f32, x1: f32) -> bool {
    [top, bottom].iter().any(|b| {
        let (from, to) = b.ends();
        from < x0 - OPEN_REACH || to > x1 + OPEN_REACH
    })
}

/// The borders of a drawing, down then across, when they frame a grid: three or more
/// each way, the rules over and under it covering its width, and its sides drawn or left
/// open (the rules over and under running on together past its outer rules down, to
/// where the table ends).
fn framed((across, down): &(Vec<Edge>, Vec<Edge>)) -> Option<(Vec<Boundary>, Vec<Boundary>)> {
    let (ys, mut xs) = (boundaries(across), boundaries(down));
    if ys.len() < 3 || xs.is_empty() || ys.len() * (xs.len() + 1) > MAX_SLOTS {
        return None;
    }
    let (top, bottom) = (&ys[0], &ys[ys.len() - 1]);
    let (open_left, open_right) = open_sides(top, bottom, &xs);
    if let Some(at) = open_left {
        xs.insert(0, Boundary::open(at));
    }
    if let Some(at) = open_right {
        xs.push(Boundary::open(at));
    }
    if xs.len() < 3 {
        return None;
    }
    let (left, right) = (&xs[0], &xs[xs.len() - 1]);
    let (x0, x1, y0, y1) = (left.at(), right.at(), top.at(), bottom.at());
    let side_drawn = |b: &Boundary| b.covers(y0, y1) >= FRAME_SHARE * (y1 - y0);
    let framed = [top, bottom]
        .iter()
        .all(|b| b.covers(x0, x1) >= FRAME_SHARE * (x1 - x0))
        && (open_left.is_some() || side_drawn(left))
        && (open_right.is_some() || side_drawn(right))
        && !reaches_past(top, bottom, x0, x1);
    framed.then_some((xs, ys))
}

/// The cell of each slot between the borders (row by row, the grid's number left at
/// 0): slots no border divides join, each cell must be a rectangle of slots, and the
/// table's rows and columns are those where a cell starts (a rule drawn part of the way,
/// dividing nothing, makes none).
fn cells(xs: &[Boundary], ys: &[Boundary]) -> Option<Vec<GridCell>> {
    let (rows, columns) = (ys.len() - 1, xs.len() - 1);
    let slot = |r: usize, c: usize| r * columns + c;
    let mut sets = DisjointSets::new(rows * columns);
    for (r, band) in ys.windows(2).enumerate() {
        let (a, b) = (band[0].at(), band[1].at());
        for (c, border) in xs.iter().enumerate().take(columns).skip(1) {
            if border.covers(a, b) < DIVIDES * (b - a) {
                sets.join(slot(r, c - 1), slot(r, c));
            }
        }
    }
    for (c, band) in xs.windows(2).enumerate() {
        let (a, b) = (band[0].at(), band[1].at());
        for (r, border) in ys.iter().enumerate().take(rows).skip(1) {
            if border.covers(a, b) < DIVIDES * (b - a) {
                sets.join(slot(r - 1, c), slot(r, c));
            }
        }
    }
    // Each cell's slots: its first and last row and column, and how many.
    let mut extent: std::collections::BTreeMap<usize, (usize, usize, usize, usize, usize)> =
        Default::default();
    for r in 0..rows {
        for c in 0..columns {
            let e = extent
                .entry(sets.root(slot(r, c)))
                .or_insert((r, c, r, c, 0));
            *e = (e.0.min(r), e.1.min(c), e.2.max(r), e.3.max(c), e.4 + 1);
        }
    }
    if extent
        .values()
        .any(|&(r0, c0, r1, c1, n)| n != (r1 - r0 + 1) * (c1 - c0 + 1))
    {
        return None;
    }
    // Each slot row's and column's place among those where a cell starts (a running
    // count: the table's row or column a slot starting there is).
    let mut row_rank = vec![0u16; rows + 1];
    let mut column_rank = vec![0u16; columns + 1];
    for &(r0, c0, ..) in extent.values() {
        row_rank[r0 + 1] = 1;
        column_rank[c0 + 1] = 1;
    }
    for ranks in [&mut row_rank, &mut column_rank] {
        for k in 1..ranks.len() {
            ranks[k] += ranks[k - 1];
        }
    }
    let mut cells = vec![GridCell::default(); rows * columns];
    for r in 0..rows {
        for c in 0..columns {
            let (r0, c0, _, c1, _) = extent[&sets.root(slot(r, c))];
            cells[slot(r, c)] = GridCell {
                grid: 0,
                row: row_rank[r0],
                column: column_rank[c0],
                columns: column_rank[c1 + 1] - column_rank[c0],
            };
        }
    }
    Some(cells)
}

/// A grid's slots (between each two neighbouring borders, each way) and the cells they
/// make.
#[derive(Debug)]
pub(super) struct Slots {
    /// Borders down the page, left to right.
    xs: Vec<Boundary>,
    /// Borders across the page, top to bottom.
    ys: Vec<Boundary>,
    /// The cell of each slot (row by row), with the grid's number left at 0.
    cells: Vec<GridCell>,
    /// Rows and columns of the table: the slots' rows and columns where a cell starts.
    size: (usize, usize),
}

impl Slots {
    /// The grid a drawing makes (its edges across, then down), when its frame is drawn
    /// all round or its sides are left open (see [`framed`]), and each of its cells is a
    /// rectangle of slots.
    pub fn of(drawing: &(Vec<Edge>, Vec<Edge>)) -> Option<Slots> {
        let (xs, ys) = framed(drawing)?;
        let cells = cells(&xs, &ys)?;
        let size = (
            cells
                .iter()
                .map(|c| usize::from(c.row) + 1)
                .max()
                .unwrap_or(0),
            cells
                .iter()
                .map(|c| usize::from(c.column + c.columns))
                .max()
                .unwrap_or(0),
        );
        Some(Slots {
            xs,
            ys,
            cells,
            size,
        })
    }

    /// Rows and columns of the table.
    pub fn size(&self) -> (usize, usize) {
        self.size
    }

    /// The area inside the frame.
    pub fn frame(&self) -> Rect {
        Rect {
            x0: self.xs[0].at(),
            y0: self.ys[0].at(),
            x1: self.xs[self.xs.len() - 1].at(),
            y1: self.ys[self.ys.len() - 1].at(),
        }
    }

    /// The row of slots holding height `y` (the nearest at the frame).
    pub fn row_at(&self, y: f32) -> usize {
        slot_at(&self.ys, y)
    }

    /// The column of slots holding `x` (the nearest at the frame).
    pub fn column_at(&self, x: f32) -> usize {
        slot_at(&self.xs, x)
    }

    /// The cell slot (`row`, `column`) lies in.
    pub fn cell_of(&self, row: usize, column: usize) -> GridCell {
        self.cells[row * (self.xs.len() - 1) + column]
    }
}

/// The slot between `borders` holding `v`, the first or the last beyond them.
fn slot_at(borders: &[Boundary], v: f32) -> usize {
    let inner = &borders[1..borders.len() - 1];
    inner.partition_point(|b| b.at() <= v)
}

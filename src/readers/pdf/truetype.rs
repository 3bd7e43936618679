//! The Unicode a TrueType font program itself knows: its `cmap` table read backwards
//! (glyph → character), for CID fonts that come without a `/ToUnicode` map.

use foldhash::{HashMap, HashMapExt};

use read_fonts::tables::cmap::{CmapIterLimits, PlatformId};
use read_fonts::{FontRef, TableProvider};

/// Most glyphs mapped (a font has at most 65,536).
const MAX_GLYPHS: u32 = 65_536;

/// Glyph id → character, from the font's Unicode `cmap` subtables (the lowest code point
/// wins when several map to one glyph). Empty when the program does not parse.
pub fn glyph_to_unicode(program: &[u8]) -> HashMap<u16, char> {
    let mut map = HashMap::new();
    let Ok(font) = FontRef::new(program) else {
        return map;
    };
    let Ok(cmap) = font.cmap() else {
        return map;
    };
    let limits = CmapIterLimits {
        max_char: 0x10FFFF,
        glyph_count: MAX_GLYPHS,
    };
    for record in cmap.encoding_records() {
        let unicode = match record.platform_id() {
            PlatformId::Unicode => true,
            PlatformId::Windows => matches!(record.encoding_id(), 1 | 10),
            _ => false,
        };
        if !unicode {
            continue;
        }
        let Ok(subtable) = record.subtable(cmap.offset_data()) else {
            continue;
        };
        for (cp, gid) in subtable.iter_with_limits(limits) {
            let (Some(c), Ok(g)) = (char::from_u32(cp), u16::try_from(gid.to_u32())) else {
                continue;
            };
            map.entry(g).or_insert(c);
            if map.len() >= MAX_GLYPHS as usize {
                return map;
            }
        }
    }
    map
}

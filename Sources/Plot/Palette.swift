/// The colours charts draw with: the Okabe–Ito palette (Okabe & Ito 2008),
/// distinguishable under the common forms of colour blindness.
public enum Palette {
  /// Series colours in the order they are used; yellow comes last because it
  /// reads poorly on white.
  public static let series = [
    "#0072B2", "#D55E00", "#009E73", "#E69F00", "#56B4E9", "#CC79A7", "#000000",
    "#F0E442",
  ]

  /// The colour of series `index`, cycling through `series`.
  public static func color(_ index: Int) -> String {
    series[((index % series.count) + series.count) % series.count]
  }

  /// Diverging map for signed values: `t` in [-1, 1] goes from blue (-1)
  /// through near-white (0) to red (+1), linear in sRGB between ColorBrewer's
  /// RdBu anchors. Values outside [-1, 1] are clamped; NaN maps to grey.
  public static func diverging(_ t: Double) -> String {
    guard t.isFinite else { return "#999999" }
    let anchors: [(Double, Double, Double)] = [
      (0x21, 0x66, 0xAC), (0x67, 0xA9, 0xCF), (0xD1, 0xE5, 0xF0), (0xF7, 0xF7, 0xF7),
      (0xFD, 0xDB, 0xC7), (0xEF, 0x8A, 0x62), (0xB2, 0x18, 0x2B),
    ]
    let clamped = min(max(t, -1), 1)
    let position = (clamped + 1) / 2 * Double(anchors.count - 1)
    let lower = min(Int(position), anchors.count - 2)
    let f = position - Double(lower)
    let (a, b) = (anchors[lower], anchors[lower + 1])
    func channel(_ x: Double, _ y: Double) -> String {
      let v = Int((x + (y - x) * f).rounded())
      let hex = String(v, radix: 16, uppercase: true)
      return hex.count == 1 ? "0" + hex : hex
    }
    return "#" + channel(a.0, b.0) + channel(a.1, b.1) + channel(a.2, b.2)
  }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TerminalUI

/// The xterm 256-colour palette, and how an RGB colour maps onto it or onto its basic colours.
///
/// Indexes 0–15 are the basic colours (their RGB values are xterm's defaults; terminals often
/// change them), 16–231 a 6×6×6 cube with levels 0, 95, 135, 175, 215, 255, and 232–255 a grey
/// ramp from 8 to 238 in steps of 10.
enum XtermPalette {
    /// An RGB triple, each channel 0–255.
    struct RGB: Equatable {
        var red: Int
        var green: Int
        var blue: Int
    }

    /// xterm's default RGB values of the 16 basic colours.
    static let basic: [RGB] = [
        RGB(red: 0, green: 0, blue: 0), RGB(red: 205, green: 0, blue: 0),
        RGB(red: 0, green: 205, blue: 0), RGB(red: 205, green: 205, blue: 0),
        RGB(red: 0, green: 0, blue: 238), RGB(red: 205, green: 0, blue: 205),
        RGB(red: 0, green: 205, blue: 205), RGB(red: 229, green: 229, blue: 229),
        RGB(red: 127, green: 127, blue: 127), RGB(red: 255, green: 0, blue: 0),
        RGB(red: 0, green: 255, blue: 0), RGB(red: 255, green: 255, blue: 0),
        RGB(red: 92, green: 92, blue: 255), RGB(red: 255, green: 0, blue: 255),
        RGB(red: 0, green: 255, blue: 255), RGB(red: 255, green: 255, blue: 255),
    ]

    /// Relative luminance (0 dark – 1 light, WCAG 2) of the 16 basic colours above.
    static let basicLuminance: [Double] = [
        0.0, 0.1298, 0.4366, 0.5664, 0.0617, 0.1739, 0.4807, 0.7835,
        0.2122, 0.2126, 0.7152, 0.9278, 0.1715, 0.2848, 0.7874, 1.0,
    ]

    /// The six channel levels of the colour cube.
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The RGB value of palette entry `index`.
    static func rgb(ofIndex index: UInt8) -> RGB {
        let i = Int(index)
        switch i {
        case 0..<16:
            return basic[i]
        case 16..<232:
            let n = i - 16
            return RGB(red: cubeLevels[n / 36], green: cubeLevels[n / 6 % 6], blue: cubeLevels[n % 6])
        default:
            let level = 8 + 10 * (i - 232)
            return RGB(red: level, green: level, blue: level)
        }
    }

    /// The entry of the cube or the grey ramp (16–255) that looks nearest to `color`.
    ///
    /// "Looks nearest" is CIE94 colour difference in CIELAB: plain RGB distance would show
    /// Solarized red (#dc322f) as orange (#d75f00) instead of red (#d70000). The basic colours
    /// 0–15 are never chosen: terminals redefine them.
    static func nearestIndex(to color: RGB) -> UInt8 {
        let target = Lab(color)
        var best = 0
        var bestDifference = Double.infinity
        for (offset, entry) in paletteLab.enumerated() {
            let difference = target.difference94(from: entry)
            if difference < bestDifference {
                best = offset
                bestDifference = difference
            }
        }
        return UInt8(16 + best)
    }

    /// Entries 16–255 in CIELAB, computed on first use.
    private static let paletteLab: [Lab] = (16...255).map { Lab(rgb(ofIndex: UInt8($0))) }

    /// A colour in CIELAB (D65 white): lightness 0–100 and the two opponent axes.
    struct Lab {
        var l: Double, a: Double, b: Double

        init(_ color: RGB) {
            func linear(_ channel: Int) -> Double {
                let c = Double(channel) / 255
                return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
            }
            func f(_ t: Double) -> Double { t > 0.008856 ? cbrt(t) : 7.787 * t + 16.0 / 116.0 }
            let r = linear(color.red), g = linear(color.green), b = linear(color.blue)
            let x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047)
            let y = f(0.2126 * r + 0.7152 * g + 0.0722 * b)
            let z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883)
            l = 116 * y - 16
            self.a = 500 * (x - y)
            self.b = 200 * (y - z)
        }

        /// Squared CIE94 difference (graphic arts weights), with `self` as the reference.
        func difference94(from other: Lab) -> Double {
            let c1 = (a * a + b * b).squareRoot(), c2 = (other.a * other.a + other.b * other.b).squareRoot()
            let dl = l - other.l, dc = c1 - c2
            let da = a - other.a, db = b - other.b
            let dh2 = max(0, da * da + db * db - dc * dc)
            let sc = 1 + 0.045 * c1, sh = 1 + 0.015 * c1
            return dl * dl + (dc / sc) * (dc / sc) + dh2 / (sh * sh)
        }
    }

    /// The basic colour (0–15, or 0–7 when `brights` is false) that names `color` best.
    ///
    /// Very dark and low-saturation colours become black, grey or white by lightness (greys
    /// from 140 up count as white, so grey body text stays readable); others take the basic
    /// colour of their hue (red, yellow, green, cyan, blue, magenta), bright when they are light.
    /// Hue matters more than distance here, so a Solarized blue stays blue.
    static func basicIndex(for color: RGB, brights: Bool) -> UInt8 {
        let high = max(color.red, color.green, color.blue)
        let low = min(color.red, color.green, color.blue)
        let chroma = high - low
        // Very dark (no channel reaches 80) or HSV saturation below 0.25: a grey, and below 64
        // nearer black than grey.
        if high < 80 || chroma * 4 < high {
            let lightness = (color.red + color.green + color.blue) / 3
            if brights {
                switch lightness {
                case ..<64: return 0     // black
                case ..<140: return 8    // bright-black (grey)
                case ..<224: return 7    // white (light grey)
                default: return 15       // bright-white
                }
            }
            return lightness < 100 ? 0 : 7
        }
        let hue: Int   // degrees, 0..<360
        if high == color.red {
            hue = (60 * (color.green - color.blue) / chroma + 360) % 360
        } else if high == color.green {
            hue = 120 + 60 * (color.blue - color.red) / chroma
        } else {
            hue = 240 + 60 * (color.red - color.green) / chroma
        }
        let base: UInt8 = switch hue {
        case 30..<90: 3     // yellow
        case 90..<150: 2    // green
        case 150..<195: 6   // cyan (its blue edge, 195–210, looks blue: steel blue, cerulean)
        case 195..<270: 4   // blue
        case 270..<345: 5   // magenta (up to rose: Solarized magenta is at 331°)
        default: 1          // red
        }
        let isLight = high >= 230 || high + low >= 340
        return brights && isLight ? base + 8 : base
    }

    /// WCAG contrast ratio (1–21) between two basic colours (0–15).
    static func contrast(_ a: UInt8, _ b: UInt8) -> Double {
        let la = basicLuminance[Int(a) & 15], lb = basicLuminance[Int(b) & 15]
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }
}

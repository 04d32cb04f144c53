/// Reducing colours to what a terminal can show.
extension Color {
    /// The RGB value xterm gives indexed colour `index` by default.
    public static func rgb(ofIndexed index: UInt8) -> (red: UInt8, green: UInt8, blue: UInt8) {
        switch index {
        case 0..<16:
            let basic = basicPalette[Int(index)]
            return (basic.0, basic.1, basic.2)
        case 16..<232:
            let cube = Int(index) - 16
            return (cubeLevels[cube / 36], cubeLevels[cube / 6 % 6], cubeLevels[cube % 6])
        default:
            let grey = UInt8(8 + 10 * (Int(index) - 232))
            return (grey, grey, grey)
        }
    }

    /// The nearest colour a terminal with `colorCount` colours can show.
    ///
    /// - fewer than 8 colours: `.default` (no colour at all);
    /// - 8 or 16: indexed colours within the palette stay, bright ones fall back to their
    ///   normal variant on 8 colours, other colours become the nearest basic colour;
    /// - 256: indexed colours stay, RGB becomes the nearest cube or grey-ramp colour;
    /// - direct colour (2²⁴, `xterm-direct`): RGB stays, indexed colours above 7 become RGB.
    public func approximated(colorCount: Int) -> Color {
        switch self {
        case .default:
            return .default
        case .indexed(let index):
            if colorCount >= 1 << 24 {
                guard index >= 8 else { return self }  // 0–7 stay palette colours there
                let rgb = Color.rgb(ofIndexed: index)
                return .rgb(rgb.red, rgb.green, rgb.blue)
            }
            if colorCount >= 256 { return self }
            if colorCount < 8 { return .default }
            let paletteSize = colorCount >= 16 ? 16 : 8
            if index < paletteSize { return self }
            if index < 16 { return .indexed(index - 8) }  // bright colour on 8 colours
            let rgb = Color.rgb(ofIndexed: index)
            return .indexed(Color.nearestBasic((rgb.red, rgb.green, rgb.blue), count: paletteSize))
        case .rgb(let r, let g, let b):
            if colorCount >= 1 << 24 { return self }
            if colorCount >= 256 { return .indexed(Color.nearest256(r, g, b)) }
            if colorCount < 8 { return .default }
            return .indexed(Color.nearestBasic((r, g, b), count: colorCount >= 16 ? 16 : 8))
        }
    }

    /// xterm's default values for colours 0–15.
    private static let basicPalette: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
        (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
        (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// Channel values of the 6×6×6 colour cube (indexes 16–231).
    private static let cubeLevels: [UInt8] = [0, 95, 135, 175, 215, 255]

    private static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return dr * dr + dg * dg + db * db
    }

    /// The index of the closest of the first `count` (8 or 16) basic colours.
    private static func nearestBasic(_ rgb: (UInt8, UInt8, UInt8), count: Int) -> UInt8 {
        var best = 0
        for candidate in 1..<count where distance(basicPalette[candidate], rgb)
            < distance(basicPalette[best], rgb) {
            best = candidate
        }
        return UInt8(best)
    }

    /// The index of the closest colour of the cube or the grey ramp.
    private static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        func level(_ value: UInt8) -> Int {
            var best = 0
            for i in 1..<6 where abs(Int(cubeLevels[i]) - Int(value))
                < abs(Int(cubeLevels[best]) - Int(value)) {
                best = i
            }
            return best
        }
        let (lr, lg, lb) = (level(r), level(g), level(b))
        let cube = (cubeLevels[lr], cubeLevels[lg], cubeLevels[lb])
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let greyStep = min(23, max(0, (average - 3) / 10))
        let greyValue = UInt8(8 + 10 * greyStep)
        let grey = (greyValue, greyValue, greyValue)
        if distance(grey, (r, g, b)) < distance(cube, (r, g, b)) {
            return UInt8(232 + greyStep)
        }
        return UInt8(16 + 36 * lr + 6 * lg + lb)
    }
}

/// Input as the run loop sees it: key presses and terminal resizes.
public enum InputEvent: Hashable, Sendable {
    /// A key press.
    case key(Key)
    /// The terminal now has this many columns and rows.
    case resize(width: Int, height: Int)
}

/// A key, decoded from the terminal's input.
public enum Key: Hashable, Sendable {
    /// A printable character (Space included).
    case char(Character)
    /// Control plus a letter, lowercase: `.ctrl("r")` for Ctrl-R. Ctrl-I, Ctrl-M and Ctrl-H
    /// arrive as `.tab`, `.enter` and `.backspace`, as terminals send the same bytes.
    case ctrl(Character)
    case enter
    case escape
    case tab
    /// Shift-Tab.
    case backTab
    case backspace
    case delete
    case up
    case down
    case left
    case right
    case home
    case end
    case pageUp
    case pageDown
    /// A function key: `.function(1)` for F1.
    case function(Int)
    /// A key code the backend could not name.
    case unknown(Int32)
}

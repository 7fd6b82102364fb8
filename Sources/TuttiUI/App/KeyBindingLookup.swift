import TuttiCore
import TuttiTerminal

extension KeyBindings {
    /// The scopes in force while `pane` has the focus, most specific first, ending with `.global`.
    static func scopes(for pane: (any Pane)?) -> [KeyScope] { (pane?.keyScopes ?? []) + [.global] }

    /// Each scope's keys and their actions.
    private static let index: [KeyScope: [KeyEvent: KeyAction]] = {
        var index: [KeyScope: [KeyEvent: KeyAction]] = [:]
        for binding in all {
            for press in binding.presses { index[binding.scope, default: [:]][press.key] = press.action }
        }
        return index
    }()

    /// The action `event` triggers in `scopes` (the first scope that binds it wins), or nil.
    /// The exact key is looked up first in every scope, then without Shift, then (for keys
    /// that are not characters) without Ctrl: Shift+← brushes where it is bound and moves
    /// elsewhere, and Ctrl-Q is not `q`.
    static func action(for event: KeyEvent, in scopes: [KeyScope]) -> KeyAction? {
        var candidates = [event, KeyEvent(event.key, modifiers: event.modifiers.subtracting(.shift))]
        if case .character = event.key {} else {
            candidates += [KeyEvent(event.key, modifiers: event.modifiers.subtracting(.ctrl)),
                           KeyEvent(event.key, modifiers: event.modifiers.subtracting([.ctrl, .shift]))]
        }
        for candidate in candidates {
            for scope in scopes {
                if let action = index[scope]?[candidate] { return action }
            }
        }
        return nil
    }

    /// The bindings of one scope, in table order.
    static func bindings(in scope: KeyScope) -> [KeyBinding] { all.filter { $0.scope == scope } }

    /// The footer's hints while `pane` has the focus: the pane's own, then the global ones.
    static func footer(for pane: (any Pane)?) -> [KeyHint] {
        let own = pane?.keyScopes.first.map { scope in
            bindings(in: scope).compactMap { binding in
                binding.footer.map { hint in KeyHint(hint.keys, binding.paneAction.flatMap { pane?.label(for: $0) } ?? hint.action) }
            }
        } ?? []
        return own + bindings(in: .global).compactMap(\.footer)
    }

    /// The help overlay's lines for `pane`'s scopes: every key of a binding, and what it does
    /// (the pane's live label where it has one). A binding whose keys an earlier scope all
    /// takes is left out.
    static func helpLines(for pane: any Pane, ascii: Bool) -> [(keys: String, action: String)] {
        var taken = Set<KeyEvent>()
        var lines: [(keys: String, action: String)] = []
        for scope in pane.keyScopes {
            let scoped = bindings(in: scope)
            for binding in scoped where !binding.presses.allSatisfy({ taken.contains($0.key) }) {
                lines.append((keys(of: binding, ascii: ascii), binding.paneAction.flatMap(pane.label(for:)) ?? binding.help))
            }
            taken.formUnion(scoped.flatMap { $0.presses.map(\.key) })
        }
        return lines
    }

    /// The help overlay's lines for the global bindings.
    static func globalHelpLines(ascii: Bool) -> [(keys: String, action: String)] {
        bindings(in: .global).map { (keys(of: $0, ascii: ascii), $0.help) }
    }

    /// A binding's keys as README.md and the help overlay name them, separated by spaces.
    static func keys(of binding: KeyBinding, ascii: Bool = false) -> String {
        binding.presses.map { KeyNames.name(of: $0.key, ascii: ascii) }.joined(separator: " ")
    }
}

/// Names of keys for people: `Tab`, `Shift-Tab`, `Ctrl-R`, `↑`, `Shift-←`, `PgUp`, `q`.
enum KeyNames {
    static func name(of event: KeyEvent, ascii: Bool) -> String {
        let base: String
        switch event.key {
        case .character(" "): base = "Space"
        case .character(let character): base = event.modifiers.contains(.ctrl) ? character.uppercased() : String(character)
        case .enter: base = "Enter"
        case .escape: base = "Esc"
        case .backspace: base = "Backspace"
        case .tab: base = "Tab"
        case .up: base = ascii ? "Up" : "↑"
        case .down: base = ascii ? "Down" : "↓"
        case .left: base = ascii ? "Left" : "←"
        case .right: base = ascii ? "Right" : "→"
        case .home: base = "Home"
        case .end: base = "End"
        case .pageUp: base = "PgUp"
        case .pageDown: base = "PgDn"
        case .insert: base = "Insert"
        case .delete: base = "Delete"
        case .function(let number): base = "F\(number)"
        }
        var prefix = event.modifiers.contains(.ctrl) ? "Ctrl-" : ""
        if event.modifiers.contains(.shift) { prefix += "Shift-" }
        return prefix + base
    }
}

import ArgumentParser

extension NameSpecification {
    /// `-o` / `--output`: the file a command writes (`export`, `report`).
    static var output: NameSpecification { [.customShort("o"), .customLong("output")] }
}

/// `--force`: replace the output file if it exists (`export`, `report`).
struct ForceFlag: ParsableArguments {
    @Flag(name: .customLong("force"), help: "Replace the output file if it exists.")
    var replaces = false
}

import ArgumentParser

/// `--force`: replace the output file if it exists (`export`, `report`).
struct ForceFlag: ParsableArguments {
    @Flag(name: .customLong("force"), help: "Replace the output file if it exists.")
    var replaces = false
}

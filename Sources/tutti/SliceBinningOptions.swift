import ArgumentParser
import TuttiCore

/// `--bins N` or `--quantiles K`: how `tutti slices` cuts number columns into slices.
struct SliceBinningOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Cut numbers into about this many equal-width bins (default: 10).", valueName: "n"))
    var bins: Int?

    @Option(help: ArgumentHelp("Cut numbers into this many quantile bins instead.", valueName: "k"))
    var quantiles: Int?

    func validate() throws {
        for (flag, value) in [("--bins", bins), ("--quantiles", quantiles)] {
            if let value, value < 1 { throw ValidationError("\(flag) must be at least 1, got \(value)") }
        }
        if bins != nil, quantiles != nil { throw ValidationError("give --bins or --quantiles, not both") }
    }

    /// The binning asked for: quantiles, or equal widths (10 bins by default).
    var binning: SliceBinning { quantiles.map(SliceBinning.quantiles) ?? .equalWidth(bins ?? 10) }
}

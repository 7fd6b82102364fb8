/// The part of a confusion matrix in view when it does not fit its canvas: the first label row
/// and the first prediction column shown. The label names and the prediction header stay put;
/// the cells scroll both ways, following the cursor.
struct ConfusionViewport: Equatable {
    var firstLabel = 0
    var firstPrediction = 0

    /// The viewport that shows `cursor` whole in a canvas of `size`, moved from this one as
    /// little as possible, and showing as many cells as fit (no empty room at the right or the
    /// bottom while cells are scrolled past at the left or the top).
    func following(_ cursor: (label: Int, prediction: Int), drawer: ConfusionMatrixDrawer,
                   size: (width: Int, height: Int)) -> ConfusionViewport {
        var first = min(firstPrediction, cursor.prediction)
        while first < cursor.prediction, !drawer.columns(from: first, width: size.width).showsWhole(cursor.prediction, widths: drawer.cellWidths) {
            first += 1
        }
        while first > 0, !drawer.columns(from: first - 1, width: size.width).moreRight { first -= 1 }

        let labels = drawer.labelNames.count, shown = drawer.labelsShown(height: size.height)
        var top = min(firstLabel, max(0, labels - shown))
        top = min(max(top, cursor.label - shown + 1), cursor.label)
        return ConfusionViewport(firstLabel: max(0, top), firstPrediction: first)
    }
}

import Foundation
import Testing
import TuttiTestSupport
@testable import TuttiCore

/// The HTML report in a real browser: headless Chromium (Debian's `chromium`) loads the Adult
/// report, and its DOM and a screenshot show the charts were drawn.
@Suite struct ReportChromiumTests {
    static let chromium = "/usr/bin/chromium"

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/chromium")))
    func chromiumDrawsTheHTMLReport() throws {
        let folder = try TemporaryFolder()
        let html = folder.url.appendingPathComponent("report.html")
        try ReportFormat.write(reportAdult, to: html.path, format: .html, overwrite: false)
        let browser = ["--headless", "--no-sandbox", "--disable-gpu",
                       "--user-data-dir=" + folder.url.appendingPathComponent("profile").path]

        let dom = try ChildProcess.run(Self.chromium, browser + ["--dump-dom", html.absoluteString])
        #expect(dom.status == 0, "\(dom.errorOutput)")
        #expect(dom.output.components(separatedBy: "<svg").count - 1 == 1)
        // The age histogram: a bar per bin, a selected part in most, the pattern and legend swatches.
        #expect(dom.output.components(separatedBy: "<rect").count - 1 > 25)
        #expect(dom.output.contains("<h2>Slices</h2>") && dom.output.contains("<h2>Duplicates</h2>"))

        let screenshot = folder.url.appendingPathComponent("report.png").path
        let shot = try ChildProcess.run(Self.chromium, browser + ["--screenshot=" + screenshot, "--window-size=1200,2000",
                                                                  "--hide-scrollbars", html.absoluteString])
        #expect(shot.status == 0, "\(shot.errorOutput)")
        let png = try Data(contentsOf: URL(fileURLWithPath: screenshot))
        #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 30_000)
    }
}

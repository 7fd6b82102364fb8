import Testing
@testable import TuttiUI

@Suite struct BannerTests {
    @Test func bannerNamesTheCursesLibrary() {
        #expect(TuttiUIInfo.banner.contains("ncurses"))
    }
}

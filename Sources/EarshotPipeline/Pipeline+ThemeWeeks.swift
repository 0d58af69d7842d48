import EarshotThemes

extension Pipeline {
    /// The calculator of each theme's weekly figures, with the trend settings of `earshot.toml`.
    func themeWeekCalculator() -> ThemeWeekCalculator {
        let settings = workspace.configuration.trends
        return ThemeWeekCalculator(
            tester: TrendTester(minimumCount: settings.minimumCount, falseDiscoveryRate: settings.falseDiscoveryRate),
            baselineWeeks: settings.baselineWeeks)
    }
}

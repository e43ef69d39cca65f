using TradingAlerts.E2E.Infrastructure;

// One browser and one silo process for every test: starting a silo and ingesting its history takes a while.
[assembly: AssemblyFixture(typeof(Chromium))]
[assembly: AssemblyFixture(typeof(DemoSilo))]

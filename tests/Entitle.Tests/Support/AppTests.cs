using Entitle.Persistence;

namespace Entitle.Tests.Support;

/// <summary>
/// Base of every test that runs against the app: each test gets its own app and database. Derived classes come
/// in pairs (…OnSqlite, …OnPostgres) so the whole suite runs on both providers.
/// </summary>
public abstract class AppTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestApp? _app;

    protected DatabaseProvider Provider { get; } = provider;

    protected TestApp App => _app ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>Whether the app starts with the demo catalog; most tests use it as their fixture.</summary>
    protected virtual bool Demo => true;

    /// <summary>Configuration a test class adds to the app's own.</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    /// <summary>Where a test class reads the app's log, when it needs to.</summary>
    protected virtual CapturedLogs? Logs => null;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(Provider, Demo, settings: Settings, logs: Logs);

    public virtual async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

using Entitle.Persistence;
using Npgsql;

namespace Entitle.Tests.Persistence;

/// <summary>The PostgreSQL settings Entitle adds to a connection string, and the operator's own choices, which win.</summary>
public sealed class PostgresConnectionStringsTests
{
    [Fact]
    public void StatementsArePreparedAndSessionsNotResetUnlessTheOperatorSaysOtherwise()
    {
        var completed = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.Complete("Host=db;Database=entitle;Username=app"));

        Assert.Equal(64, completed.MaxAutoPrepare);
        Assert.True(completed.NoResetOnClose);
        Assert.Equal("db", completed.Host);
        Assert.Equal("entitle", completed.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0;No Reset On Close=false")]
    [InlineData("Host=db;MaxAutoPrepare=0;NoResetOnClose=false")]
    [InlineData("host=db;max auto prepare=0;no reset on close=false")]
    public void TheOperatorsOwnChoicesAreKept(string connectionString)
    {
        var completed = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.Complete(connectionString));

        Assert.Equal(0, completed.MaxAutoPrepare);
        Assert.False(completed.NoResetOnClose);
    }
}
